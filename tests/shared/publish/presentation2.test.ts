/**
 * Presentation 2.1 output: it upgrades back through @iiif/parser (the community's upgrader) to a Manifest with
 * the same canvases, labels and images, and says what it could not carry.
 */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../shared/iiif/json';
import { toPresentation2 } from '../../../shared/iiif/publish/presentation2';
import { loadFixture } from '../validation/helpers';
import { roundTrip, shown, texts } from './presentation2-helpers';

describe('toPresentation2', () => {
  it('upgrades back to the same canvases, labels and images', () => {
    const book = loadFixture('valid-book');
    const back = roundTrip(book);
    expect(back.id).toBe(book.id);
    expect(texts(back.label)).toBe(texts(book.label));
    expect(shown(back)).toEqual(shown(book));
    expect(shown(book).flatMap((c) => c.images).length).toBeGreaterThan(0);
  });

  it('writes 2.1 shapes: one sequence, images on canvases, image services of version 2, ranges', () => {
    const { doc } = toPresentation2(loadFixture('valid-book'));
    expect(doc['@context']).toBe('http://iiif.io/api/presentation/2/context.json');
    expect(doc['@type']).toBe('sc:Manifest');
    const sequence = (doc.sequences as JsonObject[])[0] as JsonObject;
    const canvas = (sequence.canvases as JsonObject[])[0] as JsonObject;
    const image = (canvas.images as JsonObject[])[0] as JsonObject;
    expect(image.on).toBe(canvas['@id']);
    expect((image.resource as JsonObject).service).toMatchObject({
      '@context': 'http://iiif.io/api/image/2/context.json',
    });
    expect((doc.structures as JsonObject[]).every((r) => r['@type'] === 'sc:Range')).toBe(true);
  });

  it('names what Presentation 2.1 cannot say', () => {
    const book = loadFixture('valid-book');
    const items = book.items as JsonObject[];
    const video = {
      ...(items[0] as JsonObject),
      id: 'https://example.org/iiif/book1/canvas/video',
      duration: 10,
      items: [
        {
          id: 'https://example.org/iiif/book1/canvas/video/page',
          type: 'AnnotationPage',
          items: [
            {
              id: 'https://example.org/iiif/book1/canvas/video/anno',
              type: 'Annotation',
              motivation: 'painting',
              body: { id: 'https://example.org/v.mp4', type: 'Video', format: 'video/mp4' },
              target: 'https://example.org/iiif/book1/canvas/video',
            },
          ],
        },
      ],
    };
    const { lost } = toPresentation2({ ...book, items: [...items, video], placeholderCanvas: {} });
    expect(lost).toContain('a canvas duration (time-based media) is left out');
    expect(lost).toContain('a painted Video that is not an image is left out');
    expect(lost).toContain('the property "placeholderCanvas" has no Presentation 2.1 form');
    // The book has a provider: 2.1 keeps its logo, not the agent.
    expect(toPresentation2(loadFixture('valid-book')).lost).toEqual(['the provider is reduced to its logo']);
  });

  it('never writes an annotation without a resource (the upgrader fails on one), as cookbook 0346 had it', () => {
    const book = loadFixture('valid-book');
    const items = book.items as JsonObject[];
    const first = items[0] as JsonObject;
    const target = `${String(first.id)}#xywh=0,0,10,10`;
    const comment = {
      id: 'https://example.org/iiif/book1/page/comments',
      type: 'AnnotationPage',
      items: [
        {
          id: 'https://example.org/iiif/book1/anno/choice',
          type: 'Annotation',
          motivation: 'commenting',
          body: {
            type: 'Choice',
            items: [
              { type: 'TextualBody', value: 'A koto', language: 'en' },
              { type: 'TextualBody', value: '琴', language: 'ja' },
            ],
          },
          target,
        },
        {
          id: 'https://example.org/iiif/book1/anno/nobody',
          type: 'Annotation',
          motivation: 'tagging',
          body: { type: 'SpecificResource' },
          target,
        },
      ],
    };
    const doc = { ...book, items: [{ ...first, annotations: [comment] }, ...items.slice(1)] } as JsonObject;
    const { doc: p2, lost } = toPresentation2(doc);
    const canvas = ((p2.sequences as JsonObject[])[0]?.canvases as JsonObject[])[0] as JsonObject;
    const resources = ((canvas.otherContent as JsonObject[])[0] as JsonObject).resources as JsonObject[];
    expect(resources.map((r) => r['@id'])).toEqual(['https://example.org/iiif/book1/anno/choice']);
    expect(resources[0]?.resource).toMatchObject({ chars: 'A koto', language: 'en' });
    expect(lost).toContain('a choice of annotation bodies keeps only its first');
    expect(lost).toContain('an annotation left with no body 2.1 can carry is left out');
    expect(shown(roundTrip(doc))).toEqual(shown(doc));
  });
});
