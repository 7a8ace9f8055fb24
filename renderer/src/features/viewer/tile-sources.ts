/**
 * What the viewer draws for a canvas: each painting annotation's image, as an OpenSeadragon tile source placed at
 * its target on the canvas. Pure functions over the canvas JSON, so they are unit-tested without a viewer.
 */
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../../../../shared/iiif/json';

export interface PlacedImage {
  /** An info.json URL (IIIF service) or a plain image URL. */
  source: { kind: 'iiif'; infoUrl: string } | { kind: 'image'; url: string };
  /** Where on the canvas, in canvas units. */
  x: number;
  y: number;
  width: number;
  height: number;
}

function asArray(value: JsonValue | undefined): readonly JsonValue[] {
  if (value === undefined || value === null) return [];
  return isJsonArray(value) ? value : [value];
}

function idOf(node: JsonValue | undefined): string | null {
  if (!isJsonObject(node)) return null;
  const id = node['id'] ?? node['@id'];
  return typeof id === 'string' ? id : null;
}

function imageServiceId(body: JsonObject): string | null {
  for (const service of asArray(body['service'])) {
    if (!isJsonObject(service)) continue;
    const type = String(service['type'] ?? service['@type'] ?? '');
    const profile = JSON.stringify(service['profile'] ?? '');
    if (/ImageService/.test(type) || /iiif\.io\/api\/image|level[012]/.test(profile)) {
      const id = idOf(service);
      if (id) return id.replace(/\/info\.json$/, '');
    }
  }
  return null;
}

/** Parses `#xywh=x,y,w,h` (pixels) from a target URL; null when absent or malformed. */
export function parseXywh(target: string): { x: number; y: number; width: number; height: number } | null {
  const match = /#xywh=(?:pixel:)?(\d+(?:\.\d+)?),(\d+(?:\.\d+)?),(\d+(?:\.\d+)?),(\d+(?:\.\d+)?)$/.exec(
    target,
  );
  if (!match) return null;
  const [x, y, width, height] = match.slice(1).map(Number) as [number, number, number, number];
  return width > 0 && height > 0 ? { x, y, width, height } : null;
}

export function paintingAnnotations(canvas: JsonObject): JsonObject[] {
  const result: JsonObject[] = [];
  for (const page of asArray(canvas['items'])) {
    if (!isJsonObject(page)) continue;
    for (const annotation of asArray(page['items'])) {
      if (isJsonObject(annotation) && asArray(annotation['motivation']).includes('painting'))
        result.push(annotation);
    }
  }
  return result;
}

export function placedImages(canvas: JsonObject): PlacedImage[] {
  const canvasWidth = typeof canvas['width'] === 'number' ? canvas['width'] : 1000;
  const canvasHeight = typeof canvas['height'] === 'number' ? canvas['height'] : 1000;
  const placed: PlacedImage[] = [];
  for (const annotation of paintingAnnotations(canvas)) {
    let body = asArray(annotation['body'])[0];
    // A Choice shows its first item until the layer switcher picks another.
    if (isJsonObject(body) && body['type'] === 'Choice') body = asArray(body['items'])[0];
    if (!isJsonObject(body)) continue;
    if (body['type'] === 'SpecificResource' && isJsonObject(body['source'])) body = body['source'];
    if (!isJsonObject(body)) continue;
    const targetText =
      typeof annotation['target'] === 'string' ? annotation['target'] : (idOf(annotation['target']) ?? '');
    const area = parseXywh(targetText) ?? { x: 0, y: 0, width: canvasWidth, height: canvasHeight };
    const service = imageServiceId(body);
    const url = idOf(body);
    if (service) placed.push({ source: { kind: 'iiif', infoUrl: `${service}/info.json` }, ...area });
    else if (url) placed.push({ source: { kind: 'image', url }, ...area });
  }
  return placed;
}
