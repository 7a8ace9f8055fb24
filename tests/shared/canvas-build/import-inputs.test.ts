import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  contentStateTargets,
  describeInput,
  imageRequestServiceBase,
  inputsFromDrop,
  splitInputs,
  unwrapViewerLink,
} from '../../../shared/iiif/canvas-build';
import { encodeContentState } from '../../../shared/iiif/image-api/content-state';
import type { JsonObject } from '../../../shared/iiif/json';

const cookbook = path.resolve(import.meta.dirname, '../../../../shared/corpus/aux/cookbook');
const recipe = (name: string): JsonObject | null => {
  const file = path.join(cookbook, name);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as JsonObject) : null;
};

describe('splitInputs', () => {
  it('splits lines and spaces, and skips blank and # lines', () => {
    expect(
      splitInputs(
        'https://a.org/1/info.json\n\n# comment\nhttps://b.org/2  https://c.org/3\thttps://d.org/4\r\n',
      ),
    ).toEqual(['https://a.org/1/info.json', 'https://b.org/2', 'https://c.org/3', 'https://d.org/4']);
  });

  it('keeps the commas of IIIF addresses: sizes and regions are one address each', () => {
    const size = 'https://a.org/iiif/leaf/full/600,/0/default.jpg';
    const region = 'https://a.org/iiif/leaf/10,20,300,400/max/0/default.jpg';
    const sizes = 'https://a.org/iiif/leaf/full/!600,600/0/default.jpg';
    expect(splitInputs(`${size}\n${region} ${sizes}`)).toEqual([size, region, sizes]);
  });

  it('keeps a pasted JSON content state whole, and a JSON list item by item', () => {
    const state = '{\n  "id": "https://x.org/m.json",\n  "type": "Manifest"\n}';
    expect(splitInputs(state)).toEqual([JSON.stringify({ id: 'https://x.org/m.json', type: 'Manifest' })]);
    expect(splitInputs('["https://a.org/1", {"id": "https://x.org/m", "type": "Manifest"}]')).toEqual([
      'https://a.org/1',
      '{"id":"https://x.org/m","type":"Manifest"}',
    ]);
  });
});

describe('describeInput', () => {
  it('says what each kind of input is taken as', () => {
    const state = JSON.stringify({ id: 'https://x.org/m.json', type: 'Manifest' });
    expect(
      [
        'https://a.org/iiif/2/leaf/info.json',
        'https://a.org/iiif/2/leaf',
        'https://a.org/iiif/2/leaf/full/600,/0/default.jpg',
        'https://a.org/photos/leaf.jpg',
        'https://a.org/manifests/book.json',
        state,
        encodeContentState(state),
        'https://a.org/viewer?iiif-content=abc',
        'https://a.org/page',
        '{"not": "a state"}',
        'leaf.jpg',
      ].map(describeInput),
    ).toEqual([
      'image information (info.json)',
      'image service',
      'image service (from an image request)',
      'image file',
      'manifest',
      'content state',
      'content state (encoded)',
      'content state',
      'address, tried as an image, then a manifest',
      'unreadable content state',
      'not a web address',
    ]);
  });
});

describe('inputsFromDrop', () => {
  it('reads the content state of IIIF drag and drop (cookbook 0599) from text/plain, before the link', (context) => {
    const dnd = recipe('0599-drag-and-drop__manifest.json');
    if (!dnd) return context.skip('the cookbook corpus is absent');
    const inputs = inputsFromDrop({
      text: JSON.stringify(dnd),
      uriList: 'https://iiif.io/some/page.html',
    });
    expect(inputs).toHaveLength(1);
    const targets = contentStateTargets(JSON.parse(inputs[0] as string) as JsonObject);
    expect(targets).toEqual([
      {
        kind: 'manifest',
        manifestId: 'https://iiif.io/api/cookbook/recipe/0006-text-language/manifest.json',
      },
    ]);
  });

  it('decodes an encoded content state in text/plain', () => {
    const encoded = encodeContentState(JSON.stringify({ id: 'https://x.org/m.json', type: 'Manifest' }));
    expect(inputsFromDrop({ text: encoded })).toEqual([
      JSON.stringify({ id: 'https://x.org/m.json', type: 'Manifest' }),
    ]);
  });

  it('takes the links of a uri-list, and an image dragged from a page from its HTML', () => {
    expect(
      inputsFromDrop({
        uriList: '# from a page\nhttps://a.org/iiif/1/info.json\nhttps://a.org/iiif/2/info.json',
      }),
    ).toEqual(['https://a.org/iiif/1/info.json', 'https://a.org/iiif/2/info.json']);
    expect(
      inputsFromDrop({
        html: '<meta charset="utf-8"><img src="https://a.org/iiif/3/full/400,/0/default.jpg?x=1&amp;y=2" alt="">',
      }),
    ).toEqual(['https://a.org/iiif/3/full/400,/0/default.jpg?x=1&y=2']);
  });

  it('understands the older ?manifest= and ?image= logo links', () => {
    expect(unwrapViewerLink('https://viewer.org/?manifest=https%3A%2F%2Fx.org%2Fm.json')).toBe(
      'https://x.org/m.json',
    );
    expect(
      JSON.parse(
        unwrapViewerLink('https://viewer.org/?manifest=https://x.org/m.json&canvas=https://x.org/c/2'),
      ),
    ).toEqual({
      id: 'https://x.org/c/2',
      type: 'Canvas',
      partOf: [{ id: 'https://x.org/m.json', type: 'Manifest' }],
    });
    expect(unwrapViewerLink('https://viewer.org/drop?image=https://x.org/iiif/1/info.json')).toBe(
      'https://x.org/iiif/1/info.json',
    );
    const content = 'https://viewer.org/?iiif-content=abc';
    expect(unwrapViewerLink(content)).toBe(content);
  });
});

