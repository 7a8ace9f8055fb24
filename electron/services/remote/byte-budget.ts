/**
 * One ceiling for the bytes all remote requests hold in memory together. Each request has its own size cap,
 * but a batch of a hundred addresses on many hosts runs a hundred requests at once, and a gzip bomb reaches
 * its cap from a few kilobytes on the wire: caps per request alone let one call buffer gigabytes. A request
 * takes from the budget as its (decompressed) body arrives and gives everything back when its caller is done
 * with the body; a request that would overdraw it stops at once, so the budget is never exceeded.
 */
export interface ByteLease {
  /** Claims `bytes` more; false (and nothing claimed) when the shared budget cannot cover them. */
  take(bytes: number): boolean;
  /** Gives back everything this lease claimed. Safe to call more than once. */
  release(): void;
}

export interface ByteBudget {
  lease(): ByteLease;
  inUse(): number;
  readonly maxBytes: number;
}

export function createByteBudget(maxBytes: number): ByteBudget {
  let used = 0;
  return {
    maxBytes,
    inUse: () => used,
    lease() {
      let held = 0;
      return {
        take(bytes) {
          if (used + bytes > maxBytes) return false;
          used += bytes;
          held += bytes;
          return true;
        },
        release() {
          used -= held;
          held = 0;
        },
      };
    },
  };
}
