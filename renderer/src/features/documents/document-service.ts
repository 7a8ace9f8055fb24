/**
 * Document flows: open (a file, a URL, the sample), save, save as, new, close, recover. The async work lives
 * here, calling the api and then store actions, so that components only call these functions (lint keeps the
 * api out of components) and every way of loading a document goes through loadText.
 */
import { WINDOWS_1252_QUESTION } from '../../../../shared/iiif/document/decode';
import { readDocument } from '../../../../shared/iiif/document/read';
import { DEFAULT_TEXT_FORMAT } from '../../../../shared/iiif/document/text-format';
import { createTextBase, type TextBase } from '../../../../shared/iiif/document/text-patch';
import { writeDocument } from '../../../../shared/iiif/document/write';
import type { JsonObject } from '../../../../shared/iiif/json';
import { api } from '../../api';
import { saveLocalPages } from '../annotations/local-page-files';
import {
  forgetTextBaseInBackground,
  saveTextInBackground,
  textBaseInBackground,
} from '../background/background-work';
import { chooseFileToOpen } from '../files/files-service';
import { documentName, isDirty, type FileRef } from '../../store/document-slice';
import { allDocuments } from '../../store/documents-slice';
import { useAppStore } from '../../store/store';
import { clearRecoveryRecord } from './autosave-records';
import { onBackgroundCompacted, prepareNewTab, switchToDocument } from './document-tabs';

const store = useAppStore;

// The worker keeps each document's text for Save; a document in the background that shed its text (it writes
// whole, the same bytes) no longer needs it there either.
onBackgroundCompacted(() => {
  for (const document of allDocuments(store.getState()))
    if (!document.textBase) forgetTextBaseInBackground(document.documentKey);
});

function fail(text: string) {
  store.getState().showMessage({ kind: 'error', text });
}

/**
 * Runs `action` now, or after the user agreed to discard unsaved changes. Only closing can lose work: every
 * other action opens its document in a new tab (document-tabs.ts).
 */
export function guardUnsaved(
  action: 'new' | 'open' | 'open-url' | 'close' | 'sample',
  run: () => void,
  path?: string,
) {
  if (action === 'close' && isDirty(store.getState())) {
    store.getState().showDialog({ kind: 'confirm-discard', action, ...(path ? { path } : {}) });
    return;
  }
  run();
}

export async function openSample(): Promise<void> {
  const result = await api.sampleProject({ origin: window.location.origin });
  if (!result.ok) return fail(result.error.message);
  // The sample is made on the main side as an object; its text is the one a save would write.
  const opened = loadText(writeDocument(result.value.manifest as JsonObject, DEFAULT_TEXT_FORMAT), {
    file: null,
    name: result.value.name,
  });
  if (opened) store.getState().markSample(store.getState().documentKey);
}

/** Where a document's text came from, beyond its file. */
interface TextSource {
  readonly file: FileRef | null;
  readonly name: string;
  /** 'public' when it came from the internet: what it references is then fetched as a public document's. */
  readonly origin?: 'local' | 'public';
  /** Said beside the reader's own notices (opened from the offline cache, …). */
  readonly notices?: readonly string[];
}

/**
 * The one way a document is loaded, whatever it came from (a file, a URL, a recovered copy, the sample): read,
 * upgraded from Presentation 2 when it is one, and kept with its text, so that saving rewrites only what
 * changed and keeps the layout. Returns null when it cannot be read (said in the message banner, or to
 * `onError`), else whether it was upgraded.
 */
