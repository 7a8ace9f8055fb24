/**
 * Offline OCR throughput (issue 16): seconds per megapixel for a page of printed text the case draws (two columns,
 * the same fixture as the OCR tests, at twice the size), with the worker count the app would use on this machine,
 * and how long a cancelled run takes to settle. Seconds per megapixel are for a whole run of four canvases,
 * worker start-up (the wasm engine and the language data) and image preparation included; one canvas alone is
 * given too, which pays start-up for one page.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OcrSource } from '../../shared/iiif/annotations';
import { sourceOcrFiles } from '../../electron/services/ocr/ocr-files';
import { defaultWorkerCount, runOcr } from '../../electron/services/ocr/ocr-run';
import { drawTextPage } from '../../tests/fixtures/text-page';
import { round } from '../lib/measure';

export const name = 'ocr';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function run(): Promise<Record<string, number>> {
  const page = await drawTextPage({ scale: 2 });
  const files = sourceOcrFiles(ROOT);
  const fetcher = { json: () => Promise.reject(new Error('not used')), bytes: async () => page.png };
  const canvases = 4;
  const workers = defaultWorkerCount(canvases);
  const sources: OcrSource[] = Array.from({ length: canvases }, (_, i) => ({
    canvasIndex: i,
    canvasId: `https://example.org/canvas/${i + 1}`,
    image: { kind: 'image', url: 'https://example.org/page.png' },
    region: 'full',
    frame: { x: 0, y: 0, width: page.width, height: page.height },
  }));
  const megapixels = (page.width * page.height) / 1e6;

  // One canvas on one worker, end to end.
  const oneStart = performance.now();
  await runOcr({ sources: sources.slice(0, 1), language: 'eng', files, fetcher, workers: 1 });
  const oneSeconds = (performance.now() - oneStart) / 1000;

  // The whole run with the app's worker count.
  const allStart = performance.now();
  const all = await runOcr({ sources, language: 'eng', files, fetcher, workers });
  const allSeconds = (performance.now() - allStart) / 1000;
  if (all.failures.length > 0) throw new Error(`bench: OCR failed: ${all.failures[0]?.message}`);

  // Cancel in the middle of recognising the first canvas.
  const controller = new AbortController();
  let cancelledAt = 0;
  await runOcr({
    sources,
    language: 'eng',
    files,
    fetcher,
    workers,
    signal: controller.signal,
    onProgress: (p) => {
      if (cancelledAt === 0 && p.fraction > 0) {
        cancelledAt = performance.now();
        controller.abort();
      }
    },
  });
  const cancelMs = performance.now() - cancelledAt;

  return {
    ocr_workers: workers,
    ocr_cores: typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length,
    ocr_page_mp: round(megapixels, 2),
    ocr_s_per_mp: round(allSeconds / (megapixels * canvases), 2),
    ocr_one_canvas_s: round(oneSeconds, 2),
    ocr_cancel_settled_ms: round(cancelMs, 0),
  };
}
