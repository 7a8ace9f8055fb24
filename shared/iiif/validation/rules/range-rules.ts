/**
 * Rules about the table of contents as a whole, which the per-node walk cannot see: a Range that contains
 * itself through a reference (a cycle), the same Range listed twice in one list, a `start` outside its Range,
 * and parts of Canvases whose fragment no viewer can read. Runs over structureView, a loop over the flat list
 * of Ranges, so any nesting depth is fine. Below the depth the recursive walk stops at, it also makes that
 * walk's basic checks (empty Ranges, unknown items, Canvases to resolve).
 */
import { readXywh } from '../../document/xywh-fragment';
import { isJsonArray, isJsonObject, sameJson, type JsonObject, type JsonValue } from '../../json';
import { canvasIdsInRange, classifyRangeItem, rangePath, structureView } from '../../structure';
import type { Checker, Site } from '../checker';
import { SPEC } from '../spec-links';
import { WALKED_RANGE_DEPTH } from '../walk/structure';
import { checkTimeWithin } from './time-extent';
import { referenceId, stripFragment } from '../values';

/** Why a media fragment is unreadable, or undefined when it is fine (`xywh=`, `t=`, or both with `&`). */
export function fragmentProblem(fragment: string): string | undefined {
  const parts = fragment.split('&').filter((p) => p !== '');
  if (parts.length === 0) return 'The fragment is empty.';
  for (const part of parts) {
    if (part.startsWith('xywh=')) {
      const reading = readXywh(part);
      if (reading.kind === 'invalid') return reading.reason;
    } else if (part.startsWith('t=')) {
      const problem = temporalProblem(part.slice(2));
      if (problem) return problem;
    } else return `"${part}" is not a media fragment IIIF uses (xywh= or t=).`;
  }
  return undefined;
}

const SECONDS = /^(?:npt:)?\d+(?:\.\d+)?$/;

function temporalProblem(value: string): string | undefined {
  const [from, to, ...rest] = value.split(',');
  if (rest.length > 0 || from === undefined) return `"t=${value}" is not start,end in seconds.`;
  if (from !== '' && !SECONDS.test(from)) return `"t=${value}" does not start with a number of seconds.`;
  if (to !== undefined && !SECONDS.test(to.replace(/^npt:/, '')))
    return `"t=${value}" does not end with a number of seconds.`;
  const start = from === '' ? 0 : Number(from.replace(/^npt:/, ''));
  if (to !== undefined && Number(to.replace(/^npt:/, '')) <= start)
    return `"t=${value}" ends before it starts.`;
  return undefined;
}

export function checkRanges(doc: JsonObject, ctx: Checker): void {
  const view = structureView(doc);
  for (const node of view.nodes) {
    if (!node.full) continue;
    const path = rangePath(node.address);
    const owner = { ...(typeof node.json['id'] === 'string' ? { id: node.json['id'] } : {}), type: 'Range' };
    const site = (steps: (string | number)[]): Site => ({ path: [...path, ...steps], owner });
    const ancestors = new Set<string>();
    for (let p: number = node.index; p !== -1; p = view.nodes[p]?.parent ?? -1) {
      const id = view.nodes[p]?.json['id'];
      if (typeof id === 'string') ancestors.add(id);
    }
    const items = node.json['items'];
    if (!isJsonArray(items)) continue;
    const beyondWalk = node.depth > WALKED_RANGE_DEPTH;
    if (beyondWalk && items.length === 0)
      ctx.error(
        'range-empty',
        site(['items']),
        'This Range is empty: it needs at least one Canvas or Range.',
        SPEC.items,
        'remove-empty-range',
      );
    const seenRanges = new Map<string, JsonValue>();
    items.forEach((item, k) => {
      const kind = classifyRangeItem(item);
      if (beyondWalk && (kind.kind === 'canvas' || kind.kind === 'part'))
        ctx.canvasReferences.push({ canvasId: kind.canvasId, site: site(['items', k]), kind: 'range' });
      if (beyondWalk && kind.kind === 'unknown')
        ctx.error(
          'range-item-invalid',
          site(['items', k]),
          'Range items must be Canvases, Ranges or parts of Canvases (SpecificResource).',
          SPEC.range,
        );
      if (kind.kind === 'range-ref' || kind.kind === 'range') {
        const id = isJsonObject(item) && typeof item['id'] === 'string' ? item['id'] : undefined;
        if (id === undefined) return;
        if (kind.kind === 'range-ref' && ancestors.has(id)) {
          ctx.error(
            'range-cycle',
            site(['items', k]),
            `This Range contains ${id}, which contains it: a table of contents cannot loop. Removing the reference ends the loop.`,
            SPEC.range,
            'remove-range-item',
          );
        }
        const earlier = seenRanges.get(id);
        if (earlier !== undefined) {
          ctx.warning(
            'range-listed-twice',
            site(['items', k]),
            `The Range ${id} is listed twice in the same Range.`,
            SPEC.range,
            sameJson(earlier, item) ? 'remove-range-item' : undefined,
          );
        } else seenRanges.set(id, item);
      } else if (kind.kind === 'part' && kind.fragment !== undefined) {
        const problem = fragmentProblem(kind.fragment);
        if (problem !== undefined)
          ctx.error(
            'range-fragment-invalid',
            site(['items', k]),
            `This part of a Canvas has a fragment no viewer can read: ${problem}`,
            SPEC.range,
          );
        const duration = ctx.canvasDurations.get(kind.canvasId);
        if (problem === undefined && duration !== undefined)
          checkTimeWithin(item, site(['items', k]), ctx, kind.canvasId, duration, 'This part of the Canvas');
      }
    });
    const start = node.json['start'];
    const startId = isJsonObject(start)
      ? start['type'] === 'SpecificResource'
        ? referenceId(start['source'])
        : referenceId(start)
      : undefined;
    if (startId !== undefined && !canvasIdsInRange(node).includes(stripFragment(startId))) {
      ctx.warning(
        'range-start-outside',
        site(['start']),
        `The Range starts at ${stripFragment(startId)}, which is not one of its Canvases.`,
        SPEC.start,
      );
    }
  }
}
