import { describe, expect, it } from 'vitest';
import {
  addCaptionPage,
  formatWebVtt,
  listAnnotations,
  parseWebVtt,
  timeSpanAnnotations,
  timedTextOfCanvas,
} from '../../../shared/iiif/annotations';
import { timedAnnotationsOf } from '../../../shared/iiif/media';
import { validate } from '../../../shared/iiif/validation';
import type { JsonObject } from '../../../shared/iiif/json';

const VIDEO = 'https://e.org/c/video';

function avManifest(extra: JsonObject = {}): JsonObject {
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: 'https://e.org/manifest.json',
    type: 'Manifest',
    label: { en: ['A film'] },
    items: [
      {
        id: VIDEO,
        type: 'Canvas',
        label: { en: ['Film'] },
        width: 640,
        height: 360,
        duration: 10,
        items: [
          {
            id: `${VIDEO}/page`,
            type: 'AnnotationPage',
            items: [
              {
                id: `${VIDEO}/page/a`,
                type: 'Annotation',
                motivation: 'painting',
                body: {
                  id: 'https://e.org/film.webm',
                  type: 'Video',
                  format: 'video/webm',
                  duration: 10,
                  width: 640,
                  height: 360,
                },
                target: VIDEO,
              },
            ],
          },
        ],
        ...extra,
      },
    ],
  };
}

function ids(prefix: string) {
  let n = 0;
  return () => `${prefix}/${++n}`;
}

const VTT =
  'WEBVTT\n\n1\n00:00.000 --> 00:02.500\n<v Ann>Hello <b>there</b>\n\n00:02.500 --> 00:04.000\n\n00:04.000 --> 00:09.250\nSecond line\nof speech\n';

