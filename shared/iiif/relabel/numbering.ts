/**
 * Label numbering schemes used for books and manuscripts:
 *   pagination   1, 2, 3 ...
 *   foliation    1r, 1v, 2r, 2v ... (recto/verso; may start on a verso: 5v, 6r, 6v ...)
 *   roman        i, ii, iii ... or I, II, III ... (1–3999, the range standard numerals can write)
 *   plain        no number: every canvas gets the prefix + suffix text ("Blank", "Binding")
 */

export type RelabelScheme = 'pagination' | 'foliation' | 'roman-lower' | 'roman-upper' | 'plain';
export type FolioSide = 'r' | 'v';

export const ROMAN_MAX = 3999;

const ROMAN_DIGITS: readonly (readonly [number, string])[] = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];

/** Lower-case roman numeral for 1–3999; undefined outside that range. */
export function toRoman(value: number): string | undefined {
  if (!Number.isInteger(value) || value < 1 || value > ROMAN_MAX) return undefined;
  let rest = value;
  let text = '';
  for (const [amount, digits] of ROMAN_DIGITS) {
    while (rest >= amount) {
      text += digits;
      rest -= amount;
    }
  }
  return text;
}

/** The folio label `offset` sides after `start` + `startSide`: (1, 'r', 3) → "2v". */
export function folioLabel(start: number, startSide: FolioSide, offset: number): string {
  const sides = offset + (startSide === 'v' ? 1 : 0);
  return `${start + Math.floor(sides / 2)}${sides % 2 === 0 ? 'r' : 'v'}`;
}

/** The number part of the n-th label (offset 0 = first selected canvas). */
export function schemeText(
  scheme: RelabelScheme,
  start: number,
  startSide: FolioSide,
  offset: number,
): string {
  switch (scheme) {
    case 'pagination':
      return String(start + offset);
    case 'foliation':
      return folioLabel(start, startSide, offset);
    case 'roman-lower':
      return toRoman(start + offset) ?? '';
    case 'roman-upper':
      return (toRoman(start + offset) ?? '').toUpperCase();
    case 'plain':
      return '';
  }
}
