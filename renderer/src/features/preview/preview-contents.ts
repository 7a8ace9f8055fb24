/**
 * What a reader's viewer makes of `structures` (Presentation 3 §3.2, behavior on Ranges): the table of
 * contents to navigate by, and the alternative reading orders. A Range with `no-nav` is not listed (the Ranges
 * inside it move up a level); a Range with `sequence` is a reading order rather than an entry of the table of
 * contents, so it and what it holds are offered as an order instead. Derived from the structure view, a loop
 * over the Ranges in document order, so any depth works.
 */
import { isJsonObject, type JsonObject } from '../../../../shared/iiif/json';
import { displayStringOf } from '../../../../shared/iiif/language';
import { asArray } from '../../../../shared/iiif/fields';
import { canvasIdsInRange, structureView, type RangeNode } from '../../../../shared/iiif/structure';

export interface ContentsEntry {
  /** The Range's position in the structure view (stable for one document). */
  readonly key: number;
  readonly label: string;
  /** 1 at the top, after leaving out `no-nav` Ranges. */
  readonly level: number;
  /** The canvases it covers, by index in the manifest, in its reading order. */
  readonly canvases: readonly number[];
}

export interface PreviewContents {
  readonly entries: readonly ContentsEntry[];
  /** `sequence` Ranges: alternative reading orders. */
  readonly sequences: readonly ContentsEntry[];
}

function hasBehavior(node: RangeNode, value: string): boolean {
  return asArray(node.json['behavior']).includes(value);
}

export function previewContents(doc: JsonObject, languages: readonly string[]): PreviewContents {
  const indexById = new Map<string, number>();
  asArray(doc['items']).forEach((canvas, i) => {
    const id = isJsonObject(canvas) ? canvas['id'] : undefined;
    if (typeof id === 'string' && !indexById.has(id)) indexById.set(id, i);
  });
  const view = structureView(doc);
  // Per node: how many of its ancestors are hidden (no-nav), and whether it is inside a sequence.
  const hiddenAbove: number[] = [];
  const inSequence: boolean[] = [];
  const entries: ContentsEntry[] = [];
  const sequences: ContentsEntry[] = [];
  for (const node of view.nodes) {
    const parent = node.parent;
    const parentNode = parent === -1 ? undefined : view.nodes[parent];
    hiddenAbove[node.index] =
      parent === -1
        ? 0
        : (hiddenAbove[parent] ?? 0) + (parentNode && hasBehavior(parentNode, 'no-nav') ? 1 : 0);
    const sequence = hasBehavior(node, 'sequence');
    inSequence[node.index] = sequence || (parent !== -1 && (inSequence[parent] ?? false));
    if (!node.full) continue;
    const entry = (): ContentsEntry => ({
      key: node.index,
      label: displayStringOf(node.json['label'], languages) || `Range ${node.index + 1}`,
      level: node.depth - (hiddenAbove[node.index] ?? 0),
      canvases: canvasIdsInRange(node)
        .map((id) => indexById.get(id))
        .filter((i): i is number => i !== undefined),
    });
    if (sequence) sequences.push(entry());
    else if (!inSequence[node.index] && !hasBehavior(node, 'no-nav')) entries.push(entry());
  }
  return { entries, sequences };
}

/** The entry a reader is in at `canvasIndex`: the deepest one covering it (the last in document order). */
export function currentEntry(entries: readonly ContentsEntry[], canvasIndex: number): number | null {
  let found: number | null = null;
  entries.forEach((entry, i) => {
    if (entry.canvases.includes(canvasIndex)) found = i;
  });
  return found;
}
