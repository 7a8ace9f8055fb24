/**
 * The envelope every channel answers with, in all three transports (Electron IPC, HTTP, direct call).
 * Handlers never throw across a process boundary: failures travel as data the renderer can show.
 */
export interface AppError {
  /** Stable, machine-readable: 'invalid-request', 'not-found', 'refused', 'conflict', 'internal', ... */
  readonly code: string;
  /** A sentence a curator understands. */
  readonly message: string;
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: string, message: string): { ok: false; error: AppError } {
  return { ok: false, error: { code, message } };
}

/** An error a service throws on purpose, carrying a code and a message meant for the user. */
export class UserFacingError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}
