import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TEXT_FORMAT } from '../../../shared/iiif/document/text-format';
import { runCommand } from '../../../renderer/src/commands/run-command';
import { useViewerZoom, ZOOM_STEP } from '../../../renderer/src/features/viewer/viewer-zoom';
import { useAppStore } from '../../../renderer/src/store/store';

const book = {
  '@context': 'http://iiif.io/api/presentation/3/context.json',
  id: 'https://example.org/m',
  type: 'Manifest',
  label: { en: ['Book'] },
  items: [1, 2, 3].map((n) => ({
    id: `https://example.org/c${n}`,
    type: 'Canvas',
    width: 1,
    height: 1,
    items: [],
  })),
};

afterEach(() => {
  document.body.replaceChildren();
  useViewerZoom.setState({ targets: [] });
});

describe('menu commands in the renderer', () => {
  it('View › Zoom In and Zoom Out zoom the viewer on screen, not About', () => {
    const zooms: number[] = [];
    useViewerZoom.setState({ targets: [(factor) => zooms.push(factor)] });
    useAppStore.getState().showMessage({ kind: 'info', text: 'before' });
    runCommand('zoom-in');
    runCommand('zoom-out');
    expect(zooms).toEqual([ZOOM_STEP, 1 / ZOOM_STEP]);
    expect(useAppStore.getState().message?.text).toBe('before');
  });

  it('zooms the viewer mounted last, and nothing when none is on screen', () => {
    const zooms: string[] = [];
    runCommand('zoom-in');
    useViewerZoom.setState({ targets: [() => zooms.push('editor'), () => zooms.push('preview')] });
    runCommand('zoom-in');
    expect(zooms).toEqual(['preview']);
  });

  it('Select All selects the canvases, except while a text field has the focus', () => {
    useAppStore
      .getState()
      .loadDocument({ doc: book, format: DEFAULT_TEXT_FORMAT, file: null, name: 'book.json' });
    useAppStore.getState().selectNone();
    const field = document.createElement('input');
    field.value = 'typing';
    document.body.append(field);
    field.focus();
    field.setSelectionRange(0, 0);
    runCommand('select-all');
    expect(useAppStore.getState().selected.size).toBe(0);
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, 'typing'.length]);
    field.blur();
    runCommand('select-all');
    expect(useAppStore.getState().selected.size).toBe(3);
  });

  it('Undo and Redo undo the typing of a focused text field, and the document otherwise', () => {
    const state = () => useAppStore.getState();
    state().loadDocument({ doc: book, format: DEFAULT_TEXT_FORMAT, file: null, name: 'book.json' });
    state().commit('Relabel', { ...book, label: { en: ['Edited'] } });
    // The field's own history is reached through execCommand (jsdom has none: record the calls).
    const execCommand = vi.fn(() => true);
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    const field = document.createElement('textarea');
    document.body.append(field);
    field.focus();
    runCommand('undo');
    runCommand('redo');
    expect(execCommand.mock.calls.map((call: unknown[]) => call[0])).toEqual(['undo', 'redo']);
    expect((state().doc?.['label'] as { en: string[] }).en).toEqual(['Edited']);
    field.blur();
    runCommand('undo');
    expect((state().doc?.['label'] as { en: string[] }).en).toEqual(['Book']);
    expect(execCommand).toHaveBeenCalledTimes(2);
  });
});
