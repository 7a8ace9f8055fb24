/**
 * A publication as a job in the Publish dialog: started through the contract (which answers at once), then
 * asked for its status until it ends, so that the dialog shows n of m files and can cancel it. Requests and
 * answers are plain request/response, so this works the same over Electron IPC and the web host's HTTP.
 */
import { useEffect, useRef, useState } from 'react';
import type { RequestOf, ResponseOf } from '../../../../shared/ipc/contract';
import { api } from '../../api';

export type JobProgress = NonNullable<ResponseOf<'publicationJob'>['progress']>;
type Published = ResponseOf<'publishDocument'>;
export type JobOutcome =
  | { readonly ok: true; readonly value: Published }
  | { readonly ok: false; readonly message: string; readonly cancelled: boolean };

/** How often a running job is asked how far it is: often enough to look live, rarely enough to cost nothing. */
const POLL_MS = 200;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function usePublicationJob() {
  const [jobId, setJobId] = useState<string | null>(null);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = async (request: RequestOf<'startPublication'>): Promise<JobOutcome> => {
    const started = await api.startPublication(request);
    if (!started.ok) return { ok: false, message: started.error.message, cancelled: false };
    const id = started.value.jobId;
    setJobId(id);
    setProgress(null);
    try {
      for (;;) {
        await wait(POLL_MS);
        const status = await api.publicationJob({ jobId: id });
        if (!status.ok) return { ok: false, message: status.error.message, cancelled: false };
        const { state, result, error } = status.value;
        if (mounted.current) setProgress(status.value.progress);
        if (state === 'done' && result) return { ok: true, value: result };
        if (state !== 'running')
          return {
            ok: false,
            message: error?.message ?? 'Publishing stopped.',
            cancelled: state === 'cancelled',
          };
      }
    } finally {
      if (mounted.current) {
        setJobId(null);
        setProgress(null);
      }
    }
  };
  const cancel = () => {
    if (jobId !== null) void api.cancelPublication({ jobId });
  };
  return { run, cancel, running: jobId !== null, progress };
}

const PHASES: Record<JobProgress['phase'], string> = {
  preparing: 'Reading the last publication',
  staging: 'Writing',
  uploading: 'Uploading',
  pushing: 'Pushing to the remote',
  checking: 'Fetching it back to check',
};

export function progressText(progress: JobProgress | null): string {
  if (progress === null) return 'Starting…';
  const counted = progress.phase === 'staging' || progress.phase === 'uploading';
  return counted
    ? `${PHASES[progress.phase]}: ${progress.done} of ${progress.total} files`
    : `${PHASES[progress.phase]}…`;
}
