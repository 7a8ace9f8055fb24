import { describe, expect, it } from 'vitest';
import { listCanvasSources, selectCanvasesFromSource } from '../../../shared/iiif/batch';
import { makeManifest } from './manifest-fixture';

const bodleian = {
  id: 'https://iiif.example.ac.uk/ms-1/manifest',
  type: 'Manifest',
  label: { en: ['MS 1'] },
};
const wellcome = { id: 'https://iiif.example.org/b123/manifest', type: 'Manifest' };
const wellcomeLabelled = { ...wellcome, label: { none: ['b123'] } };

const doc = makeManifest(6, (index) => {
  switch (index) {
    case 0:
    case 2:
      return { partOf: [bodleian] };
    case 1:
      return { partOf: [wellcome] };
    case 3:
      return { partOf: [wellcomeLabelled, bodleian] };
    case 4:
      return { partOf: wellcome }; // a single object instead of an array, as found in the wild
    default:
      return {};
  }
});

describe('canvas sources', () => {
  it('selects the canvases whose partOf names a manifest', () => {
    expect(selectCanvasesFromSource(doc, bodleian.id)).toEqual([0, 2, 3]);
    expect(selectCanvasesFromSource(doc, wellcome.id)).toEqual([1, 3, 4]);
    expect(selectCanvasesFromSource(doc, 'https://nowhere.example/manifest')).toEqual([]);
  });

  it('lists distinct sources in order of appearance with a label and a count', () => {
    expect(listCanvasSources(doc)).toEqual([
      { id: bodleian.id, label: 'MS 1', type: 'Manifest', count: 3 },
      { id: wellcome.id, label: 'b123', type: 'Manifest', count: 3 },
    ]);
  });

  it('returns nothing for a document without canvases', () => {
    expect(listCanvasSources({ type: 'Manifest' })).toEqual([]);
    expect(selectCanvasesFromSource('not a manifest', bodleian.id)).toEqual([]);
  });
});
