/** Small manifests with structures, built in code so each test shows what it starts from. */
import type { JsonObject, JsonValue } from '../../../shared/iiif/json';

export const BASE = 'https://example.org/iiif/book';

export function canvasId(n: number): string {
  return `${BASE}/canvas/${n}`;
}

export function canvas(n: number): JsonObject {
  return {
    id: canvasId(n),
    type: 'Canvas',
    label: { none: [`p. ${n}`] },
    width: 100,
    height: 100,
    items: [],
  };
}

export function ref(n: number): JsonObject {
  return { id: canvasId(n), type: 'Canvas' };
}

export function range(name: string, items: JsonValue[], extra: JsonObject = {}): JsonObject {
  return { id: `${BASE}/range/${name}`, type: 'Range', label: { en: [name] }, ...extra, items };
}

export function book(count: number, structures: JsonValue[]): JsonObject {
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `${BASE}/manifest.json`,
    type: 'Manifest',
    label: { en: ['Book'] },
    items: Array.from({ length: count }, (_, i) => canvas(i + 1)),
    structures,
  };
}

/** A chain of `depth` Ranges, each inside the one before, the innermost holding canvas 1. */
export function deepChain(depth: number): JsonObject {
  let inner: JsonObject = range(`d${depth}`, [ref(1)]);
  for (let d = depth - 1; d >= 1; d -= 1) inner = range(`d${d}`, [inner]);
  return book(1, [inner]);
}
