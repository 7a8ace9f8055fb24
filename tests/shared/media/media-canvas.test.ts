import { describe, expect, it } from 'vitest';
import { createIdMinter } from '../../../shared/iiif/document/mint-ids';
import {
  addClip,
  byPlaybackPreference,
  canvasFromMedia,
  clipsOf,
  companionFrom,
  companionOf,
  formatFor,
  mediaOfBody,
  removeClip,
  setCompanion,
  setClipSpan,
  sniffMedia,
  timedAnnotationsOf,
  type MediaSource,
} from '../../../shared/iiif/media';
import type { JsonObject } from '../../../shared/iiif/json';
import { validate } from '../../../shared/iiif/validation/validate';
import { canvas, manifest } from '../validation/helpers';

const AUDIO: MediaSource = { url: 'https://x.org/a.wav', kind: 'Sound', format: 'audio/wav', duration: 10 };
const VIDEO: MediaSource = {
  url: 'https://x.org/v.webm',
  kind: 'Video',
  format: 'video/webm',
  duration: 5.0004,
  width: 320,
  height: 240,
};

const mint = () => createIdMinter('https://x.org/m', new Set());

describe('canvasFromMedia', () => {
  it('makes a Sound canvas with only a duration', () => {
    const canvas = canvasFromMedia(AUDIO, { mint: mint(), label: 'a' });
    expect(canvas.width).toBeUndefined();
    expect(canvas.duration).toBe(10);
    const [clip] = clipsOf(canvas);
    expect(clip?.span).toEqual({ start: 0, end: 10 });
    expect(clip?.body).toEqual({ id: AUDIO.url, type: 'Sound', format: 'audio/wav', duration: 10 });
  });

  it('makes a Video canvas with size and duration, painted with #t=', () => {
    const canvas = canvasFromMedia(VIDEO, { mint: mint() });
    expect([canvas.width, canvas.height, canvas.duration]).toEqual([320, 240, 5]);
    const page = (canvas.items as JsonObject[])[0] as JsonObject;
    const annotation = (page.items as JsonObject[])[0] as JsonObject;
    expect(annotation.target).toBe(`${String(canvas.id)}#t=0,5`);
    expect(annotation.body).toMatchObject({ type: 'Video', width: 320, height: 240, duration: 5 });
  });
});

describe('clips on one timeline', () => {
  it('adds a clip after the last one and grows the canvas to hold it', () => {
    const m = mint();
    const canvas = addClip(canvasFromMedia(AUDIO, { mint: m }), VIDEO, m);
    expect(clipsOf(canvas).map((c) => c.span)).toEqual([
      { start: 0, end: 10 },
      { start: 10, end: 15 },
    ]);
    expect(canvas.duration).toBe(15);
    expect([canvas.width, canvas.height]).toEqual([320, 240]);
    const ids = clipsOf(canvas).map((c) => c.annotationId);
    expect(new Set(ids).size).toBe(2);
  });

  it('moves a clip, clamped into the canvas, keeping a SpecificResource spelling', () => {
    const m = mint();
    const canvas = canvasFromMedia(AUDIO, { mint: m });
    const moved = setClipSpan(canvas, 0, 0, { start: 2, end: 30 });
    expect(clipsOf(moved)[0]?.span).toEqual({ start: 2, end: 10 });
    const id = String(canvas.id);
    const specific: JsonObject = {
      ...canvas,
      items: [
        {
          type: 'AnnotationPage',
          items: [
            {
              type: 'Annotation',
              motivation: 'painting',
              body: { id: 'a', type: 'Sound' },
              target: {
                type: 'SpecificResource',
                source: { id, type: 'Canvas' },
                selector: { type: 'FragmentSelector', value: 't=0,10' },
              },
            },
          ],
        },
      ],
    };
    const next = setClipSpan(specific, 0, 0, { start: 1, end: 4 });
    const target = (((next.items as JsonObject[])[0] as JsonObject).items as JsonObject[])[0]?.target;
    expect(target).toMatchObject({ type: 'SpecificResource', source: { id, type: 'Canvas' } });
    expect(clipsOf(next)[0]?.span).toEqual({ start: 1, end: 4 });
  });

  it('removes one clip and keeps the rest and the duration', () => {
    const m = mint();
    const canvas = addClip(canvasFromMedia(AUDIO, { mint: m }), VIDEO, m);
    const left = removeClip(canvas, 0, 0);
    expect(clipsOf(left).map((c) => c.label)).toEqual(['v.webm']);
    expect(left.duration).toBe(canvas.duration);
    expect(removeClip(canvas, 0, 5)).toBe(canvas);
  });

  it('reads and moves a region shown for a time, keeping the region', () => {
    const canvas: JsonObject = {
      id: 'c',
      type: 'Canvas',
      duration: 60,
      width: 100,
      height: 100,
      items: [
        {
          type: 'AnnotationPage',
          items: [
            {
              motivation: 'painting',
              target: 'c#xywh=0,0,50,50&t=11,42',
              body: { id: 'p.jpg', type: 'Image' },
            },
          ],
        },
      ],
    };
    expect(clipsOf(canvas)[0]?.span).toEqual({ start: 11, end: 42 });
    expect(setClipSpan(canvas, 0, 0, { start: 11, end: 42 })).toBe(canvas);
    const moved = setClipSpan(canvas, 0, 0, { start: 1, end: 2 });
    const page = (moved.items as JsonObject[])[0] as JsonObject;
    expect((page.items as JsonObject[])[0]?.target).toBe('c#xywh=0,0,50,50&t=1,2');
  });

  it('reads a whole-canvas painting target as the whole duration', () => {
    const canvas: JsonObject = {
      id: 'c',
      type: 'Canvas',
      duration: 7,
      items: [
        { type: 'AnnotationPage', items: [{ motivation: 'painting', target: 'c', body: { id: 'u' } }] },
      ],
    };
    expect(clipsOf(canvas)[0]?.span).toEqual({ start: 0, end: 7 });
  });
});

