import { describe, expect, it } from 'vitest';
import {
  deleteAnnotation,
  editBody,
  inlineLocalPage,
  listAnnotations,
  splitLocalPages,
} from '../../../shared/iiif/annotations';
import { getIn, type JsonObject } from '../../../shared/iiif/json';
import { annotatedManifest } from './sample';

const REFERENCE_PATH = ['items', 0, 'annotations', 1] as const;
const FILE_PAGE: JsonObject = {
  '@context': 'http://iiif.io/api/presentation/3/context.json',
  id: 'https://example.org/page/remote-file-id',
  type: 'AnnotationPage',
  items: [
    {
      id: 'https://example.org/anno/line',
      type: 'Annotation',
      motivation: 'supplementing',
      body: { type: 'TextualBody', value: 'Incipit' },
      target: 'https://example.org/canvas/1#xywh=1,2,3,4',
    },
  ],
};

describe('local referenced pages edited in place', () => {
  it('are brought into the document where the reference stands, without their @context', () => {
    const doc = annotatedManifest();
    const { doc: inlined, copy } = inlineLocalPage(doc, { pagePath: REFERENCE_PATH, page: FILE_PAGE });
    expect(getIn(inlined, REFERENCE_PATH)).toEqual({
      id: 'https://example.org/page/remote',
      type: 'AnnotationPage',
      items: FILE_PAGE['items'],
    });
    expect(copy.reference).toBe(getIn(doc, REFERENCE_PATH));
    expect(listAnnotations(inlined, { canvasIndex: 0 }).map((a) => a.id)).toContain(
      'https://example.org/anno/line',
    );
    expect(() => inlineLocalPage(doc, { pagePath: ['items', 0, 'annotations', 0], page: FILE_PAGE })).toThrow(
      /no page reference/,
    );
  });

  it('save as the reference in the manifest and the edited page, with its own context and id, in its file', () => {
    const doc = annotatedManifest();
    const { doc: inlined, copy } = inlineLocalPage(doc, { pagePath: REFERENCE_PATH, page: FILE_PAGE });
    const untouched = splitLocalPages(inlined, [copy]);
    expect(untouched.doc).toEqual(doc);
    expect(untouched.pages.map((p) => p.changed)).toEqual([false]);
    expect(untouched.pages[0]?.page).toEqual(FILE_PAGE);

    const edited = editBody(inlined, {
      address: { pagePath: REFERENCE_PATH, index: 0 },
      bodyIndex: 0,
      fields: { value: 'Incipit liber' },
    });
    const split = splitLocalPages(edited, [copy]);
    expect(split.doc).toEqual(doc);
    // The reference object itself, so the manifest's text is saved unchanged there.
    expect(getIn(split.doc, REFERENCE_PATH)).toBe(copy.reference);
    expect(split.pages).toHaveLength(1);
    expect(split.pages[0]?.changed).toBe(true);
    expect(Object.keys(split.pages[0]?.page ?? {})).toEqual(['@context', 'id', 'type', 'items']);
    expect(getIn(split.pages[0]?.page ?? {}, ['id'])).toBe('https://example.org/page/remote-file-id');
    expect(getIn(split.pages[0]?.page ?? {}, ['items', 0, 'body', 'value'])).toBe('Incipit liber');

    const emptied = splitLocalPages(deleteAnnotation(edited, { pagePath: REFERENCE_PATH, index: 0 }), [copy]);
    expect(emptied.pages[0]?.page['items']).toEqual([]);
  });

  it('leave out a copy whose bringing-in was undone', () => {
    const doc = annotatedManifest();
    const { copy } = inlineLocalPage(doc, { pagePath: REFERENCE_PATH, page: FILE_PAGE });
    const split = splitLocalPages(doc, [copy]);
    expect(split.doc).toBe(doc);
    expect(split.pages).toEqual([]);
  });
});
