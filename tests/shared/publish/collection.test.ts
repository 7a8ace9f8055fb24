import { describe, expect, it } from 'vitest';
import { buildCollection } from '../../../shared/iiif/publish/collection';
import { validate } from '../../../shared/iiif/validation/validate';
import { loadFixture } from '../validation/helpers';

describe('buildCollection', () => {
  it('references each Manifest by id, type, label and thumbnail, and is valid', () => {
    const book = loadFixture('valid-book');
    const collection = buildCollection({
      id: 'https://pub.example.com/collection.json',
      label: { en: ['Books'] },
      manifests: [
        book,
        { ...book, id: 'https://pub.example.com/two/manifest.json', thumbnail: undefined as never },
      ],
    });
    expect(collection.items).toEqual([
      { id: book.id, type: 'Manifest', label: book.label, thumbnail: book.thumbnail },
      { id: 'https://pub.example.com/two/manifest.json', type: 'Manifest', label: book.label },
    ]);
    expect(validate(collection).filter((f) => f.severity !== 'info')).toEqual([]);
  });
});
