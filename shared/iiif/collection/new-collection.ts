/** A new, empty Presentation 3 collection: the smallest document that is valid apart from having no members. */
import {
  PRESENTATION_3_CONTEXT,
  newDocumentLabel,
  trimmedBase,
  type NewManifestOptions,
} from '../document/new-manifest';
import type { JsonObject } from '../json';

/** As for a manifest; the collection's id becomes `${baseUri}/collection.json`. */
export type NewCollectionOptions = NewManifestOptions;

export function newCollection(options: NewCollectionOptions): JsonObject {
  return {
    '@context': PRESENTATION_3_CONTEXT,
    id: `${trimmedBase(options.baseUri)}/collection.json`,
    type: 'Collection',
    label: newDocumentLabel(options),
    items: [],
  };
}
