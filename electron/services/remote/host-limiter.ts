/**
 * At most N requests in flight per host (host = name and port, so each fixture port counts as its own
 * institution). Browsers use 6 per host too; staying there keeps us polite towards small institutions'
 * servers and avoids their rate limits. Waiters are served in arrival order; a cancelled waiter leaves the
 * queue without ever taking a slot.
 */
import { cancelledError } from './remote-error';

export interface HostLimiter {
  run<T>(host: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  inFlight(host: string): number;
  queued(host: string): number;
}

interface HostState {
  active: number;
  waiting: Array<{ start: () => void; cancel: () => void }>;
}

export function createHostLimiter(maxPerHost: number): HostLimiter {
  if (!Number.isInteger(maxPerHost) || maxPerHost < 1)
    throw new Error('maxPerHost must be a positive integer');
  const hosts = new Map<string, HostState>();
  const stateOf = (host: string) => {
    let state = hosts.get(host);
    if (!state) hosts.set(host, (state = { active: 0, waiting: [] }));
    return state;
  };
  const release = (host: string, state: HostState) => {
    state.active -= 1;
    const next = state.waiting.shift();
    if (next) next.start();
    else if (state.active === 0) hosts.delete(host);
  };
  const acquire = (host: string, state: HostState, signal?: AbortSignal): Promise<void> => {
    if (signal?.aborted) return Promise.reject(cancelledError(host));
    if (state.active < maxPerHost) {
      state.active += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const index = state.waiting.indexOf(waiter);
        if (index >= 0) state.waiting.splice(index, 1);
        reject(cancelledError(host));
      };
      const waiter = {
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          state.active += 1;
          resolve();
        },
        cancel: onAbort,
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      state.waiting.push(waiter);
    });
  };
  return {
    async run(host, task, signal) {
      const state = stateOf(host);
      await acquire(host, state, signal);
      try {
        return await task();
      } finally {
        release(host, state);
      }
    },
    inFlight: (host) => hosts.get(host)?.active ?? 0,
    queued: (host) => hosts.get(host)?.waiting.length ?? 0,
  };
}
