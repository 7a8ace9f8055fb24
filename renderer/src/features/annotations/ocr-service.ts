/**
 * Offline OCR from the annotation panel: the canvases' sources are read from the document here (pure, shared),
 * the main side recognises them as a background job (start, then status polled: the contract is request/response
 * over IPC and HTTP alike), and the results are added as one undo step. Cancelling tells the main side to
 * terminate its workers; nothing is added then.
 */
import {
  addOcrPages,
  ocrSourceFor,
  type OcrCanvasResult,
  type OcrSource,
} from '../../../../shared/iiif/annotations';
import { idMinterFor } from '../../../../shared/iiif/document';
import type { Rect } from '../../../../shared/iiif/image-api/image-selectors';
import type { JsonPath } from '../../../../shared/iiif/json';
import { api } from '../../api';
import { useAppStore } from '../../store/store';

export interface OcrFailureView {
  readonly canvasIndex: number;
  readonly message: string;
}

export interface OcrOutcome {
  readonly cancelled: boolean;
  readonly results: readonly OcrCanvasResult[];
  readonly failures: readonly OcrFailureView[];
  readonly workers: number;
}

export interface OcrProgressView {
  readonly done: number;
  readonly total: number;
  readonly fraction: number;
  readonly workers: number;
}

const POLL_MS = 300;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Recognises the text of `canvasIndices` (or `area` of the one canvas) until done or `signal` aborts. */
export async function recogniseText(args: {
  readonly canvasIndices: readonly number[];
  readonly area?: Rect;
  readonly language: string;
  readonly signal: AbortSignal;
  readonly onProgress: (progress: OcrProgressView) => void;
}): Promise<OcrOutcome> {
  const doc = useAppStore.getState().doc;
  const sources: OcrSource[] = [];
  const failures: OcrFailureView[] = [];
  for (const index of args.canvasIndices) {
    const found = doc ? ocrSourceFor(doc, index, args.area) : null;
    if (found?.ok) sources.push(found.source);
    else failures.push({ canvasIndex: index, message: found?.message ?? 'There is no document.' });
  }
  if (sources.length === 0) return { cancelled: false, results: [], failures, workers: 0 };
  const started = await api.ocrStart({ sources, language: args.language, origin: window.location.origin });
  if (!started.ok) {
    return {
      cancelled: false,
      results: [],
      failures: [
        ...failures,
        ...sources.map((s) => ({ canvasIndex: s.canvasIndex, message: started.error.message })),
      ],
      workers: 0,
    };
  }
  const { jobId, workers } = started.value;
  const cancel = () => void api.ocrCancel({ jobId });
  args.signal.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      if (args.signal.aborted) return { cancelled: true, results: [], failures, workers };
      const status = await api.ocrStatus({ jobId });
      if (!status.ok) {
        const message = status.error.message;
        return {
          cancelled: false,
          results: [],
          failures: [...failures, ...sources.map((s) => ({ canvasIndex: s.canvasIndex, message }))],
          workers,
        };
      }
      const s = status.value;
      args.onProgress({ done: s.done, total: s.total, fraction: s.progress, workers: s.workers });
      if (s.state === 'cancelled') return { cancelled: true, results: [], failures, workers };
      if (s.state === 'done')
        return { cancelled: false, results: s.results, failures: [...failures, ...s.failures], workers };
      await wait(POLL_MS);
    }
  } finally {
    args.signal.removeEventListener('abort', cancel);
  }
}

/** Adds the pages found as one undo step; returns their paths (empty when nothing was added). */
export function applyOcrResults(results: readonly OcrCanvasResult[], language: string): JsonPath[] {
  const { doc, commit } = useAppStore.getState();
  if (!doc || results.length === 0) return [];
  const { doc: next, pagePaths } = addOcrPages(doc, { results, language, mint: idMinterFor(doc) });
  if (pagePaths.length === 0) return [];
  const lines = results.reduce((n, r) => n + r.lines.length, 0);
  commit(
    `Recognise text (${lines} lines on ${pagePaths.length} canvas${pagePaths.length === 1 ? '' : 'es'})`,
    next,
  );
  return pagePaths;
}