describe('contentStateTargets', () => {
  it('reads a canvas with its manifest and its region (cookbook 0485)', (context) => {
    const state = recipe('0485-contentstate-canvas-region__annotation.json');
    if (!state) return context.skip('the cookbook corpus is absent');
    expect(contentStateTargets(state)).toEqual([
      {
        kind: 'canvas',
        canvasId: 'https://iiif.io/api/cookbook/recipe/0009-book-1/canvas/p2',
        manifestId: 'https://iiif.io/api/cookbook/recipe/0009-book-1/manifest.json',
        region: { unit: 'pixel', x: 1528, y: 3024, width: 344, height: 408 },
      },
    ]);
  });

  it('reads a region from a SpecificResource with a FragmentSelector, percent too', () => {
    const [target] = contentStateTargets({
      type: 'Annotation',
      motivation: ['contentState'],
      target: {
        type: 'SpecificResource',
        source: {
          id: 'https://x.org/canvas/1',
          type: 'Canvas',
          partOf: [{ id: 'https://x.org/m', type: 'Manifest' }],
        },
        selector: { type: 'FragmentSelector', value: 'xywh=percent:25,25,50,50' },
      },
    });
    expect(target).toEqual({
      kind: 'canvas',
      canvasId: 'https://x.org/canvas/1',
      manifestId: 'https://x.org/m',
      region: { unit: 'percent', x: 25, y: 25, width: 50, height: 50 },
    });
  });

  it('adds a canvas without a region whole, and refuses a malformed region with its reason', () => {
    const partOf = [{ id: 'https://x.org/m', type: 'Manifest' }];
    expect(contentStateTargets({ id: 'https://x.org/canvas/1', type: 'Canvas', partOf })).toEqual([
      { kind: 'canvas', canvasId: 'https://x.org/canvas/1', manifestId: 'https://x.org/m' },
    ]);
    const [bad] = contentStateTargets({
      id: 'https://x.org/canvas/1#xywh=10,10,0,5',
      type: 'Canvas',
      partOf,
    });
    expect(bad).toEqual({
      kind: 'unsupported',
      reason: expect.stringMatching(/region cannot be read: .*no area/) as unknown,
    });
  });

  it('reads several canvases from several manifests (cookbook 0540)', (context) => {
    const state = recipe('0540-link-for-opening-multiple-canvases__annotation.json');
    if (!state) return context.skip('the cookbook corpus is absent');
    expect(contentStateTargets(state).map((t) => t.kind)).toEqual(['canvas', 'canvas']);
  });

  it('says why a canvas without its manifest cannot be added', () => {
    const [target] = contentStateTargets({ id: 'https://x.org/c/1', type: 'Canvas' });
    expect(target).toMatchObject({ kind: 'unsupported' });
  });
});

describe('imageRequestServiceBase', () => {
  it('finds the service of an Image API image request', () => {
    expect(imageRequestServiceBase('https://x.org/iiif/abc/full/max/0/default.jpg')).toBe(
      'https://x.org/iiif/abc',
    );
    expect(imageRequestServiceBase('https://x.org/iiif/abc/0,0,512,512/256,/0/default.jpg')).toBe(
      'https://x.org/iiif/abc',
    );
    expect(imageRequestServiceBase('https://x.org/photos/leaf.jpg')).toBeNull();
  });
});
