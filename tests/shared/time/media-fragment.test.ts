import { describe, expect, it } from 'vitest';
import {
  formatTimeFragment,
  readTimeFragment,
  replaceTimeFragment,
  timeSpanOfUri,
  withTimeFragment,
} from '../../../shared/iiif/time';

describe('readTimeFragment', () => {
  it.each([
    ['t=10,20', { start: 10, end: 20 }],
    ['t=10', { start: 10 }],
    ['t=,20', { start: 0, end: 20 }],
    ['t=npt:1.5,3.25', { start: 1.5, end: 3.25 }],
    ['t=0:01:10.5,0:02:00', { start: 70.5, end: 120 }],
    ['xywh=0,0,10,10&t=5,6', { start: 5, end: 6 }],
    ['#t=2,4', { start: 2, end: 4 }],
  ])('reads %s', (fragment, span) => {
    expect(readTimeFragment(fragment)).toEqual({ kind: 'span', span });
  });

  it('says when there is no time part', () => {
    expect(readTimeFragment('xywh=0,0,1,1')).toBeUndefined();
    expect(readTimeFragment('')).toBeUndefined();
  });

  it.each(['t=', 't=,', 't=abc', 't=20,10', 't=1,x'])('reports %s as invalid', (fragment) => {
    const reading = readTimeFragment(fragment);
    expect(reading?.kind).toBe('invalid');
  });
});

describe('formatTimeFragment', () => {
  it('writes seconds, open or closed, to the millisecond', () => {
    expect(formatTimeFragment({ start: 0, end: 5 })).toBe('t=0,5');
    expect(formatTimeFragment({ start: 2.5 })).toBe('t=2.5');
    expect(formatTimeFragment({ start: 0.1 + 0.2, end: 1 / 3 })).toBe('t=0.3,0.333333');
    // A document's own precision survives a rewrite (the cookbook's point selector at 27.660653 s).
    expect(formatTimeFragment({ start: 27.660653 })).toBe('t=27.660653');
  });

  it('round-trips through readTimeFragment', () => {
    const span = { start: 1.25, end: 9.5 };
    expect(readTimeFragment(formatTimeFragment(span))).toEqual({ kind: 'span', span });
  });
});

describe('withTimeFragment and timeSpanOfUri', () => {
  it('puts a span on an id, replacing any fragment', () => {
    expect(withTimeFragment('https://x/c1', { start: 0, end: 10 })).toBe('https://x/c1#t=0,10');
    expect(withTimeFragment('https://x/c1#t=1,2', { start: 3, end: 4 })).toBe('https://x/c1#t=3,4');
  });

  it('reads the span of a uri', () => {
    expect(timeSpanOfUri('https://x/c1#t=3,4')).toEqual({ start: 3, end: 4 });
    expect(timeSpanOfUri('https://x/c1')).toBeUndefined();
    expect(timeSpanOfUri('https://x/c1#t=4,3')).toBeUndefined();
  });
});

describe('replaceTimeFragment', () => {
  it('replaces only the time part of a fragment', () => {
    expect(replaceTimeFragment('https://x/c#xywh=1,2,3,4&t=11,42', { start: 5, end: 6 })).toBe(
      'https://x/c#xywh=1,2,3,4&t=5,6',
    );
    expect(replaceTimeFragment('https://x/c#xywh=1,2,3,4', { start: 5, end: 6 })).toBe(
      'https://x/c#xywh=1,2,3,4&t=5,6',
    );
    expect(replaceTimeFragment('https://x/c', { start: 5 })).toBe('https://x/c#t=5');
  });
});
