import { describe, expect, it } from 'vitest';
import { pathToText } from '../../../shared/iiif/validation/path-text';

describe('pathToText', () => {
  it('writes keys with dots, indexes in brackets and other keys quoted', () => {
    expect(pathToText([])).toBe('$');
    expect(pathToText(['items', 3, 'label'])).toBe('$.items[3].label');
    expect(pathToText(['label', '@none', 0])).toBe('$.label["@none"][0]');
    expect(pathToText(['metadata', 0, 'label', 'zh-Hant'])).toBe('$.metadata[0].label["zh-Hant"]');
  });
});
