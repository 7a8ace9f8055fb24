/**
 * A worker in this thread, for the background client's tests: the worker's real message handling on the far
 * side of a real MessageChannel (structured clone included), as document.worker.ts wires it, minus the thread.
 */
import { MessageChannel } from 'node:worker_threads';
import {
  createDocumentWorkerState,
  handleRequests,
  type WorkerReply,
  type WorkerRequest,
} from '../../../renderer/src/features/background/document-jobs';
import type { WorkerPort } from '../../../renderer/src/features/background/document-worker-client';

const closers: (() => void)[] = [];

/** Closes the channels of every worker made so far (call after each test). */
export function closeWorkers(): void {
  closers.splice(0).forEach((close) => close());
}

/**
 * A worker in this thread: every request it receives is recorded, then handled as the worker handles it. While
 * held (as if busy with a long job) it collects requests, and on release handles them as one batch, as
 * document.worker.ts does with the ones that arrived during a long job.
 */
export function inProcessWorker(options: { loseCopyAfter?: number } = {}) {
  const received: WorkerRequest[] = [];
  const replies: WorkerReply[] = [];
  const { port1, port2 } = new MessageChannel();
  let state = createDocumentWorkerState();
  let held = false;
  const inbox: WorkerRequest[] = [];
  const drain = () => {
    for (const reply of handleRequests(state, inbox.splice(0))) {
      replies.push(reply);
      port2.postMessage(reply);
    }
  };
  port2.on('message', (request: WorkerRequest) => {
    received.push(request);
    // A worker that lost its copy (as if restarted) after this many jobs.
    if (request.type === 'job' && request.seq === options.loseCopyAfter) state = createDocumentWorkerState();
    inbox.push(request);
    if (!held) drain();
  });
  const port: WorkerPort = {
    postMessage: (request) => port1.postMessage(request),
    addEventListener: (type: string, listener: (event: MessageEvent<WorkerReply>) => void) => {
      if (type === 'message') port1.on('message', (data: WorkerReply) => listener({ data } as MessageEvent));
    },
    terminate: () => port1.close(),
  };
  closers.push(() => port1.close());
  return {
    port,
    received,
    replies,
    hold: () => (held = true),
    release: () => {
      held = false;
      drain();
    },
  };
}
