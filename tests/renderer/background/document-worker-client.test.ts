// @vitest-environment node
/**
 * The client against the worker's real message handling on the far side of a real MessageChannel (structured
 * clone included), as document.worker.ts wires it, minus the thread.
 */
import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { writeDocument } from '../../../shared/iiif/document/write';
import { validate } from '../../../shared/iiif/validation/validate';
import {
  createDocumentWorkerState,
  handleRequests,
  type WorkerReply,
  type WorkerRequest,
} from '../../../renderer/src/features/background/document-jobs';
import {
  createDocumentWorkerClient,
  ELEMENTS_PER_MESSAGE,
  type WorkerPort,
} from '../../../renderer/src/features/background/document-worker-client';
import { manifest, relabel } from './fixtures';

const format = { indent: '  ', newline: '\n', finalNewline: true, bom: false } as const;
const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

/** A worker in this thread: every request it receives is recorded, then handled as the worker handles it. */
function inProcessWorker(options: { loseCopyAfter?: number } = {}) {
  const received: WorkerRequest[] = [];
  const { port1, port2 } = new MessageChannel();
  let state = createDocumentWorkerState();
  port2.on('message', (request: WorkerRequest) => {
    received.push(request);
    // A worker that lost its copy (as if restarted) after this many jobs.
    if (request.type === 'job' && request.seq === options.loseCopyAfter) state = createDocumentWorkerState();
    for (const reply of handleRequests(state, [request])) port2.postMessage(reply);
  });
  const port: WorkerPort = {
    postMessage: (request) => port1.postMessage(request),
    addEventListener: (type: string, listener: (event: MessageEvent<WorkerReply>) => void) => {
      if (type === 'message') port1.on('message', (data: WorkerReply) => listener({ data } as MessageEvent));
    },
    terminate: () => port1.close(),
  };
  closers.push(() => port1.close());
  return { port, received };
}

const elementsSent = (requests: readonly WorkerRequest[]) =>
  requests.flatMap((r) => (r.type === 'elements' ? r.elements : []));

describe('the background worker client', () => {
  it('validates and writes in the worker, sending a new document in several messages', async () => {
    const worker = inProcessWorker();
    const client = createDocumentWorkerClient(() => worker.port);
    const doc = manifest(ELEMENTS_PER_MESSAGE * 2 + 10);
    expect(await client.runInBackground(doc, { kind: 'validate' })).toEqual({
      kind: 'validate',
      findings: validate(doc),
    });
    expect(worker.received.filter((r) => r.type === 'elements')).toHaveLength(3);
    expect(await client.runInBackground(doc, { kind: 'write', format })).toEqual({
      kind: 'write',
      text: writeDocument(doc, format),
    });
  });

  it('sends only the canvas an edit replaced', async () => {
    const worker = inProcessWorker();
    const client = createDocumentWorkerClient(() => worker.port);
    const doc = manifest(50);
    await client.runInBackground(doc, { kind: 'validate' });
    const before = elementsSent(worker.received).length;
    const edited = relabel(doc, 7, '<b>7</b>');
    const result = await client.runInBackground(edited, { kind: 'validate' });
    expect(result).toEqual({ kind: 'validate', findings: validate(edited) });
    expect(elementsSent(worker.received).length - before).toBe(1);
  });

  it('lets the latest job of a kind replace one still waiting to be sent', async () => {
    const worker = inProcessWorker();
    const client = createDocumentWorkerClient(() => worker.port);
    // The first document is sent over several tasks; two edits arrive meanwhile and the second replaces the first.
    const opened = manifest(ELEMENTS_PER_MESSAGE * 3);
    const typed = relabel(opened, 0, '<i>x');
    const typedMore = relabel(typed, 0, '<i>x</i>');
    const [first, replaced, latest] = await Promise.all([
      client.runInBackground(opened, { kind: 'validate' }),
      client.runInBackground(typed, { kind: 'validate' }),
      client.runInBackground(typedMore, { kind: 'validate' }),
    ]);
    expect(first).toEqual({ kind: 'validate', findings: validate(opened) });
    expect(replaced).toBeNull();
    expect(latest).toEqual({ kind: 'validate', findings: validate(typedMore) });
  });

  it('does the job on the main thread when no worker can start', async () => {
    const client = createDocumentWorkerClient(() => null);
    const doc = manifest(2);
    expect(await client.runInBackground(doc, { kind: 'write', format })).toEqual({
      kind: 'write',
      text: writeDocument(doc, format),
    });
  });

  it('recovers when the worker has lost its copy: the job is done here and the mirror starts afresh', async () => {
    const worker = inProcessWorker({ loseCopyAfter: 2 });
    const client = createDocumentWorkerClient(() => worker.port);
    const doc = manifest(20);
    await client.runInBackground(doc, { kind: 'validate' });
    const edited = relabel(doc, 3, 'three');
    expect(await client.runInBackground(edited, { kind: 'validate' })).toEqual({
      kind: 'validate',
      findings: validate(edited),
    });
    const sentBefore = elementsSent(worker.received).length;
    expect(await client.runInBackground(edited, { kind: 'write', format })).toEqual({
      kind: 'write',
      text: writeDocument(edited, format),
    });
    // After the reset every canvas is sent again, and the worker's answer is right.
    expect(elementsSent(worker.received).length - sentBefore).toBe(20);
  });
});
