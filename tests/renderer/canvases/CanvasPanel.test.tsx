/**
 * The canvas panel rendered in jsdom with the real store: listbox semantics, selection by pointer and keys,
 * keyboard moves, the relabel dialog's preview and apply, and the thumbnail queue's wiring. (jsdom has no
 * layout, so the grid falls back to one column and a nominal viewport; the real layout is tested end to end.)
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../shared/iiif/json';
import { CanvasPanel } from '../../../renderer/src/features/canvases/CanvasPanel';
import { useCanvasClipboard } from '../../../renderer/src/features/canvases/canvas-clipboard';
import { useGridSettings } from '../../../renderer/src/features/canvases/grid-settings';
import { thumbnailQueue } from '../../../renderer/src/features/canvases/thumbnail-queue';
import { useAppStore } from '../../../renderer/src/store/store';

const format = { indent: '  ', newline: '\n', finalNewline: true, bom: false } as const;

function manifest(count: number): JsonObject {
  return {
    id: 'https://e.org/book/manifest.json',
    type: 'Manifest',
    items: Array.from({ length: count }, (_, i) => ({
      id: `https://e.org/book/canvas/${i + 1}`,
      type: 'Canvas',
      label: { none: [`p. ${i + 1}`] },
      width: 1000,
      height: 1500,
      // Every thumbnail from one host: only six may load at once.
      thumbnail: [{ id: `http://127.0.0.1:9/thumb/${i + 1}.jpg`, type: 'Image', width: 100, height: 150 }],
    })),
  };
}

function labels(): string[] {
  const items = useAppStore.getState().doc?.['items'] as JsonObject[];
  return items.map((c) => (c['label'] as Record<string, string[]>)['none']?.[0] ?? '');
}

// jsdom lays nothing out: give the listbox (the scroll viewport) the size a panel would have.
const clientSize = ['clientWidth', 'clientHeight'].map(
  (key) => [key, Object.getOwnPropertyDescriptor(HTMLElement.prototype, key)] as const,
);
beforeAll(() => {
  for (const [key, size] of [
    ['clientWidth', 300],
    ['clientHeight', 600],
  ] as const) {
    Object.defineProperty(HTMLElement.prototype, key, {
      configurable: true,
      get(this: HTMLElement) {
        return this.getAttribute('role') === 'listbox' ? size : 0;
      },
    });
  }
});
afterAll(() => {
  for (const [key, descriptor] of clientSize)
    if (descriptor) Object.defineProperty(HTMLElement.prototype, key, descriptor);
});

beforeEach(() => {
  useCanvasClipboard.setState({ content: { kind: 'empty' } });
  useGridSettings.getState().setMode('list');
  useAppStore.getState().loadDocument({ doc: manifest(30), format, file: null });
  useAppStore.getState().selectOnly(0);
});
afterEach(cleanup);

describe('canvas panel', () => {
  it('is a multi-select listbox whose options say where they are and whether they are selected', () => {
    render(<CanvasPanel />);
    const listbox = screen.getByRole('listbox', { name: 'Canvases in order' });
    expect(listbox.getAttribute('aria-multiselectable')).toBe('true');
    expect(listbox.getAttribute('aria-activedescendant')).toBe('canvas-option-0');
    const options = within(listbox).getAllByRole('option');
    expect(options.length).toBeGreaterThan(0);
    expect(options.length).toBe(Number(listbox.getAttribute('data-mounted-cells')));
    expect(options[1]?.getAttribute('aria-posinset')).toBe('2');
    expect(options[1]?.getAttribute('aria-setsize')).toBe('30');
    expect(options[0]?.getAttribute('aria-selected')).toBe('true');
  });

  it('selects with click, Shift-click and Ctrl-click', () => {
    render(<CanvasPanel />);
    const options = screen.getAllByRole('option');
    fireEvent.click(options[1] as HTMLElement);
    fireEvent.click(options[4] as HTMLElement, { shiftKey: true });
    fireEvent.click(options[2] as HTMLElement, { ctrlKey: true });
    expect([...useAppStore.getState().selected].sort()).toEqual([1, 3, 4]);
    expect(screen.getByRole('heading').textContent).toContain('3 selected');
  });

  it('moves the focused canvas with Alt+Arrow keys and announces it', () => {
    render(<CanvasPanel />);
    const listbox = screen.getByRole('listbox');
    fireEvent.keyDown(listbox, { key: 'ArrowDown' });
    fireEvent.keyDown(listbox, { key: 'ArrowDown', altKey: true });
    fireEvent.keyDown(listbox, { key: 'ArrowDown', altKey: true });
    expect(labels().slice(0, 4)).toEqual(['p. 1', 'p. 3', 'p. 4', 'p. 2']);
    expect(useAppStore.getState().focus).toBe(3);
    expect(listbox.getAttribute('aria-activedescendant')).toBe('canvas-option-3');
    expect(screen.getByTestId('canvas-announcer').textContent).toBe('Moved “p. 2” to position 4.');
  });

  it("takes the Edit menu's Copy and Paste while the grid has the focus, and leaves text fields native", () => {
    render(
      <>
        <input aria-label="A text field" defaultValue="some text" />
        <CanvasPanel />
      </>,
    );
    // A native menu role fires a clipboard event at the document element when nothing on the page is selected.
    const menu = (type: 'copy' | 'paste') => {
      const event = new Event(type, { bubbles: true, cancelable: true });
      act(() => void document.documentElement.dispatchEvent(event));
      return event.defaultPrevented;
    };
    const field = screen.getByRole('textbox', { name: 'A text field' });
    field.focus();
    expect(menu('copy')).toBe(false);
    expect(useCanvasClipboard.getState().content.kind).toBe('empty');

    const listbox = screen.getByRole('listbox');
    act(() => {
      listbox.focus();
      useAppStore.getState().setSelection([0, 1], 1);
    });
    expect(menu('copy')).toBe(true);
    expect(useCanvasClipboard.getState().content.kind).toBe('copy');
    expect(screen.getByRole('button', { name: 'Paste after focused canvas' }).hasAttribute('disabled')).toBe(
      false,
    );
    expect(menu('paste')).toBe(true);
    expect(labels().slice(0, 5)).toEqual(['p. 1', 'p. 2', 'p. 1', 'p. 2', 'p. 3']);

    // Back in the text field, paste is the field's again.
    field.focus();
    expect(menu('paste')).toBe(false);
    expect(labels()).toHaveLength(32);
  });

  it('copies with Ctrl+C and the toolbar button', () => {
    render(<CanvasPanel />);
    const listbox = screen.getByRole('listbox');
    fireEvent.keyDown(listbox, { key: 'c', ctrlKey: true });
    expect(screen.getByTestId('canvas-announcer').textContent).toMatch(/^Copied “p. 1”/);
    act(() => useCanvasClipboard.setState({ content: { kind: 'empty' } }));
    const copy = screen.getByRole('button', { name: 'Copy' });
    expect(copy.getAttribute('aria-keyshortcuts')).toBe('Control+C');
    fireEvent.click(copy);
    expect(useCanvasClipboard.getState().content.kind).toBe('copy');
  });

  it('relabels all canvases with foliation from the toolbar, after a preview, in one undo step', () => {
    render(<CanvasPanel />);
    fireEvent.click(screen.getByRole('button', { name: 'Relabel…' }));
    const dialog = screen.getByRole('dialog', { name: 'Relabel canvases' });
    fireEvent.click(within(dialog).getByLabelText(/^Foliation/));
    expect(within(dialog).getByTestId('relabel-summary').textContent).toBe('30 canvases will be relabelled.');
    const rows = within(dialog).getAllByRole('row');
    expect(rows[1]?.textContent).toBe('1p. 11r');
    expect(rows[4]?.textContent).toBe('4p. 42v');
    const steps = useAppStore.getState().history?.past.length ?? 0;
    fireEvent.click(within(dialog).getByRole('button', { name: 'Apply to 30 canvases' }));
    expect(labels().slice(0, 4)).toEqual(['1r', '1v', '2r', '2v']);
    expect(useAppStore.getState().history?.past.length).toBe(steps + 1);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows why a relabel cannot be applied', () => {
    render(<CanvasPanel />);
    fireEvent.keyDown(screen.getByRole('listbox'), { key: 'F2' });
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Start at'), { target: { value: 'x' } });
    expect(within(dialog).getByRole('alert').textContent).toMatch(/whole number/);
    expect(within(dialog).getByRole('button', { name: /Apply/ }).hasAttribute('disabled')).toBe(true);
  });

  it('lets six thumbnails per host load at once, and frees their slots when the cells go', async () => {
    const { unmount } = render(<CanvasPanel />);
    const stateOf = (state: string) => document.querySelectorAll(`[data-thumb-state="${state}"]`).length;
    // Cells ask for a slot once they have stayed mounted for a moment.
    await waitFor(() => expect(stateOf('loading')).toBe(6));
    const states = screen.getAllByRole('option').map((option) => option.querySelector('[data-thumb-state]'));
    const loading = states.filter((s) => s?.getAttribute('data-thumb-state') === 'loading');
    const queued = states.filter((s) => s?.getAttribute('data-thumb-state') === 'queued');
    expect(loading).toHaveLength(6);
    expect(queued.length).toBeGreaterThan(0);
    expect(thumbnailQueue.stats('http://127.0.0.1:9')).toEqual({ inFlight: 6, waiting: queued.length });
    // The placeholder shows the label while loading (drawn by CSS from data-text: it is not the cell's text).
    expect(loading[0]?.querySelector('.placeholder')?.getAttribute('data-text')).toBe('p. 1');
    expect(loading[0]?.textContent).toBe('');
    act(() => unmount());
    expect(thumbnailQueue.stats('http://127.0.0.1:9')).toEqual({ inFlight: 0, waiting: 0 });
  });
});
