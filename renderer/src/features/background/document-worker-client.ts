/**
 * The main thread's side of the background worker (document.worker.ts): `runInBackground(doc, job)` resolves
 * with the job's result, or with null when a later job of the same kind replaced it (latest wins).
 *
 * Only what changed crosses to the worker (tree-mirror.ts). Elements it has never seen (all of them when a
 * document opens, every canvas after a batch edit) go in several messages, one per task, so that their
 * structured clone never holds the main thread for long either.
 *
 * When no worker can run (no Worker, or it failed to load), jobs run here, on the main thread, with the same
 * functions: slower, but validation and crash recovery keep working.
 */
import type { JsonObject } from '../../../../shared/iiif/json';
import {
  runDocumentJob,
  type DocumentJob,
  type JobResult,
  type WorkerReply,
  type WorkerRequest,
} from './document-jobs';
import { createTreeEncoder, mirrorElement } from './tree-mirror';

/** Elements per message: a few milliseconds of structured clone at 10k canvases (bench/cases/edit-10k.ts). */
export const ELEMENTS_PER_MESSAGE = 250;

/** What the client needs of a Worker (a MessagePort-like object in tests). */
export interface WorkerPort {
  postMessage(request: WorkerRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerReply>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

interface Pending {
  readonly doc: JsonObject;
  readonly job: DocumentJob;
  readonly resolve: (result: JobResult | null) => void;
}

/** Lets the event loop run (input, rendering) before the next message is cloned. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function createDocumentWorkerClient(startWorker: () => WorkerPort | null) {
  let worker: WorkerPort | null | undefined;
  let encoder = createTreeEncoder();
  let seq = 0;
  const queued = new Map<DocumentJob['kind'], Pending>();
  const sent = new Map<number, Pending>();
  let pumping = false;

  /** Runs the job on this thread. Never throws: a job that fails here too resolves null, as if replaced. */
  function runHere(pending: Pending) {
    let result: JobResult | null = null;
    try {
      result = runDocumentJob(pending.doc, pending.job);
    } catch (error) {
      console.error('Background job failed on the main thread too:', error);
    }
    pending.resolve(result);
  }

  /** Stops using the worker (or gives up starting one) and does the jobs it had on this thread. */
  function giveUp(reason: string) {
    if (worker === null) return;
    console.error(
      `Tessera's background worker stopped (${reason}); validating and autosaving on the main thread.`,
    );
    const port = worker;
    worker = null;
    try {
      port?.terminate();
    } catch {
      // It is not used again either way.
    }
    const orphans = [...sent.values()];
    sent.clear();
    for (const pending of orphans) runHere(pending);
  }

  function onReply(reply: WorkerReply) {
    const pending = sent.get(reply.seq);
    if (!pending) return;
    sent.delete(reply.seq);
    if (reply.type === 'done') pending.resolve(reply.result);
    else if (reply.type === 'superseded') pending.resolve(null);
    else {
      // The worker's copy is out of step with ours: start both afresh, and do this job here.
      console.error(`Background job failed: ${reply.message}`);
      encoder = createTreeEncoder();
      try {
        worker?.postMessage({ type: 'reset' });
      } catch (error) {
        giveUp(`a message could not be sent: ${String(error)}`);
      }
      runHere(pending);
    }
  }

  function ensureWorker(): WorkerPort | null {
    if (worker !== undefined) return worker;
    const port = startWorker();
    worker = port;
    port?.addEventListener('message', (event) => onReply(event.data));
    port?.addEventListener('error', () => giveUp('it failed to load or threw'));
    port?.addEventListener('messageerror', () => giveUp('a message could not be read'));
    return port;
  }

  /**
   * Sends the job to the worker, or does it here when there is none. Sending may take several tasks; if the
   * mirror was reset meanwhile (a `failed` reply), the elements sent so far went to the old mirror, so the
   * document is encoded afresh and sent again.
   */
  async function dispatch(next: Pending) {
    for (;;) {
      const port = ensureWorker();
      if (!port) return runHere(next);
      const mirror = encoder;
      const { elements, document } = mirror.encode(next.doc);
      let interrupted = false;
      for (let start = 0; start < elements.length; start += ELEMENTS_PER_MESSAGE) {
        if (start > 0) {
          await nextTask();
          interrupted = worker !== port || encoder !== mirror;
          if (interrupted) break;
        }
        const chunk = elements.slice(start, start + ELEMENTS_PER_MESSAGE).map(mirrorElement);
        port.postMessage({ type: 'elements', elements: chunk });
      }
      if (interrupted) continue;
      seq += 1;
      port.postMessage({ type: 'job', seq, document, job: next.job });
      sent.set(seq, next);
      return;
    }
  }

  async function pump() {
    if (pumping) return;
    pumping = true;
    try {
      for (let next = takeNext(); next; next = takeNext()) {
        try {
          await dispatch(next);
        } catch (error) {
          // The worker could not start (a SecurityError, say) or a message could not be sent (a DataCloneError):
          // this job and every later one are done here.
          giveUp(`it could not start or be sent a message: ${String(error)}`);
          runHere(next);
        }
      }
    } finally {
      pumping = false;
    }
  }

  function takeNext(): Pending | undefined {
    const [first] = queued.values();
    if (first) queued.delete(first.job.kind);
    return first;
  }

  return {
    runInBackground(doc: JsonObject, job: DocumentJob): Promise<JobResult | null> {
      queued.get(job.kind)?.resolve(null);
      return new Promise((resolve) => {
        queued.set(job.kind, { doc, job, resolve });
        void pump();
      });
    },
  };
}