describe('addCaptionPage', () => {
  it('adds one page of supplementing text annotations on #t= spans, leaving out empty cues', () => {
    const reading = parseWebVtt(VTT);
    if (!reading.ok) throw new Error(reading.message);
    const before = avManifest();
    const { doc, pagePath, count } = addCaptionPage(before, {
      canvasIndex: 0,
      cues: reading.cues,
      pageId: 'https://e.org/captions',
      annotationId: ids('https://e.org/caption'),
      language: 'en',
      label: 'Captions (en)',
    });
    expect(count).toBe(2);
    expect(pagePath).toEqual(['items', 0, 'annotations', 0]);
    const canvas = (doc.items as JsonObject[])[0] as JsonObject;
    expect(canvas.annotations).toEqual([
      {
        id: 'https://e.org/captions',
        type: 'AnnotationPage',
        label: { none: ['Captions (en)'] },
        items: [
          {
            id: 'https://e.org/caption/1',
            type: 'Annotation',
            motivation: 'supplementing',
            body: { type: 'TextualBody', value: 'Hello there', format: 'text/plain', language: 'en' },
            target: `${VIDEO}#t=0,2.5`,
          },
          {
            id: 'https://e.org/caption/2',
            type: 'Annotation',
            motivation: 'supplementing',
            body: {
              type: 'TextualBody',
              value: 'Second line\nof speech',
              format: 'text/plain',
              language: 'en',
            },
            target: `${VIDEO}#t=4,9.25`,
          },
        ],
      },
    ]);
    // The painting page is the same object: only the path to the new page was copied.
    expect(canvas.items).toBe(((before.items as JsonObject[])[0] as JsonObject).items);
    expect(validate(doc).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('appends after the pages a canvas already has', () => {
    const doc = avManifest({ annotations: [{ id: 'https://e.org/old', type: 'AnnotationPage', items: [] }] });
    const result = addCaptionPage(doc, {
      canvasIndex: 0,
      cues: [{ start: 1, end: 2, text: 'x' }],
      pageId: 'https://e.org/new',
      annotationId: ids('https://e.org/n'),
    });
    expect(result.pagePath).toEqual(['items', 0, 'annotations', 1]);
  });
});

describe('timeSpanAnnotations, the one reader of the annotations of a canvas on time spans', () => {
  const annotation = (id: string, target: JsonObject | string, value: string): JsonObject => ({
    id: `https://e.org/${id}`,
    type: 'Annotation',
    motivation: 'supplementing',
    body: { type: 'TextualBody', value },
    target,
  });
  const doc = avManifest({
    annotations: [
      {
        id: 'https://e.org/p',
        type: 'AnnotationPage',
        items: [
          annotation('late', `${VIDEO}#t=5,6`, 'late'),
          annotation('open', `${VIDEO}#t=8`, 'open'),
          annotation('empty', `${VIDEO}#t=3,4`, ''),
          annotation('early', `${VIDEO}#t=1,2`, 'early'),
          annotation('region', `${VIDEO}#xywh=1,1,5,5`, 'region'),
          annotation('other', 'https://e.org/c/other#t=1,2', 'other canvas'),
        ],
      },
    ],
  });
  const canvas = (doc['items'] as JsonObject[])[0] as JsonObject;

  it('lists every annotation on a time span of this canvas, as written and in document order', () => {
    const read = timeSpanAnnotations(canvas, 0);
    expect(read.map((a) => [a.key, a.id, a.start, a.end])).toEqual([
      ['annotation:annotations:0:items:0', 'https://e.org/late', 5, 6],
      // No end: it runs to the canvas's duration.
      ['annotation:annotations:0:items:1', 'https://e.org/open', 8, 10],
      ['annotation:annotations:0:items:2', 'https://e.org/empty', 3, 4],
      ['annotation:annotations:0:items:3', 'https://e.org/early', 1, 2],
    ]);
    expect(read[0]?.bodies).toEqual([expect.objectContaining({ kind: 'text', value: 'late' })]);
  });

  it('leaves an open span without an end when the canvas has no duration', () => {
    const { duration: _, ...still } = canvas;
    expect(timeSpanAnnotations(still, 0)[1]).toMatchObject({ start: 8, end: undefined });
  });

  it('is what both the captions and the media timeline show, each keeping what it can', () => {
    // Captions: those with text, in start order.
    expect(timedTextOfCanvas(doc, 0).map((c) => c.id)).toEqual([
      'https://e.org/early',
      'https://e.org/late',
      'https://e.org/open',
    ]);
    // The timeline: every one, in document order, closed at the canvas's end, labelled by its bodies.
    expect(timedAnnotationsOf(canvas)).toEqual([
      { key: 'annotation:annotations:0:items:0', span: { start: 5, end: 6 }, text: 'late' },
      { key: 'annotation:annotations:0:items:1', span: { start: 8, end: 10 }, text: 'open' },
      { key: 'annotation:annotations:0:items:2', span: { start: 3, end: 4 }, text: '' },
      { key: 'annotation:annotations:0:items:3', span: { start: 1, end: 2 }, text: 'early' },
    ]);
  });
});

describe('timedTextOfCanvas', () => {
  it('reads the time annotations of a canvas as cues in start order, and they export as WebVTT', () => {
    const doc = avManifest({
      annotations: [
        {
          id: 'https://e.org/p',
          type: 'AnnotationPage',
          items: [
            {
              id: 'https://e.org/b',
              type: 'Annotation',
              motivation: 'supplementing',
              body: { type: 'TextualBody', value: '<p>second &amp; <b>bold</b></p>', format: 'text/html' },
              target: `${VIDEO}#t=5,6`,
            },
            {
              id: 'https://e.org/a',
              type: 'Annotation',
              motivation: 'commenting',
              body: { type: 'TextualBody', value: 'first' },
              target: {
                type: 'SpecificResource',
                source: { id: VIDEO, type: 'Canvas' },
                selector: { type: 'FragmentSelector', value: 't=1,2' },
              },
            },
            {
              id: 'https://e.org/open',
              type: 'Annotation',
              motivation: 'supplementing',
              body: { type: 'TextualBody', value: 'to the end' },
              target: `${VIDEO}#t=8`,
            },
            {
              id: 'https://e.org/box',
              type: 'Annotation',
              motivation: 'commenting',
              body: { type: 'TextualBody', value: 'a region' },
              target: `${VIDEO}#xywh=1,1,5,5`,
            },
            {
              id: 'https://e.org/empty',
              type: 'Annotation',
              motivation: 'supplementing',
              body: { type: 'TextualBody', value: ' ' },
              target: `${VIDEO}#t=3,4`,
            },
            {
              id: 'https://e.org/other',
              type: 'Annotation',
              motivation: 'supplementing',
              body: { type: 'TextualBody', value: 'elsewhere' },
              target: 'https://e.org/c/other#t=1,2',
            },
          ],
        },
      ],
    });
    const cues = timedTextOfCanvas(doc, 0);
    expect(cues).toEqual([
      { id: 'https://e.org/a', start: 1, end: 2, text: 'first' },
      { id: 'https://e.org/b', start: 5, end: 6, text: 'second & bold' },
      { id: 'https://e.org/open', start: 8, end: 10, text: 'to the end' },
    ]);
    expect(formatWebVtt(cues)).toBe(
      'WEBVTT\n\nhttps://e.org/a\n00:00:01.000 --> 00:00:02.000\nfirst\n\nhttps://e.org/b\n00:00:05.000 --> 00:00:06.000\nsecond &amp; bold\n\nhttps://e.org/open\n00:00:08.000 --> 00:00:10.000\nto the end\n',
    );
  });

  it('round-trips captions: imported, exported, imported again gives the same annotations', () => {
    const reading = parseWebVtt(VTT);
    if (!reading.ok) throw new Error(reading.message);
    const once = addCaptionPage(avManifest(), {
      canvasIndex: 0,
      cues: reading.cues,
      pageId: 'https://e.org/p1',
      annotationId: ids('https://e.org/x'),
    });
    const vtt = formatWebVtt(timedTextOfCanvas(once.doc, 0));
    const again = parseWebVtt(vtt);
    if (!again.ok) throw new Error(again.message);
    const twice = addCaptionPage(avManifest(), {
      canvasIndex: 0,
      cues: again.cues,
      pageId: 'https://e.org/p1',
      annotationId: ids('https://e.org/x'),
    });
    expect(listAnnotations(twice.doc, { canvasIndex: 0 }).map((v) => v.annotation)).toEqual(
      listAnnotations(once.doc, { canvasIndex: 0 }).map((v) => v.annotation),
    );
  });
});
