import { describe, expect, it } from 'vitest';
import {
  addPage,
  annotateCanvas,
  changeTarget,
  deleteAnnotation,
  editBody,
  listAnnotations,
  listPages,
  moveAnnotation,
  newAnnotation,
  setMotivation,
} from '../../../shared/iiif/annotations';
import { readDocument, writeDocument } from '../../../shared/iiif/document';
import { getIn, type JsonObject } from '../../../shared/iiif/json';
import { annotatedManifest, CANVAS } from './sample';

const PAGE = ['items', 0, 'annotations', 0] as const;

describe('listing annotations', () => {
  it('finds embedded and referenced pages of the manifest and its canvases', () => {
    const pages = listPages(annotatedManifest());
    expect(pages.map((p) => [p.id, p.owner, p.embedded, p.canvasIndex])).toEqual([
      ['https://example.org/page/manifest', 'document', true, undefined],
      ['https://example.org/page/1', 'canvas', true, 0],
      ['https://example.org/page/remote', 'canvas', false, 0],
    ]);
  });

  it('lists each annotation with motivation, bodies and targets', () => {
    const all = listAnnotations(annotatedManifest());
    expect(all.map((a) => [a.id, a.motivations])).toEqual([
      ['https://example.org/anno/tour', ['describing']],
      ['https://example.org/anno/box', ['commenting']],
      ['https://example.org/anno/point', ['tagging']],
    ]);
    const [tour, box, point] = all;
    expect(tour?.targets.map((t) => t.geometry.kind)).toEqual(['whole', 'time']);
    expect(box?.bodies).toEqual([
      { kind: 'text', value: 'A box', language: 'en', format: 'text/plain', purpose: [] },
    ]);
    expect(point?.bodies).toEqual([
      { kind: 'text', value: 'tag', purpose: ['tagging'] },
      { kind: 'resource', id: 'https://example.org/people/ada', type: 'Dataset', label: 'Ada' },
    ]);
    expect(listAnnotations(annotatedManifest(), { canvasIndex: 0 }).map((a) => a.index)).toEqual([0, 1]);
    expect(listAnnotations(annotatedManifest(), { canvasIndex: 1 })).toEqual([]);
  });

  it('reads a standalone annotation page and annotation', () => {
    const page = {
      id: 'p',
      type: 'AnnotationPage',
      items: [{ id: 'a', type: 'Annotation', motivation: 'commenting', target: CANVAS }],
    };
    expect(listAnnotations(page).map((a) => a.path)).toEqual([['items', 0]]);
    expect(listAnnotations({ id: 'a', type: 'Annotation', target: CANVAS }).map((a) => a.id)).toEqual(['a']);
  });

  it('brings Presentation 2 otherContent annotation lists through the upgrade as referenced pages', () => {
    const p2 = {
      '@context': 'http://iiif.io/api/presentation/2/context.json',
      '@id': 'https://example.org/p2',
      '@type': 'sc:Manifest',
      label: 'P2',
      sequences: [
        {
          '@type': 'sc:Sequence',
          canvases: [
            {
              '@id': 'https://example.org/p2/canvas/1',
              '@type': 'sc:Canvas',
              label: '1',
              width: 10,
              height: 10,
              images: [],
              otherContent: [{ '@id': 'https://example.org/p2/list/1', '@type': 'sc:AnnotationList' }],
            },
          ],
        },
      ],
    };
    const read = readDocument(JSON.stringify(p2));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(listPages(read.doc).map((p) => [p.id, p.embedded, p.canvasIndex])).toEqual([
      ['https://example.org/p2/list/1', false, 0],
    ]);
  });
});

