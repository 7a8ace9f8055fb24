/**
 * OCR as background jobs behind the contract's start/status/cancel channels. The contract is request/response
 * (Electron IPC and the web host's HTTP alike), so progress is polled: start answers at once with the job's id,
 * status says how far it is and, once finished, hands over the results, and cancel terminates its workers.
 * A finished job is kept until its results were read (and a few more in case a poll was lost), then dropped.
 */
import { randomUUID } from 'node:crypto';
import type { OcrCanvasResult, OcrSource } from '../../../shared/iiif/annotations';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { UserFacingError } from '../../../shared/ipc/result';
import type { OcrFiles } from './ocr-files';
import { remoteOcrFetcher, type OcrImageFetcher } from './ocr-image';
import type { RemoteService } from '../remote/remote-service';
import { defaultWorkerCount, runOcr, type OcrFailure, type OcrProgress } from './ocr-run';

export interface OcrJobsDeps {
  readonly files: OcrFiles;
  /** The fetcher for a job, given the page's origin (local images are served under it). */
  readonly fetcher: (origin: string | undefined) => OcrImageFetcher;
  readonly workers?: number;
}

interface Job {
  readonly controller: AbortController;
  readonly total: number;
  readonly workers: number;
  progress: OcrProgress;
  state: 'running' | 'done' | 'cancelled';
  results: OcrCanvasResult[];
  failures: OcrFailure[];
  finishedAt?: number;
}

/** Finished jobs whose results were never read are kept up to this many. */
const KEEP_FINISHED = 8;

export interface OcrJobs {
  start(request: { sources: readonly OcrSource[]; language: string; origin?: string | undefined }): {
    jobId: string;
    workers: number;
  };
  status(jobId: string): ResponseOf<'ocrStatus'>;
  cancel(jobId: string): { cancelled: boolean };
  /** Cancels every running job (the app is closing). */
  closeAll(): void;
  /** Settles when every job has finished (tests). */
  idle(): Promise<void>;
}

export function createOcrJobs(deps: OcrJobsDeps): OcrJobs {
  const jobs = new Map<string, Job>();
  const running = new Set<Promise<unknown>>();
  const find = (jobId: string): Job => {
    const job = jobs.get(jobId);
    if (!job)
      throw new UserFacingError('not-found', 'There is no such OCR job (it may have finished long ago).');
    return job;
  };
  const prune = () => {
    const finished = [...jobs.entries()].filter(([, job]) => job.state !== 'running');
    finished.sort((a, b) => (a[1].finishedAt ?? 0) - (b[1].finishedAt ?? 0));
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) jobs.delete(id);
  };
  return {
    start({ sources, language, origin }) {
      // Refused before anything starts: an unknown language is the caller's to fix.
      for (const code of language.split('+')) deps.files.languageDataDir(code);
      const jobId = randomUUID();
      const workers = Math.min(deps.workers ?? defaultWorkerCount(sources.length), sources.length);
      const job: Job = {
        controller: new AbortController(),
        total: sources.length,
        workers,
        progress: { done: 0, total: sources.length, fraction: 0 },
        state: 'running',
        results: [],
        failures: [],
      };
      jobs.set(jobId, job);
      const work = runOcr({
        sources,
        language,
        files: deps.files,
        fetcher: deps.fetcher(origin),
        workers,
        signal: job.controller.signal,
        onProgress: (progress) => (job.progress = progress),
      }).then(
        (outcome) => {
          if (job.state === 'cancelled') return;
          job.state = outcome.cancelled ? 'cancelled' : 'done';
          if (!outcome.cancelled) {
            job.results = outcome.results;
            job.failures = outcome.failures;
          }
        },
        (error: unknown) => {
          // The run itself failed (no worker could start): every canvas is reported with the reason.
          if (job.state === 'cancelled') return;
          const message = error instanceof Error ? error.message : String(error);
          job.state = 'done';
          job.failures = sources.map((s) => ({ canvasIndex: s.canvasIndex, canvasId: s.canvasId, message }));
        },
      );
      const tracked = work.finally(() => {
        job.finishedAt = Date.now();
        running.delete(tracked);
        prune();
      });
      running.add(tracked);
      return { jobId, workers };
    },
    status(jobId) {
      const job = find(jobId);
      const finished = job.state !== 'running';
      // Results are handed over once; the job is then forgotten.
      if (finished) jobs.delete(jobId);
      return {
        state: job.state,
        done: finished && job.state === 'done' ? job.total : job.progress.done,
        total: job.total,
        progress: finished && job.state === 'done' ? 1 : job.progress.fraction,
        workers: job.workers,
        results: finished ? job.results : [],
        failures: finished ? job.failures : [],
      };
    },
    cancel(jobId) {
      const job = jobs.get(jobId);
      if (!job || job.state !== 'running') return { cancelled: false };
      // Cancelled as of now for every poll; the workers are terminated by the abort.
      job.state = 'cancelled';
      job.finishedAt = Date.now();
      job.controller.abort();
      return { cancelled: true };
    },
    closeAll() {
      for (const job of jobs.values()) job.controller.abort();
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}

/** The jobs of the desktop app or the web host: images through its sources (remote service, local images). */
export function createAppOcrJobs(
  sources: { readonly remote: RemoteService; readonly localImagesDir: string },
  files: OcrFiles,
  defaultOrigin?: string,
): OcrJobs {
  return createOcrJobs({
    files,
    fetcher: (origin) => {
      const pageOrigin = origin ?? defaultOrigin;
      return remoteOcrFetcher(
        sources.remote,
        pageOrigin === undefined ? undefined : { dir: sources.localImagesDir, origin: pageOrigin },
      );
    },
  });
}
