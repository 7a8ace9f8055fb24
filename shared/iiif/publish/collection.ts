/** The collection.json that lists several published Manifests by reference (Collections never embed them). */
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../json';

const PRESENTATION_3_CONTEXT = 'http://iiif.io/api/presentation/3/context.json';

export interface CollectionInput {
  readonly id: string;
  /** A language map, e.g. { "en": [ "Letters, 1780-1790" ] }. */
  readonly label: JsonObject;
  readonly summary?: JsonObject;
  /** The published Manifests, in the order the Collection lists them. */
  readonly manifests: readonly JsonValue[];
}

/** Each Manifest is referenced by id, type and label (required), plus its thumbnail when it has one. */
export function buildCollection(input: CollectionInput): JsonObject {
  const items = input.manifests.filter(isJsonObject).map((manifest) => {
    const reference: Record<string, JsonValue> = {
      id: manifest.id ?? null,
      type: 'Manifest',
      label: manifest.label ?? {},
    };
    if (isJsonArray(manifest.thumbnail) && manifest.thumbnail.length > 0)
      reference.thumbnail = manifest.thumbnail;
    return reference;
  });
  return {
    '@context': PRESENTATION_3_CONTEXT,
    id: input.id,
    type: 'Collection',
    label: input.label,
    ...(input.summary !== undefined ? { summary: input.summary } : {}),
    items,
  };
}
