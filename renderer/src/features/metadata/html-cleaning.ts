/**
 * HTML that Presentation 3 does not allow (§4.5), at document level: a report of every value the sanitiser
 * would change, and the clean-up the person can choose (saving never runs it: untouched HTML is kept). The cleaning itself is shared/iiif/html's sanitizeDocument,
 * which returns the very same tree when nothing needs cleaning, so a clean manifest saves byte-identical.
 */
import { sanitizeDocument, type SanitizeWarning } from '../../../../shared/iiif/html';
import { isJsonObject, type JsonObject, type JsonPath, type JsonValue } from '../../../../shared/iiif/json';
import { useAppStore } from '../../store/store';

/** Where a cleaned value sits, for people: "Canvas 4 › metadata 1 value (en)". */
export function describeValuePath(path: JsonPath): string {
  const parts: string[] = [];
  let i = 0;
  if (path[0] === 'items' && typeof path[1] === 'number') {
    parts.push(`Canvas ${path[1] + 1}`);
    i = 2;
  } else parts.push('Manifest');
  const rest = path.slice(i);
  const words: string[] = [];
  for (const [j, step] of rest.entries()) {
    const next = rest[j + 1];
    if (typeof step === 'number') continue;
    if ((step === 'label' || step === 'value' || step === 'summary') && typeof next === 'string') {
      words.push(`${step} (${next})`);
      break;
    }
    words.push(typeof next === 'number' && step !== 'items' ? `${step} ${next + 1}` : step);
  }
  return [...parts, words.join(' ')].filter((part) => part !== '').join(' › ');
}

/** Every kind of thing removed, once each, in order of first appearance. */
export function removedKinds(warnings: readonly SanitizeWarning[]): string[] {
  return [...new Set(warnings.flatMap((warning) => warning.removed))];
}

/**
 * "Clean now": reduces every value's HTML to the allowed subset, as one undo step. Returns a sentence for the
 * save message, or null when there was nothing to clean (then the document is not touched at all).
 */
export function removeDisallowedHtml(): string | null {
  const { doc, commit } = useAppStore.getState();
  if (!doc) return null;
  const { doc: clean, warnings } = sanitizeDocument<JsonObject>(doc);
  if (clean === doc || warnings.length === 0) return null;
  commit('Remove disallowed HTML', clean);
  const count = warnings.length;
  return `Removed disallowed HTML from ${count} value${count === 1 ? '' : 's'} (${removedKinds(warnings).join(', ')}).`;
}

const canvasWarnings = new WeakMap<object, readonly SanitizeWarning[]>();

/**
 * The disallowed-HTML warnings of a whole document, as sanitizeDocument reports them, but fast on every edit:
 * edits share unchanged canvases (structural sharing), so each canvas's warnings are computed once and kept by
 * identity; a reorder or a one-canvas edit of a 10,000-canvas manifest rescans at most that canvas.
 */
export function documentHtmlWarnings(doc: JsonObject): SanitizeWarning[] {
  const items = doc['items'];
  if (!Array.isArray(items)) return [...sanitizeDocument(doc).warnings];
  const warnings = [...sanitizeDocument({ ...doc, items: [] }).warnings];
  items.forEach((canvas: JsonValue, index: number) => {
    if (!isJsonObject(canvas)) return;
    const own = canvasWarnings.get(canvas) ?? sanitizeDocument(canvas).warnings;
    canvasWarnings.set(canvas, own);
    for (const warning of own) warnings.push({ ...warning, path: ['items', index, ...warning.path] });
  });
  return warnings;
}
