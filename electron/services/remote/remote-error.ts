/**
 * Every way fetching a remote IIIF resource can fail, as one error type with a stable code and a sentence a
 * curator understands. It extends UserFacingError, so the IPC dispatcher passes code and message to the UI.
 */
import { UserFacingError } from '../../../shared/ipc/result';

export type RemoteErrorCode =
  | 'timeout'
  | 'http'
  | 'too-large'
  | 'busy'
  | 'redirects'
  | 'not-json'
  | 'html'
  | 'network'
  | 'scheme'
  | 'cancelled'
  | 'invalid'
  | 'private-network';

export interface RemoteErrorInfo {
  readonly code: RemoteErrorCode;
  readonly message: string;
  readonly url: string;
  readonly status?: number;
}

export class RemoteError extends UserFacingError {
  declare readonly code: RemoteErrorCode;
  constructor(
    code: RemoteErrorCode,
    message: string,
    readonly url: string,
    readonly status?: number,
    /** For 'invalid': one sentence per problem found in the document. */
    readonly reasons: readonly string[] = [],
  ) {
    super(code, message);
    this.name = 'RemoteError';
  }

  toInfo(): RemoteErrorInfo {
    return {
      code: this.code,
      message: this.message,
      url: this.url,
      ...(this.status ? { status: this.status } : {}),
    };
  }
}

export function isRemoteError(error: unknown): error is RemoteError {
  return error instanceof RemoteError;
}

/** Human wording for the HTTP statuses curators actually meet. */
export function httpStatusMessage(status: number, host: string): string {
  switch (status) {
    case 400:
      return `${host} did not understand the request (400 Bad Request).`;
    case 401:
    case 403:
      return `${host} refused access (${status}). The resource may need a login or be restricted.`;
    case 404:
    case 410:
      return `${host} says there is nothing at this address (${status}). Check the link for typos.`;
    case 429:
      return `${host} is limiting requests (429 Too Many Requests) and did not answer after several polite retries.`;
    case 500:
      return `${host} had an internal error (500). Try again later or tell the institution.`;
    case 502:
    case 503:
    case 504:
      return `${host} is unavailable or overloaded (${status}) and did not recover after several retries.`;
    default:
      return `${host} answered with HTTP status ${status}.`;
  }
}

export function cancelledError(url: string): RemoteError {
  return new RemoteError('cancelled', 'The request was cancelled.', url);
}
