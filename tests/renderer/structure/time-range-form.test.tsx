/**
 * Ranges over time in the structure panel, with the real store and edits: a new Range over a typed span of the
 * focused audio canvas (one undo step, its label opened for typing), a child Range inside the cursor's Range,
 * a span edited in place on a time row, and typed times that cannot be a span refused without a change.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getIn, type JsonObject } from '../../../shared/iiif/json';
import { TimeRangeForm } from '../../../renderer/src/features/structure/TimeRangeForm';
import { useStructureStore } from '../../../renderer/src/features/structure/structure-store';
import { treeRows } from '../../../renderer/src/features/structure/tree-rows';
import { useAppStore } from '../../../renderer/src/store/store';

const format = { indent: '  ', newline: '\n', finalNewline: true, bom: false } as const;
const AUDIO = 'https://example.org/canvas/tape';
const doc = () => useAppStore.getState().doc as JsonObject;
const steps = () => useAppStore.getState().history?.past.length ?? 0;

function tape(): JsonObject {
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: 'https://example.org/manifest',
    type: 'Manifest',
    label: { en: ['Tape'] },
    items: [
      {
        id: AUDIO,
        type: 'Canvas',
        label: { en: ['Side A'] },
        duration: 1800,
        items: [
          {
            id: `${AUDIO}/page`,
            type: 'AnnotationPage',
            items: [
              {
                id: `${AUDIO}/page/a`,
                type: 'Annotation',
                motivation: 'painting',
                body: {
                  id: 'https://example.org/a.mp3',
                  type: 'Sound',
                  format: 'audio/mpeg',
                  duration: 1800,
                },
                target: AUDIO,
              },
            ],
          },
        ],
      },
      { id: 'https://example.org/canvas/sleeve', type: 'Canvas', width: 10, height: 10, items: [] },
    ],
    structures: [
      {
        id: 'https://example.org/range/side-a',
        type: 'Range',
        label: { en: ['Side A'] },
        items: [{ id: `${AUDIO}#t=0,300`, type: 'Canvas' }],
      },
    ],
  };
}

function Form() {
  const current = useAppStore((s) => s.doc);
  const focusKey = useStructureStore((s) => s.focusKey);
  const focused = current ? treeRows(current, new Set(), []).find((r) => r.key === focusKey) : undefined;
  return <TimeRangeForm focused={focused} />;
}

beforeEach(() => {
  useAppStore.getState().loadDocument({ doc: tape(), format, file: null });
  useAppStore.getState().selectOnly(0);
  useStructureStore.setState({ focusKey: null, editingKey: null });
});
afterEach(cleanup);

describe('TimeRangeForm', () => {
  it('shows time rows as spans of the canvas', () => {
    const rows = treeRows(doc(), new Set(), []);
    expect(rows[1]).toMatchObject({
      label: 'Side A (00:00:00.0–00:05:00.0)',
      timeSpan: { start: 0, end: 300 },
    });
  });

  it('makes a Range over a typed span in one undo step, and the next one starts where it ended', () => {
    render(<Form />);
    fireEvent.click(screen.getByRole('button', { name: 'Time span…' }));
    expect(screen.getByLabelText('New range end')).toHaveProperty('value', '00:30:00.0');
    fireEvent.change(screen.getByLabelText('New range start'), { target: { value: '5:00' } });
    fireEvent.change(screen.getByLabelText('New range end'), { target: { value: '00:12:30.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'New range from time span' }));
    expect(steps()).toBe(1);
    expect(getIn(doc(), ['structures', 1, 'items'])).toEqual([
      { id: `${AUDIO}#t=300,750.5`, type: 'Canvas' },
    ]);
    expect(useStructureStore.getState()).toMatchObject({ focusKey: '1', editingKey: '1' });
    expect(screen.getByLabelText('New range start')).toHaveProperty('value', '00:12:30.5');
    act(() => useAppStore.getState().undo());
    expect(getIn(doc(), ['structures', 1])).toBeUndefined();
  });

  it('makes a child Range inside the Range of the cursor', () => {
    useStructureStore.setState({ focusKey: '0' });
    render(<Form />);
    fireEvent.click(screen.getByRole('button', { name: 'Time span…' }));
    fireEvent.change(screen.getByLabelText('New range start'), { target: { value: '60' } });
    fireEvent.change(screen.getByLabelText('New range end'), { target: { value: '120' } });
    fireEvent.click(screen.getByRole('button', { name: 'New child range from time span' }));
    expect(getIn(doc(), ['structures', 0, 'items', 1, 'items'])).toEqual([
      { id: `${AUDIO}#t=60,120`, type: 'Canvas' },
    ]);
  });

  it('edits the span of the time row under the cursor in place', () => {
    useStructureStore.setState({ focusKey: '0.0' });
    render(<Form />);
    fireEvent.click(screen.getByRole('button', { name: 'Time span…' }));
    const end = screen.getByLabelText('Range item end');
    expect(end).toHaveProperty('value', '00:05:00.0');
    fireEvent.change(end, { target: { value: '00:04:10' } });
    fireEvent.submit(end.closest('form') as HTMLFormElement);
    expect(steps()).toBe(1);
    expect(getIn(doc(), ['structures', 0, 'items', 0, 'id'])).toBe(`${AUDIO}#t=0,250`);
  });

  it('refuses times that are not a span of the canvas, and a canvas with no duration', () => {
    render(<Form />);
    fireEvent.click(screen.getByRole('button', { name: 'Time span…' }));
    fireEvent.change(screen.getByLabelText('New range end'), { target: { value: '1:75' } });
    fireEvent.click(screen.getByRole('button', { name: 'New range from time span' }));
    expect(screen.getByRole('alert').textContent).toMatch(/seconds after a colon must be below 60/);
    fireEvent.change(screen.getByLabelText('New range end'), { target: { value: '31:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'New range from time span' }));
    expect(screen.getByRole('alert').textContent).toMatch(/after the end of the canvas/);
    expect(steps()).toBe(0);
    act(() => useAppStore.getState().selectOnly(1));
    expect(screen.getByRole('button', { name: 'New range from time span' })).toHaveProperty('disabled', true);
    expect(screen.getByText(/Focus an audio or video canvas/)).toBeTruthy();
  });
});
