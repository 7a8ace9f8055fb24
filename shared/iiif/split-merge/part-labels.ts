/**
 * Names of the documents a split makes: the label with a part suffix, and the id derived from the original's.
 */
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../json';
import { documentBaseUri } from '../document/mint-ids';

/** The suffix a part's label gets by default; `{n}` is the part's number and `{total}` how many there are. */
export const DEFAULT_PART_SUFFIX = ' (part {n} of {total})';

export function partSuffix(template: string, n: number, total: number): string {
  return template.replace(/\{n\}/g, String(n)).replace(/\{total\}/g, String(total));
}

/**
 * The original label with the suffix after every value in every language ("Book" → "Book (part 1 of 2)"), so each
 * language still names the part. A label that is missing or not a language map becomes the suffix alone under
 * "none" (the user edits it in the preview anyway).
 */
export function partLabel(label: JsonValue | undefined, suffix: string): JsonObject {
  if (isJsonObject(label)) {
    const entries = Object.entries(label).filter(([, values]) => isJsonArray(values) && values.length > 0);
    if (entries.length > 0)
      return Object.fromEntries(
        entries.map(([language, values]) => [
          language,
          (values as readonly JsonValue[]).map((v) => (typeof v === 'string' ? `${v}${suffix}` : v)),
        ]),
      );
  }
  return { none: [suffix.trim() || 'Part'] };
}

/**
 * The id of part `n`: `<base of the original>/part-<n>/manifest.json`, where the base is the original's id without
 * its file name (documentBaseUri, the base new ids already go under). Deriving it from the part's number is safe
 * here, where a number would not be elsewhere: the id is minted once, when the new document is made, and from
 * then on it is stored in that document and travels with it; nothing ever works it out again from the part's
 * position, so reordering, editing or splitting differently later cannot make it name another document. It
 * also keeps the part's own new ids (`…/part-1/canvas/7`) apart from the original's (`…/canvas/7`). An id
 * already used in the original (however unlikely) gets "-2", "-3"...
 */
export function partId(original: JsonObject, n: number, taken: { has(id: string): boolean }): string {
  const base = `${documentBaseUri(original)}/part-${n}`;
  let id = `${base}/manifest.json`;
  for (let k = 2; taken.has(id); k++) id = `${base}-${k}/manifest.json`;
  return id;
}
