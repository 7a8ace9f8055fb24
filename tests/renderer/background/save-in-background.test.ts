// @vitest-environment node
/** Save's text, made in the worker: the same bytes as on the main thread, and the file's text sent once. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readDocument } from '../../../shared/iiif/document/read';
import { createTextBase, writeDocumentOver } from '../../../shared/iiif/document/text-patch';
import { writeDocument } from '../../../shared/iiif/document/write';
import { createDocumentWorkerClient } from '../../../renderer/src/features/background/document-worker-client';
import { manifest, relabel } from './fixtures';
import { closeWorkers, inProcessWorker } from './in-process-worker';
import { savePathsDisagree } from './save-paths';

afterEach(closeWorkers);

const tabs = { indent: '\t', newline: '\n', finalNewline: true, bom: false } as const;
/** A layout JSON.stringify cannot make, so that writing the tree whole would show. */
const laidOut = (doc: object) => `${JSON.stringify(doc, null, '\t').replace(/"width": /g, '"width":  ')}\n`;

const fixtures = path.join(__dirname, '../../fixtures/documents');

describe('Save in the background worker', () => {
  it('writes over the file’s text, as the main thread did, with the text sent once per open', async () => {
    const worker = inProcessWorker();
    const client = createDocumentWorkerClient(() => worker.port);
    const opened = manifest(30);
    const text = laidOut(opened);
    let base = createTextBase(text, opened, tabs);
    client.adoptTextBase('a', base);
    let doc = opened;
    for (const round of [1, 2, 3]) {
      doc = relabel(doc, round, `round ${round}`);
      const saved = await client.saveText('a', doc, base, tabs);
      expect(saved).toBe(writeDocumentOver(base, doc));
      expect(saved).toContain('"width":  100');
      base = createTextBase(saved, doc, tabs);
      client.adoptTextBase('a', base);
    }
    expect(worker.received.filter((r) => r.type === 'base')).toHaveLength(1);
  });

  it('sends the text at the first save when it was not sent at open, and writes whole without one', async () => {
    const worker = inProcessWorker();
    const client = createDocumentWorkerClient(() => worker.port);
    const opened = manifest(5);
    const base = createTextBase(laidOut(opened), opened, tabs);
    const edited = relabel(opened, 0, 'x');
    expect(await client.saveText('b', edited, base, tabs)).toBe(writeDocumentOver(base, edited));
    expect(worker.received.filter((r) => r.type === 'base')).toHaveLength(1);
    expect(await client.saveText('c', edited, null, tabs)).toBe(writeDocument(edited, tabs));
  });

  it('does not use a base the document no longer has (another one adopted meanwhile)', async () => {
    const worker = inProcessWorker();
    const client = createDocumentWorkerClient(() => worker.port);
    const opened = manifest(5);
    const first = createTextBase(laidOut(opened), opened, tabs);
    client.adoptTextBase('d', first);
    // Reopened from a file laid out otherwise: the worker must not patch the old text.
    const second = createTextBase(`${JSON.stringify(opened)}\n`, opened, tabs);
    const edited = relabel(opened, 2, 'y');
    expect(await client.saveText('d', edited, second, tabs)).toBe(writeDocumentOver(second, edited));
  });

  it('lets the worker drop a document’s text when it is closed or sheds it, and only then', async () => {
    const worker = inProcessWorker();
    const client = createDocumentWorkerClient(() => worker.port);
    const opened = manifest(5);
    client.forgetTextBase('never-sent');
    const base = createTextBase(laidOut(opened), opened, tabs);
    client.adoptTextBase('f', base);
    await client.saveText('f', relabel(opened, 0, 'x'), base, tabs);
    client.forgetTextBase('f');
    const edited = relabel(opened, 1, 'y');
    expect(await client.saveText('f', edited, null, tabs)).toBe(writeDocument(edited, tabs));
    expect(worker.received.filter((r) => r.type === 'forget-base')).toEqual([
      { type: 'forget-base', key: 'f' },
    ]);
  });

  it('saves on the main thread, the same bytes, when no worker can start', async () => {
    const client = createDocumentWorkerClient(() => null);
    const opened = manifest(5);
    const base = createTextBase(laidOut(opened), opened, tabs);
    client.adoptTextBase('e', base);
    const edited = relabel(opened, 1, 'z');
    expect(await client.saveText('e', edited, base, tabs)).toBe(writeDocumentOver(base, edited));
  });

  it('keeps the own text of values moved inside an edited canvas (escapes, number spellings)', async () => {
    const entry = (label: string, value: string) =>
      `{"label":{"en":["${label}"]},"value":{"none":["${value}"]}}`;
    const text =
      '{"id":"https://example.org/m","type":"Manifest","label":{"en":["M"]},' +
      `"metadata":[${entry('caf\\u00e9', '1')},${entry('b', '2')}],` +
      '"items":[{"id":"https://example.org/c1","type":"Canvas","width":1.0,"height":2e3,' +
      `"metadata":[${entry('caf\\u00e9', 'x')},${entry('\\u00e8', 'y')}],"items":[]}]}`;
    expect(readDocument(text).ok).toBe(true);
    expect(await savePathsDisagree(text)).toEqual([]);
  });

  it.each(readdirSync(fixtures).filter((name) => name.startsWith('p3-')))(
    'makes the bytes the main thread made for %s, after each kind of edit',
    async (name) => {
      const text = readFileSync(path.join(fixtures, name), 'utf8');
      expect(readDocument(text).ok).toBe(true);
      expect(await savePathsDisagree(text)).toEqual([]);
    },
  );
});