describe('sniffMedia and formatFor', () => {
  const bytes = (...parts: (string | number[])[]) =>
    new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

  it.each([
    [bytes('RIFF', [0, 0, 0, 0], 'WAVE'), 'wav'],
    [bytes([0x1a, 0x45, 0xdf, 0xa3]), 'webm'],
    [bytes('OggS'), 'ogg'],
    [bytes('ID3'), 'mp3'],
    [bytes([0, 0, 0, 0x20], 'ftypisom'), 'mp4'],
    [bytes('fLaC'), 'flac'],
  ])('knows %s', (head, container) => {
    expect(sniffMedia(head)).toBe(container);
  });

  it('does not take a web page or an image for media', () => {
    expect(sniffMedia(bytes('<!DOCTYPE html>'))).toBeUndefined();
    expect(sniffMedia(bytes([0x89], 'PNG'))).toBeUndefined();
    expect(sniffMedia(bytes('RIFF', [0, 0, 0, 0], 'WEBP'))).toBeUndefined();
  });

  it('writes audio or video formats by what was decoded', () => {
    expect(formatFor('webm', 'Video')).toBe('video/webm');
    expect(formatFor('webm', 'Sound')).toBe('audio/webm');
    expect(formatFor('wav', 'Video')).toBe('audio/wav');
  });
});

describe('companion canvases', () => {
  it('attaches a copy of a canvas with its own ids and no companions, and removes it', () => {
    const m = mint();
    const image: JsonObject = {
      id: 'https://x.org/m/canvas/score',
      type: 'Canvas',
      width: 100,
      height: 200,
      placeholderCanvas: { id: 'https://x.org/m/p', type: 'Canvas' },
      items: [
        {
          id: 'https://x.org/m/page/1',
          type: 'AnnotationPage',
          items: [
            {
              id: 'https://x.org/m/anno/1',
              type: 'Annotation',
              motivation: 'painting',
              body: { id: 'https://x.org/score.jpg', type: 'Image' },
              target: 'https://x.org/m/canvas/score',
            },
          ],
        },
      ],
    };
    const audio = canvasFromMedia(AUDIO, { mint: m });
    const companion = companionFrom(image, m);
    const withIt = setCompanion(audio, 'accompanyingCanvas', companion);
    const attached = companionOf(withIt, 'accompanyingCanvas');
    expect(attached?.id).not.toBe(image.id);
    expect(attached?.placeholderCanvas).toBeUndefined();
    const annotation = (((attached?.items as JsonObject[])[0] as JsonObject).items as JsonObject[])[0];
    expect(annotation?.target).toBe(attached?.id);
    expect(annotation?.body).toEqual(image.items && { id: 'https://x.org/score.jpg', type: 'Image' });
    expect(
      companionOf(setCompanion(withIt, 'accompanyingCanvas', undefined), 'accompanyingCanvas'),
    ).toBeUndefined();
  });
});

describe('timedAnnotationsOf', () => {
  it('lists the annotations with a time target, as spans closed at the canvas end', () => {
    const canvas: JsonObject = {
      id: 'c',
      type: 'Canvas',
      duration: 20,
      annotations: [
        {
          type: 'AnnotationPage',
          items: [
            {
              type: 'Annotation',
              motivation: 'supplementing',
              target: 'c#t=2,4',
              body: { type: 'TextualBody', value: 'Hello' },
            },
            {
              type: 'Annotation',
              motivation: 'commenting',
              target: 'c#t=15',
              body: { type: 'TextualBody', value: 'Coda' },
            },
            {
              type: 'Annotation',
              motivation: 'commenting',
              target: 'c',
              body: { type: 'TextualBody', value: 'All' },
            },
          ],
        },
      ],
    };
    expect(timedAnnotationsOf(canvas)).toEqual([
      { key: 'annotation:annotations:0:items:0', span: { start: 2, end: 4 }, text: 'Hello' },
      { key: 'annotation:annotations:0:items:1', span: { start: 15, end: 20 }, text: 'Coda' },
    ]);
  });
});