export function loadText(
  text: string,
  source: TextSource,
  options: { dirty?: boolean; onError?: (message: string) => void } = {},
): { upgraded: boolean } | null {
  const read = readDocument(text);
  if (!read.ok) {
    (options.onError ?? fail)(`${source.name} cannot be opened: ${read.error.message}`);
    return null;
  }
  // A Presentation 2 file is never overwritten without asking: until its first save the document has no file.
  const upgradedFrom = read.upgraded ? source.file : null;
  prepareNewTab();
  // An upgraded document has no text of its own yet: its first save writes it whole.
  const textBase = read.upgraded ? null : createTextBase(text, read.doc, read.format);
  store.getState().loadDocument({
    doc: read.doc,
    format: read.format,
    file: upgradedFrom ? null : source.file,
    upgradedFrom,
    name: source.name,
    notices: [...read.notices.map((n) => n.message), ...(source.notices ?? [])],
    dirty: options.dirty === true || read.upgraded,
    ...(source.origin ? { origin: source.origin } : {}),
    textBase,
  });
  if (textBase) textBaseInBackground(store.getState().documentKey, textBase);
  if (read.upgraded && upgradedFrom) {
    store.getState().showMessage({
      kind: 'info',
      text:
        `${source.name} is a Presentation 2 document: Tessera upgraded it to Presentation 3. ` +
        'Saving asks for a new file name, so the original stays as it was unless you choose to replace it.',
    });
  }
  const items = read.doc['items'];
  if (Array.isArray(items) && items.length > 0) store.getState().selectOnly(0);
  else store.getState().selectNone();
  return { upgraded: read.upgraded };
}

/**
 * File › Open URL, and a collection's member: the text as the server sent it, loaded like a file's. Nothing is
 * on disk yet, so the document starts unsaved (closing asks, autosave protects it) until Save As. Returns an
 * error to show, or null when it opened. `initiator` is 'public' when a document from the internet named the
 * address (a member of a public collection), so the private-network policy applies to it.
 */
export async function openUrl(
  location: string,
  initiator: 'local' | 'public' = 'local',
): Promise<string | null> {
  const address = location.trim();
  if (!/^https?:\/\//i.test(address)) return 'Give an http:// or https:// address.';
  store.getState().setBusy('Opening…');
  const result = await api.openUrl({ location: address, initiator });
  store.getState().setBusy(null);
  if (!result.ok) return result.error.message;
  const { text, fromCache, origin, finalUrl } = result.value;
  let failure: string | null = null;
  const opened = loadText(
    text,
    {
      file: null,
      name: nameFromUrl(finalUrl ?? address),
      origin,
      notices: fromCache ? ['Opened from the offline cache: the network could not be reached.'] : [],
    },
    { dirty: true, onError: (message) => (failure = message) },
  );
  if (!opened) return failure;
  store.getState().showMessage({
    kind: 'info',
    text: `Opened ${address}${opened.upgraded ? ' (upgraded from Presentation 2)' : ''}. Use Save As to keep it.`,
  });
  return null;
}

/** The last part of a URL's path, as a document name. */
function nameFromUrl(url: string): string {
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).pop();
    return last && last.length > 0 ? decodeURIComponent(last) : new URL(url).host;
  } catch {
    return 'Remote manifest';
  }
}

/**
 * Asks whether a file that is not UTF-8 but looks like Windows-1252 (decode.ts, error code 'single-byte') may be
 * opened as such; says plainly that it will be saved as UTF-8.
 */
export function confirmWindows1252(name: string): boolean {
  return window.confirm(`${name}: ${WINDOWS_1252_QUESTION}`);
}

export function saidWindows1252(name: string): void {
  store.getState().showMessage({
    kind: 'info',
    text: `${name} was opened as Windows-1252 (Western European) text. Saving writes it as UTF-8.`,
  });
}

export async function openPath(path: string, encoding?: 'windows-1252'): Promise<void> {
  // A file already open in a tab is shown there, with its unsaved work, not opened a second time beside it.
  const open = allDocuments(store.getState()).find((d) => d.file?.path === path);
  if (open && !encoding) return switchToDocument(open.documentKey);
  store.getState().setBusy('Opening…');
  const result = await api.openFile(encoding ? { path, encoding } : { path });
  store.getState().setBusy(null);
  if (!result.ok) {
    const name = path.split(/[\\/]/).pop() ?? path;
    if (result.error.code === 'single-byte' && !encoding && confirmWindows1252(name))
      return openPath(path, 'windows-1252');
    return fail(result.error.message);
  }
  const { name, mtimeMs, size, hash } = result.value;
  const file = { path: result.value.path, name, mtimeMs, size, hash };
  // Opened as Windows-1252, the document differs from its file by its encoding: unsaved until saved as UTF-8.
  const opened = loadText(result.value.text, { file, name }, encoding ? { dirty: true } : {});
  if (!opened) return;
  rememberOpened(file.path);
  if (encoding) saidWindows1252(name);
}

