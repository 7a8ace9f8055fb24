import { describe, expect, it } from 'vitest';
import {
  addCanvases,
  canvasFromDescriptor,
  canvasFromPlainImage,
  labelForUrl,
  thumbnailEntry,
} from '../../../shared/iiif/canvas-build';
import { createIdMinter } from '../../../shared/iiif/document/mint-ids';
import { newManifest } from '../../../shared/iiif/document/new-manifest';
import { parseInfoJson } from '../../../shared/iiif/image-api/parse-info-json';
import type { ImageServiceDescriptor } from '../../../shared/iiif/image-api/descriptor';
import type { JsonObject } from '../../../shared/iiif/json';
import { validate } from '../../../shared/iiif/validation/validate';
import { schemaErrors, schemaMissingMessage, schemaPresent } from './schema';

function descriptor(info: Record<string, unknown>): ImageServiceDescriptor {
  const parsed = parseInfoJson(info);
  if (!parsed.ok) throw new Error(parsed.reasons.join(' '));
  return parsed.value;
}

const v2level2 = descriptor({
  '@context': 'http://iiif.io/api/image/2/context.json',
  '@id': 'https://images.example.org/iiif/2/ms1-f1r',
  protocol: 'http://iiif.io/api/image',
  profile: ['http://iiif.io/api/image/2/level2.json'],
  width: 4000,
  height: 3000,
});

const v3level0 = descriptor({
  '@context': 'http://iiif.io/api/image/3/context.json',
  id: 'https://static.example.org/iiif/leaf-2',
  type: 'ImageService3',
  protocol: 'http://iiif.io/api/image',
  profile: 'level0',
  width: 1200,
  height: 900,
  sizes: [
    { width: 300, height: 225 },
    { width: 600, height: 450 },
  ],
  tiles: [{ width: 512, scaleFactors: [1, 2, 4] }],
});

const v3level0Bare = descriptor({
  '@context': 'http://iiif.io/api/image/3/context.json',
  id: 'https://static.example.org/iiif/bare',
  type: 'ImageService3',
  protocol: 'http://iiif.io/api/image',
  profile: 'level0',
  width: 5000,
  height: 4000,
});

const BASE = 'https://example.org/iiif/my-project';

function bodyOf(canvas: JsonObject): JsonObject {
  const page = (canvas['items'] as JsonObject[])[0] as JsonObject;
  const annotation = (page['items'] as JsonObject[])[0] as JsonObject;
  return annotation['body'] as JsonObject;
}

