import { describe, expect, it } from 'vitest';
import { formatClock, parseClock } from '../../../shared/iiif/time';

describe('parseClock', () => {
  it.each([
    ['75', 75],
    ['1:15', 75],
    ['01:15.5', 75.5],
    ['0:01:15.5', 75.5],
    ['00:00:10.0', 10],
    [' 2:00:00 ', 7200],
    ['.5', 0.5],
    ['12.', 12],
  ])('reads %s as %d seconds', (text, seconds) => {
    expect(parseClock(text)).toEqual({ ok: true, seconds });
  });

  it.each(['', 'abc', '1:2:3:4', '-5', '1:75', '1:60:00', '1,5'])('refuses %j with a message', (text) => {
    const reading = parseClock(text);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.message).toMatch(/time|below 60/);
  });

  it('keeps float noise out', () => {
    expect(parseClock('0.30000000000000004')).toEqual({ ok: true, seconds: 0.3 });
  });
});

describe('formatClock', () => {
  it.each([
    [0, '00:00:00.0'],
    [75.5, '00:01:15.5'],
    [3600 + 61.25, '01:01:01.3'],
    [9.96, '00:00:10.0'],
    [-3, '00:00:00.0'],
  ])('writes %d as %s', (seconds, text) => {
    expect(formatClock(seconds)).toBe(text);
  });

  it('writes other precisions', () => {
    expect(formatClock(61.234, 3)).toBe('00:01:01.234');
    expect(formatClock(61.6, 0)).toBe('00:01:02');
  });

  it('reads back what it writes', () => {
    for (const seconds of [0, 0.1, 59.9, 60, 3599.9, 36000.5]) {
      const reading = parseClock(formatClock(seconds));
      expect(reading).toEqual({ ok: true, seconds });
    }
  });
});
