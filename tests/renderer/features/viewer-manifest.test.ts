/**
 * The copy of the edited document that Mirador and Clover get: the same JSON, with every address they would
 * load on the page's own origin, and what cannot go that way left out and counted.
 */
import { describe, expect, it } from 'vitest';
import { manifestForViewers } from '../../../renderer/src/features/preview/viewer-manifest';
import { parseRemoteServicePath } from '../../../shared/iiif/image-api/remote-service-route';
import { getIn, type JsonObject, type JsonValue } from '../../../shared/iiif/json';

const ORIGIN = 'http://127.0.0.1:5199';
const SERVICE = 'https://images.example.org/iiif/leaf-1';
const BODY = ['items', 0, 'items', 0, 'items', 0, 'body'];
/** A writable copy, for tests that add to the fixture. */
type Mutable = Record<string, JsonValue[]>;

function manifest(extra: JsonObject = {}): JsonObject {
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: 'https://example.org/manifest.json',
    type: 'Manifest',
    label: { en: ['Edited label'] },
    thumbnail: [{ id: 'https://example.org/thumb.jpg', type: 'Image', format: 'image/jpeg' }],
    items: [
      {
        id: 'https://example.org/canvas/1',
        type: 'Canvas',
        width: 400,
        height: 300,
        items: [
          {
            id: 'https://example.org/canvas/1/page',
            type: 'AnnotationPage',
            items: [
              {
                id: 'https://example.org/canvas/1/page/a',
                type: 'Annotation',
                motivation: 'painting',
                target: 'https://example.org/canvas/1',
                body: {
                  id: `${SERVICE}/full/max/0/default.jpg`,
                  type: 'Image',
                  service: [{ '@id': SERVICE, '@type': 'ImageService2', profile: 'level0' }],
                },
              },
            ],
          },
        ],
        annotations: [{ id: 'https://example.org/canvas/1/comments', type: 'AnnotationPage' }],
      },
    ],
    partOf: [{ id: 'https://example.org/collection.json', type: 'Collection' }],
    homepage: [{ id: 'https://example.org/about', type: 'Text', format: 'text/html' }],
    ...extra,
  };
}

describe('manifestForViewers', () => {
  it('keeps the document as it is but for the addresses the viewers load', () => {
    const { manifest: out, leftOut } = manifestForViewers(manifest(), ORIGIN);
    const text = JSON.stringify(out);
    expect(out['id']).toBe('https://example.org/manifest.json');
    expect(out['label']).toEqual({ en: ['Edited label'] });
    // Nothing the viewers load is off the page's origin any more.
    expect(getIn(out, [...BODY, 'id'])).toBe(
      `${ORIGIN}/remote-image?url=${encodeURIComponent(`${SERVICE}/full/max/0/default.jpg`)}`,
    );
    const service = getIn(out, [...BODY, 'service', 0, '@id']) as string;
    expect(service.startsWith(`${ORIGIN}/remote-image/service/`)).toBe(true);
    expect(parseRemoteServicePath(`${new URL(service).pathname}/info.json`)?.serviceId).toBe(SERVICE);
    expect(getIn(out, ['thumbnail', 0, 'id'])).toMatch(/^http:\/\/127\.0\.0\.1:5199\/remote-image\?url=/);
    expect(text).not.toContain('"https://images.example.org');
    expect(leftOut).toEqual({ media: 0, external: 2 });
    expect(getIn(out, ['items', 0, 'annotations'])).toEqual([]);
    expect(getIn(out, ['partOf'])).toEqual([]);
    // A homepage is a link for the reader, not content the viewer loads.
    expect(getIn(out, ['homepage', 0, 'id'])).toBe('https://example.org/about');
  });

  it('marks the images and services of a document from the internet as public, so private hosts stay refused', () => {
    const { manifest: out } = manifestForViewers(manifest(), ORIGIN, 'public');
    expect(getIn(out, [...BODY, 'id'])).toMatch(/&initiator=public$/);
    const service = getIn(out, [...BODY, 'service', 0, '@id']) as string;
    expect(parseRemoteServicePath(`${new URL(service).pathname}/full/max/0/default.jpg`)).toMatchObject({
      serviceId: SERVICE,
      initiator: 'public',
    });
    const local = manifestForViewers(manifest(), ORIGIN, 'local').manifest;
    const localService = getIn(local, [...BODY, 'service', 0, '@id']) as string;
    expect(parseRemoteServicePath(`${new URL(localService).pathname}/info.json`)?.initiator).toBe('local');
  });

  it('leaves out audio, video and text bodies, with their annotations, and counts them', () => {
    const doc = manifest();
    const page = getIn(doc, ['items', 0, 'items', 0]) as unknown as Mutable;
    page['items']?.push({
      id: 'https://example.org/canvas/1/page/b',
      type: 'Annotation',
      motivation: 'supplementing',
      target: 'https://example.org/canvas/1',
      body: { id: 'https://example.org/captions.vtt', type: 'Text', format: 'text/vtt' },
    });
    const { manifest: out, leftOut } = manifestForViewers(doc, ORIGIN);
    expect(getIn(out, ['items', 0, 'items', 0, 'items'])).toHaveLength(1);
    expect(leftOut.media).toBe(1);
  });

  it('uses images of the page’s own origin (the sample, local images) as they are', () => {
    const local = `${ORIGIN}/local-images/leaf/full/max/0/default.jpg`;
    const doc = manifest({ thumbnail: [{ id: local, type: 'Image' }] });
    expect(getIn(manifestForViewers(doc, ORIGIN).manifest, ['thumbnail', 0, 'id'])).toBe(local);
  });

  it('routes through app://tessera in the desktop app, where every institution is another origin', () => {
    const { manifest: out } = manifestForViewers(manifest(), 'app://tessera');
    expect(getIn(out, [...BODY, 'id'])).toMatch(/^app:\/\/tessera\/remote-image\?url=https%3A/);
    expect(getIn(out, [...BODY, 'service', 0, '@id'])).toMatch(/^app:\/\/tessera\/remote-image\/service\//);
  });
});