describe('mediaOfBody', () => {
  it('reads where in the file a clip starts', () => {
    expect(mediaOfBody({ id: 'https://x/f.mp4#t=30,40', type: 'Video' })).toEqual({
      url: 'https://x/f.mp4',
      type: 'Video',
      offset: 30,
    });
    expect(
      mediaOfBody({
        type: 'SpecificResource',
        source: { id: 'https://x/a.mp3', type: 'Sound' },
        selector: { type: 'FragmentSelector', value: 't=12.5,20' },
      }),
    ).toEqual({ url: 'https://x/a.mp3', type: 'Sound', offset: 12.5 });
    expect(mediaOfBody({ id: 'https://x/a.wav', type: 'Sound' })?.offset).toBe(0);
    expect(mediaOfBody({ type: 'Sound' })).toBeUndefined();
  });
});

describe('a clip whose body is a Choice', () => {
  const choice = (items: JsonObject[]): JsonObject => ({
    id: 'https://x/c',
    type: 'Canvas',
    duration: 16,
    items: [
      {
        id: 'https://x/c/p',
        type: 'AnnotationPage',
        items: [
          {
            id: 'https://x/c/p/a',
            type: 'Annotation',
            motivation: 'painting',
            body: { type: 'Choice', items },
            target: 'https://x/c',
          },
        ],
      },
    ],
  });
  const alac = { id: 'https://x/a.m4a', type: 'Sound', format: 'audio/alac' };
  const mp3 = { id: 'https://x/a.mp3', type: 'Sound', format: 'audio/mpeg' };
  const wav = {
    type: 'SpecificResource',
    source: { id: 'https://x/a.wav', type: 'Sound', format: 'audio/wav' },
  };
  const notAlac = (format: string) => format !== 'audio/alac';

  it('plays the first item the player can play', () => {
    expect(clipsOf(choice([alac, mp3]), notAlac)[0]?.media?.url).toBe('https://x/a.mp3');
    expect(clipsOf(choice([alac, wav]), notAlac)[0]?.media?.url).toBe('https://x/a.wav');
    expect(clipsOf(choice([alac, { id: 'https://x/b', type: 'Sound' }]), notAlac)[0]?.media?.url).toBe(
      'https://x/b',
    );
  });

  it('plays the first item when none can be played, or when nothing says what can', () => {
    expect(clipsOf(choice([alac, mp3]), () => false)[0]?.media?.url).toBe('https://x/a.m4a');
    expect(clipsOf(choice([alac, mp3]))[0]?.media?.url).toBe('https://x/a.m4a');
  });
});

describe('byPlaybackPreference', () => {
  it('puts audio and video before pictures and text painted for the same time, each in document order', () => {
    const painting = (id: string, body: JsonObject | undefined) => ({
      id: `https://x/c/p/${id}`,
      type: 'Annotation',
      motivation: 'painting',
      ...(body ? { body } : {}),
      target: 'https://x/c#t=11,42',
    });
    const clips = clipsOf({
      id: 'https://x/c',
      type: 'Canvas',
      duration: 180,
      items: [
        {
          id: 'https://x/c/p',
          type: 'AnnotationPage',
          items: [
            painting('picture', { id: 'https://x/room.jpg', type: 'Image' }),
            painting('card', { type: 'TextualBody', value: 'Reel 1' }),
            painting('film', { id: 'https://x/film.mp4', type: 'Video' }),
            painting('sound', { id: 'https://x/sound.mp3', type: 'Sound' }),
          ],
        },
      ],
    });
    expect(byPlaybackPreference(clips).map((clip) => clip.annotationId.split('/').pop())).toEqual([
      'film',
      'sound',
      'picture',
      'card',
    ]);
  });
});

describe('what Tessera writes passes its own validator', () => {
  it('reports nothing for an audio canvas with a video clip and both companions', () => {
    const m = createIdMinter('https://example.org/iiif/media', new Set());
    const image = canvas(1);
    let audio = addClip(canvasFromMedia(AUDIO, { mint: m, label: 'Tone' }), VIDEO, m);
    audio = setClipSpan(audio, 0, 1, { start: 11, end: 14.5 });
    audio = setCompanion(audio, 'accompanyingCanvas', companionFrom(image, m));
    audio = setCompanion(audio, 'placeholderCanvas', companionFrom(image, m));
    const findings = validate(manifest({}, [image, audio]));
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});
