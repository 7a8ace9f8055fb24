/**
 * The main thread's side of the background worker (document.worker.ts): `runInBackground(doc, job)` resolves
 * with the job's result, or with null when a later job of the same kind replaced it (latest wins).
 *
 * Only what changed crosses to the worker (tree-mirror.ts). Elements it has never seen (all of them when a
 * document opens, every canvas after a batch edit) go in several messages, one per task, so that their
 * structured clone never holds the main thread for long either.
 *
 * When no worker can run (no Worker, or it failed to load), jobs run here, on the main thread, with the same
 * functions: slower, but validation, saving and crash recovery keep working.
 *
 * Save's text base (the text a document was read from, 12 MB at 10k canvases) crosses once: when the document
 * opens (`sendTextBase`), or at its first save if it has not yet. After a save in the worker, the worker keeps
 * the text it made as the next base, and the base the main thread then makes of that same text is known to be
 * the worker's (`adoptTextBase`): nothing crosses again.
 */
import type { TextBase } from '../../../../shared/iiif/document/text-patch';
import type { TextFormat } from '../../../../shared/iiif/document/text-format';
import type { JsonObject } from '../../../../shared/iiif/json';
import {
  runDocumentJob,
  runSave,
  type NumberedBase,
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

/**
 * A job, or (for this side only) sending a document's text base ahead of its first save, or forgetting it.
 * Those two go through the same queue as the jobs, so that they reach the worker in order with them.
 */
type ClientJob =
  | DocumentJob
  | { readonly kind: 'base'; readonly key: string }
  | { readonly kind: 'forget-base'; readonly key: string };

/** Jobs of one kind replace each other in the queue; bases are queued per document. */
function queueKey(job: ClientJob): string {
  return job.kind === 'base' || job.kind === 'forget-base' ? `${job.kind} ${job.key}` : job.kind;
}

interface Pending {
  readonly doc: JsonObject;
  readonly job: ClientJob;
  /** A save's text base, as the main thread holds it (the worker may hold it already, by its number). */
  readonly base?: NumberedBase | null;
  readonly resolve: (result: JobResult | null) => void;
}

/** Lets the event loop run (input, rendering) before the next message is cloned. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function createDocumentWorkerClient(startWorker: () => WorkerPort | null) {
  let worker: WorkerPort | null | undefined;
  let encoder = createTreeEncoder();
  let seq = 0;
  const queued = new Map<string, Pending>();
  const sent = new Map<number, Pending>();
  let pumping = false;
  /** Text bases by number, and the number of the one the worker holds for each document key. */
  const baseIds = new WeakMap<TextBase, number>();
  let lastBaseId = 0;
  const basesSent = new Map<string, number>();
  /** The text of each document's last save made in the worker, and the number the worker gave its base. */
  const savedInWorker = new Map<string, { readonly text: string; readonly id: number }>();

  function numbered(base: TextBase): NumberedBase {
    let id = baseIds.get(base);
    if (id === undefined) {
      id = ++lastBaseId;
      baseIds.set(base, id);
    }
    return { id, base };
  }

  /** Runs the job on this thread. Never throws: a job that fails here too resolves null, as if replaced. */
  function runHere(pending: Pending) {
    let result: JobResult | null = null;
    try {
      const { job, base } = pending;
      if (job.kind === 'base' || job.kind === 'forget-base') return pending.resolve(null);
      const bases = new Map<string, NumberedBase>();
      if (job.kind === 'save' && base) bases.set(job.key, base);
      result = runDocumentJob(pending.doc, job, bases);
      // The worker did not see this save: its base for the document (if any) is no longer the one in use.
      if (job.kind === 'save') savedInWorker.delete(job.key);
    } catch (error) {
      console.error('Background job failed on the main thread too:', error);
    }
    pending.resolve(result);
  }

  /** Stops using the worker (or gives up starting one) and does the jobs it had on this thread. */
  function giveUp(reason: string) {
    if (worker === null) return;
    console.error(
      `Tessera's background worker stopped (${reason}); validating, saving and autosaving on the main thread.`,
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
    if (reply.type === 'done') {
      const { job } = pending;
      if (job.kind === 'save' && reply.result.kind === 'save') {
        basesSent.set(job.key, job.next);
        savedInWorker.set(job.key, { text: reply.result.text, id: job.next });
      }
      pending.resolve(reply.result);
    } else if (reply.type === 'superseded') pending.resolve(null);
    else {
      // The worker's copy is out of step with ours: start both afresh, and do this job here.
      console.error(`Background job failed: ${reply.message}`);
      encoder = createTreeEncoder();
      basesSent.clear();
      savedInWorker.clear();
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
      /** Posts the elements of `doc` the worker lacks; null when the mirror was reset or the worker lost. */
      const postElements = async (doc: JsonObject) => {
        const encoded = mirror.encode(doc);
        const { elements } = encoded;
        for (let start = 0; start < elements.length; start += ELEMENTS_PER_MESSAGE) {
          if (start > 0) {
            await nextTask();
            if (worker !== port || encoder !== mirror) return null;
          }
          const chunk = elements.slice(start, start + ELEMENTS_PER_MESSAGE).map(mirrorElement);
          port.postMessage({ type: 'elements', elements: chunk });
        }
        return encoded.document;
      };
      const { job, base } = next;
      if ((job.kind === 'save' || job.kind === 'base') && base && basesSent.get(job.key) !== base.id) {
        const document = await postElements(base.base.doc);
        if (!document) continue;
        const { text, format } = base.base;
        port.postMessage({ type: 'base', key: job.key, id: base.id, text, format, document });
        basesSent.set(job.key, base.id);
      }
      if (job.kind === 'forget-base') {
        port.postMessage({ type: 'forget-base', key: job.key });
        basesSent.delete(job.key);
        return next.resolve(null);
      }
      if (job.kind === 'base') return next.resolve(null);
      const document = await postElements(next.doc);
      if (!document) continue;
      seq += 1;
      port.postMessage({ type: 'job', seq, document, job });
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
    if (first) queued.delete(queueKey(first.job));
    return first;
  }

  function enqueue(pending: Omit<Pending, 'resolve'>): Promise<JobResult | null> {
    const key = queueKey(pending.job);
    queued.get(key)?.resolve(null);
    return new Promise((resolve) => {
      queued.set(key, { ...pending, resolve });
      void pump();
    });
  }

  return {
    runInBackground(doc: JsonObject, job: Exclude<DocumentJob, { kind: 'save' }>): Promise<JobResult | null> {
      return enqueue({ doc, job });
    },

    /**
     * Save's text for document `key`: `doc` written over `base` (its file's text), or whole in `format` when it
     * has none. Never null: a save is never replaced, and when the worker cannot do it, it is done here.
     */
    async saveText(key: string, doc: JsonObject, base: TextBase | null, format: TextFormat): Promise<string> {
      const held = base ? numbered(base) : null;
      const job = { kind: 'save', key, base: held?.id ?? null, next: ++lastBaseId, format } as const;
      const result = await enqueue({ doc, job, base: held });
      if (result?.kind === 'save') return result.text;
      // Replaced by a save of another document that came at once (saves of one document wait for each other).
      savedInWorker.delete(key);
      return runSave(doc, job, new Map(held ? [[key, held]] : [])).text;
    },

    /**
     * Says that `base` is document `key`'s text base now. When it is the text the worker just saved, the worker
     * holds it already; when the document has just opened, it is sent now, while the worker mirrors the
     * document anyway, rather than at the first save.
     */
    adoptTextBase(key: string, base: TextBase): void {
      const saved = savedInWorker.get(key);
      savedInWorker.delete(key);
      if (saved && saved.text === base.text && basesSent.get(key) === saved.id) {
        baseIds.set(base, saved.id);
        return;
      }
      void enqueue({ doc: base.doc, job: { kind: 'base', key }, base: numbered(base) });
    },

    /** Lets the worker drop document `key`'s text base (the document was closed, or shed its text). */
    forgetTextBase(key: string): void {
      savedInWorker.delete(key);
      const waiting = queueKey({ kind: 'base', key });
      queued.get(waiting)?.resolve(null);
      queued.delete(waiting);
      if (basesSent.has(key)) void enqueue({ doc: {}, job: { kind: 'forget-base', key } });
    },
  };
}
