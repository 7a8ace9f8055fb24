/**
 * Local referenced pages edited in place (issue 16): a canvas or the manifest may name an annotation page that
 * is a file of its own. To edit it, the page is brought into the document where the reference stands, as one
 * undo step, so the panel, the viewer and undo treat its annotations like any others; the document stays the
 * only truth. When the manifest is saved the page is taken out again: the manifest gets its reference back as it
 * was written, and the page, when it changed, goes to its own file. Pure; the renderer does the writing.
 */
import {
  getIn,
  isJsonArray,
  isJsonObject,
  updateIn,
  type JsonObject,
  type JsonPath,
  type JsonValue,
} from '../json';
import { listPages } from './pages';

/** A local page brought into the document: what to put back, and what to write. */
export interface LocalPageCopy {
  /** The reference as the manifest wrote it; the manifest is saved with it. */
  readonly reference: JsonObject;
  /** The page as brought in: when the document's page is still this object, its file is not rewritten. */
  readonly inlined: JsonObject;
  /** The page file's own `@context` and `id`, which the document's copy does without. */
  readonly context: JsonValue | undefined;
  readonly fileId: JsonValue | undefined;
}

/**
 * Replaces the reference at `pagePath` with the page read from its file (without its `@context`, which an
 * embedded resource must not carry, and with the reference's id, by which it is found again on save).
 */
export function inlineLocalPage(
  doc: JsonObject,
  args: { readonly pagePath: JsonPath; readonly page: JsonObject },
): { doc: JsonObject; copy: LocalPageCopy } {
  const reference = getIn(doc, args.pagePath);
  if (!isJsonObject(reference) || typeof reference.id !== 'string' || isJsonArray(reference.items))
    throw new Error('inlineLocalPage: no page reference there');
  if (!isJsonArray(args.page.items)) throw new Error('inlineLocalPage: the page has no items');
  const entries: [string, JsonValue][] = Object.entries(args.page)
    .filter(([key]) => key !== '@context')
    .map(([key, value]) => [key, key === 'id' ? (reference.id as string) : value]);
  if (!('id' in args.page)) entries.unshift(['id', reference.id]);
  const inlined: JsonObject = Object.fromEntries(entries);
  const copy: LocalPageCopy = {
    reference,
    inlined,
    context: args.page['@context'],
    fileId: args.page.id,
  };
  return { doc: updateIn(doc, args.pagePath, () => inlined) as JsonObject, copy };
}

export interface SplitPage {
  readonly copy: LocalPageCopy;
  /** The page as it is in the document now (the next save compares with it once this one is written). */
  readonly node: JsonObject;
  /** The page file's content: the document's page with the file's own `@context` and id. */
  readonly page: JsonObject;
  /** False when the page is the one brought in, untouched: its file needs no write. */
  readonly changed: boolean;
}

function asFilePage(copy: LocalPageCopy, node: JsonObject): JsonObject {
  const entries: [string, JsonValue][] = copy.context === undefined ? [] : [['@context', copy.context]];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'id' && copy.fileId === undefined) continue;
    entries.push([key, key === 'id' ? (copy.fileId as JsonValue) : value]);
  }
  return Object.fromEntries(entries);
}

/**
 * The manifest to save (each brought-in page replaced by its reference) and the pages to write. A copy whose
 * page is no longer in the document (its bringing-in was undone) is left out.
 */
export function splitLocalPages(
  doc: JsonObject,
  copies: readonly LocalPageCopy[],
): { doc: JsonObject; pages: SplitPage[] } {
  if (copies.length === 0) return { doc, pages: [] };
  const byId = new Map(copies.map((copy) => [copy.reference.id as string, copy]));
  let out = doc;
  const pages: SplitPage[] = [];
  for (const view of listPages(doc)) {
    const copy = view.id === undefined ? undefined : byId.get(view.id);
    if (!copy || !view.embedded) continue;
    byId.delete(view.id as string);
    const node = view.page;
    pages.push({ copy, node, page: asFilePage(copy, node), changed: node !== copy.inlined });
    out = updateIn(out, view.path, () => copy.reference) as JsonObject;
  }
  return { doc: out, pages };
}
