/**
 * When to try again, and how long to wait first. 429 and the gateway/overload statuses (502, 503, 504) are
 * transient by definition; anything else is an answer. A server's Retry-After (seconds or an HTTP date) wins
 * over our own exponential backoff, but is capped so one institution cannot park an import for an hour.
 */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

export interface RetrySettings {
  /** Retries after the first attempt. */
  readonly maxRetries: number;
  /** First backoff; doubles each retry. */
  readonly backoffBaseMs: number;
  /** Ceiling for both our backoff and the server's Retry-After. */
  readonly maxDelayMs: number;
  /**
   * Ceiling for all waits of one request together: a Retry-After of 99999 on every answer would otherwise
   * park an import for maxRetries × maxDelayMs (90 s) before saying anything.
   */
  readonly maxTotalDelayMs?: number;
}

/** Milliseconds to wait according to a Retry-After header, or undefined when absent or unreadable. */
export function parseRetryAfter(header: string | undefined, nowMs: number): number | undefined {
  if (header === undefined) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/** Delay before retry number `retry` (1-based). */
export function retryDelayMs(
  settings: RetrySettings,
  retry: number,
  retryAfterMs: number | undefined,
): number {
  const backoff = settings.backoffBaseMs * 2 ** (retry - 1);
  return Math.min(retryAfterMs ?? backoff, settings.maxDelayMs);
}

/** A sleep that ends early (rejecting) when the signal aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('aborted'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
