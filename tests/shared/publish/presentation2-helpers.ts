/** What a round trip through Presentation 2.1 must keep, as a viewer shows it. */
import { upgrade } from '@iiif/parser/upgrader';
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../../../shared/iiif/json';
import { toPresentation2 } from '../../../shared/iiif/publish/presentation2';

interface Shown {
  readonly id: unknown;
  readonly label: string;
  readonly images: readonly string[];
}

export const texts = (map: JsonValue | undefined): string =>
  isJsonObject(map)
    ? Object.values(map)
        .flatMap((v) => (isJsonArray(v) ? v : []))
        .join(' | ')
    : '';

/** What a viewer shows of each canvas: its id, its label text and the ids of its painted images. */
export function shown(doc: JsonObject): Shown[] {
  return (doc.items as JsonObject[]).map((canvas) => ({
    id: canvas.id,
    label: texts(canvas.label),
    images: ((canvas.items ?? []) as JsonObject[]).flatMap((page) =>
      ((page.items ?? []) as JsonObject[]).flatMap((anno) => {
        const body = Array.isArray(anno.body) ? anno.body[0] : anno.body;
        return isJsonObject(body) && body.type === 'Image' ? [body.id as string] : [];
      }),
    ),
  }));
}

export function roundTrip(doc: JsonObject): JsonObject {
  return upgradeP2(toPresentation2(doc).doc);
}

/** @iiif/parser's upgrader, given a copy (it changes its input). */
export function upgradeP2(p2: JsonObject): JsonObject {
  return upgrade(JSON.parse(JSON.stringify(p2)) as Parameters<typeof upgrade>[0]) as unknown as JsonObject;
}
