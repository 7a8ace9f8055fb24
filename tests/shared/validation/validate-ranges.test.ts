import { describe, expect, it } from 'vitest';
import { DEFAULT_TEXT_FORMAT } from '../../../shared/iiif/document/text-format';
import { writeDocument } from '../../../shared/iiif/document/write';
import type { JsonObject, JsonValue } from '../../../shared/iiif/json';
import { structureView } from '../../../shared/iiif/structure';
import { fragmentProblem } from '../../../shared/iiif/validation/rules/range-rules';
import { applyAllFixes, applyFix } from '../../../shared/iiif/validation/fixes';
import { validate } from '../../../shared/iiif/validation/validate';
import { BASE, canvas, manifest, summary } from './helpers';

const ref = (n: number): JsonObject => ({ id: `${BASE}/canvas/${n}`, type: 'Canvas' });
const range = (name: string, items: JsonValue[], extra: JsonObject = {}): JsonObject => ({
  id: `${BASE}/range/${name}`,
  type: 'Range',
  label: { en: [name] },
  ...extra,
  items,
});

function book(structures: JsonValue[]): JsonObject {
  return manifest({ structures }, [canvas(1), canvas(2), canvas(3)]);
}

describe('validate: the table of contents', () => {
  it('finds a cycle through a reference and offers to remove the reference', () => {
    const doc = book([range('a', [ref(1), range('b', [{ id: `${BASE}/range/a`, type: 'Range' }, ref(2)])])]);
    const findings = validate(doc);
    expect(summary(findings, 'error')).toEqual(['range-cycle@$.structures[0].items[1].items[0]']);
    const fixed = applyFix(
      doc,
      findings.find((f) => f.code === 'range-cycle')!,
    );
    expect(summary(validate(fixed))).toEqual([]);
  });

  it('finds a Range listed twice in one list, and removes the copy only when both say the same', () => {
    const b = range('b', [ref(2)]);
    const doc = book([range('a', [b, ref(1), b, { ...b, label: { en: ['other'] } }])]);
    const twice = validate(doc).filter((f) => f.code === 'range-listed-twice');
    expect(twice.map((f) => [f.pathText, f.fix])).toEqual([
      ['$.structures[0].items[2]', 'remove-range-item'],
      ['$.structures[0].items[3]', undefined],
    ]);
  });

  it('warns when a start is outside its Range, and reads parts of canvases in nested Ranges as inside', () => {
    const doc = book([
      range('a', [range('b', [ref(2)])], { start: { id: `${BASE}/canvas/2`, type: 'Canvas' } }),
      range('c', [ref(1)], { start: { id: `${BASE}/canvas/3`, type: 'Canvas' } }),
    ]);
    expect(summary(validate(doc), 'warning')).toEqual(['range-start-outside@$.structures[1].start']);
  });

  it('rejects fragments no viewer can read, in ids and FragmentSelectors', () => {
    const doc = book([
      range('a', [
        { id: `${BASE}/canvas/1#xywh=0,0,0,10`, type: 'Canvas' },
        { id: `${BASE}/canvas/1#t=20,10`, type: 'Canvas' },
        {
          type: 'SpecificResource',
          source: { id: `${BASE}/canvas/2`, type: 'Canvas' },
          selector: { type: 'FragmentSelector', value: 'page=3' },
        },
        { id: `${BASE}/canvas/3#xywh=percent:10,10,50,50&t=1.5,20`, type: 'Canvas' },
      ]),
    ]);
    expect(summary(validate(doc), 'error')).toEqual([
      'range-fragment-invalid@$.structures[0].items[0]',
      'range-fragment-invalid@$.structures[0].items[1]',
      'range-fragment-invalid@$.structures[0].items[2]',
    ]);
    expect(fragmentProblem('t=,5')).toBeUndefined();
    expect(fragmentProblem('t=5')).toBeUndefined();
    expect(fragmentProblem('t=a,5')).toMatch(/seconds/);
  });

  it('keeps bad input on save: missing canvases, cycles and unknown items are findings, not losses', () => {
    const doc = book([
      range('a', [ref(9), { id: `${BASE}/range/a`, type: 'Range' }, { id: 'x', type: 'Manifest' }, 7]),
    ]);
    const codes = validate(doc).map((f) => f.code);
    expect(codes).toEqual(
      expect.arrayContaining(['range-canvas-missing', 'range-cycle', 'range-item-invalid']),
    );
    const text = writeDocument(doc, DEFAULT_TEXT_FORMAT);
    expect(JSON.parse(text)).toEqual(doc);
  });

  it('fixes all certain problems at once without removing the wrong entry', () => {
    const doc = book([
      range('a', [ref(8), ref(1), ref(9), range('empty', []), ref(2)]),
      range('gone', [ref(7)]),
    ]);
    const fixed = applyAllFixes(doc) as JsonObject;
    expect(summary(validate(fixed))).toEqual([]);
    const view = structureView(fixed);
    expect(view.nodes.map((n) => n.range.id)).toEqual([`${BASE}/range/a`]);
    expect(view.nodes[0]?.json['items']).toEqual([ref(1), ref(2)]);
  });

  it('checks 3,000 levels of nesting', () => {
    let inner: JsonObject = range('d3000', [ref(1)]);
    for (let d = 2999; d >= 1; d -= 1) inner = range(`d${d}`, [inner]);
    expect(summary(validate(book([inner])), 'error')).toEqual([]);
    // Below the recursive walk's reach, missing canvases and empty Ranges are still found.
    let bad: JsonObject = range('e3000', [ref(9)]);
    for (let d = 2999; d >= 1; d -= 1) bad = range(`e${d}`, d === 2500 ? [bad, range('x', [])] : [bad]);
    expect(validate(book([bad])).map((f) => f.code)).toEqual(
      expect.arrayContaining(['range-canvas-missing', 'range-empty']),
    );
  });
});
