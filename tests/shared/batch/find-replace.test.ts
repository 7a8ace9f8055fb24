import { describe, expect, it } from 'vitest';
import { applyFindReplace, compileFind, planFindReplace } from '../../../shared/iiif/batch';
import type { JsonObject } from '../../../shared/iiif/json';
import { getIn, setIn } from '../../../shared/iiif/json';
import { canvasId, deepFreeze, itemsOf, makeManifest } from './manifest-fixture';

const doc = deepFreeze(
  makeManifest(4, (index) => ({
    label:
      index === 3 ? 'Folio 4 (string label)' : { en: [`Folio ${index + 1}`], fr: [`Feuillet ${index + 1}`] },
    metadata: [
      { label: { en: ['Folio number'] }, value: { none: [`fol. ${index + 1}`] } },
      { label: { en: ['Note'] }, value: { en: ['FOLIO size, folio edition'] } },
    ],
  })),
);

describe('planFindReplace', () => {
  it('finds plain text case-insensitively in labels and metadata values by default', () => {
    const plan = planFindReplace(doc, { find: 'folio', replace: 'leaf', scope: [0] });
    expect(plan.error).toBeUndefined();
    expect(plan.occurrences).toEqual([
      {
        index: 0,
        canvasId: canvasId(0),
        canvasLabel: 'Folio 1',
        target: 'label',
        path: ['label', 'en', 0],
        language: 'en',
        before: 'Folio 1',
        after: 'leaf 1',
        matches: 1,
      },
      {
        index: 0,
        canvasId: canvasId(0),
        canvasLabel: 'Folio 1',
        target: 'metadataValue',
        path: ['metadata', 1, 'value', 'en', 0],
        language: 'en',
        metadataLabel: 'Note',
        before: 'FOLIO size, folio edition',
        after: 'leaf size, leaf edition',
        matches: 2,
      },
    ]);
    expect(plan.count).toBe(2);
    expect(plan.canvasCount).toBe(1);
  });

  it('respects case sensitivity', () => {
    const plan = planFindReplace(doc, { find: 'folio', replace: 'leaf', caseSensitive: true, scope: [0] });
    expect(plan.occurrences.map((o) => o.after)).toEqual(['FOLIO size, leaf edition']);
  });

  it('supports regular expressions with capture groups', () => {
    const plan = planFindReplace(doc, {
      find: '^Folio (\\d+)$',
      replace: 'f. $1',
      regex: true,
      caseSensitive: true,
      scope: 'all',
    });
    expect(plan.occurrences.map((o) => [o.index, o.after])).toEqual([
      [0, 'f. 1'],
      [1, 'f. 2'],
      [2, 'f. 3'],
    ]);
  });

  it('treats the replacement literally in plain mode', () => {
    const plan = planFindReplace(doc, { find: 'fol.', replace: '$1 $&', scope: [1] });
    expect(plan.occurrences.map((o) => o.after)).toEqual(['$1 $& 2']);
    // "." is not a wildcard in plain mode.
    expect(planFindReplace(doc, { find: 'f.l', replace: 'x', scope: 'all' }).count).toBe(0);
  });

  it('searches a non-conformant string label and the chosen targets only', () => {
    const plan = planFindReplace(doc, { find: 'string', replace: 'text', scope: 'all', targets: ['label'] });
    expect(plan.occurrences.map((o) => [o.index, o.path, o.after])).toEqual([
      [3, ['label'], 'Folio 4 (text label)'],
    ]);
    const labels = planFindReplace(doc, {
      find: 'number',
      replace: 'no.',
      scope: [2],
      targets: ['metadataLabel'],
    });
    expect(labels.occurrences.map((o) => o.path)).toEqual([['metadata', 0, 'label', 'en', 0]]);
  });

  it('reports an invalid expression or an empty search as an error instead of throwing', () => {
    const plan = planFindReplace(doc, { find: '(unclosed', replace: '', regex: true, scope: 'all' });
    expect(plan.error).toMatch(/^Not a valid regular expression: .+/);
    expect(plan.occurrences).toEqual([]);
    expect(applyFindReplace(doc, plan)).toBe(doc);
    expect(planFindReplace(doc, { find: '', replace: 'x', scope: 'all' }).error).toBe(
      'Type something to find.',
    );
    expect(typeof compileFind({ find: '[a-', regex: true })).toBe('string');
  });
});

describe('applyFindReplace', () => {
  it('applies every occurrence in one new document and shares untouched canvases', () => {
    const plan = planFindReplace(doc, {
      find: 'Feuillet',
      replace: 'f.',
      caseSensitive: true,
      scope: [1, 2],
    });
    const next = applyFindReplace(doc, plan);
    expect(getIn(next, ['items', 1, 'label'])).toEqual({ en: ['Folio 2'], fr: ['f. 2'] });
    expect(getIn(next, ['items', 2, 'label', 'fr', 0])).toBe('f. 3');
    expect(itemsOf(next)[0]).toBe(itemsOf(doc)[0]);
    expect(itemsOf(next)[3]).toBe(itemsOf(doc)[3]);
    expect(getIn(next, ['items', 1, 'metadata'])).toBe(getIn(doc, ['items', 1, 'metadata']));
  });

  it('applies only the occurrences left in the plan and skips stale ones', () => {
    const plan = planFindReplace(doc, {
      find: 'Folio',
      replace: 'Leaf',
      caseSensitive: true,
      scope: 'all',
      targets: ['label'],
    });
    const kept = { ...plan, occurrences: plan.occurrences.filter((o) => o.index !== 0) };
    const edited = setIn(doc, ['items', 1, 'label', 'en', 0], 'Folio 2 (edited)') as JsonObject;
    const next = applyFindReplace(edited, kept);
    expect(itemsOf(next).map((canvas) => getIn(canvas, ['label', 'en', 0]) ?? canvas['label'])).toEqual([
      'Folio 1',
      'Folio 2 (edited)',
      'Leaf 3',
      'Leaf 4 (string label)',
    ]);
  });
});
