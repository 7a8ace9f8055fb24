import { describe, expect, it } from 'vitest';
import {
  collectionLabelOf,
  folderNameOf,
  uniqueFolderNames,
} from '../../../shared/iiif/publish/collection-naming';

describe('folderNameOf', () => {
  it('turns a file name into letters, digits and dashes', () => {
    expect(folderNameOf('Book of Hours (1).json')).toBe('book-of-hours-1');
    expect(folderNameOf('/data/letters/Livre d’heures é.JSON')).toBe('livre-d-heures-e');
    expect(folderNameOf('C:\\work\\psalter.json')).toBe('psalter');
    expect(folderNameOf('日本.json')).toBe('manifest');
    expect(folderNameOf('-')).toBe('manifest');
  });
});

describe('uniqueFolderNames', () => {
  it('keeps the order and numbers names already taken', () => {
    expect(uniqueFolderNames(['a/book.json', 'b/book.json', 'book-2.json', 'Book.json'])).toEqual([
      'book',
      'book-2',
      'book-2-2',
      'book-3',
    ]);
  });
});

describe('collectionLabelOf', () => {
  it('uses the text typed, else the fallback, as a language map without a language', () => {
    expect(collectionLabelOf('  Letters, 1780–1790 ', 'site')).toEqual({ none: ['Letters, 1780–1790'] });
    expect(collectionLabelOf('', 'site')).toEqual({ none: ['site'] });
    expect(collectionLabelOf(undefined, '')).toEqual({ none: ['Collection'] });
  });
});
