/**
 * A small per-host gate for thumbnail loads. Institutions throttle (or block) clients that open many
 * connections, and a fast scroll through 10k canvases would otherwise start hundreds of image requests at one
 * server. So a cell asks for a slot before it sets its <img> src, and gives the slot back when the image
 * loads, fails or the cell is unmounted (scrolled away: the request is then cancelled by clearing the src).
 *
 * It knows nothing about the DOM: `start` is whatever the caller does once it may load (set the src), which
 * keeps it unit-testable and lets the cell own its element.
 */

export const MAX_LOADS_PER_HOST = 6;

export interface LoadTicket {
  /** The load finished (loaded or failed): frees the slot. Idempotent. */
  done(): void;
  /** The caller no longer wants the image (unmounted): leaves the queue, or frees the slot. Idempotent. */
  cancel(): void;
}

export interface HostLoadQueue {
  /** Calls `start` now if the URL's host has a free slot, else when one frees up (unless cancelled first). */
  request(url: string, start: () => void): LoadTicket;
  /** Loads started and not yet done, and loads waiting, for one host (or all hosts). */
  stats(host?: string): { inFlight: number; waiting: number };
}

/** The key requests are counted under: scheme + host + port, as browsers count connections. */
export function hostKey(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'invalid';
  }
}

interface Entry {
  readonly host: string;
  readonly start: () => void;
  state: 'waiting' | 'running' | 'finished';
}

export function createHostLoadQueue(maxPerHost: number = MAX_LOADS_PER_HOST): HostLoadQueue {
  const running = new Map<string, number>();
  // Insertion-ordered sets: FIFO within a host, O(1) removal when a waiting cell scrolls away.
  const waiting = new Map<string, Set<Entry>>();

  const startNext = (host: string) => {
    const queue = waiting.get(host);
    while (queue && queue.size > 0 && (running.get(host) ?? 0) < maxPerHost) {
      const next = queue.values().next().value as Entry;
      queue.delete(next);
      run(next);
    }
    if (queue && queue.size === 0) waiting.delete(host);
  };

  const run = (entry: Entry) => {
    entry.state = 'running';
    running.set(entry.host, (running.get(entry.host) ?? 0) + 1);
    entry.start();
  };

  const finish = (entry: Entry) => {
    if (entry.state === 'finished') return;
    const wasRunning = entry.state === 'running';
    if (entry.state === 'waiting') waiting.get(entry.host)?.delete(entry);
    entry.state = 'finished';
    if (wasRunning) {
      const count = (running.get(entry.host) ?? 1) - 1;
      if (count > 0) running.set(entry.host, count);
      else running.delete(entry.host);
      startNext(entry.host);
    }
  };

  return {
    request(url, start) {
      const entry: Entry = { host: hostKey(url), start, state: 'waiting' };
      if ((running.get(entry.host) ?? 0) < maxPerHost) run(entry);
      else {
        const queue = waiting.get(entry.host) ?? new Set<Entry>();
        queue.add(entry);
        waiting.set(entry.host, queue);
      }
      return { done: () => finish(entry), cancel: () => finish(entry) };
    },
    stats(host) {
      if (host !== undefined) {
        return { inFlight: running.get(host) ?? 0, waiting: waiting.get(host)?.size ?? 0 };
      }
      let inFlight = 0;
      let queued = 0;
      for (const count of running.values()) inFlight += count;
      for (const queue of waiting.values()) queued += queue.size;
      return { inFlight, waiting: queued };
    },
  };
}

/** The queue every thumbnail in the app shares. */
export const thumbnailQueue: HostLoadQueue = createHostLoadQueue();

/**
 * URLs that already loaded or failed. A cell scrolled back into view shows a loaded image at once (the browser
 * has it cached) and a broken one without asking the server again. Bounded, oldest forgotten first.
 */
const SETTLED_LIMIT = 20_000;
const settled = new Map<string, 'loaded' | 'failed'>();

export function settledState(url: string): 'loaded' | 'failed' | undefined {
  return settled.get(url);
}

export function markSettled(url: string, state: 'loaded' | 'failed'): void {
  settled.delete(url);
  settled.set(url, state);
  if (settled.size > SETTLED_LIMIT) settled.delete(settled.keys().next().value as string);
}
