/** The pure helpers behind the metadata editors: language rows, navDate, behaviors, links, CSV names, paths. */
import { describe, expect, it } from 'vitest';
import {
  addRow,
  languageTagProblem,
  mapOfRows,
  removeValueAt,
  rowsOfMap,
  setValueAt,
  tidyLanguageTag,
} from '../../../renderer/src/components/language/language-rows';
import { displayLanguagesFor } from '../../../renderer/src/components/language/display-language';
import {
  behaviorOptions,
  conflictsWith,
  unofferedBehaviors,
} from '../../../renderer/src/features/metadata/behaviors';
import { describeValuePath } from '../../../renderer/src/features/metadata/html-cleaning';
import {
  itemsOf,
  moveItem,
  newLinkedItem,
  uriProblem,
} from '../../../renderer/src/features/metadata/linked-resources';
import { composeNavDate, parseNavDate } from '../../../renderer/src/features/metadata/nav-date';
import { rulesFor } from '../../../renderer/src/features/properties/property-rules';
import {
  csvFileName,
  csvNameProblem,
  workspacePath,
} from '../../../renderer/src/features/spreadsheet/csv-files';

describe('language rows', () => {
  it('round-trips a map and drops empty values and languages only on the way to the document', () => {
    const rows = rowsOfMap({ en: ['Title'], fr: ['Titre', 'Autre'] });
    expect(mapOfRows(rows)).toEqual({ en: ['Title'], fr: ['Titre', 'Autre'] });
    const cleared = rows.map((row) => (row.language === 'en' ? setValueAt(row, 0, '') : row));
    expect(cleared).toHaveLength(2); // the row stays on screen
    expect(mapOfRows(cleared)).toEqual({ fr: ['Titre', 'Autre'] });
    const withNew = addRow(cleared, 'de');
    expect(mapOfRows(withNew)).toEqual({ fr: ['Titre', 'Autre'] });
    expect(removeValueAt(withNew[1]!, 0).values).toEqual(['Autre']);
    expect(removeValueAt(withNew[2]!, 0).values).toEqual(['']);
  });

  it('checks tags as BCP 47, refuses duplicates case-insensitively, and tidies their case', () => {
    expect(languageTagProblem('fr', ['en'])).toBeNull();
    expect(languageTagProblem('none', ['en'])).toBeNull();
    expect(languageTagProblem('EN', ['en'])).toMatch(/already there/);
    expect(languageTagProblem('english!', [])).toMatch(/not a BCP 47/);
    expect(languageTagProblem('@none', [])).toMatch(/not a BCP 47/);
    expect(languageTagProblem('  ', [])).toMatch(/Choose a language/);
    expect(tidyLanguageTag(' en-gb ')).toBe('en-GB');
    expect(tidyLanguageTag('zh-hant')).toBe('zh-Hant');
    expect(tidyLanguageTag('none')).toBe('none');
  });
});

describe('language rows with languages named like Object.prototype members', () => {
  it.each(['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'])(
    'keeps %s as a language',
    (key) => {
      const map = JSON.parse(`{"${key}": ["a"], "en": ["b"]}`) as Record<string, string[]>;
      const rows = rowsOfMap(map);
      expect(rows.map((row) => [row.language, row.values])).toEqual([
        [key, ['a']],
        ['en', ['b']],
      ]);
      const back = mapOfRows(addRow(rows, key).map((row, i) => (i === 2 ? { ...row, values: ['c'] } : row)));
      expect(Object.keys(back)).toEqual([key, 'en']);
      expect(Object.getOwnPropertyDescriptor(back, key)?.value).toEqual(['a', 'c']);
    },
  );
});

describe('display languages', () => {
  it('puts the preference first, then the browser languages, without repeats', () => {
    expect(displayLanguagesFor('fr', ['en-US', 'fr'])).toEqual(['fr', 'en-US']);
    expect(displayLanguagesFor(null, ['en-US'])).toEqual(['en-US']);
  });
});

describe('navDate', () => {
  it('splits a stored dateTime into date, time and zone, and composes it back', () => {
    expect(parseNavDate('1856-01-01T00:00:00Z')).toEqual({ date: '1856-01-01', time: '00:00:00', zone: 'Z' });
    expect(parseNavDate('2001-12-31T23:59:30.5+05:30')).toEqual({
      date: '2001-12-31',
      time: '23:59:30',
      zone: '+05:30',
    });
    expect(composeNavDate({ date: '1856-01-01', time: '10:30', zone: '-05:00' })).toEqual({
      value: '1856-01-01T10:30:00-05:00',
    });
    expect(composeNavDate({ date: '1856-01-01', time: '', zone: 'Z' })).toEqual({
      value: '1856-01-01T00:00:00Z',
    });
  });

  it('refuses what is not a real date or has no zone, and leaves values it cannot show to the raw view', () => {
    expect(composeNavDate({ date: '1900-02-29', time: '00:00:00', zone: 'Z' })).toHaveProperty('error');
    expect(composeNavDate({ date: '2000-02-29', time: '00:00:00', zone: 'Z' })).toEqual({
      value: '2000-02-29T00:00:00Z',
    });
    expect(composeNavDate({ date: '', time: '00:00:00', zone: 'Z' })).toHaveProperty('error');
    expect(composeNavDate({ date: '2000-01-01', time: '25:00', zone: 'Z' })).toHaveProperty('error');
    expect(composeNavDate({ date: '2000-01-01', time: '10:00', zone: '+5' })).toHaveProperty('error');
    expect(parseNavDate('1856-01-01T00:00:00')).toBeNull(); // no zone
    expect(parseNavDate('-0044-03-15T00:00:00Z')).toBeNull(); // the date input cannot show it
    expect(parseNavDate('1856')).toBeNull();
  });
});

