import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../shared/iiif/json';
import { paintedItems, targetArea } from '../../../shared/iiif/document/painted-items';

const CANVAS = 'https://e.org/c1';
const SERVICE = 'https://img.org/iiif/x';

function canvas(annotations: JsonObject[]): JsonObject {
  return {
    id: CANVAS,
    type: 'Canvas',
    width: 2000,
    height: 1000,
    items: [{ id: `${CANVAS}/p`, type: 'AnnotationPage', items: annotations }],
  };
}

function painting(id: string, body: JsonObject, target = CANVAS): JsonObject {
  return { id, type: 'Annotation', motivation: 'painting', body, target };
}

const image: JsonObject = {
  id: `${SERVICE}/full/max/0/default.jpg`,
  type: 'Image',
  width: 4000,
  height: 2000,
  service: [{ id: SERVICE, type: 'ImageService3', profile: 'level1' }],
};

describe('what a canvas paints', () => {
  it('an Image with a service, on the whole canvas', () => {
    const [item] = paintedItems(canvas([painting('a1', image)]));
    expect(item).toMatchObject({
      key: 'a1#0',
      target: { x: 0, y: 0, width: 2000, height: 1000 },
      wholeCanvas: true,
      choice: false,
    });
    expect(item?.layers[0]).toMatchObject({
      resource: { kind: 'service', infoUrl: `${SERVICE}/info.json` },
      region: 'full',
      rotation: { degrees: 0, mirror: false },
      baked: false,
      encoding: 'none',
      declared: { width: 4000, height: 2000 },
      bodyPath: ['body'],
    });
  });

  it('a crop and a turn written as an ImageApiSelector (cookbook 0299, 0040)', () => {
    const body: JsonObject = {
      id: 'https://e.org/body/1',
      type: 'SpecificResource',
      source: image,
      selector: { type: 'ImageApiSelector', region: '100,50,400,300', rotation: '90' },
    };
    const layer = paintedItems(canvas([painting('a1', body, `${CANVAS}#xywh=10,20,300,400`)]))[0]?.layers[0];
    expect(layer).toMatchObject({
      resource: { kind: 'service', infoUrl: `${SERVICE}/info.json` },
      region: '100,50,400,300',
      rotation: { degrees: 90, mirror: false },
      encoding: 'selector',
      serviceId: SERVICE,
      bodyPath: ['body'],
    });
  });

  it('a crop baked into the image URL: the server already cut and turned the pixels', () => {
    const body: JsonObject = { id: `${SERVICE}/0,0,600,450/max/90/default.jpg`, type: 'Image' };
    const layer = paintedItems(canvas([painting('a1', body)]))[0]?.layers[0];
    expect(layer).toMatchObject({
      resource: { kind: 'image', url: `${SERVICE}/0,0,600,450/max/90/default.jpg` },
      region: '0,0,600,450',
      rotation: { degrees: 90, mirror: false },
      baked: true,
      encoding: 'url',
      serviceId: SERVICE,
    });
  });

  it('a crop URL with the service kept: deep zoom of the service, clipped to the region', () => {
    const body: JsonObject = { ...image, id: `${SERVICE}/0,0,600,450/max/0/default.jpg` };
    const layer = paintedItems(canvas([painting('a1', body)]))[0]?.layers[0];
    expect(layer).toMatchObject({ resource: { kind: 'service' }, region: '0,0,600,450', baked: false });
  });

  it('a Choice: one item with a layer per option, labelled (cookbook 0033)', () => {
    const choice: JsonObject = {
      type: 'Choice',
      items: [
        { ...image, label: { en: ['Natural light'] } },
        { ...image, id: 'https://img.org/xray.jpg', service: [], label: { en: ['X-ray'] } },
      ],
    };
    const [item] = paintedItems(canvas([painting('a1', choice)]));
    expect(item?.choice).toBe(true);
    expect(item?.layers.map((l) => l.label)).toEqual(['Natural light', 'X-ray']);
    expect(item?.layers[1]).toMatchObject({ resource: { kind: 'image' }, bodyPath: ['body', 'items', 1] });
  });

  it('skips bodies that are not images and annotations that do not paint', () => {
    const items = paintedItems(
      canvas([
        painting('t', { type: 'TextualBody', value: 'hello' }),
        { id: 'c', type: 'Annotation', motivation: 'commenting', body: image, target: CANVAS },
        painting('s', { id: 'https://e.org/a.mp3', type: 'Sound' }),
      ]),
    );
    expect(items).toEqual([]);
  });
});

describe('targets', () => {
  const size = { width: 2000, height: 1000 };
  it('reads pixel and percent fragments, and FragmentSelectors', () => {
    expect(targetArea(`${CANVAS}#xywh=pixel:1,2,3,4`, size).rect).toEqual({
      x: 1,
      y: 2,
      width: 3,
      height: 4,
    });
    expect(targetArea(`${CANVAS}#xywh=percent:50,0,50,100`, size).rect).toEqual({
      x: 1000,
      y: 0,
      width: 1000,
      height: 1000,
    });
    const specific = {
      type: 'SpecificResource',
      source: CANVAS,
      selector: { type: 'FragmentSelector', value: 'xywh=10,10,100,50' },
    };
    expect(targetArea(specific, size)).toEqual({
      rect: { x: 10, y: 10, width: 100, height: 50 },
      whole: false,
    });
    expect(targetArea(CANVAS, size)).toEqual({ rect: { x: 0, y: 0, ...size }, whole: true });
  });
});
