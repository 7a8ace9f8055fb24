import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../shared/iiif/json';
import { setIn } from '../../../shared/iiif/json';
import { applyRelabel, labelLanguageOf, planRelabel } from '../../../shared/iiif/relabel';
import { canvasId, deepFreeze, itemsOf, makeManifest } from '../batch/manifest-fixture';

const doc = deepFreeze(
  makeManifest(6, (index) => (index === 1 ? { label: { en: ['Front cover'], de: ['Vorderdeckel'] } } : {})),
);
const labels = (value: unknown) => itemsOf(value).map((canvas) => canvas['label']);

describe('planRelabel', () => {
  it('numbers the selection in document order, whatever the click order', () => {
    const plan = planRelabel(doc, [4, 2, 3], { scheme: 'pagination', prefix: 'p. ', start: 10 });
    expect(plan.changes.map((change) => [change.index, change.before, change.after])).toEqual([
      [2, 'p. 3', 'p. 10'],
      [3, 'p. 4', 'p. 11'],
      [4, 'p. 5', 'p. 12'],
    ]);
    expect(plan.changes[0]).toMatchObject({
      canvasId: canvasId(2),
      beforeLabel: { none: ['p. 3'] },
      afterLabel: { none: ['p. 10'] },
    });
  });

  it('foliates from a given folio and side', () => {
    const plan = planRelabel(doc, 'all', { scheme: 'foliation', start: 5, startSide: 'v', prefix: 'f. ' });
    expect(plan.changes.map((change) => change.after)).toEqual([
      'f. 5v',
      'f. 6r',
      'f. 6v',
      'f. 7r',
      'f. 7v',
      'f. 8r',
    ]);
  });

  it('writes roman numerals in either case, with a suffix', () => {
    expect(
      planRelabel(doc, [0, 1, 2], { scheme: 'roman-lower', start: 3 }).changes.map((c) => c.after),
    ).toEqual(['iii', 'iv', 'v']);
    expect(
      planRelabel(doc, [0, 1], { scheme: 'roman-upper', suffix: ' (front matter)' }).changes.map(
        (c) => c.after,
      ),
    ).toEqual(['I (front matter)', 'II (front matter)']);
  });

  it('gives every canvas the same text in the plain scheme', () => {
    const plan = planRelabel(doc, [3, 5], { scheme: 'plain', prefix: 'Blank', language: 'en' });
    expect(plan.changes.map((change) => change.afterLabel)).toEqual([{ en: ['Blank'] }, { en: ['Blank'] }]);
  });

  it('replaces the whole label, or only one language', () => {
    const replace = planRelabel(doc, [1], { scheme: 'pagination', language: 'en' });
    expect(replace.changes[0]?.afterLabel).toEqual({ en: ['1'] });
    const onlyEnglish = planRelabel(doc, [1], { scheme: 'pagination', language: 'en', mode: 'language' });
    expect(onlyEnglish.changes[0]?.afterLabel).toEqual({ en: ['1'], de: ['Vorderdeckel'] });
  });

  it('says which values a new label removes', () => {
    const replace = planRelabel(doc, [1], { scheme: 'pagination', language: 'en' });
    expect(replace.changes[0]?.removed).toEqual([{ language: 'de', value: 'Vorderdeckel' }]);
    const none = planRelabel(doc, [1], { scheme: 'pagination', language: 'none' });
    expect(none.changes[0]?.removed).toEqual([
      { language: 'en', value: 'Front cover' },
      { language: 'de', value: 'Vorderdeckel' },
    ]);
    const kept = planRelabel(doc, [1], { scheme: 'pagination', language: 'en', mode: 'language' });
    expect(kept.changes[0]?.removed).toEqual([]);
  });

  it('leaves out canvases whose label would not change', () => {
    const plan = planRelabel(doc, 'all', { scheme: 'pagination', prefix: 'p. ' });
    expect(plan.changes.map((change) => change.index)).toEqual([1]);
    expect(plan.count).toBe(1);
  });

  it.each([
    [{ scheme: 'roman-lower', start: 3998 } as const, 'mmmcmxcix'],
    [{ scheme: 'roman-upper', start: 0 } as const, 'start at 1'],
    [{ scheme: 'pagination', start: -1 } as const, 'whole number'],
    [{ scheme: 'pagination', start: 1.5 } as const, 'whole number'],
    [{ scheme: 'plain' } as const, 'needs a text'],
    [{ scheme: 'pagination', language: 'english language' } as const, 'language tag'],
  ])('explains why it cannot relabel: %j', (options, message) => {
    const plan = planRelabel(doc, [0, 1, 2], options);
    expect(plan.error).toContain(message);
    expect(plan.changes).toEqual([]);
    expect(applyRelabel(doc, plan)).toBe(doc);
  });
});

describe('labelLanguageOf', () => {
  const mixed = deepFreeze(
    makeManifest(5, (index) => ({
      label: index < 3 ? { en: [`Page ${index}`] } : index === 3 ? { fr: ['Page'], en: ['Page'] } : 'Plain',
    })),
  );

  it('is the language most of the canvases’ labels are in', () => {
    expect(labelLanguageOf(mixed, 'all')).toBe('en');
    expect(labelLanguageOf(mixed, [3])).toBe('fr');
    // A plain-string label counts as "none".
    expect(labelLanguageOf(mixed, [4])).toBe('none');
  });

  it('is "none" when no canvas has a label', () => {
    expect(
      labelLanguageOf(
        makeManifest(2, () => ({ label: undefined })),
        'all',
      ),
    ).toBe('none');
  });
});

describe('applyRelabel', () => {
  it('returns one new document and shares the canvases it did not relabel', () => {
    const next = applyRelabel(doc, [0, 2], { scheme: 'foliation' });
    expect(labels(next)).toEqual([
      { none: ['1r'] },
      { en: ['Front cover'], de: ['Vorderdeckel'] },
      { none: ['1v'] },
      { none: ['p. 4'] },
      { none: ['p. 5'] },
      { none: ['p. 6'] },
    ]);
    const [a, b, c, d] = itemsOf(next);
    const [a0, b0, c0, d0] = itemsOf(doc);
    expect(b).toBe(b0);
    expect(d).toBe(d0);
    expect(a).not.toBe(a0);
    expect(a?.['items']).toBe(a0?.['items']);
    expect(c?.['items']).toBe(c0?.['items']);
  });

  it('applies a plan, skipping canvases relabelled since the preview', () => {
    const plan = planRelabel(doc, [0, 1], { scheme: 'pagination', prefix: 'page ' });
    const later = setIn(doc, ['items', 1, 'label'], { en: ['Renamed meanwhile'] }) as JsonObject;
    expect(labels(applyRelabel(later, plan)).slice(0, 2)).toEqual([
      { none: ['page 1'] },
      { en: ['Renamed meanwhile'] },
    ]);
  });
});
