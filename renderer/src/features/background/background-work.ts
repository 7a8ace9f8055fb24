/**
 * The app's one background worker and the jobs it does: live validation, the autosave and Save's text. One
 * worker, because all need the same mirror of the document (tree-mirror.ts), and it is kept up to date once.
 */
import type { TextBase } from '../../../../shared/iiif/document/text-patch';
import type { TextFormat } from '../../../../shared/iiif/document/text-format';
import type { JsonObject } from '../../../../shared/iiif/json';
import type { Finding } from '../../../../shared/iiif/validation/types';
import type { Result } from '../../../../shared/ipc/result';
import { httpToken } from '../../api';
import { writeRecoveryRecord } from '../documents/autosave-records';
import type { AutosaveUpload } from './document-jobs';
import { createDocumentWorkerClient, type WorkerPort } from './document-worker-client';

function startDocumentWorker(): WorkerPort | null {
  if (typeof Worker === 'undefined') return null;
  // Vite recognises this exact form and bundles the worker as a module of its own, served from the app's origin
  // (the Content-Security-Policy allows workers from there only).
  return new Worker(new URL('./document.worker.ts', import.meta.url), { type: 'module', name: 'document' });
}

const client = createDocumentWorkerClient(startDocumentWorker);

/** The document's findings, or null when a later validation replaced this one before it ran. */
export async function validateInBackground(
  doc: JsonObject,
  unreachablePages: ReadonlyMap<string, string> = new Map(),
): Promise<readonly Finding[] | null> {
  const result = await client.runInBackground(doc, {
    kind: 'validate',
    unreachablePages: [...unreachablePages],
  });
  return result?.kind === 'validate' ? result.findings : null;
}

/** Findings of the document's text (duplicate keys), or null when a later scan replaced this one. */
export async function textFindingsInBackground(
  doc: JsonObject,
  text: string,
): Promise<readonly Finding[] | null> {
  const result = await client.runInBackground(doc, { kind: 'text-findings', text });
  return result?.kind === 'text-findings' ? result.findings : null;
}

/**
 * Writes the document's recovery record: its text in the file's layout, made in the worker. The web host's
 * upload is sent from the worker too; in Electron the text comes back and goes through the preload's IPC (a
 * string copy). Null when a later autosave replaced this one before it ran.
 */
export async function autosaveInBackground(
  doc: JsonObject,
  format: TextFormat,
  record: AutosaveUpload['record'],
): Promise<Result<unknown> | null> {
  const upload = httpToken === null ? undefined : { token: httpToken, record };
  const result = await client.runInBackground(doc, { kind: 'write', format, ...(upload ? { upload } : {}) });
  if (result?.kind === 'uploaded') return result.outcome;
  // Electron, or no worker (the job ran here and returned the text).
  if (result?.kind === 'write') return writeRecoveryRecord({ ...record, text: result.text });
  return null;
}

/**
 * The text Save writes for document `key`: its file's text (`base`) with only the changed values rewritten, or
 * the whole document in `format` when it has no text of its own. Made in the worker, so that a save of a
 * 10k-canvas manifest does not hold the main thread for the diff and the scan of its text.
 */
export function saveTextInBackground(
  key: string,
  doc: JsonObject,
  base: TextBase | null,
  format: TextFormat,
): Promise<string> {
  return client.saveText(key, doc, base, format);
}

/** Document `key` has `base` as its text now (opened, or just saved): the worker keeps it for the next save. */
export function textBaseInBackground(key: string, base: TextBase): void {
  client.adoptTextBase(key, base);
}

/** Document `key` was closed: the worker lets its text go. */
export function forgetTextBaseInBackground(key: string): void {
  client.forgetTextBase(key);
}
