/**
 * Local referenced pages brought into the document for editing, and saving them back to their own files when
 * the manifest is saved (issue 16). Which pages were brought in is remembered here, per open document, beside
 * each file's text and stamp as read; the pages themselves live only in the document (undo covers bringing one
 * in). A page is written over its own text (its layout kept), atomically by the same saveFile as the manifest,
 * and only when it changed; a file changed on disk meanwhile is a conflict, named, and the save stops there.
 */
import { inlineLocalPage, splitLocalPages, type LocalPageCopy } from '../../../../shared/iiif/annotations';
import { detectTextFormat } from '../../../../shared/iiif/document';
import {
  createTextBase,
  writeDocumentOver,
  type TextBase,
} from '../../../../shared/iiif/document/text-patch';
import type { JsonObject, JsonPath } from '../../../../shared/iiif/json';
import { api } from '../../api';
import { useAppStore } from '../../store/store';

interface PageFile {
  copy: LocalPageCopy;
  path: string;
  base: TextBase;
  stamp: { mtimeMs: number; size: number; hash: string };
}

let filesOf: string | null = null;
let files: PageFile[] = [];

function current(): PageFile[] {
  const key = useAppStore.getState().documentKey;
  if (key !== filesOf) {
    filesOf = key;
    files = [];
  }
  return files;
}

/** The file a brought-in page is saved to, by the page's id in the document; undefined for any other page. */
export function localPageFile(pageId: string | undefined): string | undefined {
  return current().find((f) => f.copy.reference.id === pageId)?.path;
}

/** Brings the local page loaded from `path` into the document at `pagePath`: one undo step. */
export function editLocalPage(args: {
  pagePath: JsonPath;
  page: JsonObject;
  path: string;
  file: { text: string; mtimeMs: number; size: number; hash: string };
}): void {
  const { doc, commit } = useAppStore.getState();
  if (!doc) return;
  const { doc: next, copy } = inlineLocalPage(doc, { pagePath: args.pagePath, page: args.page });
  const list = current();
  files = [
    ...list.filter((f) => f.copy.reference.id !== copy.reference.id),
    {
      copy,
      path: args.path,
      // The base is the page as its file holds it, so the first save diffs against the file's own text.
      base: createTextBase(args.file.text, args.page, detectTextFormat(args.file.text)),
      stamp: { mtimeMs: args.file.mtimeMs, size: args.file.size, hash: args.file.hash },
    },
  ];
  commit('Edit local annotation page', next);
}

export type PagesSaved = { ok: true; doc: JsonObject; written: string[] } | { ok: false; message: string };

/**
 * Writes the brought-in pages that changed to their files, and gives the manifest to save (each page replaced by
 * its reference as written). Called by the manifest's save before it writes the manifest.
 */
export async function saveLocalPages(doc: JsonObject): Promise<PagesSaved> {
  const list = current();
  const split = splitLocalPages(
    doc,
    list.map((f) => f.copy),
  );
  const written: string[] = [];
  for (const page of split.pages) {
    if (!page.changed) continue;
    const file = list.find((f) => f.copy === page.copy);
    if (!file) continue;
    const text = writeDocumentOver(file.base, page.page);
    const result = await api.saveFile({
      path: file.path,
      text,
      expectedMtimeMs: file.stamp.mtimeMs,
      expectedSize: file.stamp.size,
      expectedHash: file.stamp.hash,
      overwrite: false,
    });
    if (!result.ok)
      return {
        ok: false,
        message: `The annotation page ${file.path} was not saved: ${result.error.message}`,
      };
    // What was written is the base of the next save; the page as it is now needs no write until it changes.
    file.base = createTextBase(text, page.page, file.base.format);
    file.stamp = { mtimeMs: result.value.mtimeMs, size: result.value.size, hash: result.value.hash };
    file.copy = { ...file.copy, inlined: page.node };
    written.push(result.value.name);
  }
  return { ok: true, doc: split.doc, written };
}
