import { describe, expect, it } from 'vitest';
import {
  addCanvases,
  alreadyPainted,
  canvasSources,
  copyCanvasFromSource,
  findOriginal,
  sourceInfoOf,
} from '../../../shared/iiif/canvas-build';
import { readDocument } from '../../../shared/iiif/document/read';
import { createIdMinter } from '../../../shared/iiif/document/mint-ids';
import { newManifest } from '../../../shared/iiif/document/new-manifest';
import type { JsonObject } from '../../../shared/iiif/json';
import { schemaErrors, schemaMissingMessage, schemaPresent } from './schema';

const SOURCE = 'https://museum.example.org/iiif/book/manifest.json';

function sourceManifest(): JsonObject {
  const canvas = (n: number, extra: Record<string, unknown> = {}) => ({
    id: `https://museum.example.org/iiif/book/canvas/${n}`,
    type: 'Canvas',
    label: { en: [`p. ${n}`] },
    width: 1000,
    height: 1500,
    ...extra,
    items: [
      {
        id: `https://museum.example.org/iiif/book/canvas/${n}/page`,
        type: 'AnnotationPage',
        items: [
          {
            id: `https://museum.example.org/iiif/book/canvas/${n}/image`,
            type: 'Annotation',
            motivation: 'painting',
            target: `https://museum.example.org/iiif/book/canvas/${n}`,
            body: {
              id: `https://museum.example.org/iiif/img${n}/full/max/0/default.jpg`,
              type: 'Image',
              format: 'image/jpeg',
              service: [
                { id: `https://museum.example.org/iiif/img${n}`, type: 'ImageService3', profile: 'level1' },
              ],
            },
          },
        ],
      },
    ],
    annotations: [
      {
        id: `https://museum.example.org/iiif/book/canvas/${n}/notes`,
        type: 'AnnotationPage',
        items: [
          {
            id: `https://museum.example.org/iiif/book/canvas/${n}/note/1`,
            type: 'Annotation',
            motivation: 'commenting',
            body: { type: 'TextualBody', value: 'a note', format: 'text/plain' },
            target: `https://museum.example.org/iiif/book/canvas/${n}#xywh=0,0,10,10`,
          },
        ],
      },
    ],
  });
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: SOURCE,
    type: 'Manifest',
    label: { en: ['A book'] },
    requiredStatement: { label: { en: ['Attribution'] }, value: { en: ['Provided by the Museum'] } },
    rights: 'http://creativecommons.org/licenses/by/4.0/',
    provider: [{ id: 'https://museum.example.org/about', type: 'Agent', label: { en: ['The Museum'] } }],
    items: [
      canvas(1),
      canvas(2, {
        requiredStatement: { label: { en: ['Photo'] }, value: { en: ['Photo: J. Smith'] } },
        provider: [
          { id: 'https://photo.example.org', type: 'Agent', label: { en: ['Photo studio'] } },
          { id: 'https://museum.example.org/about', type: 'Agent', label: { en: ['The Museum'] } },
        ],
      }),
    ],
  };
}

const BASE = 'https://example.org/iiif/project';

