import { describe, expect, it } from 'vitest';
import {
  getIn,
  isJsonArray,
  isJsonObject,
  setIn,
  type JsonObject,
  type JsonValue,
} from '../../../shared/iiif/json';
import { nextRecord } from '../../../shared/iiif/publish/publication-record';
import { rewriteIds } from '../../../shared/iiif/publish/rewrite-ids';
import { stableHash as h } from '../../../shared/iiif/publish/stable-hash';
import { validate } from '../../../shared/iiif/validation/validate';
import { loadFixture } from '../validation/helpers';

const TO = 'https://pub.example.com/books/hours';
const LOCAL = 'http://127.0.0.1:5173/local-images';
const OLD = 'https://example.org/unpublished/abc';
/** The published ids the rewrite derives from the old ones. */
const C1 = `${TO}/canvas/${h(`${OLD}/canvas/c1`)}`;
const C2 = `${TO}/canvas/${h(`${OLD}/canvas/c2`)}`;

/** A Manifest mixing local images (served by the app) with an institution's remote ones. */
function project(): JsonObject {
  const old = 'https://example.org/unpublished/abc';
  const canvas = (n: number, imageBase: string, service: JsonObject) => ({
    id: `${old}/canvas/c${n}`,
    type: 'Canvas',
    width: 1000,
    height: 1000,
    partOf: [{ id: `${old}/manifest`, type: 'Manifest' }],
    items: [
      {
        id: `${old}/canvas/c${n}/p`,
        type: 'AnnotationPage',
        items: [
          {
            id: `${old}/anno/${n}`,
            type: 'Annotation',
            motivation: 'painting',
            body: {
              id: `${imageBase}/full/max/0/default.jpg`,
              type: 'Image',
              width: 1000,
              height: 1000,
              service: [service],
            },
            target: `${old}/canvas/c${n}`,
          },
        ],
      },
    ],
    annotations: [
      {
        id: `${old}/canvas/c${n}/comments`,
        type: 'AnnotationPage',
        items: [
          {
            id: `${old}/comment/${n}`,
            type: 'Annotation',
            motivation: 'commenting',
            body: { type: 'TextualBody', value: `${old}/canvas/c${n} is quoted here, not referenced` },
            target: {
              type: 'SpecificResource',
              source: { id: `${old}/canvas/c${n}`, type: 'Canvas' },
              selector: { type: 'FragmentSelector', value: 'xywh=1,2,3,4' },
            },
          },
        ],
      },
    ],
  });
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `${old}/manifest`,
    type: 'Manifest',
    label: { en: ['Hours'] },
    items: [
      canvas(1, `${LOCAL}/leaf1`, { id: `${LOCAL}/leaf1`, type: 'ImageService3', profile: 'level0' }),
      canvas(2, 'https://iiif.museum.example/iiif/3/xyz', {
        id: 'https://iiif.museum.example/iiif/3/xyz',
        type: 'ImageService3',
        profile: 'level2',
      }),
    ],
    start: { id: `${old}/canvas/c2`, type: 'Canvas' },
    structures: [
      {
        id: `${old}/range/top`,
        type: 'Range',
        label: { en: ['All'] },
        items: [
          { id: `${old}/canvas/c1#xywh=0,0,10,10`, type: 'Canvas' },
          {
            id: `${old}/range/sub`,
            type: 'Range',
            label: { en: ['Sub'] },
            items: [{ type: 'SpecificResource', source: `${old}/canvas/c2` }],
          },
          { id: 'https://elsewhere.example/range/external', type: 'Range' },
        ],
      },
    ],
  };
}

