/**
 * One OCR run over a list of canvases: a pool of tesseract.js workers (threads of this process, wasm, entirely
 * offline: the language data is read from its npm package's folder, nothing is cached or fetched), each taking
 * the next canvas until none is left. A canvas that cannot be read or recognised is reported and the run goes
 * on; cancelling terminates the workers at once (tesseract.js then never settles the job in flight, so every
 * wait is raced against the cancel).
 */
import os from 'node:os';
import Tesseract from 'tesseract.js';
import type { OcrCanvasResult, OcrLine, OcrSource } from '../../../shared/iiif/annotations';
import { UserFacingError } from '../../../shared/ipc/result';
import type { OcrFiles } from './ocr-files';
import { loadOcrImage, type OcrImage, type OcrImageFetcher } from './ocr-image';

export interface OcrFailure {
  readonly canvasIndex: number;
  readonly canvasId: string;
  readonly message: string;
}

export interface OcrProgress {
  /** Canvases finished, recognised or failed. */
  readonly done: number;
  readonly total: number;
  /** 0–1 over the run, the canvases being recognised counted by their share done. */
  readonly fraction: number;
}

export interface OcrRunOptions {
  readonly sources: readonly OcrSource[];
  /** Tesseract language code (`eng`). */
  readonly language: string;
  readonly files: OcrFiles;
  readonly fetcher: OcrImageFetcher;
  /** Threads to recognise in; default: one per core but one, at most 4, never more than canvases. */
  readonly workers?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: OcrProgress) => void;
}

export interface OcrRunResult {
  readonly results: OcrCanvasResult[];
  readonly failures: OcrFailure[];
  readonly cancelled: boolean;
  readonly workers: number;
}

export function defaultWorkerCount(canvases: number): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(canvases, cores - 1, 4));
}

/** Settles with `work`, or rejects as soon as `signal` aborts. */
function unlessAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new CancelledError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new CancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

class CancelledError extends Error {
  constructor() {
    super('OCR was cancelled.');
  }
}

function linesOf(page: Tesseract.Page, image: OcrImage): OcrLine[] {
  const lines: OcrLine[] = [];
  for (const block of page.blocks ?? [])
    for (const paragraph of block.paragraphs)
      for (const line of paragraph.lines) {
        const { x0, y0, x1, y1 } = line.bbox;
        if (x1 <= x0 || y1 <= y0) continue;
        lines.push({
          text: line.text,
          confidence: line.confidence,
          box: { x: x0 + image.offset.x, y: y0 + image.offset.y, width: x1 - x0, height: y1 - y0 },
        });
      }
  return lines;
}

function messageOf(error: unknown): string {
  if (error instanceof UserFacingError) return error.message;
  const text = error instanceof Error ? error.message : String(error);
  return `Recognition failed: ${text}`;
}

export async function runOcr(options: OcrRunOptions): Promise<OcrRunResult> {
  const { sources, language } = options;
  const signal = options.signal ?? new AbortController().signal;
  const languages = language.split('+');
  const dirs = new Set(languages.map((code) => options.files.languageDataDir(code)));
  if (dirs.size > 1)
    throw new UserFacingError(
      'ocr-language',
      'Recognise one language at a time, or languages of one data package.',
    );
  const langPath = [...dirs][0] ?? '';
  const count = Math.max(1, Math.min(sources.length, options.workers ?? defaultWorkerCount(sources.length)));
  const results: OcrCanvasResult[] = [];
  const failures: OcrFailure[] = [];
  const share = new Map<number, number>();
  let done = 0;
  const report = () => {
    let partial = 0;
    for (const value of share.values()) partial += value;
    options.onProgress?.({
      done,
      total: sources.length,
      fraction: sources.length === 0 ? 1 : Math.min(1, (done + partial) / sources.length),
    });
  };

  const workers: Tesseract.Worker[] = [];
  const pending: Promise<Tesseract.Worker>[] = [];
  const terminateAll = () => {
    for (const worker of workers.splice(0)) void worker.terminate();
  };
  signal.addEventListener('abort', terminateAll, { once: true });
  try {
    for (let slot = 0; slot < count; slot += 1) {
      // createWorker does not reject when the language data fails to load (tesseract.js 7): its errorHandler
      // hears it, and the creation is raced against that.
      let setupFailed: (reason: Error) => void = () => undefined;
      const failed = new Promise<never>((_, reject) => (setupFailed = reject));
      failed.catch(() => undefined);
      const created = Tesseract.createWorker(language, Tesseract.OEM.LSTM_ONLY, {
        workerPath: options.files.workerPath,
        langPath,
        gzip: true,
        // Nothing is written: the data is read from the package folder each time a worker starts.
        cacheMethod: 'none',
        logger: (message: Tesseract.LoggerMessage) => {
          if (message.status === 'recognizing text') {
            share.set(slot, message.progress);
            report();
          }
        },
        errorHandler: (data: unknown) =>
          setupFailed(new Error(`The OCR engine could not start: ${String(data)}`)),
      });
      // A worker still starting when the run is cancelled is terminated as soon as it exists.
      created.then(
        (worker) => (signal.aborted ? void worker.terminate() : void workers.push(worker)),
        () => undefined,
      );
      pending.push(Promise.race([created, failed]));
    }
    const ready = await unlessAborted(Promise.all(pending), signal);
    let next = 0;
    await Promise.all(
      ready.map(async (worker, slot) => {
        while (!signal.aborted && next < sources.length) {
          const source = sources[next] as OcrSource;
          next += 1;
          try {
            const image = await unlessAborted(loadOcrImage(source, options.fetcher, signal), signal);
            const recognised = await unlessAborted(
              worker.recognize(image.png, {}, { blocks: true, text: false }),
              signal,
            );
            results.push({
              canvasIndex: source.canvasIndex,
              canvasId: source.canvasId,
              frame: source.frame,
              imageWidth: image.width,
              imageHeight: image.height,
              lines: linesOf(recognised.data, image),
            });
          } catch (error) {
            if (signal.aborted) return;
            failures.push({
              canvasIndex: source.canvasIndex,
              canvasId: source.canvasId,
              message: messageOf(error),
            });
          }
          share.delete(slot);
          done += 1;
          report();
        }
      }),
    );
  } catch (error) {
    if (!(error instanceof CancelledError)) throw error;
  } finally {
    signal.removeEventListener('abort', terminateAll);
    terminateAll();
  }
  results.sort((a, b) => a.canvasIndex - b.canvasIndex);
  failures.sort((a, b) => a.canvasIndex - b.canvasIndex);
  return { results, failures, cancelled: signal.aborted, workers: count };
}
