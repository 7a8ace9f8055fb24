/**
 * Test fixture: a collection with collections embedded two levels deep, for the member-path tests in shared/ and
 * the sub-collection tests of the renderer.
 */
import type { JsonObject } from '../../../shared/iiif/json';

export const SHELF_BASE = 'https://tessera.test/iiif';

/** A referenced manifest of the shelf, named `name`. */
export const ref = (name: string): JsonObject => ({
  id: `${SHELF_BASE}/${name}/manifest.json`,
  type: 'Manifest',
  label: { en: [name] },
});

/** Shelf › [m1, Box A › [a1, a2, Folder › [f1, f2, f3]], m2], with an unknown property kept at every level. */
export function shelf(): JsonObject {
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `${SHELF_BASE}/shelf.json`,
    type: 'Collection',
    label: { en: ['Shelf'] },
    items: [
      ref('m1'),
      {
        id: `${SHELF_BASE}/box-a`,
        type: 'Collection',
        label: { en: ['Box A'] },
        'x-shelfmark': 'A/1',
        items: [
          ref('a1'),
          ref('a2'),
          {
            id: `${SHELF_BASE}/box-a/folder`,
            type: 'Collection',
            label: { en: ['Folder'] },
            items: [ref('f1'), ref('f2'), ref('f3')],
          },
        ],
      },
      ref('m2'),
    ],
  };
}
