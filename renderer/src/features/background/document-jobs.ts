/**
 * The background worker's work and messages, as plain functions so that they run (and are tested) anywhere:
 * in the worker (document.worker.ts), and on the main thread when no worker can start.
 *
 * Jobs: validate the document (live validation), or write it as text in its file's layout (autosave). Latest
 * wins: of the jobs of one kind that arrive together (queued while the worker was busy), only the last runs;
 * the others are answered `superseded`.
 */
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
  /** Findings only the text can show (duplicate keys): a scan several times JSON.parse's cost, kept off the UI. */
  | { readonly kind: 'text-findings'; readonly text: string };

export type JobResult =
  | { readonly kind: 'validate'; readonly findings: readonly Finding[] }
  | { readonly kind: 'write'; readonly text: string }
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
  /** Forget every element: the sender starts a new mirror. */
  | { readonly type: 'reset' };

/** Worker -> main thread, one per job. */
export type WorkerReply =
  | { readonly type: 'done'; readonly seq: number; readonly result: JobResult }
  | { readonly type: 'superseded'; readonly seq: number }
  | { readonly type: 'failed'; readonly seq: number; readonly message: string };

export function runDocumentJob(doc: JsonObject, job: DocumentJob): JobResult {
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
  return { decoder: createTreeDecoder() };
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
          ? { type: 'done', seq: request.seq, result: runDocumentJob(doc, request.job) }
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
