import { describe, expect, it } from 'vitest';
import { folioLabel, schemeText, toRoman } from '../../../shared/iiif/relabel';

describe('toRoman', () => {
  it.each([
    [1, 'i'],
    [4, 'iv'],
    [9, 'ix'],
    [14, 'xiv'],
    [40, 'xl'],
    [90, 'xc'],
    [400, 'cd'],
    [1994, 'mcmxciv'],
    [2024, 'mmxxiv'],
    [3999, 'mmmcmxcix'],
  ])('%i → %s', (value, roman) => {
    expect(toRoman(value)).toBe(roman);
  });

  it('has no numeral outside 1–3999', () => {
    expect(toRoman(0)).toBeUndefined();
    expect(toRoman(4000)).toBeUndefined();
    expect(toRoman(2.5)).toBeUndefined();
  });
});

describe('folioLabel', () => {
  it('alternates recto and verso from the start folio and side', () => {
    expect([0, 1, 2, 3, 4].map((offset) => folioLabel(1, 'r', offset))).toEqual([
      '1r',
      '1v',
      '2r',
      '2v',
      '3r',
    ]);
    expect([0, 1, 2, 3].map((offset) => folioLabel(5, 'v', offset))).toEqual(['5v', '6r', '6v', '7r']);
  });
});

describe('schemeText', () => {
  it('numbers by scheme', () => {
    expect(schemeText('pagination', 10, 'r', 2)).toBe('12');
    expect(schemeText('roman-lower', 1, 'r', 3)).toBe('iv');
    expect(schemeText('roman-upper', 1, 'r', 8)).toBe('IX');
    expect(schemeText('foliation', 1, 'r', 3)).toBe('2v');
    expect(schemeText('plain', 1, 'r', 3)).toBe('');
  });
});
