import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, lineColumnAt } from '../../../shared/iiif/document';

describe('findJsonSyntaxError', () => {
  const valid = [
    '{}',
    '[]',
    ' {"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"]} ',
    '"x"',
    '0',
    '[[[[{}]]]]',
  ];
  it.each(valid)('accepts what JSON.parse accepts: %s', (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(findJsonSyntaxError(text)).toBeNull();
  });

  const invalid: [string, number, RegExp][] = [
    ['{"a":}', 5, /expected a value/],
    ['{"a":1,}', 7, /trailing comma/],
    ['[1,]', 3, /trailing comma/],
    ['[1 2]', 3, /expected ',' or ']'/],
    ['{"a":1 "b":2}', 7, /expected ',' or '}'/],
    ['{"a" 1}', 5, /expected ':'/],
    ['{a:1}', 1, /property name in double quotes/],
    ['{"a":"x\ny"}', 7, /line break or control character/],
    ['{"a":"\\q"}', 6, /invalid escape/],
    ['{"a":1}}', 7, /after the end/],
    ['{"a":[1,2', 9, /the text ended/],
    ['{"a":"open', 10, /never closed/],
    ['[01]', 2, /expected ',' or ']'/],
    ["{'a':1}", 1, /property name in double quotes/],
    ['[-]', 1, /invalid number/],
  ];
  it.each(invalid)('finds the error in %s', (text, offset, problem) => {
    expect(() => JSON.parse(text)).toThrow();
    const error = findJsonSyntaxError(text);
    expect(error?.offset).toBe(offset);
    expect(error?.problem).toMatch(problem);
  });

  it('survives nesting far deeper than the call stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(findJsonSyntaxError(deep)).toBeNull();
    expect(findJsonSyntaxError(deep.slice(0, -1))?.problem).toMatch(/expected ',' or ']'/);
  });
});

describe('lineColumnAt', () => {
  it('counts lines and columns from 1, treating \\r\\n as one break', () => {
    const text = 'ab\r\ncd\nef';
    expect(lineColumnAt(text, 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumnAt(text, 5)).toEqual({ line: 2, column: 2 });
    expect(lineColumnAt(text, 8)).toEqual({ line: 3, column: 2 });
    expect(lineColumnAt(text, 99)).toEqual({ line: 3, column: 3 });
  });
});
