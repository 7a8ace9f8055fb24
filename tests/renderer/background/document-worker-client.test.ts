// @vitest-environment node
/**
 * The client against the worker's real message handling on the far side of a real MessageChannel (structured
 * clone included), as document.worker.ts wires it, minus the thread.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../shared/iiif/json';
import { writeDocument } from '../../../shared/iiif/document/write';
import { validate } from '../../../shared/iiif/validation/validate';
import type { WorkerRequest } from '../../../renderer/src/features/background/document-jobs';
import {
  createDocumentWorkerClient,
  ELEMENTS_PER_MESSAGE,
  type WorkerPort,
} from '../../../renderer/src/features/background/document-worker-client';
import { manifest, relabel } from './fixtures';
import { closeWorkers, inProcessWorker } from './in-process-worker';

const format = { indent: '  ', newline: '\n', finalNewline: true, bom: false } as const;
afterEach(closeWorkers);

/** Waits (a task at a time) until `condition` holds. */
async function until(condition: () => boolean) {
  for (let tasks = 0; !condition(); tasks++) {
    if (tasks > 1000) throw new Error('Timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
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

  it('answers a job the worker replaced with a later one of its kind (superseded) with null', async () => {
    const worker = inProcessWorker();
    const client = createDocumentWorkerClient(() => worker.port);
    const doc = manifest(10);
    await client.runInBackground(doc, { kind: 'validate' });
    // Busy with a long job: both edits' validations reach it before it reads either.
    worker.hold();
    const typed = relabel(doc, 2, '<i>x');
    const first = client.runInBackground(typed, { kind: 'validate' });
    await until(() => worker.received.filter((r) => r.type === 'job').length === 2);
    const typedMore = relabel(typed, 2, '<i>x</i>');
    const second = client.runInBackground(typedMore, { kind: 'validate' });
    await until(() => worker.received.filter((r) => r.type === 'job').length === 3);
    worker.release();
    expect(await first).toBeNull();
    expect(await second).toEqual({ kind: 'validate', findings: validate(typedMore) });
    expect(worker.replies.map((reply) => reply.type)).toEqual(['done', 'superseded', 'done']);
  });

  it('answers exactly when the mirror is reset while a large document is being sent', async () => {
    // The worker loses its copy just before job 2, so job 2 fails and the client resets the mirror; the reply
    // arrives while a large document (job 3) is still being sent, in many messages a task apart.
    const worker = inProcessWorker({ loseCopyAfter: 2 });
    const client = createDocumentWorkerClient(() => worker.port);
    const doc = manifest(20);
    await client.runInBackground(doc, { kind: 'validate' });
    const edited = relabel(doc, 3, 'three');
    const large = manifest(ELEMENTS_PER_MESSAGE * 16);
    const [validated, written] = await Promise.all([
      client.runInBackground(edited, { kind: 'validate' }),
      client.runInBackground(large, { kind: 'write', format }),
    ]);
    expect(validated).toEqual({ kind: 'validate', findings: validate(edited) });
    expect(written).toEqual({ kind: 'write', text: writeDocument(large, format) });

    // Where exactly the reset lands among the large document's messages depends on how the event loop
    // interleaves them (usually between two of them); whichever it is, both answers above must be exact, and
    // the last thing the worker did was the write.
    expect(worker.replies.at(-1)).toMatchObject({ type: 'done', result: { kind: 'write' } });
  });

  it('does the job on the main thread when starting the worker throws', async () => {
    let starts = 0;
    const client = createDocumentWorkerClient(() => {
      starts += 1;
      throw new DOMException('Workers are not allowed here', 'SecurityError');
    });
    const doc = manifest(3);
    expect(await client.runInBackground(doc, { kind: 'write', format })).toEqual({
      kind: 'write',
      text: writeDocument(doc, format),
    });
    expect(await client.runInBackground(doc, { kind: 'validate' })).toEqual({
      kind: 'validate',
      findings: validate(doc),
    });
    // Given up for good: not tried again for every job.
    expect(starts).toBe(1);
  });

  it('does the job (and those sent before it) on the main thread when a message cannot be sent', async () => {
    for (const failAt of [1, 2, 3, 4]) {
      const worker = inProcessWorker();
      let posts = 0;
      let terminated = false;
      const port: WorkerPort = {
        ...worker.port,
        addEventListener: worker.port.addEventListener,
        postMessage: (request) => {
          posts += 1;
          if (posts === failAt) throw new DOMException('could not be cloned', 'DataCloneError');
          worker.port.postMessage(request);
        },
        terminate: () => {
          terminated = true;
          worker.port.terminate();
        },
      };
      const client = createDocumentWorkerClient(() => port);
      // Elements and a job (posts 1, 2), then a validation of the same document: a job alone (post 3, while the
      // write is still in the worker), then an edited document's element and job (posts 4, 5).
      const doc = manifest(5);
      const edited = relabel(doc, 1, '<b>b</b>');
      const results = await Promise.all([
        client.runInBackground(doc, { kind: 'write', format }),
        client.runInBackground(doc, { kind: 'validate' }),
      ]);
      expect(results).toEqual([
        { kind: 'write', text: writeDocument(doc, format) },
        { kind: 'validate', findings: validate(doc) },
      ]);
      expect(await client.runInBackground(edited, { kind: 'validate' })).toEqual({
        kind: 'validate',
        findings: validate(edited),
      });
      expect(terminated).toBe(true);
    }
  });

  it('mirrors top-level keys named "__proto__" or like built-in methods', async () => {
    const worker = inProcessWorker();
    const client = createDocumentWorkerClient(() => worker.port);
    const doc = JSON.parse(
      JSON.stringify(manifest(3)).replace(
        '{',
        '{"__proto__":[{"id":"a"}],"toString":"s","constructor":[{"id":"c"}],"valueOf":{"v":1},',
      ),
    ) as JsonObject;
    expect(Object.keys(doc).slice(0, 4)).toEqual(['__proto__', 'toString', 'constructor', 'valueOf']);
    expect(await client.runInBackground(doc, { kind: 'write', format })).toEqual({
      kind: 'write',
      text: writeDocument(doc, format),
    });
    expect(worker.replies).toMatchObject([{ type: 'done' }]);
  });
});