/** Into Recent, now that the file has opened: a file that could not be opened is never offered there. */
function rememberOpened(path: string): void {
  void api.rememberOpened({ path }).then((result) => {
    if (!result.ok) console.warn(`Recent files: ${result.error.message}`);
  });
}

export async function chooseAndOpen(): Promise<void> {
  const choice = await chooseFileToOpen();
  if (choice.kind === 'failed') fail(choice.message);
  else if (choice.kind === 'chosen') await openPath(choice.path);
  else if (choice.kind === 'picker') store.getState().showDialog({ kind: 'open-file' });
}

/** The save in flight: the next one waits for it (see saveTo). */
let lastSave: Promise<boolean> = Promise.resolve(true);

/**
 * Saves to `path`. Returns true when the document is on disk. Saves run one after another: a second Ctrl+S
 * while the first is still writing used to send the file's previous modification time, so the host saw the
 * first save's own write as someone else's change (a false "changed on disk" conflict) and the marker and the
 * state of the file were decided by whichever answer came last.
 */
export function saveTo(path: string, options: { overwrite?: boolean; isNewPath?: boolean } = {}) {
  const next = lastSave.then(
    () => saveNow(path, options),
    () => saveNow(path, options),
  );
  lastSave = next;
  return next;
}

async function saveNow(path: string, options: { overwrite?: boolean; isNewPath?: boolean }) {
  const state = store.getState();
  const doc = state.doc;
  if (!doc) return false;
  const samePath = state.file?.path === path;
  const known = samePath && !options.isNewPath ? state.file : null;
  store.getState().setBusy('Saving…');
  // Local annotation pages edited in place go to their own files; the manifest keeps their references.
  const pages = await saveLocalPages(doc);
  if (!pages.ok) {
    store.getState().setBusy(null);
    fail(pages.message);
    return false;
  }
  // Its file's text with only the changed values rewritten (or a whole new text), made in the background.
  const format = state.format ?? DEFAULT_TEXT_FORMAT;
  const text = await saveTextInBackground(state.documentKey, pages.doc, state.textBase, format);
  const result = await api.saveFile({
    path,
    text,
    expectedMtimeMs: known?.mtimeMs ?? null,
    expectedSize: known?.size ?? null,
    expectedHash: known?.hash ?? null,
    overwrite: options.overwrite ?? false,
  });
  store.getState().setBusy(null);
  if (!result.ok) {
    if (result.error.code === 'conflict') {
      store.getState().showDialog({ kind: 'confirm-overwrite', path, message: result.error.message });
    } else fail(result.error.message);
    return false;
  }
  // Another tab may be in front by now: the answer is about the document that was saved, wherever it is (if it
  // was closed meanwhile, nothing is left to mark).
  const key = state.documentKey;
  const textBase: TextBase = createTextBase(text, pages.doc, format);
  store.getState().updateDocument(key, () => ({
    file: {
      path: result.value.path,
      name: result.value.name,
      mtimeMs: result.value.mtimeMs,
      size: result.value.size,
      hash: result.value.hash,
    },
    savedDoc: doc,
    textBase,
    upgradedFrom: null,
  }));
  textBaseInBackground(key, textBase);
  void clearRecoveryRecord(key);
  const also = pages.written.length > 0 ? ` and ${pages.written.join(', ')}` : '';
  store.getState().showMessage({ kind: 'info', text: `Saved ${result.value.name}${also}.` });
  return true;
}

export async function save(): Promise<void> {
  const { file, upgradedFrom } = store.getState();
  if (file) await saveTo(file.path);
  else if (upgradedFrom) {
    store.getState().showDialog({ kind: 'save-upgraded', path: upgradedFrom.path, name: upgradedFrom.name });
  } else await saveAs();
}