describe('rewriteIds', () => {
  const { doc, mapping } = rewriteIds(project(), { toBase: `${TO}/`, fromBase: LOCAL });

  it('names every resource after its current id, under the new base', () => {
    expect(getIn(doc, ['id'])).toBe(`${TO}/manifest.json`);
    expect(getIn(doc, ['items', 1, 'id'])).toBe(C2);
    const page = `${C2}/page/${h(`${OLD}/canvas/c2/p`)}`;
    expect(getIn(doc, ['items', 1, 'items', 0, 'id'])).toBe(page);
    expect(getIn(doc, ['items', 1, 'items', 0, 'items', 0, 'id'])).toBe(
      `${page}/annotation/${h(`${OLD}/anno/2`)}`,
    );
    expect(getIn(doc, ['items', 0, 'annotations', 0, 'items', 0, 'id'])).toBe(
      `${C1}/annotations/${h(`${OLD}/canvas/c1/comments`)}/annotation/${h(`${OLD}/comment/1`)}`,
    );
    expect(getIn(doc, ['structures', 0, 'id'])).toBe(`${TO}/range/${h(`${OLD}/range/top`)}`);
    expect(getIn(doc, ['structures', 0, 'items', 1, 'id'])).toBe(`${TO}/range/${h(`${OLD}/range/sub`)}`);
  });

  it('keeps every reference pointing at the same resource', () => {
    expect(getIn(doc, ['start', 'id'])).toBe(C2);
    expect(getIn(doc, ['items', 0, 'partOf', 0, 'id'])).toBe(`${TO}/manifest.json`);
    expect(getIn(doc, ['items', 0, 'items', 0, 'items', 0, 'target'])).toBe(C1);
    expect(getIn(doc, ['items', 0, 'annotations', 0, 'items', 0, 'target', 'source', 'id'])).toBe(C1);
    expect(getIn(doc, ['structures', 0, 'items', 0, 'id'])).toBe(`${C1}#xywh=0,0,10,10`);
    expect(getIn(doc, ['structures', 0, 'items', 1, 'items', 0, 'source'])).toBe(C2);
  });

  it('moves local images under the publication and never touches remote ones or text', () => {
    expect(getIn(doc, ['items', 0, 'items', 0, 'items', 0, 'body', 'id'])).toBe(
      `${TO}/images/leaf1/full/max/0/default.jpg`,
    );
    expect(getIn(doc, ['items', 0, 'items', 0, 'items', 0, 'body', 'service', 0, 'id'])).toBe(
      `${TO}/images/leaf1`,
    );
    const remoteBody = ['items', 1, 'items', 0, 'items', 0, 'body'];
    expect(getIn(doc, remoteBody)).toEqual(getIn(project(), remoteBody));
    expect(getIn(doc, ['items', 1, 'items', 0, 'items', 0, 'body', 'service', 0, 'id'])).toBe(
      'https://iiif.museum.example/iiif/3/xyz',
    );
    expect(getIn(doc, ['items', 0, 'annotations', 0, 'items', 0, 'body', 'value'])).toContain(
      'https://example.org/unpublished/abc/canvas/c1',
    );
    expect(getIn(doc, ['structures', 0, 'items', 2, 'id'])).toBe('https://elsewhere.example/range/external');
  });

  it('reports the mapping and gives unique ids', () => {
    expect(mapping['https://example.org/unpublished/abc/canvas/c1']).toBe(C1);
    expect(mapping[`${LOCAL}/leaf1`]).toBe(`${TO}/images/leaf1`);
    const ids = Object.values(mapping);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is deterministic and idempotent', () => {
    const again = rewriteIds(project(), { toBase: TO, fromBase: LOCAL });
    expect(JSON.stringify(again.doc)).toBe(JSON.stringify(doc));
    const twice = rewriteIds(doc, { toBase: TO, fromBase: LOCAL });
    expect(JSON.stringify(twice.doc)).toBe(JSON.stringify(doc));
  });

  it('leaves the result valid when the input was', () => {
    const book = loadFixture('valid-book');
    const published = rewriteIds(book, { toBase: TO });
    expect(validate(published.doc)).toEqual([]);
    // Remote images are the same objects: nothing under them changed.
    expect(getIn(published.doc, ['thumbnail'])).toBe(book.thumbnail);
  });

  it('gives an id to a resource that had none', () => {
    const input = project();
    const items = input.items as JsonObject[];
    const { id: _drop, ...canvasWithoutId } = items[0] as JsonObject;
    const result = rewriteIds({ ...input, items: [canvasWithoutId, items[1] as JsonObject] }, { toBase: TO });
    expect(Object.keys(getIn(result.doc, ['items', 0]) as JsonObject)[0]).toBe('id');
    expect(getIn(result.doc, ['items', 0, 'id'])).toMatch(new RegExp(`^${TO}/canvas/[0-9a-z]{11}$`));
  });
});

