import { describe, expect, it } from 'vitest';
import { compareNatural, sortCanvasesByLabel } from '../../../shared/iiif/relabel';
import { deepFreeze, itemsOf, makeManifest } from '../batch/manifest-fixture';

describe('compareNatural', () => {
  it('compares numbers inside labels by value', () => {
    expect(compareNatural('f. 2', 'f. 10')).toBeLessThan(0);
    expect(compareNatural('p. 100', 'p. 99')).toBeGreaterThan(0);
    expect(compareNatural('Image 007', 'Image 8')).toBeLessThan(0);
  });

  it('orders folio sides', () => {
    const folios = ['2r', '10r', '1v', '1r', '2v', '10v', '9v'];
    expect([...folios].sort(compareNatural)).toEqual(['1r', '1v', '2r', '2v', '9v', '10r', '10v']);
  });

  it('ignores case first, then breaks ties deterministically', () => {
    expect(compareNatural('Folio 3', 'folio 3')).not.toBe(0);
    expect(Math.sign(compareNatural('Folio 3', 'folio 3'))).toBe(
      -Math.sign(compareNatural('folio 3', 'Folio 3')),
    );
    expect(compareNatural('folio 3', 'Folio 4')).toBeLessThan(0);
    expect(compareNatural('same', 'same')).toBe(0);
  });
});

describe('sortCanvasesByLabel', () => {
  const order = ['f. 10r', 'f. 2v', undefined, 'f. 2r', 'f. 1r'];
  const doc = deepFreeze(
    makeManifest(order.length, (index) => ({
      label:
        order[index] === undefined ? undefined : { en: [order[index]], fr: [`fol. ${order.length - index}`] },
    })),
  );
  const ids = (value: unknown) => itemsOf(value).map((canvas) => canvas['id']);

  it('reorders canvases by label, unlabelled last, keeping the canvas objects', () => {
    const sorted = sortCanvasesByLabel(doc, 'en');
    expect(itemsOf(sorted).map((canvas) => (canvas['label'] as { en: string[] } | undefined)?.en[0])).toEqual(
      ['f. 1r', 'f. 2r', 'f. 2v', 'f. 10r', undefined],
    );
    for (const canvas of itemsOf(sorted)) expect(itemsOf(doc)).toContain(canvas);
    expect(sorted['label']).toBe(doc['label']);
  });

  it('sorts by the chosen language', () => {
    const byFrench = sortCanvasesByLabel(doc, 'fr');
    expect(ids(byFrench)).toEqual(
      [...ids(doc)]
        .filter((_, i) => i !== 2)
        .reverse()
        .concat([ids(doc)[2]]),
    );
  });

  it('returns the same document when already in order', () => {
    const sorted = sortCanvasesByLabel(doc, 'en');
    expect(sortCanvasesByLabel(sorted, 'en')).toBe(sorted);
  });
});
