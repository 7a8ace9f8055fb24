/**
 * The panel's other views and sources, with the real store and shared edits: the manifest's own annotations
 * (targets on several canvases) listed, edited and added to (one annotation targeting each selected canvas);
 * the list filtered by page; and a Web Annotation page imported from a URL through the main side's fetch (here a
 * stand-in of the api), one undo step, with the reason shown when the address cannot be used.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listAnnotations } from '../../../shared/iiif/annotations';
import { getIn, updateIn, type JsonObject } from '../../../shared/iiif/json';
import { AnnotationPanel } from '../../../renderer/src/features/annotations/AnnotationPanel';
import { useAppStore } from '../../../renderer/src/store/store';
import { annotatedManifest } from '../../shared/annotations/sample';

const PAGE_URL = 'https://tool.example/pages/1.json';
const fake = vi.hoisted(() => ({ asked: [] as { location: string; initiator?: string }[] }));
/** What the import asked for: the sample's own referenced page is asked for too, by the referenced-page list. */
const imports = () => fake.asked.filter((r) => r.location !== 'https://example.org/page/remote');
const alerts = () => screen.getAllByRole('alert').map((a) => a.textContent);

vi.mock('../../../renderer/src/api', () => ({
  isElectron: false,
  httpToken: null,
  api: {
    fetchAnnotationPage: (request: { location: string; initiator?: string }) => {
      fake.asked.push(request);
      if (request.location !== 'https://tool.example/pages/1.json')
        return Promise.resolve({
          ok: false,
          error: { code: 'remote-private', message: 'This address is on a private network.' },
        });
      return Promise.resolve({
        ok: true,
        value: {
          location: request.location,
          finalUrl: request.location,
          path: null,
          page: {
            '@context': 'http://www.w3.org/ns/anno.jsonld',
            id: request.location,
            type: 'AnnotationPage',
            items: [
              {
                id: 'https://tool.example/anno/1',
                type: 'Annotation',
                motivation: 'commenting',
                body: { type: 'TextualBody', value: 'from the web' },
                target: 'https://example.org/canvas/1#xywh=5,5,10,10',
              },
            ],
          },
          fromCache: false,
          stale: false,
          origin: 'local',
        },
      });
    },
  },
}));

const format = { indent: '  ', newline: '\n', finalNewline: true, bom: false } as const;
const doc = () => useAppStore.getState().doc as JsonObject;
const steps = () => useAppStore.getState().history?.past.length ?? 0;
const rows = () => screen.queryAllByTestId('annotation-row');
const count = () => screen.getByTestId('annotation-count').textContent;

/** The sample with a second, labelled page on canvas 1, so the page filter has a choice. */
function withSecondPage(): JsonObject {
  const page = {
    id: 'https://example.org/page/notes',
    type: 'AnnotationPage',
    label: { en: ['Notes'] },
    items: [
      {
        id: 'https://example.org/anno/note',
        type: 'Annotation',
        motivation: 'commenting',
        body: { type: 'TextualBody', value: 'a note' },
        target: 'https://example.org/canvas/1',
      },
    ],
  };
  const base = annotatedManifest();
  const pages = getIn(base, ['items', 0, 'annotations']) as JsonObject[];
  return updateIn(base, ['items', 0, 'annotations'], () => [...pages, page]) as JsonObject;
}

beforeEach(() => {
  fake.asked.length = 0;
  useAppStore.getState().loadDocument({ doc: withSecondPage(), format, file: null });
  useAppStore.getState().selectOnly(0);
});
afterEach(cleanup);