describe('annotation edits', () => {
  const address = { pagePath: PAGE, index: 0 };

  it('leave every other annotation the same object, so it saves unchanged', () => {
    const doc = annotatedManifest();
    const next = editBody(doc, { address, bodyIndex: 0, fields: { value: 'Changed' } });
    expect(getIn(next, [...PAGE, 'items', 1])).toBe(getIn(doc, [...PAGE, 'items', 1]));
    expect(next.annotations).toBe(doc.annotations);
    expect(getIn(next, [...PAGE, 'items', 0, 'body'])).toEqual({
      type: 'TextualBody',
      value: 'Changed',
      language: 'en',
      format: 'text/plain',
    });
    expect(editBody(doc, { address, bodyIndex: 0, fields: { value: 'A box' } })).toBe(doc);
  });

  it('write a saved file in which untouched annotations are byte-identical', () => {
    const text = JSON.stringify(annotatedManifest(), null, 2);
    const read = readDocument(text);
    if (!read.ok) throw new Error('fixture');
    const changed = editBody(read.doc, { address, bodyIndex: 0, fields: { value: 'X' } });
    const out = writeDocument(changed, read.format);
    const tail = (s: string) => s.slice(s.indexOf('"https://example.org/anno/point"'));
    expect(tail(out)).toBe(tail(text));
  });

  it('edit the body language, format and a second body', () => {
    const doc = annotatedManifest();
    const noLanguage = editBody(doc, { address, bodyIndex: 0, fields: { language: '' } });
    expect(getIn(noLanguage, [...PAGE, 'items', 0, 'body', 'language'])).toBeUndefined();
    const second = editBody(doc, {
      address: { pagePath: PAGE, index: 1 },
      bodyIndex: 0,
      fields: { value: 'renamed' },
    });
    expect(getIn(second, [...PAGE, 'items', 1, 'body', 0, 'value'])).toBe('renamed');
    expect(getIn(second, [...PAGE, 'items', 1, 'body', 1])).toBe(
      getIn(doc, [...PAGE, 'items', 1, 'body', 1]),
    );
  });

  it('sanitise HTML bodies as they are written', () => {
    const doc = editBody(annotatedManifest(), {
      address,
      bodyIndex: 0,
      fields: {
        format: 'text/html',
        value: '<p onclick="x()">hi<script>alert(1)</script> <a href="javascript:x">l</a></p>',
      },
    });
    expect(getIn(doc, [...PAGE, 'items', 0, 'body', 'value'])).toBe('<p>hi <a>l</a></p>');
    const bare = editBody(annotatedManifest(), {
      address,
      bodyIndex: 0,
      fields: { format: 'text/html', value: 'text <img src=x onerror=alert(1)>' },
    });
    expect(getIn(bare, [...PAGE, 'items', 0, 'body', 'value'])).toBe('<span>text </span>');
  });

  it('change a target, keeping the SpecificResource and its source object', () => {
    const doc = annotatedManifest();
    const point = { pagePath: PAGE, index: 1 };
    const moved = changeTarget(doc, {
      address: point,
      shape: { source: CANVAS, geometry: { kind: 'point', x: 50, y: 60 } },
    });
    const target = getIn(moved, [...PAGE, 'items', 1, 'target']) as JsonObject;
    expect(target.selector).toEqual({ type: 'PointSelector', x: 50, y: 60 });
    expect(target.source).toBe(getIn(doc, [...PAGE, 'items', 1, 'target', 'source']));
    expect(getIn(moved, [...PAGE, 'items', 1, 'x-extension'])).toEqual({ keep: true });
    const boxed = changeTarget(doc, {
      address,
      shape: { source: CANVAS, geometry: { kind: 'box', unit: 'pixel', x: 0, y: 0, w: 5, h: 5 } },
    });
    expect(getIn(boxed, [...PAGE, 'items', 0, 'target'])).toBe(`${CANVAS}#xywh=0,0,5,5`);
    const tour = { pagePath: ['annotations', 0], index: 0 };
    const second = changeTarget(doc, {
      address: tour,
      targetIndex: 1,
      shape: { source: 'https://example.org/canvas/2', geometry: { kind: 'time', start: 0, end: 1 } },
    });
    expect(getIn(second, ['annotations', 0, 'items', 0, 'target'])).toEqual([
      CANVAS,
      'https://example.org/canvas/2#t=0,1',
    ]);
  });

  it('delete, reorder and re-motivate', () => {
    const doc = annotatedManifest();
    const ids = (d: JsonObject) => listAnnotations(d, { canvasIndex: 0 }).map((a) => a.id?.split('/').pop());
    expect(ids(deleteAnnotation(doc, address))).toEqual(['point']);
    expect(ids(moveAnnotation(doc, { address, to: 1 }))).toEqual(['point', 'box']);
    expect(moveAnnotation(doc, { address, to: 0 })).toBe(doc);
    expect(
      getIn(setMotivation(doc, { address, motivation: 'tagging' }), [...PAGE, 'items', 0, 'motivation']),
    ).toBe('tagging');
    expect(() => deleteAnnotation(doc, { pagePath: PAGE, index: 9 })).toThrow();
  });

  it('add a page and a first annotation to a canvas without one, in one edit', () => {
    const doc = annotatedManifest();
    const annotation = newAnnotation({
      id: 'https://example.org/anno/new',
      motivation: 'supplementing',
      target: {
        source: 'https://example.org/canvas/2',
        geometry: { kind: 'box', unit: 'pixel', x: 1, y: 1, w: 2, h: 2 },
      },
      text: 'line one',
      language: 'en',
    });
    const { doc: next, address: at } = annotateCanvas(doc, {
      canvasIndex: 1,
      annotation,
      newPageId: 'https://example.org/page/new',
    });
    expect(at).toEqual({ pagePath: ['items', 1, 'annotations', 0], index: 0 });
    expect(getIn(next, ['items', 1, 'annotations'])).toEqual([
      { id: 'https://example.org/page/new', type: 'AnnotationPage', items: [annotation] },
    ]);
    expect(annotation).toEqual({
      id: 'https://example.org/anno/new',
      type: 'Annotation',
      motivation: 'supplementing',
      body: { type: 'TextualBody', value: 'line one', format: 'text/plain', language: 'en' },
      target: 'https://example.org/canvas/2#xywh=1,1,2,2',
    });
    const again = annotateCanvas(next, { canvasIndex: 1, annotation, newPageId: 'unused' });
    expect(again.address.index).toBe(1);
    expect(getIn(addPage(doc, { ownerPath: [], id: 'p2', label: 'Tour' }), ['annotations', 1])).toEqual({
      id: 'p2',
      type: 'AnnotationPage',
      label: { none: ['Tour'] },
      items: [],
    });
  });
});
