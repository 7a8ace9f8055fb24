import { describe, expect, it } from 'vitest';
import { createHostLoadQueue, hostKey } from '../../../renderer/src/features/canvases/thumbnail-queue';

describe('per-host thumbnail queue', () => {
  it('starts at most six loads per host and starts the next one when a slot frees', () => {
    const queue = createHostLoadQueue(6);
    const started: number[] = [];
    const tickets = Array.from({ length: 10 }, (_, i) =>
      queue.request(`http://127.0.0.1:9000/img/${i}.jpg`, () => started.push(i)),
    );
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(queue.stats('http://127.0.0.1:9000')).toEqual({ inFlight: 6, waiting: 4 });
    tickets[2]?.done();
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // Done twice frees one slot only.
    tickets[2]?.done();
    expect(queue.stats()).toEqual({ inFlight: 6, waiting: 3 });
  });

  it('counts hosts separately', () => {
    const queue = createHostLoadQueue(2);
    const started: string[] = [];
    for (const host of ['http://a.test', 'http://a.test', 'http://a.test', 'http://b.test', 'http://b.test'])
      queue.request(`${host}/x.jpg`, () => started.push(host));
    expect(started).toEqual(['http://a.test', 'http://a.test', 'http://b.test', 'http://b.test']);
    expect(queue.stats('http://a.test')).toEqual({ inFlight: 2, waiting: 1 });
  });

  it('drops a waiting load that is cancelled, and frees the slot of a running one', () => {
    const queue = createHostLoadQueue(1);
    const started: string[] = [];
    const running = queue.request('http://a.test/1', () => started.push('1'));
    const scrolledAway = queue.request('http://a.test/2', () => started.push('2'));
    queue.request('http://a.test/3', () => started.push('3'));
    scrolledAway.cancel();
    running.cancel();
    expect(started).toEqual(['1', '3']);
    expect(queue.stats()).toEqual({ inFlight: 1, waiting: 0 });
  });

  it('counts scheme, host and port together, as browsers count connections', () => {
    expect(hostKey('http://127.0.0.1:9000/a')).toBe('http://127.0.0.1:9000');
    expect(hostKey('https://127.0.0.1:9000/a')).not.toBe(hostKey('http://127.0.0.1:9000/a'));
    expect(hostKey('not a url')).toBe('invalid');
  });
});
