import { describe, expect, it } from 'vitest';
import { checkTileTemplate, tileAddress } from '../../../shared/iiif/place';

describe('tile templates', () => {
  it('accepts an http(s) XYZ address and fills it in', () => {
    const checked = checkTileTemplate(' https://tiles.example.org/{z}/{x}/{y}.png ');
    expect(checked).toEqual({ template: 'https://tiles.example.org/{z}/{x}/{y}.png' });
    expect(tileAddress('https://t.example.org/{z}/{x}/{y}.png?k={z}', 3, 4, 5)).toBe(
      'https://t.example.org/3/4/5.png?k=3',
    );
  });

  it('says what is wrong with anything else', () => {
    expect(checkTileTemplate('')).toHaveProperty('error');
    expect(checkTileTemplate('tiles/{z}/{x}/{y}')).toEqual({
      error: '“tiles/{z}/{x}/{y}” is not a web address.',
    });
    expect(checkTileTemplate('ftp://tiles.example.org/{z}/{x}/{y}.png')).toEqual({
      error: 'A tile address starts with https:// (or http://).',
    });
    expect(checkTileTemplate('https://t.example.org/{z}/{x}.png')).toEqual({
      error: 'A tile address needs {y}: such as https://host/{z}/{x}/{y}.png.',
    });
    expect(checkTileTemplate('https://{s}.t.example.org/{z}/{x}/{y}.png')).toEqual({
      error: '{s} is not supported: use {z}, {x} and {y} only, and one host name.',
    });
  });
});
