import { describe, expect, it } from 'vitest';
import { createHostLimiter } from '../../../electron/services/remote/host-limiter';
import { parseRetryAfter, retryDelayMs } from '../../../electron/services/remote/retry-policy';
import { checkRemoteUrl } from '../../../electron/services/remote/url-policy';

describe('Retry-After and backoff', () => {
  const now = Date.parse('2030-01-01T00:00:00Z');

  it('reads seconds and HTTP dates, ignoring junk', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Tue, 01 Jan 2030 00:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter('Mon, 31 Dec 2029 23:00:00 GMT', now)).toBe(0); // in the past: retry now
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('doubles our own backoff and caps everything, including the server’s wish', () => {
    const settings = { maxRetries: 5, backoffBaseMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(settings, n, undefined))).toEqual([
      100, 200, 400, 800, 1000,
    ]);
    expect(retryDelayMs(settings, 1, 250)).toBe(250);
    expect(retryDelayMs(settings, 1, 3_600_000)).toBe(1000);
  });
});

describe('URL policy', () => {
  it.each([
    'file:///etc/passwd',
    'data:application/json,{}',
    'javascript:alert(1)',
    'ftp://example.org/a',
    'chrome://settings',
  ])('refuses %s with a clear scheme error', (url) => {
    expect(() => checkRemoteUrl(url)).toThrow(
      expect.objectContaining({ code: 'scheme', message: expect.stringMatching(/http/) }),
    );
  });

  it('refuses text that is not a URL, and drops fragments from web addresses', () => {
    expect(() => checkRemoteUrl('images/abc')).toThrow(expect.objectContaining({ code: 'invalid' }));
    expect(checkRemoteUrl(' https://example.org/a#frag ').href).toBe('https://example.org/a');
  });
});

describe('host limiter', () => {
  const deferred = () => {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    return { promise, resolve };
  };

  it('runs at most N tasks per host, in arrival order, and hosts do not share slots', async () => {
    const limiter = createHostLimiter(2);
    const started: string[] = [];
    const gates = new Map<string, ReturnType<typeof deferred>>();
    const task = (name: string, host: string) =>
      limiter.run(host, async () => {
        started.push(name);
        const gate = deferred();
        gates.set(name, gate);
        await gate.promise;
        return name;
      });
    const runs = [task('a1', 'a'), task('a2', 'a'), task('a3', 'a'), task('a4', 'a'), task('b1', 'b')];
    await Promise.resolve();
    expect(started).toEqual(['a1', 'a2', 'b1']);
    expect(limiter.inFlight('a')).toBe(2);
    expect(limiter.queued('a')).toBe(2);
    gates.get('a2')?.resolve();
    await runs[1];
    await Promise.resolve();
    expect(started).toEqual(['a1', 'a2', 'b1', 'a3']);
    for (const name of ['a1', 'a3', 'b1']) gates.get(name)?.resolve();
    await Promise.all([runs[0], runs[2], runs[4]]);
    await Promise.resolve();
    gates.get('a4')?.resolve();
    expect(await Promise.all(runs)).toEqual(['a1', 'a2', 'a3', 'a4', 'b1']);
    expect(limiter.inFlight('a')).toBe(0);
  });

  it('drops a cancelled waiter from the queue without running it', async () => {
    const limiter = createHostLimiter(1);
    const gate = deferred();
    const first = limiter.run('h', () => gate.promise);
    const controller = new AbortController();
    let ran = false;
    const second = limiter.run(
      'h',
      async () => {
        ran = true;
      },
      controller.signal,
    );
    controller.abort();
    await expect(second).rejects.toMatchObject({ code: 'cancelled' });
    expect(limiter.queued('h')).toBe(0);
    gate.resolve();
    await first;
    expect(ran).toBe(false);
    expect(limiter.inFlight('h')).toBe(0);
  });
});
