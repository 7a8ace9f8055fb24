import { describe, expect, it } from 'vitest';
import {
  annotationsToImport,
  exportAnnotationPage,
  importAnnotations,
  listAnnotations,
  WEB_ANNOTATION_CONTEXT,
} from '../../../shared/iiif/annotations';
import { getIn, type JsonObject } from '../../../shared/iiif/json';
import { annotatedManifest, CANVAS } from './sample';

describe('W3C annotation pages in and out', () => {
  it("exports a canvas's annotations as one standalone page, and the whole manifest's", () => {
    const page = exportAnnotationPage(annotatedManifest(), {
      canvasIndex: 0,
      id: 'https://example.org/export',
    });
    expect(page['@context']).toEqual([
      WEB_ANNOTATION_CONTEXT,
      'http://iiif.io/api/presentation/3/context.json',
    ]);
    expect((page.items as JsonObject[]).map((a) => a.id)).toEqual([
      'https://example.org/anno/box',
      'https://example.org/anno/point',
    ]);
    expect((exportAnnotationPage(annotatedManifest(), { id: 'x' }).items as JsonObject[]).length).toBe(3);
  });

  it('imports an exported page onto another canvas as a new page, with fresh ids for taken ones', () => {
    const doc = annotatedManifest();
    const exported = exportAnnotationPage(doc, { canvasIndex: 0, id: 'https://example.org/export' });
    const found = annotationsToImport(JSON.parse(JSON.stringify(exported)));
    if (!found.ok) throw new Error(found.message);
    let n = 0;
    const next = importAnnotations(doc, {
      canvasIndex: 1,
      items: found.items,
      pageId: 'https://example.org/page/imported',
      taken: new Set(['https://example.org/anno/box']),
      freshId: () => `https://example.org/anno/fresh/${++n}`,
    });
    expect(listAnnotations(next, { canvasIndex: 1 }).map((a) => a.id)).toEqual([
      'https://example.org/anno/fresh/1',
      'https://example.org/anno/point',
    ]);
    expect(getIn(next, ['items', 0])).toBe(getIn(doc, ['items', 0]));
    expect(getIn(next, ['items', 1, 'annotations', 0, 'id'])).toBe('https://example.org/page/imported');
  });

  it('takes single annotations and lists, drops embedded contexts and sanitises HTML', () => {
    const hostile = {
      '@context': WEB_ANNOTATION_CONTEXT,
      id: 'https://example.org/a',
      type: 'Annotation',
      motivation: 'commenting',
      body: { type: 'TextualBody', format: 'text/html', value: '<p onmouseover="x()">hi</p>' },
      target: CANVAS,
    };
    const found = annotationsToImport(hostile);
    if (!found.ok) throw new Error(found.message);
    const next = importAnnotations(annotatedManifest(), {
      canvasIndex: 1,
      items: found.items,
      pageId: 'p',
      taken: new Set(),
      freshId: () => 'unused',
    });
    expect(getIn(next, ['items', 1, 'annotations', 0, 'items', 0])).toEqual({
      id: 'https://example.org/a',
      type: 'Annotation',
      motivation: 'commenting',
      body: { type: 'TextualBody', format: 'text/html', value: '<p>hi</p>' },
      target: CANVAS,
    });
    expect(annotationsToImport([hostile]).ok).toBe(true);
    expect(annotationsToImport({ type: 'Manifest' })).toEqual({
      ok: false,
      message: 'This file is not an annotation page, an annotation or a list of annotations.',
    });
    expect(annotationsToImport({ type: 'AnnotationPage', items: [] }).ok).toBe(false);
  });
});
