/**
 * Why an upgraded Presentation 2 document may still fail Presentation 3 validation, when the cause is in the
 * source rather than in the upgrade: a missing label, a non-HTTP id, canvases without size or images, services
 * without ids, P2-only features. Measured on the corpus, these explain every upgraded file that fails the official
 * schema. Best effort and advisory: the document opens either way, and the validator has the final word.
 */
import { asArray, p2IdOf } from '../fields';
import type { JsonObject, JsonValue } from '../json';
import { isJsonArray, isJsonObject } from '../json';
import type { Notice } from './notices';
import { count, notice } from './notices';

/** Behaviours Presentation 3 defines (§3.2 behavior); P2 viewingHints outside this list have no P3 meaning. */
const P3_BEHAVIORS = new Set([
  'auto-advance',
  'no-auto-advance',
  'repeat',
  'no-repeat',
  'unordered',
  'individuals',
  'continuous',
  'paged',
  'facing-pages',
  'non-paged',
  'multi-part',
  'together',
  'sequence',
  'thumbnail-nav',
  'no-nav',
  'hidden',
]);

const PAGING_KEYS = ['first', 'last', 'total', 'next', 'prev', 'startIndex'];

function typeOf(node: JsonObject): string {
  const t = node['@type'] ?? node['type'];
  return typeof t === 'string' ? t : '';
}

function example(ids: readonly string[]): string {
  return ids[0] === undefined ? '' : ` (for example ${ids[0]})`;
}

/** Visits every object in the tree with the key it sits under (its own key, or its array's key). */
function visitObjects(root: JsonValue, visit: (node: JsonObject, underKey: string) => void): void {
  const stack: [JsonValue, string][] = [[root, '']];
  while (stack.length > 0) {
    const [node, key] = stack.pop() as [JsonValue, string];
    if (isJsonArray(node)) {
      for (const item of node) stack.push([item, key]);
    } else if (isJsonObject(node)) {
      visit(node, key);
      for (const k of Object.keys(node)) stack.push([node[k] as JsonValue, k]);
    }
  }
}

/** Notices about the Presentation 2 source `source` (the parsed P2 JSON, before upgrading). */
export function explainPresentation2Source(source: JsonObject): Notice[] {
  const notices: Notice[] = [];
  const what = typeOf(source) === 'sc:Collection' ? 'collection' : 'manifest';
  if (source['label'] === undefined || source['label'] === '') {
    notices.push(
      notice(
        'source-no-label',
        'warning',
        `The Presentation 2 source has no label; a Presentation 3 ${what} needs one.`,
      ),
    );
  }
  const rootId = p2IdOf(source);
  if (rootId === null) {
    notices.push(
      notice(
        'source-no-id',
        'warning',
        `The Presentation 2 source has no @id; a ${what} needs an HTTP(S) id.`,
      ),
    );
  } else if (!/^https?:\/\//i.test(rootId)) {
    notices.push(
      notice(
        'source-id-not-http',
        'warning',
        `The source's @id "${rootId}" is not an HTTP(S) URI, as Presentation 3 requires.`,
      ),
    );
  }
  const paging = PAGING_KEYS.filter((k) => k in source);
  if (paging.length > 0) {
    notices.push(
      notice(
        'source-paged-collection',
        'warning',
        `The source is a paged Presentation 2 collection (${paging.join(', ')}), which Presentation 3 does not have; ` +
          'those properties were kept as they were.',
      ),
    );
  }

  const unsized: string[] = [];
  const imageless: string[] = [];
  const badIds: string[] = [];
  const emptyRanges: string[] = [];
  let serviceCount = 0;
  const hints = new Map<string, number>();
  visitObjects(source, (node, underKey) => {
    const type = typeOf(node);
    const id = p2IdOf(node) ?? '(no id)';
    if (type === 'sc:Canvas' && underKey === 'canvases') {
      const w = node['width'];
      const h = node['height'];
      if (!(typeof w === 'number' && w > 0 && typeof h === 'number' && h > 0)) unsized.push(id);
      if (asArray(node['images']).length === 0) imageless.push(id);
    }
    if ((type === 'sc:Canvas' || type === 'sc:Range') && !/^https?:\/\//i.test(id)) badIds.push(id);
    if (type === 'sc:Range') {
      const members = [...asArray(node['canvases']), ...asArray(node['ranges']), ...asArray(node['members'])];
      if (members.length === 0) emptyRanges.push(id);
    }
    if (underKey === 'service' && p2IdOf(node) === null) serviceCount += 1;
    for (const hint of asArray(node['viewingHint'])) {
      if (typeof hint === 'string' && !P3_BEHAVIORS.has(hint)) hints.set(hint, (hints.get(hint) ?? 0) + 1);
    }
  });

  if (unsized.length > 0) {
    notices.push(
      notice(
        'source-canvas-no-size',
        'warning',
        `${count(unsized.length, 'canvas', 'canvases')} in the source ${unsized.length === 1 ? 'has' : 'have'} no ` +
          `positive width and height${example(unsized)}; Presentation 3 canvases need both.`,
      ),
    );
  }
  if (imageless.length > 0) {
    notices.push(
      notice(
        'source-canvas-no-images',
        'warning',
        `${count(imageless.length, 'canvas', 'canvases')} in the source ${imageless.length === 1 ? 'has' : 'have'} ` +
          `no images${example(imageless)}, so the upgraded ${imageless.length === 1 ? 'canvas is' : 'canvases are'} empty.`,
      ),
    );
  }
  if (badIds.length > 0) {
    notices.push(
      notice(
        'source-resource-id-not-http',
        'warning',
        `${count(badIds.length, 'canvas or range', 'canvases or ranges')} in the source ` +
          `${badIds.length === 1 ? 'has' : 'have'} an id that is not an HTTP(S) URI${example(badIds)}.`,
      ),
    );
  }
  if (emptyRanges.length > 0) {
    notices.push(
      notice(
        'source-empty-range',
        'warning',
        `${count(emptyRanges.length, 'range')} in the source ${emptyRanges.length === 1 ? 'contains' : 'contain'} ` +
          `no canvases or ranges${example(emptyRanges)}; a Presentation 3 range needs items.`,
      ),
    );
  }
  if (serviceCount > 0) {
    notices.push(
      notice(
        'source-service-no-id',
        'warning',
        `${count(serviceCount, 'service')} in the source ${serviceCount === 1 ? 'has' : 'have'} no @id; ` +
          'Presentation 3 requires an id on every service.',
      ),
    );
  }
  for (const [hint, n] of hints) {
    notices.push(
      notice(
        'source-viewing-hint',
        'warning',
        `The viewingHint "${hint}" (on ${count(n, 'resource')}) has no Presentation 3 equivalent.`,
      ),
    );
  }
  return notices;
}
