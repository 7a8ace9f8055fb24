/**
 * The background worker's work and messages, as plain functions so that they run (and are tested) anywhere:
 * in the worker (document.worker.ts), and on the main thread when no worker can start.
 *
 * Jobs: validate the document (live validation), write it as text in its file's layout (autosave), or write
 * the text Save puts on disk: its file's text with only the changed values rewritten (text-patch.ts). Latest
 * wins: of the jobs of one kind that arrive together (queued while the worker was busy), only the last runs;
 * the others are answered `superseded`.
 */
import {
  createTextBase,
  writeDocumentOver,
  type TextBase,
} from '../../../../shared/iiif/document/text-patch';
import { writeDocument } from '../../../../shared/iiif/document/write';
import type { TextFormat } from '../../../../shared/iiif/document/text-format';
import type { JsonObject } from '../../../../shared/iiif/json';
import { duplicateKeyFindings } from '../../../../shared/iiif/validation/duplicate-key-findings';
import { validate } from '../../../../shared/iiif/validation/validate';
import type { Finding } from '../../../../shared/iiif/validation/types';
import type { Result } from '../../../../shared/ipc/result';
import { createTreeDecoder, type MirroredDocument, type MirrorElement } from './tree-mirror';

/** Where the worker itself sends an autosave's text (the web host, over HTTP) instead of returning it. */
export interface AutosaveUpload {
  readonly token: string;
  readonly record: {
    readonly key: string;
    readonly path: string | null;
    readonly name: string;
    readonly origin: 'local' | 'public';
    readonly tab?: number;
  };
}

export type DocumentJob =
  /** With the referenced pages that could not be fetched, as [address, reason] pairs (they cross to the worker). */
  | { readonly kind: 'validate'; readonly unreachablePages?: readonly (readonly [string, string])[] }
  | { readonly kind: 'write'; readonly format: TextFormat; readonly upload?: AutosaveUpload }
  /**
   * Save's text for document `key`: written over the text base numbered `base` when the worker holds that one
   * (else whole, in `format`); the text made is then that document's base, numbered `next`.
   */
  | {
      readonly kind: 'save';
      readonly key: string;
      readonly base: number | null;
      readonly next: number;
      readonly format: TextFormat;
    }
  /** Findings only the text can show (duplicate keys): a scan several times JSON.parse's cost, kept off the UI. */
  | { readonly kind: 'text-findings'; readonly text: string };

export type JobResult =
  | { readonly kind: 'validate'; readonly findings: readonly Finding[] }
  | { readonly kind: 'write'; readonly text: string }
  /** `based`: whether it was written over the base the job named (else whole). */
  | { readonly kind: 'save'; readonly text: string; readonly based: boolean }
  | { readonly kind: 'text-findings'; readonly findings: readonly Finding[] }
  /** A write job with an upload, as the worker answers it: the host's answer to writeAutosave. */
  | { readonly kind: 'uploaded'; readonly outcome: Result<unknown> };

/** Main thread -> worker. */
export type WorkerRequest =
  | { readonly type: 'elements'; readonly elements: readonly MirrorElement[] }
  | {
      readonly type: 'job';
      readonly seq: number;
      readonly document: MirroredDocument;
      readonly job: DocumentJob;
    }
  /**
   * The text document `key` was read from (or last saved as) and the tree it parses to, numbered `id`: Save's
   * base, sent once when the document opens rather than with every save. The tree is mirrored like a job's
   * document, so that it shares its unchanged canvases with the documents that follow (text-patch.ts skips a
   * shared subtree without a look).
   */
  | {
      readonly type: 'base';
      readonly key: string;
      readonly id: number;
      readonly text: string;
      readonly format: TextFormat;
      readonly document: MirroredDocument;
    }
  /** Forget document `key`'s text base: it was closed. */
  | { readonly type: 'forget-base'; readonly key: string }
  /** Forget every element and base: the sender starts a new mirror. */
  | { readonly type: 'reset' };

/** Worker -> main thread, one per job. */
export type WorkerReply =
  | { readonly type: 'done'; readonly seq: number; readonly result: JobResult }
  | { readonly type: 'superseded'; readonly seq: number }
  | { readonly type: 'failed'; readonly seq: number; readonly message: string };

/** A text base and its number, as the worker (or the main thread, running a job itself) holds it. */
export interface NumberedBase {
  readonly id: number;
  readonly base: TextBase;
}

export type SaveJob = Extract<DocumentJob, { kind: 'save' }>;
export type SaveResult = Extract<JobResult, { kind: 'save' }>;

/** Save's text: over the document's base when `bases` holds the one the job names; that text is the next base. */
export function runSave(doc: JsonObject, job: SaveJob, bases: Map<string, NumberedBase>): SaveResult {
  const held = bases.get(job.key);
  const base = held && held.id === job.base ? held.base : null;
  const text = base ? writeDocumentOver(base, doc) : writeDocument(doc, job.format);
  bases.set(job.key, { id: job.next, base: createTextBase(text, doc, job.format) });
  return { kind: 'save', text, based: base !== null };
}

/**
 * Runs `job` over `doc`. `bases` are the text bases held, by document key: a save reads its document's and
 * replaces it with the text it made.
 */
export function runDocumentJob(
  doc: JsonObject,
  job: DocumentJob,
  bases: Map<string, NumberedBase> = new Map(),
): JobResult {
  if (job.kind === 'save') return runSave(doc, job, bases);
  if (job.kind === 'validate')
    return {
      kind: 'validate',
      findings: validate(doc, { unreachablePages: new Map(job.unreachablePages ?? []) }),
    };
  if (job.kind === 'text-findings')
    return { kind: 'text-findings', findings: duplicateKeyFindings(job.text) };
  return { kind: 'write', text: writeDocument(doc, job.format) };
}

export function createDocumentWorkerState() {
  return { decoder: createTreeDecoder(), bases: new Map<string, NumberedBase>() };
}

export type DocumentWorkerState = ReturnType<typeof createDocumentWorkerState>;

/**
 * Handles the requests that arrived together, in order, and returns the replies. Every document is decoded (the
 * mirror must follow each one), but a job runs only when no later job of its kind is in the same batch.
 */
export function handleRequests(state: DocumentWorkerState, batch: readonly WorkerRequest[]): WorkerReply[] {
  const lastOfKind = new Map<DocumentJob['kind'], number>();
  for (const request of batch) if (request.type === 'job') lastOfKind.set(request.job.kind, request.seq);
  const replies: WorkerReply[] = [];
  for (const request of batch) {
    if (request.type === 'reset') {
      state.decoder = createTreeDecoder();
      state.bases.clear();
      continue;
    }
    if (request.type === 'forget-base') {
      state.bases.delete(request.key);
      continue;
    }
    if (request.type === 'base') {
      // Decoded even if a failure follows: the mirror must follow every document the sender encoded.
      try {
        const doc = state.decoder.decode(request.document);
        state.bases.set(request.key, {
          id: request.id,
          base: createTextBase(request.text, doc, request.format),
        });
      } catch {
        // Out of step: the next job fails and the sender resets both sides (bases included).
        state.bases.delete(request.key);
      }
      continue;
    }
    if (request.type === 'elements') {
      state.decoder.receive(request.elements);
      continue;
    }
    try {
      const doc = state.decoder.decode(request.document);
      replies.push(
        lastOfKind.get(request.job.kind) === request.seq
          ? { type: 'done', seq: request.seq, result: runDocumentJob(doc, request.job, state.bases) }
          : { type: 'superseded', seq: request.seq },
      );
    } catch (error) {
      replies.push({
        type: 'failed',
        seq: request.seq,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return replies;
}