/**
 * Saves every open document with unsaved changes, each brought to the front in turn (so that a dialog it needs
 * is seen with it). Stops at the first one that stays unsaved: its save failed, or waits for the user.
 */
export async function saveAll(): Promise<void> {
  const keys = allDocuments(store.getState())
    .filter(isDirty)
    .map((d) => d.documentKey);
  for (const key of keys) {
    switchToDocument(key);
    await save();
    const after = allDocuments(store.getState()).find((d) => d.documentKey === key);
    if (after && isDirty(after)) return;
  }
}

/** The name suggested for the Presentation 3 version of a file: book.json -> book-p3.json. */
export function upgradedFileName(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)}-p3${name.slice(dot)}` : `${name}-p3.json`;
}

export async function saveAs(): Promise<void> {
  const state = store.getState();
  if (!state.doc) return;
  const suggested =
    state.file?.name ??
    (state.upgradedFrom ? upgradedFileName(state.upgradedFrom.name) : null) ??
    `${documentName(state)
      .replace(/[^\w.-]+/g, '-')
      .toLowerCase()}.json`;
  const native = await api.showSaveDialog({ suggestedName: suggested });
  if (!native.ok) return fail(native.error.message);
  if (native.value.supported) {
    // The native dialog already asked about replacing an existing file.
    if (native.value.path) await saveTo(native.value.path, { overwrite: true, isNewPath: true });
    return;
  }
  store.getState().showDialog({ kind: 'save-file', suggestedName: suggested });
}

/**
 * Closes the tab of `key`. A saved document in the background just goes (the tab in front stays in front); one
 * with unsaved changes comes to the front first, so that the question is asked about what can be seen.
 */
export function closeTab(key: string): void {
  const state = store.getState();
  const document = allDocuments(state).find((d) => d.documentKey === key);
  if (document && key !== state.documentKey && !isDirty(document)) {
    state.forgetDocument(key);
    forgetTextBaseInBackground(key);
    void clearRecoveryRecord(key);
    return;
  }
  switchToDocument(key);
  guardUnsaved('close', closeDocument);
}

export function closeDocument(): void {
  const key = store.getState().documentKey;
  void clearRecoveryRecord(key);
  forgetTextBaseInBackground(key);
  store.getState().closeDocument();
}

export async function recover(key: string): Promise<void> {
  const result = await api.readRecoverable({ key });
  if (!result.ok) return fail(result.error.message);
  const { path, name, text, origin } = result.value;
  const recovered = readDocument(text);
  if (!recovered.ok) return fail(`The recovered copy of ${name} cannot be read: ${recovered.error.message}`);
  // The file is open already (given at launch, say): the recovered work goes into its tab, as one undo step.
  const open = path ? allDocuments(store.getState()).find((d) => d.file?.path === path) : undefined;
  if (open) {
    switchToDocument(open.documentKey);
    store.getState().commit('Recover unsaved changes', recovered.doc);
    void clearRecoveryRecord(key);
    store.getState().showMessage({ kind: 'info', text: `Recovered unsaved changes to ${name}.` });
    return;
  }
  const onDisk = path ? await api.openFile({ path }) : null;
  if (onDisk?.ok) {
    // Load the file as saved, then apply the recovered work as one undo step: undo goes back to the file.
    const { name: fileName, mtimeMs, size, hash } = onDisk.value;
    const loaded = loadText(onDisk.value.text, {
      file: { path: onDisk.value.path, name: fileName, mtimeMs, size, hash },
      name,
      origin,
    });
    if (!loaded) return;
    rememberOpened(onDisk.value.path);
    store.getState().commit('Recover unsaved changes', recovered.doc);
  } else {
    // A document opened from the internet stays public when recovered: its images and links on private
    // addresses are still refused until the user allows the host.
    loadText(text, { file: null, name, origin }, { dirty: true });
  }
  void clearRecoveryRecord(key);
  store.getState().showMessage({ kind: 'info', text: `Recovered unsaved changes to ${name}.` });
}