describe('behaviors', () => {
  it('offers only values valid for the type', () => {
    const manifest = behaviorOptions('Manifest').map((o) => o.value);
    const canvas = behaviorOptions('Canvas').map((o) => o.value);
    expect(manifest).toContain('paged');
    expect(manifest).not.toContain('facing-pages');
    expect(canvas).toContain('facing-pages');
    expect(canvas).not.toContain('paged');
    expect(unofferedBehaviors('Canvas', ['paged', 'non-paged', 'x-custom'])).toEqual(['paged', 'x-custom']);
  });

  it('names the values a choice would contradict', () => {
    expect(conflictsWith('paged', ['continuous', 'auto-advance'])).toEqual(['continuous']);
    expect(conflictsWith('no-repeat', ['repeat'])).toEqual(['repeat']);
    expect(conflictsWith('facing-pages', ['non-paged'])).toEqual(['non-paged']);
    expect(conflictsWith('auto-advance', ['paged'])).toEqual([]);
  });
});

describe('linked resources', () => {
  it('accepts only http(s) URIs', () => {
    expect(uriProblem('https://example.org/a')).toBeNull();
    expect(uriProblem('http://example.org')).toBeNull();
    expect(uriProblem('javascript:alert(1)')).toMatch(/Only http/);
    expect(uriProblem('data:text/html,<b>')).toMatch(/Only http/);
    expect(uriProblem('example.org')).toMatch(/complete URI/);
    expect(uriProblem('https://a b')).toMatch(/spaces/);
    expect(uriProblem('')).toMatch(/Give the URI/);
  });

  it('reads a single object as a list of one, moves items, builds new items id-first', () => {
    expect(itemsOf({ id: 'x', type: 'Text' })).toEqual([{ id: 'x', type: 'Text' }]);
    expect(itemsOf(undefined)).toEqual([]);
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    const same = ['a'];
    expect(moveItem(same, 0, 1)).toBe(same);
    const item = newLinkedItem({ id: ' https://e.org/p ', type: 'Text', label: 'Page', language: 'en' });
    expect(Object.keys(item)).toEqual(['id', 'type', 'label']);
    expect(item).toEqual({ id: 'https://e.org/p', type: 'Text', label: { en: ['Page'] } });
    expect(newLinkedItem({ id: 'https://e.org/i', type: 'Image', language: 'en' })).toEqual({
      id: 'https://e.org/i',
      type: 'Image',
    });
  });
});

describe('property rules', () => {
  it('rates properties per type and leaves out what the type may not have', () => {
    const manifest = rulesFor('Manifest');
    const canvas = rulesFor('Canvas');
    expect(manifest.find((r) => r.property === 'label')?.on.Manifest).toBe('required');
    expect(canvas.find((r) => r.property === 'label')?.on.Canvas).toBe('recommended');
    expect(manifest.map((r) => r.property)).toEqual(expect.arrayContaining(['viewingDirection', 'start']));
    expect(canvas.map((r) => r.property)).not.toContain('viewingDirection');
    expect(canvas.map((r) => r.property)).not.toContain('start');
    expect(canvas.find((r) => r.property === 'navPlace')?.on.Canvas).toBe('optional');
    expect(manifest).toHaveLength(16);
  });
});

describe('spreadsheet files and value paths', () => {
  it('names files and paths for people and for the workspace', () => {
    expect(csvFileName('My Book.json')).toBe('My-Book-canvases.csv');
    expect(csvFileName('')).toBe('manifest-canvases.csv');
    expect(workspacePath('/home/me/ws/', 'a.csv')).toBe('/home/me/ws/a.csv');
    expect(workspacePath('C:\\Users\\me', 'a.csv')).toBe('C:\\Users\\me\\a.csv');
    expect(csvNameProblem('a.csv')).toBeNull();
    expect(csvNameProblem('dir/a.csv')).toMatch(/without folders/);
    expect(csvNameProblem('a.txt')).toMatch(/\.csv/);
    expect(describeValuePath(['items', 3, 'metadata', 0, 'value', 'en', 0])).toBe(
      'Canvas 4 › metadata 1 value (en)',
    );
    expect(describeValuePath(['summary', 'fr', 0])).toBe('Manifest › summary (fr)');
    expect(describeValuePath(['provider', 0, 'label', 'en', 0])).toBe('Manifest › provider 1 label (en)');
  });
});
