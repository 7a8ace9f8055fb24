/**
 * Save's two paths side by side: the text the main thread made before Save moved to the worker (the file's
 * text patched over, text-patch.ts) and the text the worker makes now, from its mirror (a real structured clone
 * between them), after each of a series of edits made the way the app makes them (structural sharing).
 */
import { readDocument } from '../../../shared/iiif/document/read';
import { createTextBase, writeDocumentOver } from '../../../shared/iiif/document/text-patch';
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../../../shared/iiif/json';
import { createDocumentWorkerClient } from '../../../renderer/src/features/background/document-worker-client';
import { inProcessWorker } from './in-process-worker';

type Edit = readonly [name: string, edit: (doc: JsonObject) => JsonObject];

const reversed = (value: JsonValue | undefined) => (isJsonArray(value) ? [...value].reverse() : value);

/** `doc` with its first canvas replaced by `change(canvas)`; the others stay the same objects. */
function editFirstCanvas(doc: JsonObject, change: (canvas: JsonObject) => JsonObject): JsonObject {
  const items = doc['items'];
  if (!isJsonArray(items)) return doc;
  const at = items.findIndex(isJsonObject);
  if (at < 0) return doc;
  const next = [...items];
  next[at] = change(items[at] as JsonObject);
  return { ...doc, items: next };
}

/** Edits of every kind a save meets: in place, inserted, removed, moved at the root and inside a canvas. */
export const EDITS: readonly Edit[] = [
  ['relabel the manifest', (doc) => ({ ...doc, label: { en: ['Edited title'] } })],
  ['relabel a canvas', (doc) => editFirstCanvas(doc, (c) => ({ ...c, label: { en: ['Edited canvas'] } }))],
  ['reverse the canvases', (doc) => ({ ...doc, items: reversed(doc['items']) ?? [] })],
  [
    'reverse what a canvas holds',
    (doc) =>
      editFirstCanvas(doc, (c) => ({
        ...c,
        ...(isJsonArray(c['items']) ? { items: reversed(c['items']) ?? [] } : {}),
        ...(isJsonArray(c['metadata']) ? { metadata: reversed(c['metadata']) ?? [] } : {}),
        ...(isJsonArray(c['thumbnail']) ? { thumbnail: reversed(c['thumbnail']) ?? [] } : {}),
      })),
  ],
  [
    'reverse the metadata, and a canvas’s after a change',
    (doc) =>
      editFirstCanvas(
        { ...doc, ...(isJsonArray(doc['metadata']) ? { metadata: reversed(doc['metadata']) ?? [] } : {}) },
        (c) => ({
          ...c,
          width: 1234,
          metadata: [
            ...(isJsonArray(c['metadata']) ? c['metadata'] : []),
            { label: { en: ['New'] } },
          ].reverse(),
        }),
      ),
  ],
  [
    'remove the last canvas, add one at the front',
    (doc) => {
      const items = isJsonArray(doc['items']) ? doc['items'] : [];
      const added = { id: 'https://example.org/added', type: 'Canvas', width: 10, height: 10, items: [] };
      return { ...doc, items: [added, ...items.slice(0, -1)] };
    },
  ],
];

/** Saves after each edit both ways; returns the edits whose texts differed (none, when they agree). */
export async function savePathsDisagree(text: string, key = 'doc'): Promise<string[]> {
  const read = readDocument(text);
  if (!read.ok || read.upgraded) return [];
  const worker = inProcessWorker();
  const client = createDocumentWorkerClient(() => worker.port);
  let mainBase = createTextBase(text, read.doc, read.format);
  let workerBase = createTextBase(text, read.doc, read.format);
  client.adoptTextBase(key, workerBase);
  let doc = read.doc;
  const differ: string[] = [];
  for (const [name, edit] of EDITS) {
    doc = edit(doc);
    const before = writeDocumentOver(mainBase, doc);
    const now = await client.saveText(key, doc, workerBase, read.format);
    if (now !== before) differ.push(name);
    mainBase = createTextBase(before, doc, read.format);
    workerBase = createTextBase(now, doc, read.format);
    client.adoptTextBase(key, workerBase);
  }
  return differ;
}
