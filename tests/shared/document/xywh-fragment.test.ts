import { describe, expect, it } from 'vitest';
import { readXywh, xywhToPixels } from '../../../shared/iiif/document/xywh-fragment';

describe('readXywh', () => {
  it('reads pixel regions, with or without the unit, from a URI or a selector value', () => {
    const region = { unit: 'pixel', x: 100, y: 100, width: 500, height: 400 };
    expect(readXywh('https://x.org/canvas/1#xywh=100,100,500,400')).toEqual({ kind: 'region', region });
    expect(readXywh('xywh=pixel:100,100,500,400')).toEqual({ kind: 'region', region });
    expect(readXywh('https://x.org/c#t=1,2&xywh=100,100,500,400')).toEqual({ kind: 'region', region });
  });

  it('reads percent regions, decimals allowed', () => {
    expect(readXywh('xywh=percent:12.5,0,50,100')).toEqual({
      kind: 'region',
      region: { unit: 'percent', x: 12.5, y: 0, width: 50, height: 100 },
    });
  });

  it('tells no region from a malformed one', () => {
    expect(readXywh('https://x.org/canvas/1')).toEqual({ kind: 'none' });
    expect(readXywh('https://x.org/canvas/1#t=10,20')).toEqual({ kind: 'none' });
    for (const bad of ['xywh=1,2,3', 'xywh=a,b,c,d', 'xywh=-1,0,10,10', 'xywh=inch:1,2,3,4', 'xywh=']) {
      expect(readXywh(bad)).toMatchObject({ kind: 'invalid' });
    }
    expect(readXywh('xywh=0,0,0,10')).toMatchObject({
      kind: 'invalid',
      reason: expect.stringMatching(/no area/),
    });
  });

  it('resolves percent against the canvas size', () => {
    const reading = readXywh('xywh=percent:10,20,50,25');
    if (reading.kind !== 'region') throw new Error('expected a region');
    expect(xywhToPixels(reading.region, { width: 2000, height: 1000 })).toEqual({
      x: 200,
      y: 200,
      width: 1000,
      height: 250,
    });
  });
});