describe('annotation panel scope, page filter and URL import', () => {
  it('filters the canvas list by page, naming each page by its label or id', () => {
    render(<AnnotationPanel />);
    expect(rows()).toHaveLength(3);
    const filter = screen.getByLabelText('Filter by page') as HTMLSelectElement;
    expect([...filter.options].map((o) => o.textContent)).toEqual(['all pages', '1 (2)', 'Notes (1)']);
    fireEvent.change(filter, { target: { value: filter.options[2]?.value } });
    expect(rows()).toHaveLength(1);
    expect(screen.getByLabelText('Annotation 1 text')).toHaveProperty('value', 'a note');
    fireEvent.change(filter, { target: { value: '' } });
    expect(rows()).toHaveLength(3);
  });

  it("lists the manifest's own annotations with their targets on several canvases, edited in place", () => {
    render(<AnnotationPanel />);
    fireEvent.change(screen.getByLabelText('Annotations of'), { target: { value: 'manifest' } });
    expect(count()).toBe('Manifest: 1');
    expect(screen.getByTestId('annotation-target').textContent).toBe(
      'whole on https://example.org/canvas/1; time 1.5-3 on https://example.org/canvas/2',
    );
    fireEvent.change(screen.getByLabelText('Annotation 1 motivation'), { target: { value: 'commenting' } });
    expect(steps()).toBe(1);
    expect(getIn(doc(), ['annotations', 0, 'items', 0, 'motivation'])).toBe('commenting');
  });

  it('adds a manifest annotation targeting each selected canvas, in one step', () => {
    render(<AnnotationPanel />);
    fireEvent.change(screen.getByLabelText('Annotations of'), { target: { value: 'manifest' } });
    act(() => useAppStore.getState().setSelection([0, 1], 0));
    expect(screen.getByTestId('manifest-targets').textContent).toBe('on canvases 1, 2');
    fireEvent.change(screen.getByLabelText('New annotation motivation'), { target: { value: 'describing' } });
    fireEvent.change(screen.getByLabelText('New annotation text'), { target: { value: 'A tour' } });
    for (const [key, value] of Object.entries({ x: '1', y: '2', w: '3', h: '4' }))
      fireEvent.change(screen.getByLabelText(`Region ${key}`), { target: { value } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(steps()).toBe(1);
    expect(count()).toBe('Manifest: 2');
    const added = getIn(doc(), ['annotations', 0, 'items', 1]) as JsonObject;
    expect(added['motivation']).toBe('describing');
    expect(added['target']).toEqual([
      'https://example.org/canvas/1#xywh=1,2,3,4',
      'https://example.org/canvas/2#xywh=1,2,3,4',
    ]);
    // The canvases' own lists are untouched.
    expect(listAnnotations(doc(), { canvasIndex: 1 })).toEqual([]);
  });

  it('imports an annotation page from a URL through the main side, in one step', async () => {
    render(<AnnotationPanel />);
    const form = screen.getByRole('form', { name: 'Import annotations from a URL' });
    fireEvent.change(within(form).getByLabelText('Annotation page URL'), { target: { value: PAGE_URL } });
    await act(async () => {
      fireEvent.submit(form);
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(imports()).toEqual([{ location: PAGE_URL, initiator: 'local' }]);
    expect(steps()).toBe(1);
    const texts = listAnnotations(doc(), { canvasIndex: 0 }).map((a) => a.bodies[0]);
    expect(texts.at(-1)).toEqual({ kind: 'text', value: 'from the web', purpose: [] });
    // The page's own context is not carried into the manifest.
    expect(JSON.stringify(doc())).not.toContain('anno.jsonld');
  });

  it('says why an address cannot be imported, and changes nothing', async () => {
    render(<AnnotationPanel />);
    const form = screen.getByRole('form', { name: 'Import annotations from a URL' });
    const field = within(form).getByLabelText('Annotation page URL');
    fireEvent.change(field, { target: { value: 'ftp://tool.example/page' } });
    await act(async () => {
      fireEvent.submit(form);
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(alerts()).toContainEqual(expect.stringMatching(/not an http\(s\) address/));
    expect(imports()).toEqual([]);
    fireEvent.change(field, { target: { value: 'http://192.168.1.9/page.json' } });
    await act(async () => {
      fireEvent.submit(form);
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(alerts()).toContain('http://192.168.1.9/page.json: This address is on a private network.');
    expect(steps()).toBe(0);
  });
});
