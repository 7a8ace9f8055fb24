import { describe, expect, it } from 'vitest';
import { findDuplicateKeys } from '../../../shared/iiif/document/duplicate-keys';
import { duplicateKeyFindings } from '../../../shared/iiif/validation/duplicate-key-findings';

describe('duplicate keys (issue 20 item 13)', () => {
  it('finds each key given twice, with the path of its object, once per object', () => {
    const text =
      '{"a":{"b":1,"b":2,"b":3,"c":[{"x":1},{"x":1,"y":["x","x"],"x":3}]},' +
      '"s":"\\"a\\": not a key","\\u0061":1}';
    expect(findDuplicateKeys(text)).toEqual([
      { path: ['a'], key: 'b' },
      { path: ['a', 'c', 1], key: 'x' },
      { path: [], key: 'a' },
    ]);
  });

  it('finds none in a document without duplicates, and stops at the limit', () => {
    expect(findDuplicateKeys('{"a":[{"a":1},{"a":2}],"b":{"a":{"a":1}}}')).toEqual([]);
    const many = `{${Array.from({ length: 10 }, () => '"k":{"d":1,"d":2}').join(',')}}`;
    expect(findDuplicateKeys(many, 3)).toHaveLength(3);
  });

  it('is a warning at the key, for the validation panel', () => {
    const [finding] = duplicateKeyFindings('{"type":"Manifest","label":{"en":["a"]},"label":{"en":["b"]}}');
    expect(finding).toMatchObject({
      severity: 'warning',
      code: 'duplicate-key',
      path: ['label'],
      pathText: '$.label',
    });
  });
});
