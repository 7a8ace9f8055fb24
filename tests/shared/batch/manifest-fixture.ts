/**
 * Small manifests written for these tests (the shared corpus is never copied into the repository).
 * Canvases carry a painting annotation page so tests can check that untouched subtrees are shared.
 */
import type { JsonObject } from '../../../shared/iiif/json';

export const BASE = 'https://example.org/iiif/book1';

export function canvasId(index: number): string {
  return `${BASE}/canvas/p${index + 1}`;
}

export function makeCanvas(index: number, extra: Record<string, unknown> = {}): JsonObject {
  // `label: undefined` in `extra` means "no label": JSON has no undefined, so the key is dropped.
  const canvas: Record<string, unknown> = {
    id: canvasId(index),
    type: 'Canvas',
    label: { none: [`p. ${index + 1}`] },
    height: 1000,
    width: 750,
    items: [
      {
        id: `${canvasId(index)}/page`,
        type: 'AnnotationPage',
        items: [
          {
            id: `${canvasId(index)}/page/image`,
            type: 'Annotation',
            motivation: 'painting',
            body: { id: `${BASE}/image/${index + 1}.jpg`, type: 'Image', format: 'image/jpeg' },
            target: canvasId(index),
          },
        ],
      },
    ],
    ...extra,
  };
  for (const key of Object.keys(canvas)) if (canvas[key] === undefined) delete canvas[key];
  return canvas as JsonObject;
}

export function makeManifest(
  count: number,
  canvas: (index: number) => Record<string, unknown> = () => ({}),
): JsonObject {
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `${BASE}/manifest`,
    type: 'Manifest',
    label: { en: ['Book 1'] },
    items: Array.from({ length: count }, (_, index) => makeCanvas(index, canvas(index))),
  } as JsonObject;
}

/** Freezes a value deeply, so a test fails if an operation mutates its input. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export function itemsOf(doc: unknown): JsonObject[] {
  return (doc as { items: JsonObject[] }).items;
}
