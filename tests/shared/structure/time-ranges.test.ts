import { describe, expect, it } from 'vitest';
import { getIn, type JsonObject, type JsonValue } from '../../../shared/iiif/json';
import {
  createTimeRange,
  rangeItemTimeSpan,
  setItemTimeSpan,
  withItemTimeSpan,
} from '../../../shared/iiif/structure';
import { book, canvasId, range } from './fixtures';

const C = canvasId(1);
const selectorItem = (value: string, extra: JsonObject = {}): JsonObject => ({
  type: 'SpecificResource',
  source: { id: C, type: 'Canvas' },
  selector: { type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value },
  ...extra,
});

describe('time spans of Range items', () => {
  it('reads every spelling of a part of a Canvas in time, and nothing else', () => {
    expect(rangeItemTimeSpan({ id: `${C}#t=0,302.05`, type: 'Canvas' })).toEqual({ start: 0, end: 302.05 });
    expect(rangeItemTimeSpan(`${C}#t=3971.24`)).toEqual({ start: 3971.24 });
    expect(rangeItemTimeSpan(selectorItem('t=npt:0:01:10,0:02:00'))).toEqual({ start: 70, end: 120 });
    expect(rangeItemTimeSpan(selectorItem('xywh=0,0,10,10&t=5,6'))).toEqual({ start: 5, end: 6 });
    expect(rangeItemTimeSpan({ id: C, type: 'Canvas' })).toBeUndefined();
    expect(rangeItemTimeSpan({ id: `${C}#xywh=0,0,10,10`, type: 'Canvas' })).toBeUndefined();
    expect(rangeItemTimeSpan(selectorItem('t=abc'))).toBeUndefined();
    expect(rangeItemTimeSpan(range('r', []))).toBeUndefined();
  });

  it('rewrites only the t= part, in the spelling the item was written in', () => {
    const span = { start: 1.5, end: 20 };
    expect(withItemTimeSpan({ id: `${C}#t=0,10`, type: 'Canvas', label: 'kept' }, span)).toEqual({
      id: `${C}#t=1.5,20`,
      type: 'Canvas',
      label: 'kept',
    });
    expect(withItemTimeSpan(`${C}#xywh=1,2,3,4&t=0,10`, { start: 2 })).toBe(`${C}#xywh=1,2,3,4&t=2`);
    expect(withItemTimeSpan(selectorItem('t=0,10', { x: 1 }), span)).toEqual(
      selectorItem('t=1.5,20', { x: 1 }),
    );
    const fromSource = { type: 'SpecificResource', source: `${C}#t=0,10` };
    expect(withItemTimeSpan(fromSource, span)).toEqual({ type: 'SpecificResource', source: `${C}#t=1.5,20` });
    const whole = { id: C, type: 'Canvas' };
    expect(withItemTimeSpan(whole, span)).toBe(whole);
  });
});

describe('time range edits', () => {
  it('makes a Range over a span of a Canvas, as the cookbook writes it', () => {
    const doc = book(2, [range('a', [])]);
    const result = createTimeRange(doc, {
      container: [],
      range: { id: 'https://example.org/range/new', label: 'Movement I' },
      canvasId: C,
      span: { start: 0, end: 302.05 },
    });
    expect(result.address).toEqual([1]);
    expect(getIn(result.doc, ['structures', 1])).toEqual({
      id: 'https://example.org/range/new',
      type: 'Range',
      label: { none: ['Movement I'] },
      items: [{ id: `${C}#t=0,302.05`, type: 'Canvas' }],
    });
    expect(getIn(result.doc, ['structures', 0])).toBe(getIn(doc, ['structures', 0]));
    expect(() =>
      createTimeRange(doc, {
        container: [],
        range: { id: 'x', label: 'x' },
        canvasId: C,
        span: { start: 5, end: 5 },
      }),
    ).toThrow(/ends after it starts/);
  });

  it('changes the span of a time item, and returns the same document when nothing changes', () => {
    const doc = book(1, [
      range('a', [
        { id: `${C}#t=0,10`, type: 'Canvas' },
        { id: C, type: 'Canvas' },
      ]),
    ]);
    const next = setItemTimeSpan(doc, [0, 0], { start: 2, end: 12.5 });
    expect(getIn(next, ['structures', 0, 'items', 0, 'id'])).toBe(`${C}#t=2,12.5`);
    expect(setItemTimeSpan(doc, [0, 0], { start: 0, end: 10 })).toBe(doc);
    expect(setItemTimeSpan(doc, [0, 1], { start: 0, end: 10 })).toBe(doc);
    expect(() => setItemTimeSpan(doc, [0, 0], { start: 12, end: 3 })).toThrow(/ends after it starts/);
    const items = getIn(next, ['structures', 0, 'items']) as JsonValue[];
    expect(items[1]).toBe((getIn(doc, ['structures', 0, 'items']) as JsonValue[])[1]);
  });
});