describe('canvasFromDescriptor', () => {
  it('sizes the canvas as the image and paints a sized image with a v2 service in v2 shape', () => {
    const canvas = canvasFromDescriptor(v2level2, { mint: createIdMinter(BASE, new Set()), label: 'f. 1r' });
    expect(canvas).toMatchObject({
      id: `${BASE}/canvas/1`,
      type: 'Canvas',
      label: { none: ['f. 1r'] },
      width: 4000,
      height: 3000,
    });
    const page = (canvas['items'] as JsonObject[])[0] as JsonObject;
    expect(page['id']).toBe(`${BASE}/canvas/1/page/1`);
    const annotation = (page['items'] as JsonObject[])[0] as JsonObject;
    expect(annotation).toMatchObject({
      id: `${BASE}/canvas/1/page/1/annotation/1`,
      type: 'Annotation',
      motivation: 'painting',
      target: `${BASE}/canvas/1`,
    });
    const body = bodyOf(canvas);
    expect(body).toMatchObject({ type: 'Image', format: 'image/jpeg', width: 4000, height: 3000 });
    expect(body['id']).toMatch(
      /^https:\/\/images\.example\.org\/iiif\/2\/ms1-f1r\/full\/\d+,\/0\/default\.jpg$/,
    );
    expect(body['service']).toEqual([
      {
        '@id': 'https://images.example.org/iiif/2/ms1-f1r',
        '@type': 'ImageService2',
        profile: 'http://iiif.io/api/image/2/level2.json',
      },
    ]);
    const thumb = (canvas['thumbnail'] as JsonObject[])[0] as JsonObject;
    expect(thumb['id']).toBe('https://images.example.org/iiif/2/ms1-f1r/full/150,/0/default.jpg');
    expect(thumb).toMatchObject({ type: 'Image', width: 150, height: 113 });
  });

  it('uses the v3 shape and only declared sizes for a level-0 service', () => {
    const canvas = canvasFromDescriptor(v3level0, { mint: createIdMinter(BASE, new Set()) });
    expect(canvas).toMatchObject({ width: 1200, height: 900 });
    expect(canvas['label']).toBeUndefined();
    const body = bodyOf(canvas);
    expect(body['service']).toEqual([
      { id: 'https://static.example.org/iiif/leaf-2', type: 'ImageService3', profile: 'level0' },
    ]);
    expect(String(body['id'])).not.toMatch(/\/full\/(max|full)\//);
    const thumb = (canvas['thumbnail'] as JsonObject[])[0] as JsonObject;
    // The smallest available full size at least 150 wide (declared, or one tile holds it), as w,h (v3).
    expect(thumb['id']).toBe('https://static.example.org/iiif/leaf-2/full/300,225/0/default.jpg');
  });

  it('writes level-0 thumbnails that its own validator does not question (issue 13 item 4)', () => {
    const canvas = canvasFromDescriptor(v3level0, { mint: createIdMinter(BASE, new Set()) });
    const thumb = (canvas['thumbnail'] as JsonObject[])[0] as JsonObject;
    expect(thumb['service']).toEqual([
      {
        id: 'https://static.example.org/iiif/leaf-2',
        type: 'ImageService3',
        profile: 'level0',
        sizes: [{ width: 300, height: 225 }],
      },
    ]);
    const doc = addCanvases(newManifest({ label: 'Book', baseUri: BASE, language: 'en' }), 0, [
      { kind: 'service', descriptor: v3level0, label: 'b' },
    ]).doc;
    expect(validate(doc).filter((f) => f.code.startsWith('thumbnail-'))).toEqual([]);
  });

  it('gives a level-0 service that declares nothing usable no thumbnail rather than full/max', () => {
    expect(thumbnailEntry(v3level0Bare)).toBeNull();
    const canvas = canvasFromDescriptor(v3level0Bare, { mint: createIdMinter(BASE, new Set()) });
    expect(canvas['thumbnail']).toBeUndefined();
  });

  it('paints a plain image without a service', () => {
    const canvas = canvasFromPlainImage(
      { url: 'https://example.org/photos/leaf.jpg', width: 800, height: 600, format: 'image/jpeg' },
      { mint: createIdMinter(BASE, new Set()), label: 'leaf' },
    );
    expect(bodyOf(canvas)).toEqual({
      id: 'https://example.org/photos/leaf.jpg',
      type: 'Image',
      format: 'image/jpeg',
      width: 800,
      height: 600,
    });
  });
});

describe('addCanvases', () => {
  it('inserts in order at a position, with ids unique in the document, as one new document', () => {
    const doc = newManifest({ label: 'Book', baseUri: BASE });
    const first = addCanvases(doc, 0, [
      { kind: 'service', descriptor: v2level2, label: 'a' },
      { kind: 'service', descriptor: v3level0, label: 'b' },
    ]);
    const second = addCanvases(first.doc, 1, [{ kind: 'service', descriptor: v3level0Bare, label: 'c' }]);
    const labels = (second.doc['items'] as JsonObject[]).map((c) => (c['label'] as JsonObject)['none']);
    expect(labels).toEqual([['a'], ['c'], ['b']]);
    expect(second.ids).toEqual([`${BASE}/canvas/3`]);
    expect(first.doc).not.toBe(doc);
    expect(doc['items']).toEqual([]);
  });

  it('produces a manifest the official schema accepts', (context) => {
    if (!schemaPresent) return context.skip(schemaMissingMessage);
    const doc = newManifest({ label: 'Book', baseUri: BASE, language: 'en' });
    const { doc: filled } = addCanvases(doc, 0, [
      { kind: 'service', descriptor: v2level2, label: 'a' },
      { kind: 'service', descriptor: v3level0 },
      { kind: 'service', descriptor: v3level0Bare },
      {
        kind: 'image',
        image: { url: 'https://example.org/p.png', width: 10, height: 20, format: 'image/png' },
      },
    ]);
    expect(schemaErrors(filled)).toEqual([]);
  });
});

describe('labelForUrl', () => {
  it('names an image after its identifier or file', () => {
    expect(labelForUrl('https://x.org/iiif/2/ms12%2Ff3r/info.json')).toBe('ms12/f3r');
    expect(labelForUrl('https://x.org/iiif/abc')).toBe('abc');
    expect(labelForUrl('https://x.org/photos/leaf.jpg')).toBe('leaf');
    expect(labelForUrl('https://x.org/iiif/abc/full/max/0/default.jpg')).toBe('abc');
  });
});