describe('copyCanvasFromSource', () => {
  const source = sourceInfoOf(sourceManifest());
  const original = (sourceManifest()['items'] as JsonObject[])[0] as JsonObject;

  it('mints new ids for what the canvas defines, and keeps the image, its service and the annotations’ targets consistent', () => {
    const copy = copyCanvasFromSource(original, source, createIdMinter(BASE, new Set()));
    expect(copy['id']).toBe(`${BASE}/canvas/1`);
    const page = (copy['items'] as JsonObject[])[0] as JsonObject;
    const annotation = (page['items'] as JsonObject[])[0] as JsonObject;
    expect(page['id']).toBe(`${BASE}/canvas/1/page/1`);
    expect(annotation['target']).toBe(`${BASE}/canvas/1`);
    expect((annotation['body'] as JsonObject)['id']).toBe(
      'https://museum.example.org/iiif/img1/full/max/0/default.jpg',
    );
    const note = ((copy['annotations'] as JsonObject[])[0]?.['items'] as JsonObject[])[0] as JsonObject;
    expect(note['target']).toBe(`${BASE}/canvas/1#xywh=0,0,10,10`);
    expect(JSON.stringify(copy)).not.toContain('museum.example.org/iiif/book/canvas');
  });

  it('records partOf and carries the source’s credits onto the canvas', () => {
    const copy = copyCanvasFromSource(original, source, createIdMinter(BASE, new Set()));
    expect(copy['partOf']).toEqual([{ id: SOURCE, type: 'Manifest', label: { en: ['A book'] } }]);
    expect(copy['requiredStatement']).toEqual(sourceManifest()['requiredStatement']);
    expect(copy['rights']).toBe('http://creativecommons.org/licenses/by/4.0/');
    expect(copy['provider']).toEqual(sourceManifest()['provider']);
    expect(canvasSources(copy)).toEqual([{ id: SOURCE, type: 'Manifest', label: { en: ['A book'] } }]);
  });

  it('keeps a canvas’s own statement and adds each provider once', () => {
    const second = (sourceManifest()['items'] as JsonObject[])[1] as JsonObject;
    const copy = copyCanvasFromSource(second, source, createIdMinter(BASE, new Set()));
    expect((copy['requiredStatement'] as JsonObject)['value']).toEqual({ en: ['Photo: J. Smith'] });
    expect((copy['provider'] as JsonObject[]).map((p) => p['id'])).toEqual([
      'https://photo.example.org',
      'https://museum.example.org/about',
    ]);
  });

  it('adds nothing that the source did not have', () => {
    const bare = { ...sourceManifest() };
    delete (bare as Record<string, unknown>)['requiredStatement'];
    delete (bare as Record<string, unknown>)['rights'];
    delete (bare as Record<string, unknown>)['provider'];
    const copy = copyCanvasFromSource(original, sourceInfoOf(bare), createIdMinter(BASE, new Set()));
    expect(copy).not.toHaveProperty('requiredStatement');
    expect(copy).not.toHaveProperty('rights');
    expect(copy).not.toHaveProperty('provider');
    expect(copy['partOf']).toHaveLength(1);
  });

  it('finds the original of a copy in its source', () => {
    const items = sourceManifest()['items'] as JsonObject[];
    const copy = copyCanvasFromSource(items[1] as JsonObject, source, createIdMinter(BASE, new Set()));
    expect(findOriginal(copy, items)).toBe(1);
  });

  it('points out which new canvases paint an image the document already shows, and where', () => {
    const items = sourceManifest()['items'] as JsonObject[];
    const mint = createIdMinter(BASE, new Set());
    const again = [items[1], items[0]].map((canvas) =>
      copyCanvasFromSource(canvas as JsonObject, source, mint),
    );
    expect(alreadyPainted(again, [items[1] as JsonObject])).toEqual([0, -1]);
    expect(alreadyPainted(again, [])).toEqual([-1, -1]);
  });

  it('copies from an upgraded Presentation 2 manifest, with its attribution', () => {
    const p2 = {
      '@context': 'http://iiif.io/api/presentation/2/context.json',
      '@id': 'https://old.example.org/m.json',
      '@type': 'sc:Manifest',
      label: 'Old book',
      attribution: 'Provided by the Old Library',
      license: 'http://creativecommons.org/publicdomain/mark/1.0/',
      sequences: [
        {
          '@type': 'sc:Sequence',
          canvases: [
            {
              '@id': 'https://old.example.org/c1',
              '@type': 'sc:Canvas',
              label: 'f. 1',
              width: 100,
              height: 200,
              images: [
                {
                  '@type': 'oa:Annotation',
                  motivation: 'sc:painting',
                  on: 'https://old.example.org/c1',
                  resource: {
                    '@id': 'https://old.example.org/img/full/full/0/default.jpg',
                    '@type': 'dctypes:Image',
                    format: 'image/jpeg',
                    width: 100,
                    height: 200,
                    service: {
                      '@context': 'http://iiif.io/api/image/2/context.json',
                      '@id': 'https://old.example.org/img',
                      profile: 'http://iiif.io/api/image/2/level1.json',
                    },
                  },
                },
              ],
            },
          ],
        },
      ],
    };
    const read = readDocument(JSON.stringify(p2));
    if (!read.ok) throw new Error(read.error.message);
    const info = sourceInfoOf(read.doc);
    expect(info.id).toBe('https://old.example.org/m.json');
    // The licence is restored by the sources service (see tests/electron/sources): the upgrader drops it.
    expect(JSON.stringify(info.requiredStatement)).toContain('Provided by the Old Library');
    const doc = newManifest({ label: 'Mine', baseUri: BASE, language: 'en' });
    const { doc: filled } = addCanvases(doc, 0, [
      { kind: 'copy', canvas: (read.doc['items'] as JsonObject[])[0] as JsonObject, source: info },
    ]);
    const copy = (filled['items'] as JsonObject[])[0] as JsonObject;
    expect(copy['id']).toBe(`${BASE}/canvas/1`);
    expect(canvasSources(copy)[0]?.id).toBe('https://old.example.org/m.json');
  });

  it('makes manifests the official schema accepts', (context) => {
    if (!schemaPresent) return context.skip(schemaMissingMessage);
    const doc = newManifest({ label: 'Mine', baseUri: BASE, language: 'en' });
    const items = sourceManifest()['items'] as JsonObject[];
    const { doc: filled } = addCanvases(
      doc,
      0,
      items.map((canvas) => ({ kind: 'copy' as const, canvas, source })),
    );
    expect(schemaErrors(filled)).toEqual([]);
  });
});
