/**
 * How a publication in progress is watched and stopped: progress as n of m (files staged, files uploaded),
 * and an AbortSignal every step honours until the moment the target switches to the new publication. After
 * that moment a cancellation is too late and is ignored, so a cancelled publication is always the previous one.
 */
import { UserFacingError } from '../../../shared/ipc/result';

export type PublishPhase = 'preparing' | 'staging' | 'uploading' | 'pushing' | 'checking';

export interface PublishProgress {
  readonly phase: PublishPhase;
  readonly done: number;
  readonly total: number;
}

export interface TransferControl {
  readonly signal?: AbortSignal | undefined;
  onProgress?(progress: PublishProgress): void;
}

export const CANCELLED = 'cancelled';

export function cancelledError(): UserFacingError {
  return new UserFacingError(CANCELLED, 'Publishing was cancelled; the previous publication is unchanged.');
}

export function throwIfCancelled(control: TransferControl | undefined): void {
  if (control?.signal?.aborted === true) throw cancelledError();
}

/** What Node throws for an aborted execFile or HTTP request. */
export function isAbortError(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === 'AbortError' || (error as { code?: unknown }).code === 'ABORT_ERR')
  );
}
