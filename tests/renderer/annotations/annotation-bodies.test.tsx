/**
 * Editing what an annotation says in the panel, with the real store and shared edits: a linked body (id, type,
 * format, label) added and removed, a text body's language, format and purpose changed, text written into an
 * annotation that had none; each one undo step, and what cannot be written refused with a reason.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAnnotations } from '../../../shared/iiif/annotations';
import { getIn, updateIn, type JsonObject } from '../../../shared/iiif/json';
import { AnnotationPanel } from '../../../renderer/src/features/annotations/AnnotationPanel';
import { useAppStore } from '../../../renderer/src/store/store';
import { annotatedManifest } from '../../shared/annotations/sample';

const format = { indent: '  ', newline: '\n', finalNewline: true, bom: false } as const;
const doc = () => useAppStore.getState().doc as JsonObject;
const steps = () => useAppStore.getState().history?.past.length ?? 0;
const PAGE = ['items', 0, 'annotations', 0] as const;
const bodyOf = (index: number) => getIn(doc(), [...PAGE, 'items', index, 'body']);

beforeEach(() => {
  useAppStore.getState().loadDocument({ doc: annotatedManifest(), format, file: null });
  useAppStore.getState().selectOnly(0);
});
afterEach(cleanup);

describe('annotation bodies in the panel', () => {
  it('adds a linked body in one step and removes it in another', () => {
    render(<AnnotationPanel />);
    fireEvent.click(screen.getByRole('button', { name: 'Add link to Annotation 1' }));
    const form = screen.getByRole('form', { name: 'Link from Annotation 1' });
    fireEvent.change(within(form).getByLabelText('Link address'), {
      target: { value: 'https://example.org/essay' },
    });
    fireEvent.change(within(form).getByLabelText('Link type'), { target: { value: 'Text' } });
    fireEvent.change(within(form).getByLabelText('Link format'), { target: { value: 'text/html' } });
    fireEvent.change(within(form).getByLabelText('Link label'), { target: { value: 'An essay' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add link' }));
    expect(steps()).toBe(1);
    expect(bodyOf(0)).toEqual([
      { type: 'TextualBody', value: 'A box', language: 'en', format: 'text/plain' },
      { id: 'https://example.org/essay', type: 'Text', format: 'text/html', label: { none: ['An essay'] } },
    ]);
    expect(screen.queryByRole('form', { name: 'Link from Annotation 1' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Remove link An essay from Annotation 1' }));
    expect(steps()).toBe(2);
    expect(bodyOf(0)).toEqual([
      { type: 'TextualBody', value: 'A box', language: 'en', format: 'text/plain' },
    ]);
    act(() => useAppStore.getState().undo());
    expect(listAnnotations(doc(), { canvasIndex: 0 })[0]?.bodies).toHaveLength(2);
  });

  it('refuses a link that is not an http address, and writes nothing', () => {
    render(<AnnotationPanel />);
    fireEvent.click(screen.getByRole('button', { name: 'Add link to Annotation 2' }));
    const form = screen.getByRole('form', { name: 'Link from Annotation 2' });
    fireEvent.change(within(form).getByLabelText('Link address'), {
      target: { value: 'javascript:alert(1)' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Add link' }));
    expect(within(form).getByRole('alert').textContent).toMatch(/never followed/);
    expect(steps()).toBe(0);
  });

  it("changes a text body's language, format and purpose, one step each", () => {
    render(<AnnotationPanel />);
    fireEvent.click(screen.getByRole('button', { name: 'Details of Annotation 1' }));
    const language = screen.getByLabelText('Annotation 1 language');
    fireEvent.change(language, { target: { value: 'not a tag!' } });
    fireEvent.blur(language);
    expect(screen.getByRole('alert').textContent).toMatch(/not a language tag/);
    expect(steps()).toBe(0);
    fireEvent.change(language, { target: { value: 'de-ch' } });
    fireEvent.keyDown(language, { key: 'Enter' });
    expect(steps()).toBe(1);
    fireEvent.change(screen.getByLabelText('Annotation 1 format'), { target: { value: 'text/html' } });
    fireEvent.change(screen.getByLabelText('Annotation 1 purpose'), { target: { value: 'describing' } });
    expect(steps()).toBe(3);
    expect(bodyOf(0)).toEqual({
      type: 'TextualBody',
      value: 'A box',
      language: 'de-CH',
      format: 'text/html',
      purpose: 'describing',
    });
    act(() => useAppStore.getState().undo());
    expect(bodyOf(0)).not.toHaveProperty('purpose');
    expect(screen.getByLabelText('Annotation 1 purpose')).toHaveProperty('value', '');
  });

  it('writes text into an annotation that has none, after its other bodies', () => {
    const base = annotatedManifest();
    const linkOnly = {
      id: 'https://example.org/anno/link',
      type: 'Annotation',
      motivation: 'linking',
      body: { id: 'https://example.org/elsewhere', type: 'Text' },
      target: 'https://example.org/canvas/1',
    };
    const items = getIn(base, [...PAGE, 'items']) as JsonObject[];
    const withLink = updateIn(base, [...PAGE, 'items'], () => [...items, linkOnly]) as JsonObject;
    useAppStore.getState().loadDocument({ doc: withLink, format, file: null });
    useAppStore.getState().selectOnly(0);
    render(<AnnotationPanel />);
    const field = screen.getByLabelText('Annotation 3 text');
    fireEvent.blur(field);
    expect(steps()).toBe(0);
    fireEvent.change(field, { target: { value: 'see also' } });
    fireEvent.blur(field);
    expect(steps()).toBe(1);
    expect(bodyOf(2)).toEqual([
      { id: 'https://example.org/elsewhere', type: 'Text' },
      { type: 'TextualBody', value: 'see also', format: 'text/plain' },
    ]);
  });
});
