/**
 * Composition edits on real documents: both crop spellings, quarter turns, placing and removing images, each
 * result checked against the official Presentation 3 schema (skipped with a message when the corpus is absent),
 * and each gesture one undo step in the app's store.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEXT_FORMAT } from '../../../shared/iiif/document/text-format';
import type { ImageServiceDescriptor } from '../../../shared/iiif/image-api';
import { getIn, type JsonObject } from '../../../shared/iiif/json';
import {
  placeImageFromCanvas,
  refOf,
  removePainting,
  restack,
  setCrop,
  setTarget,
  urlEncodingAllowed,
} from '../../../renderer/src/features/composition/edits';
import { paintedItems } from '../../../shared/iiif/document/painted-items';
import { useAppStore } from '../../../renderer/src/store/store';

const SCHEMA = path.resolve(import.meta.dirname, '../../../../shared/corpus/schema/iiif_3_0.json');
const BASE = 'https://e.org/iiif/book';
const SERVICE = 'https://img.org/iiif/a';

let validate: ((doc: unknown) => string[]) | null = null;
function expectValid(doc: JsonObject) {
  if (!existsSync(SCHEMA)) {
    console.warn(`Schema check skipped: ${SCHEMA} is absent.`);
    return;
  }
  if (!validate) {
    const check = new Ajv({ strict: false, validateFormats: false, allErrors: true }).compile(
      JSON.parse(readFileSync(SCHEMA, 'utf8')) as object,
    );
    validate = (value) =>
      check(value) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  }
  expect(validate(doc)).toEqual([]);
}

const desc: ImageServiceDescriptor = {
  version: 3,
  id: SERVICE,
  level: 2,
  width: 1200,
  height: 900,
  sizes: [],
  tiles: [],
  formats: ['jpg', 'png'],
  qualities: ['default'],
  features: ['rotationBy90s'],
  warnings: [],
};

function canvas(n: number, annotations: JsonObject[]): JsonObject {
  return {
    id: `${BASE}/canvas/${n}`,
    type: 'Canvas',
    label: { en: [`p. ${n}`] },
    width: 1200,
    height: 900,
    items: [{ id: `${BASE}/canvas/${n}/page/1`, type: 'AnnotationPage', items: annotations }],
  };
}

const imageBody: JsonObject = {
  id: `${SERVICE}/full/max/0/default.jpg`,
  type: 'Image',
  format: 'image/jpeg',
  width: 1200,
  height: 900,
  service: [{ id: SERVICE, type: 'ImageService3', profile: 'level2' }],
};

const doc: JsonObject = {
  '@context': 'http://iiif.io/api/presentation/3/context.json',
  id: `${BASE}/manifest.json`,
  type: 'Manifest',
  label: { en: ['Book'] },
  items: [
    canvas(1, [
      {
        id: `${BASE}/canvas/1/annotation/1`,
        type: 'Annotation',
        motivation: 'painting',
        body: imageBody,
        target: `${BASE}/canvas/1`,
      },
    ]),
    canvas(2, []),
  ],
};

const item = paintedItems((doc['items'] as JsonObject[])[0] as JsonObject)[0]!;
const ref = refOf(0, item);
const body = (d: JsonObject) => getIn(d, ['items', 0, 'items', 0, 'items', 0, 'body']);

describe('crops and turns, in both spellings', () => {
  it('as a selector: the Image becomes the source of a SpecificResource, and comes back when uncropped', () => {
    const cropped = setCrop(
      doc,
      ref,
      { region: { x: 0, y: 0, width: 600, height: 450 }, rotation: 90, mirror: false },
      'selector',
      desc,
    );
    expect(body(cropped)).toEqual({
      id: `${BASE}/canvas/1/annotation/1/body/1`,
      type: 'SpecificResource',
      source: imageBody,
      selector: { type: 'ImageApiSelector', region: '0,0,600,450', rotation: '90' },
    });
    expectValid(cropped);
    const recropped = setCrop(
      cropped,
      ref,
      { region: { x: 600, y: 0, width: 600, height: 450 }, rotation: 0, mirror: false },
      'selector',
      desc,
    );
    expect(getIn(recropped, ['items', 0, 'items', 0, 'items', 0, 'body', 'selector'])).toEqual({
      type: 'ImageApiSelector',
      region: '600,0,600,450',
    });
    expect(body(setCrop(cropped, ref, { region: null, rotation: 0, mirror: false }, 'selector', desc))).toBe(
      imageBody,
    );
  });

  it('as a URL: an Image whose id asks the server for the region, without the service', () => {
    const cropped = setCrop(
      doc,
      ref,
      { region: { x: 0, y: 0, width: 600, height: 450 }, rotation: 90, mirror: false },
      'url',
      desc,
    );
    expect(body(cropped)).toEqual({
      id: `${SERVICE}/0,0,600,450/max/90/default.jpg`,
      type: 'Image',
      format: 'image/jpeg',
      width: 450,
      height: 600,
    });
    expectValid(cropped);
    // …and back to a selector: the whole image is rebuilt from the service.
    const item2 = paintedItems((cropped['items'] as JsonObject[])[0] as JsonObject)[0]!;
    const back = setCrop(
      cropped,
      refOf(0, item2),
      { region: { x: 0, y: 0, width: 600, height: 450 }, rotation: 90, mirror: false },
      'selector',
      desc,
    );
    expect(getIn(back, ['items', 0, 'items', 0, 'items', 0, 'body', 'source', 'service'])).toEqual([
      { id: SERVICE, type: 'ImageService3', profile: 'level2' },
    ]);
    expectValid(back);
  });

  it('refuses region URLs where the service cannot answer them', () => {
    const level0 = { ...desc, level: 0 as const, features: [] };
    expect(urlEncodingAllowed(level0, 0, false)).toBe(false);
    expect(urlEncodingAllowed({ ...desc, level: 1, features: [] }, 90, false)).toBe(false);
    expect(urlEncodingAllowed({ ...desc, level: 1, features: [] }, 0, false)).toBe(true);
    expect(() =>
      setCrop(
        doc,
        ref,
        { region: { x: 0, y: 0, width: 10, height: 10 }, rotation: 0, mirror: false },
        'url',
        level0,
      ),
    ).toThrow(/level 0/);
  });

  it('keeps a mirror through a turn, in both spellings, and asks the service whether it can mirror', () => {
    const change = { region: { x: 600, y: 0, width: 600, height: 450 }, rotation: 270, mirror: true };
    expect(
      getIn(setCrop(doc, ref, change, 'selector', desc), [
        'items',
        0,
        'items',
        0,
        'items',
        0,
        'body',
        'selector',
      ]),
    ).toEqual({ type: 'ImageApiSelector', region: '600,0,600,450', rotation: '!270' });
    // Mirroring only: still a selector, the whole image with `!0`.
    expect(
      getIn(setCrop(doc, ref, { region: null, rotation: 0, mirror: true }, 'selector', desc), [
        'items',
        0,
        'items',
        0,
        'items',
        0,
        'body',
        'selector',
      ]),
    ).toEqual({ type: 'ImageApiSelector', rotation: '!0' });
    // Level 2 does not include mirroring (Image API 3 compliance): only a service that declares it.
    expect(urlEncodingAllowed(desc, 90, true)).toBe(false);
    expect(() => setCrop(doc, ref, change, 'url', desc)).toThrow(/cannot mirror/);
    const mirroring = { ...desc, features: [...desc.features, 'mirroring'] };
    expect(urlEncodingAllowed(mirroring, 90, true)).toBe(true);
    expect(body(setCrop(doc, ref, change, 'url', mirroring))).toMatchObject({
      id: `${SERVICE}/600,0,600,450/max/!270/default.jpg`,
      width: 450,
      height: 600,
    });
  });
});

describe('placing, moving and removing images', () => {
  it('moves a target with a #xywh fragment in whole pixels, on the canvas', () => {
    const moved = setTarget(doc, ref, { x: -20.4, y: 10.6, width: 600.2, height: 450 });
    expect(getIn(moved, ['items', 0, 'items', 0, 'items', 0, 'target'])).toBe(
      `${BASE}/canvas/1#xywh=0,11,600,450`,
    );
    expectValid(moved);
  });

  it('keeps a SpecificResource target a SpecificResource', () => {
    const specific = setTarget(setTarget(doc, ref, { x: 0, y: 0, width: 600, height: 450 }), ref, {
      x: 0,
      y: 0,
      width: 600,
      height: 450,
    });
    const withSelector = {
      ...specific,
      items: [
        {
          ...((specific['items'] as JsonObject[])[0] as JsonObject),
          items: [
            {
              id: `${BASE}/canvas/1/page/1`,
              type: 'AnnotationPage',
              items: [
                {
                  id: `${BASE}/canvas/1/annotation/1`,
                  type: 'Annotation',
                  motivation: 'painting',
                  body: imageBody,
                  target: { type: 'SpecificResource', source: `${BASE}/canvas/1` },
                },
              ],
            },
          ],
        },
      ],
    };
    const moved = setTarget(withSelector, ref, { x: 1, y: 2, width: 300, height: 225 });
    expect(getIn(moved, ['items', 0, 'items', 0, 'items', 0, 'target'])).toEqual({
      type: 'SpecificResource',
      source: `${BASE}/canvas/1`,
      selector: {
        type: 'FragmentSelector',
        conformsTo: 'http://www.w3.org/TR/media-frags/',
        value: 'xywh=1,2,300,225',
      },
    });
  });

  it('places the image of another canvas, fitted and centred, as a new painting annotation', () => {
    const placed = placeImageFromCanvas(doc, 1, 0, item);
    const annotations = getIn(placed, ['items', 1, 'items', 0, 'items']) as JsonObject[];
    expect(annotations).toEqual([
      {
        id: `${BASE}/canvas/2/page/1/annotation/1`,
        type: 'Annotation',
        motivation: 'painting',
        body: imageBody,
        target: `${BASE}/canvas/2#xywh=0,0,1200,900`,
      },
    ]);
    expectValid(placed);
    const twice = placeImageFromCanvas(placed, 1, 0, item);
    expect((getIn(twice, ['items', 1, 'items', 0, 'items']) as JsonObject[])[1]?.['id']).toBe(
      `${BASE}/canvas/2/page/1/annotation/2`,
    );
    const restacked = restack(twice, { canvasIndex: 1, pageIndex: 0, itemIndex: 0 }, 1);
    expect((getIn(restacked, ['items', 1, 'items', 0, 'items']) as JsonObject[])[0]?.['id']).toBe(
      `${BASE}/canvas/2/page/1/annotation/2`,
    );
    const removed = removePainting(twice, { canvasIndex: 1, pageIndex: 0, itemIndex: 0 });
    expect(getIn(removed, ['items', 1, 'items', 0, 'items'])).toHaveLength(1);
  });

  it('creates the annotation page when the canvas has none', () => {
    const bare = {
      ...doc,
      items: [(doc['items'] as JsonObject[])[0], { ...canvas(2, []), items: [] }],
    } as JsonObject;
    const placed = placeImageFromCanvas(bare, 1, 0, item);
    expect(getIn(placed, ['items', 1, 'items', 0, 'id'])).toBe(`${BASE}/canvas/2/page/1`);
    expectValid(placed);
  });
});

describe('one gesture, one undo step', () => {
  it('a crop with its new target is one step', () => {
    const store = useAppStore.getState();
    store.loadDocument({ doc, format: DEFAULT_TEXT_FORMAT, file: null });
    const next = setTarget(
      setCrop(
        doc,
        ref,
        { region: { x: 0, y: 0, width: 600, height: 450 }, rotation: 0, mirror: false },
        'selector',
        desc,
      ),
      ref,
      { x: 0, y: 0, width: 600, height: 450 },
    );
    useAppStore.getState().commit('Crop image', next);
    expect(useAppStore.getState().doc).toBe(next);
    useAppStore.getState().undo();
    expect(useAppStore.getState().doc).toBe(doc);
  });
});
