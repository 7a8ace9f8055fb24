/**
 * Annotations at scale (issue 16 targets): a 10,000-canvas manifest with 20 embedded annotations per canvas
 * (200,000: boxes with a transcription each, as OCR makes them) opens in <= 1.5x JSON.parse, takes <= 1.5x its
 * JSON size of heap, and lists one canvas's annotations (what switching canvases shows) well within a frame.
 */
import { listAnnotations } from '../../shared/iiif/annotations';
import { readDocument } from '../../shared/iiif/document';
import type { JsonObject } from '../../shared/iiif/json';
import { compare, retainedHeapMb, round, timeMedian } from '../lib/measure';
import { syntheticManifest } from '../lib/synthetic-manifest';

export const name = 'annotations-200k';

const CANVASES = 10_000;
const PER_CANVAS = 20;

function annotatedText(): string {
  const doc = syntheticManifest(CANVASES);
  const items = (doc.items as JsonObject[]).map((canvas) => {
    const id = String(canvas.id);
    return {
      ...canvas,
      annotations: [
        {
          id: `${id}/annotations/1`,
          type: 'AnnotationPage',
          items: Array.from({ length: PER_CANVAS }, (_, i) => ({
            id: `${id}/annotation/${i + 1}`,
            type: 'Annotation',
            motivation: 'supplementing',
            body: {
              type: 'TextualBody',
              value: `Line ${i + 1} of the page`,
              language: 'en',
            },
            target: `${id}#xywh=${100},${100 + i * 60},${1800},${50}`,
          })),
        },
      ],
    };
  });
  // Compact: pretty-printed, 200,000 annotations pass the 64 MB a document may have.
  return JSON.stringify({ ...doc, items });
}

function open(text: string): JsonObject {
  const read = readDocument(text);
  if (!read.ok) throw new Error(`bench: annotated manifest refused: ${read.error.message}`);
  return read.doc;
}

export async function run(): Promise<Record<string, number>> {
  const text = annotatedText();
  const out: Record<string, number> = {};
  out['annotations_200k_json_mb'] = round(text.length / 1024 / 1024, 1);

  const opened = compare(
    () => open(text),
    () => JSON.parse(text),
    3,
  );
  out['annotations_200k_open_vs_parse'] = round(opened.ratio, 2);
  out['annotations_200k_open_ms'] = round(opened.subjectMs, 1);

  const heap = retainedHeapMb(() => open(text));
  out['annotations_200k_heap_vs_json'] = round(heap / (text.length / 1024 / 1024), 2);

  const doc = open(text);
  const middle = CANVASES / 2;
  if (listAnnotations(doc, { canvasIndex: middle }).length !== PER_CANVAS)
    throw new Error('bench: the canvas does not list its annotations');
  out['annotations_200k_canvas_list_ms'] = round(
    timeMedian(() => listAnnotations(doc, { canvasIndex: middle }), 101),
    4,
  );
  // For scale: what filtering the whole list cost (the previous way), and the whole list itself.
  out['annotations_200k_all_list_ms'] = round(
    timeMedian(() => listAnnotations(doc), 5),
    1,
  );
  return out;
}
