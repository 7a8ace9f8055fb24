import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseByteRange, readFileRange } from '../../../electron/services/sources/byte-range';

describe('parseByteRange', () => {
  it('reads a closed, an open and a suffix range, clamped to the file', () => {
    expect(parseByteRange('bytes=0-99', 1000)).toEqual({ kind: 'part', start: 0, end: 99 });
    expect(parseByteRange('bytes=900-', 1000)).toEqual({ kind: 'part', start: 900, end: 999 });
    expect(parseByteRange('bytes=-100', 1000)).toEqual({ kind: 'part', start: 900, end: 999 });
    expect(parseByteRange('bytes=-5000', 1000)).toEqual({ kind: 'part', start: 0, end: 999 });
    expect(parseByteRange('bytes=990-5000', 1000)).toEqual({ kind: 'part', start: 990, end: 999 });
    expect(parseByteRange('Bytes = 1 - 2', 1000)).toEqual({ kind: 'part', start: 1, end: 2 });
  });

  it('serves the whole file for no header, another unit, several ranges or nonsense', () => {
    for (const header of [undefined, '', 'items=0-1', 'bytes=0-1,5-9', 'bytes=-', 'bytes=5-1', 'bytes=a-b'])
      expect(parseByteRange(header, 1000), String(header)).toEqual({ kind: 'whole' });
  });

  it('cannot satisfy a range past the end or an empty suffix', () => {
    expect(parseByteRange('bytes=1000-', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(parseByteRange('bytes=2000-3000', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(parseByteRange('bytes=-0', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(parseByteRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
  });
});

describe('readFileRange', () => {
  it('reads only the bytes asked for, with the headers that say which', async () => {
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'tessera-range-')), 'f.bin');
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    await writeFile(file, bytes);
    const part = await readFileRange(file, bytes.length, 'bytes=10-19');
    expect(part.status).toBe(206);
    expect(part.headers).toEqual({ 'Accept-Ranges': 'bytes', 'Content-Range': 'bytes 10-19/256' });
    expect([...part.body]).toEqual([...bytes.subarray(10, 20)]);
    const whole = await readFileRange(file, bytes.length, undefined);
    expect(whole.status).toBe(200);
    expect(whole.headers['Accept-Ranges']).toBe('bytes');
    expect(whole.body.equals(bytes)).toBe(true);
    const none = await readFileRange(file, bytes.length, 'bytes=300-');
    expect(none).toMatchObject({ status: 416, headers: { 'Content-Range': 'bytes */256' } });
    expect(none.body.length).toBe(0);
  });
});
