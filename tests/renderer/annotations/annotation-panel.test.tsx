/**
 * The annotation panel with the real store and the real shared edits: the focused canvas's annotations listed,
 * edited in place, filtered, reordered and deleted, each one undo step; search jumps to a hit on another canvas;
 * transcription mode steps through regions with the text field focused; hostile HTML bodies are shown sanitised.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAnnotations } from '../../../shared/iiif/annotations';
import type { JsonObject } from '../../../shared/iiif/json';
import { AnnotationPanel } from '../../../renderer/src/features/annotations/AnnotationPanel';
import { useAppStore } from '../../../renderer/src/store/store';
import { annotatedManifest } from '../../shared/annotations/sample';

const format = { indent: '  ', newline: '\n', finalNewline: true, bom: false } as const;
const doc = () => useAppStore.getState().doc as JsonObject;
const steps = () => useAppStore.getState().history?.past.length ?? 0;
const rows = () => screen.queryAllByTestId('annotation-row');
const texts = (canvasIndex = 0) =>
  listAnnotations(doc(), { canvasIndex }).map((a) => (a.bodies[0]?.kind === 'text' ? a.bodies[0].value : ''));

function withHostileBody(): JsonObject {
  const base = annotatedManifest();
  const second = (base['items'] as JsonObject[])[1] as JsonObject;
  const hostile = {
    ...second,
    annotations: [
      {
        id: 'https://example.org/page/hostile',
        type: 'AnnotationPage',
        items: [
          {
            id: 'https://example.org/anno/hostile',
            type: 'Annotation',
            motivation: 'commenting',
            body: {
              type: 'TextualBody',
              format: 'text/html',
              value:
                '<p>needle <img src="x" onerror="window.pwned=1"><script>window.pwned=2</script><a href="javascript:alert(1)">go</a></p>',
            },
            target: 'https://example.org/canvas/2#xywh=1,1,5,5',
          },
        ],
      },
    ],
  };
  return { ...base, items: [(base['items'] as JsonObject[])[0] as JsonObject, hostile] };
}

beforeEach(() => {
  useAppStore.getState().loadDocument({ doc: withHostileBody(), format, file: null });
  useAppStore.getState().selectOnly(0);
});
afterEach(cleanup);

describe('AnnotationPanel', () => {
  it("lists the focused canvas's annotations with motivation, body and target", () => {
    render(<AnnotationPanel />);
    expect(rows()).toHaveLength(2);
    expect(screen.getByTestId('annotation-count').textContent).toBe('Canvas 1: 2');
    const targets = screen.getAllByTestId('annotation-target').map((t) => t.textContent);
    expect(targets).toEqual([
      'box 10,20,30,40 on https://example.org/canvas/1',
      'point 5,6 on https://example.org/canvas/1',
    ]);
    expect(screen.getByLabelText('Annotation 2 motivation')).toHaveProperty('value', 'tagging');
  });

  it('edits a body in place as one undo step, and undo brings the text back', () => {
    render(<AnnotationPanel />);
    const field = screen.getByLabelText('Annotation 1 text');
    fireEvent.change(field, { target: { value: 'A better box' } });
    expect(steps()).toBe(0);
    fireEvent.blur(field);
    expect(steps()).toBe(1);
    expect(texts()).toEqual(['A better box', 'tag']);
    act(() => useAppStore.getState().undo());
    expect(texts()).toEqual(['A box', 'tag']);
    expect(screen.getByLabelText('Annotation 1 text')).toHaveProperty('value', 'A box');
  });

  it('filters by motivation, reorders, re-motivates and deletes, one step each', () => {
    render(<AnnotationPanel />);
    fireEvent.change(screen.getByLabelText('Filter by motivation'), { target: { value: 'tagging' } });
    expect(rows()).toHaveLength(1);
    fireEvent.change(screen.getByLabelText('Filter by motivation'), { target: { value: '' } });
    fireEvent.click(screen.getByLabelText('Move Annotation 1 down'));
    expect(texts()).toEqual(['tag', 'A box']);
    fireEvent.change(screen.getByLabelText('Annotation 2 motivation'), { target: { value: 'describing' } });
    expect(listAnnotations(doc(), { canvasIndex: 0 })[1]?.motivations).toEqual(['describing']);
    fireEvent.click(screen.getByLabelText('Delete Annotation 1'));
    expect(texts()).toEqual(['A box']);
    expect(steps()).toBe(3);
  });

  it('adds region annotations, then transcribes the transcriptions among them with the field focused', () => {
    render(<AnnotationPanel />);
    fireEvent.change(screen.getByLabelText('New annotation motivation'), {
      target: { value: 'supplementing' },
    });
    for (const y of ['100', '150']) {
      for (const [key, value] of Object.entries({ x: '0', y, w: '500', h: '40' }))
        fireEvent.change(screen.getByLabelText(`Region ${key}`), { target: { value } });
      fireEvent.click(screen.getByText('Add'));
    }
    expect(steps()).toBe(2);
    expect(listAnnotations(doc(), { canvasIndex: 0 })[2]?.annotation.target).toBe(
      'https://example.org/canvas/1#xywh=0,100,500,40',
    );
    fireEvent.click(screen.getByText('Transcribe'));
    const mode = screen.getByTestId('transcription-mode');
    // The comment box and the tag point beside them are not lines.
    expect(mode.textContent).toContain('Line 1 of 2 · box 0,100,500,40');
    const first = within(mode).getByLabelText('Transcription of line 1');
    expect(document.activeElement).toBe(first);
    fireEvent.change(first, { target: { value: 'boxed words' } });
    fireEvent.keyDown(first, { key: 'Enter' });
    expect(document.activeElement).toBe(within(mode).getByLabelText('Transcription of line 2'));
    expect(texts()).toEqual(['A box', 'tag', 'boxed words', '']);
    fireEvent.keyDown(document.activeElement as Element, { key: 'Escape' });
    expect(screen.queryByTestId('transcription-mode')).toBeNull();
  });

  it('searches every annotation of the manifest and jumps to the hit', () => {
    render(<AnnotationPanel />);
    fireEvent.change(screen.getByLabelText('Search annotations'), { target: { value: 'NEEDLE' } });
    const results = screen.getByRole('list', { name: 'Search results' });
    fireEvent.click(within(results).getByRole('button'));
    expect(useAppStore.getState().focus).toBe(1);
    const row = screen.getByTestId('annotation-row');
    expect(row.getAttribute('aria-current')).toBe('true');
    // The hostile body is shown only as sanitiser output.
    const html = screen.getByTestId('annotation-html');
    expect(html.innerHTML).not.toMatch(/script|onerror|javascript:/);
    expect(html.textContent).toContain('needle');
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('imports a W3C annotation page onto the canvas in one step, and says why a file cannot be used', async () => {
    render(<AnnotationPanel />);
    const page = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'https://tool.example/page',
      type: 'AnnotationPage',
      items: [
        {
          id: 'https://example.org/anno/box',
          type: 'Annotation',
          motivation: 'commenting',
          body: { type: 'TextualBody', value: 'imported' },
          target: 'https://example.org/canvas/1#xywh=1,1,2,2',
        },
      ],
    };
    const input = screen.getByTestId('annotation-import-input');
    const file = new File([JSON.stringify(page)], 'page.json', { type: 'application/json' });
    await act(async () => {
      fireEvent.change(input, { target: { files: [file] } });
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(steps()).toBe(1);
    const views = listAnnotations(doc(), { canvasIndex: 0 });
    expect(views).toHaveLength(3);
    // The id was taken by the existing box, so the import got a fresh one.
    expect(views[2]?.id).not.toBe('https://example.org/anno/box');
    expect(rows()).toHaveLength(3);
    const bad = new File(['{"type":"Manifest"}'], 'm.json', { type: 'application/json' });
    await act(async () => {
      fireEvent.change(input, { target: { files: [bad] } });
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    // The sample's referenced page has its own alert (nothing serves it here): the import's is another one.
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent);
    expect(alerts).toContainEqual(expect.stringContaining('m.json: This file is not an annotation page'));
    expect(steps()).toBe(1);
  });
});
