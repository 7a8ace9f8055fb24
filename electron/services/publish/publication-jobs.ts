/**
 * Publications as jobs, because the contract is request/response (IPC and HTTP alike): starting one answers
 * at once with a job id; the renderer then asks for its status (progress n of m, and at the end its result or
 * error) and may cancel it. Finished jobs are kept for a while so that a last status request still finds them.
 */
import { randomUUID } from 'node:crypto';
import { UserFacingError } from '../../../shared/ipc/result';
import { CANCELLED, type PublishProgress, type TransferControl } from './transfer-control';

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobStatus<T> {
  readonly state: JobState;
  readonly progress: PublishProgress | null;
  readonly result?: T;
  readonly error?: { readonly code: string; readonly message: string };
}

interface Job<T> {
  status: JobStatus<T>;
  readonly abort: AbortController;
}

const KEPT_FINISHED = 20;

export interface Jobs<T> {
  start(work: (control: TransferControl) => Promise<T>): string;
  status(id: string): JobStatus<T>;
  /** Asks the job to stop; it reports 'cancelled' once it has (or 'done' when it was too late). */
  cancel(id: string): JobStatus<T>;
}

export function createJobs<T>(): Jobs<T> {
  const jobs = new Map<string, Job<T>>();
  const find = (id: string): Job<T> => {
    const job = jobs.get(id);
    if (!job) throw new UserFacingError('no-such-job', 'That publication is not known (any more).');
    return job;
  };
  const forgetOldFinished = () => {
    const finished = [...jobs].filter(([, job]) => job.status.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEPT_FINISHED))) jobs.delete(id);
  };
  return {
    start(work) {
      const id = randomUUID();
      const job: Job<T> = { status: { state: 'running', progress: null }, abort: new AbortController() };
      jobs.set(id, job);
      const control: TransferControl = {
        signal: job.abort.signal,
        onProgress: (progress) => {
          if (job.status.state === 'running') job.status = { ...job.status, progress };
        },
      };
      void work(control).then(
        (result) => {
          job.status = { state: 'done', progress: job.status.progress, result };
          forgetOldFinished();
        },
        (error: unknown) => {
          const code = error instanceof UserFacingError ? error.code : 'publish-failed';
          const message = error instanceof Error ? error.message : String(error);
          job.status = {
            state: code === CANCELLED ? 'cancelled' : 'failed',
            progress: job.status.progress,
            error: { code, message },
          };
          forgetOldFinished();
        },
      );
      return id;
    },
    status: (id) => find(id).status,
    cancel(id) {
      const job = find(id);
      job.abort.abort();
      return job.status;
    },
  };
}
