/**
 * Several open documents (issue 17 target): ten documents of 1,000 canvases each, open at once in the app's
 * own store as tabs, cost <= 1.5x the heap of their JSON in total.
 *
 * The subject is what the renderer keeps per open document: the text as read (kept for format-preserving
 * saves, shared/iiif/document/text-patch.ts), the document tree, its undo history and the tab's snapshot,
 * opened through the same store actions as Open… (prepareNewTab, loadDocument), then the background tabs
 * compacted as the app does a moment after a switch (compactBackground: a text laid out exactly as its tree
 * writes is dropped). The texts are made inside the measurement, since the store holds them.
 *
 * Baselines: the size of the JSON text (`_vs_json`, the convention of `heap_<n>_vs_json` in cases/document.ts),
 * and the ten texts parsed by JSON.parse (`_vs_parse`; measured after one warm-up parse, since V8's first parse
 * of a text retains less than the next ones). `_uncompacted_` figures are the same store before compaction, and
 * what a document laid out otherwise (kept text) costs.
 */
import { readDocument } from '../../shared/iiif/document';
import { createTextBase } from '../../shared/iiif/document/text-patch';
import { prepareNewTab } from '../../renderer/src/features/documents/document-tabs';
import { useAppStore } from '../../renderer/src/store/store';
import { retainedHeapMb, round } from '../lib/measure';
import { syntheticManifestText } from '../lib/synthetic-manifest';

export const name = 'open-documents';

const DOCUMENTS = 10;
const CANVASES = 1_000;

/** Each document's text differs (its own ids), as ten different manifests would. */
function textOf(n: number): string {
  return syntheticManifestText(CANVASES).replaceAll('https://example.org/', `https://example.org/d${n}/`);
}

function openAll(): void {
  for (let n = 0; n < DOCUMENTS; n += 1) {
    const text = textOf(n);
    const read = readDocument(text);
    if (!read.ok) throw new Error(`bench: synthetic manifest refused: ${read.error.message}`);
    prepareNewTab();
    useAppStore.getState().loadDocument({
      doc: read.doc,
      format: read.format,
      file: { path: `/bench/d${n}.json`, name: `d${n}.json`, mtimeMs: 0 },
      textBase: createTextBase(text, read.doc, read.format),
    });
  }
}

function closeAll(): void {
  while (useAppStore.getState().doc !== null) useAppStore.getState().closeDocument();
}

export async function run(): Promise<Record<string, number>> {
  const texts = Array.from({ length: DOCUMENTS }, (_, n) => textOf(n));
  const jsonMb = texts.reduce((sum, text) => sum + text.length, 0) / 1024 / 1024;
  retainedHeapMb(() => texts.map((text) => JSON.parse(text) as unknown));
  const parsedMb = retainedHeapMb(() => texts.map((text) => JSON.parse(text) as unknown));
  texts.length = 0;

  closeAll();
  const uncompactedMb = retainedHeapMb(() => {
    openAll();
    return useAppStore.getState().openDocuments;
  });
  closeAll();
  const storeMb = retainedHeapMb(() => {
    openAll();
    useAppStore.getState().compactBackground();
    return useAppStore.getState().openDocuments;
  });
  const tabs = useAppStore.getState().openDocuments.length;
  const kept = useAppStore.getState().openDocuments.filter((e) => e.snapshot?.textBase).length;
  closeAll();
  if (tabs !== DOCUMENTS) throw new Error(`bench: expected ${DOCUMENTS} tabs, got ${tabs}`);
  if (kept !== 0) throw new Error(`bench: ${kept} background documents kept their text`);

  return {
    documents_10x1k_json_mb: round(jsonMb, 1),
    documents_10x1k_parse_heap_mb: round(parsedMb, 1),
    documents_10x1k_heap_mb: round(storeMb, 1),
    documents_10x1k_heap_vs_json: round(storeMb / jsonMb, 2),
    documents_10x1k_heap_vs_parse: round(storeMb / parsedMb, 2),
    documents_10x1k_uncompacted_heap_vs_json: round(uncompactedMb / jsonMb, 2),
  };
}