/** Every published id, by the path of its resource's id in the input document. */
function idsOf(value: JsonValue, ids = new Map<string, string>()): Map<string, string> {
  if (isJsonArray(value)) value.forEach((v) => idsOf(v, ids));
  else if (isJsonObject(value)) {
    if (typeof value.id === 'string') ids.set(value.id, value.id);
    Object.values(value).forEach((v) => idsOf(v, ids));
  }
  return ids;
}

describe('stable published ids', () => {
  const published = (input: JsonObject, previous?: ReturnType<typeof nextRecord>) =>
    rewriteIds(input, { toBase: TO, fromBase: LOCAL, ...(previous ? { previous } : {}) });
  const reorder = (input: JsonObject, order: (items: JsonValue[]) => JsonValue[]): JsonObject => ({
    ...input,
    items: order([...(input.items as JsonValue[])]),
  });

  it('gives every resource the same id when the canvases are reversed, inserted or deleted', () => {
    const first = published(project()).mapping;
    const reversed = published(reorder(project(), (items) => items.reverse())).mapping;
    expect(reversed).toEqual(first);
    const extra: JsonObject = {
      id: `${OLD}/canvas/new`,
      type: 'Canvas',
      width: 10,
      height: 10,
      items: [{ id: `${OLD}/canvas/new/p`, type: 'AnnotationPage', items: [] }],
    };
    const inserted = published(reorder(project(), (items) => [extra, ...items])).mapping;
    for (const [old, uri] of Object.entries(first)) expect(inserted[old]).toBe(uri);
    const deleted = published(reorder(project(), (items) => items.slice(1))).mapping;
    expect(deleted[`${OLD}/canvas/c2`]).toBe(C2);
  });

  it('keeps ids that already lie under the base byte for byte', () => {
    const once = published(project()).doc as JsonObject;
    const again = rewriteIds(once, { toBase: TO });
    expect([...idsOf(again.doc).keys()]).toEqual([...idsOf(once).keys()]);
    expect(again.doc).toBe(once);
  });

  it('maps a resource published before to its URI even after its id was edited', () => {
    const first = published(project());
    const record = nextRecord(undefined, TO, first.resources);
    const edited = project();
    const canvases = edited.items as JsonObject[];
    canvases[1] = { ...(canvases[1] as JsonObject), id: 'https://example.org/renamed/canvas' };
    const again = published(edited, record);
    expect(getIn(again.doc, ['items', 1, 'id'])).toBe(C2);
    expect(getIn(again.doc, ['items', 1, 'items', 0, 'id'])).toBe(
      getIn(first.doc, ['items', 1, 'items', 0, 'id']),
    );
  });

  it('never gives two resources the same id', () => {
    const input = project();
    const canvases = input.items as JsonObject[];
    // Two canvases with the same id: the second is named apart from the first.
    const twice = rewriteIds(
      { ...input, items: [canvases[0] as JsonObject, canvases[0] as JsonObject] },
      { toBase: TO },
    );
    expect(getIn(twice.doc, ['items', 0, 'id'])).not.toBe(getIn(twice.doc, ['items', 1, 'id']));
    const all = twice.resources.map((r) => r.published);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('a composed document', () => {
  const DRAFT = 'https://example.org/iiif/my-project';
  const museum = 'https://iiif.museum.example/iiif/3/xyz';
  const image = {
    id: `${museum}/full/max/0/default.jpg`,
    type: 'Image',
    width: 1000,
    height: 1000,
    service: [{ id: museum, type: 'ImageService3', profile: 'level2' }],
  };
  /** What the composition panel makes: a crop (a SpecificResource body minted under its annotation) placed on
   * a second canvas (minted under that canvas's page), and a comment on the crop. */
  function composed(): JsonObject {
    const page = `${DRAFT}/canvas/1/page/1`;
    const crop = `${page}/annotation/1/body/1`;
    const placed = `${DRAFT}/canvas/2/page/1/body/1`;
    const cropBody = (id: string) => ({
      id,
      type: 'SpecificResource',
      source: image,
      selector: { type: 'ImageApiSelector', region: '10,10,500,500' },
    });
    return {
      '@context': 'http://iiif.io/api/presentation/3/context.json',
      id: `${DRAFT}/manifest.json`,
      type: 'Manifest',
      label: { en: ['Composed'] },
      items: [1, 2].map((n) => ({
        id: `${DRAFT}/canvas/${n}`,
        type: 'Canvas',
        label: { en: [`Canvas ${n}`] },
        width: 1000,
        height: 1000,
        items: [
          {
            id: `${DRAFT}/canvas/${n}/page/1`,
            type: 'AnnotationPage',
            items: [
              {
                id: `${DRAFT}/canvas/${n}/page/1/annotation/1`,
                type: 'Annotation',
                motivation: 'painting',
                body: cropBody(n === 1 ? crop : placed),
                target: `${DRAFT}/canvas/${n}#xywh=0,0,500,500`,
              },
            ],
          },
        ],
        ...(n === 1
          ? {
              annotations: [
                {
                  id: `${DRAFT}/canvas/1/comments`,
                  type: 'AnnotationPage',
                  items: [
                    {
                      id: `${DRAFT}/canvas/1/comments/annotation/1`,
                      type: 'Annotation',
                      motivation: 'commenting',
                      body: { id: `${DRAFT}/note/1`, type: 'TextualBody', value: `About ${crop}` },
                      target: crop,
                    },
                  ],
                },
              ],
            }
          : {}),
      })),
    };
  }

  it('moves every id under the draft base, composed bodies included, and keeps references to them', () => {
    const input = composed();
    const { doc, mapping } = rewriteIds(input, { toBase: TO });
    const left = [...idsOf(doc).keys()].filter((id) => id.startsWith(`${DRAFT}/`));
    expect(left).toEqual([]);
    const annotation = getIn(doc, ['items', 0, 'items', 0, 'items', 0, 'id']) as string;
    const body = getIn(doc, ['items', 0, 'items', 0, 'items', 0, 'body', 'id']);
    // A nested id moves with the resource it is nested in, so it stays as stable as that one.
    expect(body).toBe(`${annotation}/body/1`);
    const page2 = getIn(doc, ['items', 1, 'items', 0, 'id']) as string;
    expect(getIn(doc, ['items', 1, 'items', 0, 'items', 0, 'body', 'id'])).toBe(`${page2}/body/1`);
    expect(getIn(doc, ['items', 0, 'annotations', 0, 'items', 0, 'target'])).toBe(body);
    expect(getIn(doc, ['items', 0, 'annotations', 0, 'items', 0, 'body', 'id'])).toBe(`${TO}/note/1`);
    expect(mapping[`${DRAFT}/canvas/1/page/1/annotation/1/body/1`]).toBe(body);
    // The institution's image and text that quotes an id are not references: both stay as they were.
    expect(getIn(doc, ['items', 0, 'items', 0, 'items', 0, 'body', 'source'])).toBe(image);
    expect(getIn(doc, ['items', 0, 'annotations', 0, 'items', 0, 'body', 'value'])).toContain(DRAFT);
    expect(validate(doc).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it("keeps a composed body with its annotation when the annotation's id was edited", () => {
    const first = rewriteIds(composed(), { toBase: TO });
    const record = nextRecord(undefined, TO, first.resources);
    const annotation = ['items', 0, 'items', 0, 'items', 0];
    const edited = setIn(composed(), [...annotation, 'id'], `${DRAFT}/crops/initial`);
    const again = rewriteIds(edited, { toBase: TO, previous: record });
    expect(getIn(again.doc, [...annotation, 'id'])).toBe(getIn(first.doc, [...annotation, 'id']));
    expect(getIn(again.doc, [...annotation, 'body', 'id'])).toBe(
      getIn(first.doc, [...annotation, 'body', 'id']),
    );
    // The comment on the crop still points at it.
    expect(getIn(again.doc, ['items', 0, 'annotations', 0, 'items', 0, 'target'])).toBe(
      getIn(first.doc, [...annotation, 'body', 'id']),
    );
  });

  it('keeps a file under the draft base where it is: its id is its address', () => {
    const input = composed();
    const own = { ...image, id: `${DRAFT}/canvas/1/page/1/annotation/1/body/1/full/max/0/default.jpg` };
    const withFile = setIn(input, ['items', 0, 'items', 0, 'items', 0, 'body', 'source'], own);
    const { doc } = rewriteIds(withFile, { toBase: TO });
    expect(getIn(doc, ['items', 0, 'items', 0, 'items', 0, 'body', 'source', 'id'])).toBe(own.id);
  });
});
