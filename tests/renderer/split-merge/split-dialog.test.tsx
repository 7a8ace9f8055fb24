/**
 * The Split dialog: its split point comes from the selection, the preview follows what is typed, nothing is
 * written until Write, and files that exist are replaced only after a second, explicit click.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TEXT_FORMAT } from '../../../shared/iiif/document';
import {
  splitPointsFromSelection,
  splitPointsText,
} from '../../../renderer/src/features/split-merge/split-points';
import { manifest } from '../../shared/split-merge/fixture';

const writes = vi.hoisted(() => ({
  calls: [] as { folder: string; files: { name: string }[]; overwrite: boolean }[],
}));

vi.mock('../../../renderer/src/api', () => ({
  isElectron: false,
  api: {
    writeFilesInFolder: (request: { folder: string; files: { name: string }[]; overwrite: boolean }) => {
      writes.calls.push(request);
      return Promise.resolve(
        request.overwrite
          ? { ok: true, value: { folder: `/ws/${request.folder}`, paths: request.files.map((f) => f.name) } }
          : {
              ok: false,
              error: { code: 'conflict', message: 'book-part-1.json already exists. Replace it?' },
            },
      );
    },
  },
}));

const { useAppStore } = await import('../../../renderer/src/store/store');
const { SplitDialog } = await import('../../../renderer/src/features/split-merge/SplitDialog');

beforeEach(() => {
  writes.calls = [];
  useAppStore.getState().loadDocument({ doc: manifest(12), format: DEFAULT_TEXT_FORMAT, file: null });
  useAppStore.setState({ selected: new Set([4, 5, 6, 9]) });
});
afterEach(() => cleanup());

describe('split points from the selection', () => {
  it('are the first canvas of each selected run, never the first canvas', () => {
    expect(splitPointsFromSelection(new Set([9, 4, 5, 6]))).toEqual([4, 9]);
    expect(splitPointsFromSelection(new Set([0, 1, 7]))).toEqual([7]);
    expect(splitPointsText([4, 9])).toBe('5, 10');
  });
});

describe('the Split dialog', () => {
  it('previews the parts from the selection and writes them, replacing only when asked', async () => {
    const onClose = vi.fn();
    render(<SplitDialog onClose={onClose} />);
    const dialog = screen.getByRole('dialog', { name: 'Split into parts' });
    expect(within(dialog).getByLabelText('Split at canvases')).toHaveProperty('value', '5, 10');
    const rows = () =>
      within(dialog)
        .getAllByTestId('split-part')
        .map((r) => r.textContent ?? '');
    expect(rows()).toHaveLength(3);
    expect(rows()[1]).toContain('5–9 (5)');

    fireEvent.change(within(dialog).getByLabelText('Split at canvases'), { target: { value: '13' } });
    expect(within(dialog).getByRole('status').textContent).toMatch(/13 is outside/);
    expect(within(dialog).getByRole('button', { name: /Write/ })).toHaveProperty('disabled', true);

    fireEvent.change(within(dialog).getByLabelText('Split at canvases'), { target: { value: '7' } });
    expect(rows()).toHaveLength(2);
    expect(writes.calls).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Write 3 files' }));
    await waitFor(() => expect(within(dialog).getByRole('alert').textContent).toMatch(/already exists/));
    expect(writes.calls[0]?.overwrite).toBe(false);
    const names = writes.calls[0]?.files.map((f) => f.name) ?? [];
    expect(names).toHaveLength(3);
    [/-part-1\.json$/, /-part-2\.json$/, /-collection\.json$/].forEach((re, i) =>
      expect(names[i]).toMatch(re),
    );
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Replace and write' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(writes.calls[1]?.overwrite).toBe(true);
    expect(useAppStore.getState().message?.text).toMatch(/Wrote 2 parts and their collection/);
  });
});
