/**
 * The batch tab and the spreadsheet import with the real store and the real shared planners: previews first,
 * nothing applied before confirming, then one undo step. Also: the clean-up run before saving, and links in
 * sanitised HTML.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportCanvasCsv } from '../../../shared/iiif/csv';
import type { JsonObject } from '../../../shared/iiif/json';
import { SafeHtml } from '../../../renderer/src/components/language/SafeHtml';
import { BatchPanel } from '../../../renderer/src/features/batch/BatchPanel';
import { removeDisallowedHtml } from '../../../renderer/src/features/metadata/html-cleaning';
import { CsvImportDialog } from '../../../renderer/src/features/spreadsheet/CsvImportDialog';
import { planCsvImport } from '../../../shared/iiif/csv';
import { useAppStore } from '../../../renderer/src/store/store';

const format = { indent: '  ', newline: '\n', finalNewline: true, bom: false } as const;
const COUNT = 12;

function manifest(): JsonObject {
  return {
    id: 'https://example.org/m',
    type: 'Manifest',
    label: { en: ['M'] },
    items: Array.from({ length: COUNT }, (_, i) => ({
      id: `https://example.org/c/${i + 1}`,
      type: 'Canvas',
      label: { en: [`Page ${i + 1}`] },
      partOf: [
        i < 4
          ? { id: 'https://library-a.example/m', type: 'Manifest', label: { en: ['Library A'] } }
          : { id: 'https://library-b.example/m', type: 'Manifest', label: { en: ['Library B'] } },
      ],
    })),
  };
}

const doc = () => useAppStore.getState().doc as JsonObject;
const canvases = () => doc()['items'] as JsonObject[];
const steps = () => useAppStore.getState().history?.past.length ?? 0;

beforeEach(() => {
  useAppStore.getState().loadDocument({ doc: manifest(), format, file: null });
  useAppStore.getState().selectNone();
});
afterEach(() => cleanup());

describe('batch tab', () => {
  it('selects every canvas from one source (by partOf)', () => {
    render(<BatchPanel />);
    fireEvent.change(screen.getByLabelText('Source'), { target: { value: 'https://library-b.example/m' } });
    fireEvent.click(screen.getByRole('button', { name: 'Select its 8 canvases' }));
    expect([...useAppStore.getState().selected]).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    expect(screen.getByTestId('batch-selection').textContent).toContain(`8 of ${COUNT}`);
  });

  it('previews a credit line for the selected canvases and applies it as one undo step', () => {
    act(() => useAppStore.getState().setSelection([0, 1, 2, 3], 0));
    render(<BatchPanel />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit 4 selected canvases…' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Edit 4 selected canvases' }));
    fireEvent.change(dialog.getByLabelText('Statement value'), {
      target: { value: 'Courtesy of Library A' },
    });
    fireEvent.change(dialog.getByLabelText('Statement language'), { target: { value: 'en' } });
    expect(dialog.getByTestId('batch-preview-count').textContent).toBe(
      '4 canvases will change (set (replace)).',
    );
    expect(dialog.getAllByRole('row')).toHaveLength(5);
    expect(canvases()[0]?.['requiredStatement']).toBeUndefined(); // nothing before Apply
    fireEvent.click(dialog.getByRole('button', { name: 'Apply to 4 canvases' }));
    expect(steps()).toBe(1);
    expect(canvases().map((c) => c['requiredStatement'] !== undefined)).toEqual([
      ...Array(4).fill(true),
      ...Array(COUNT - 4).fill(false),
    ]);
    act(() => useAppStore.getState().undo());
    expect(canvases().every((c) => c['requiredStatement'] === undefined)).toBe(true);
  });

  it('shows why an operation cannot be applied', () => {
    act(() => useAppStore.getState().setSelection([0, 1], 0));
    render(<BatchPanel />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit 2 selected canvases…' }));
    const dialog = within(screen.getByRole('dialog'));
    fireEvent.change(dialog.getByLabelText('Property'), { target: { value: 'label' } });
    fireEvent.click(dialog.getByRole('radio', { name: 'Add to' }));
    fireEvent.change(dialog.getByLabelText('Language'), { target: { value: 'not a tag' } });
    fireEvent.change(dialog.getByLabelText('Text to add'), { target: { value: 'x' } });
    expect(dialog.getByRole('alert').textContent).toMatch(/not a well-formed language tag/);
    expect((dialog.getByRole('button', { name: 'Apply' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('finds and replaces in labels with a preview, leaving unticked rows alone', () => {
    render(<BatchPanel />);
    fireEvent.click(screen.getByRole('button', { name: 'Find and replace…' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Find and replace' }));
    fireEvent.change(dialog.getByLabelText('Find'), { target: { value: '^Page (\\d)$' } });
    fireEvent.change(dialog.getByLabelText('Replace with'), { target: { value: 'p. $1' } });
    fireEvent.click(dialog.getByRole('checkbox', { name: /Regular expression/ }));
    fireEvent.click(dialog.getByRole('button', { name: 'Preview' }));
    expect(dialog.getByTestId('find-preview-count').textContent).toBe('9 values in 9 canvases.');
    fireEvent.click(dialog.getByRole('checkbox', { name: 'Replace in canvas 1, label' }));
    expect(canvases()[1]?.['label']).toEqual({ en: ['Page 2'] }); // nothing before Replace
    fireEvent.click(dialog.getByRole('button', { name: 'Replace 8' }));
    expect(steps()).toBe(1);
    expect(canvases()[0]?.['label']).toEqual({ en: ['Page 1'] });
    expect(canvases()[1]?.['label']).toEqual({ en: ['p. 2'] });
    expect(canvases()[9]?.['label']).toEqual({ en: ['Page 10'] });
  });

  it('reports a broken regular expression instead of throwing', () => {
    render(<BatchPanel />);
    fireEvent.click(screen.getByRole('button', { name: 'Find and replace…' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Find and replace' }));
    fireEvent.change(dialog.getByLabelText('Find'), { target: { value: '(' } });
    fireEvent.click(dialog.getByRole('checkbox', { name: /Regular expression/ }));
    fireEvent.click(dialog.getByRole('button', { name: 'Preview' }));
    expect(dialog.getByRole('alert').textContent).toMatch(/Not a valid regular expression/);
  });
});

describe('spreadsheet import', () => {
  it('lists changes and problems, applies nothing until confirmed, then applies all as one step', () => {
    const csv = exportCanvasCsv(doc())
      .replace(',Page 2,', ',Second page,')
      .replace(',Page 3,', ',Third page,')
      .concat('https://example.org/nowhere,99,Ghost,\r\n'); // id, position, label@en, rights
    const plan = planCsvImport(doc(), csv);
    let closed = false;
    render(<CsvImportDialog plan={plan} fileName="edited.csv" onClose={() => (closed = true)} />);
    expect(screen.getByTestId('csv-import-summary').textContent).toMatch(
      /^2 changes on 2 canvases\. 1 problem/,
    );
    expect(screen.getByTestId('csv-problems').textContent).toContain(
      'No canvas has the id https://example.org/nowhere',
    );
    expect(within(screen.getByRole('table', { name: 'Changes' })).getAllByRole('row')).toHaveLength(3);
    expect(canvases()[1]?.['label']).toEqual({ en: ['Page 2'] });
    fireEvent.click(screen.getByRole('button', { name: 'Apply 2 changes' }));
    expect(closed).toBe(true);
    expect(steps()).toBe(1);
    expect(canvases()[1]?.['label']).toEqual({ en: ['Second page'] });
    expect(canvases()[2]?.['label']).toEqual({ en: ['Third page'] });
  });
});

describe('before saving', () => {
  it('leaves a clean document untouched (same object, no undo step)', () => {
    const before = doc();
    expect(removeDisallowedHtml()).toBeNull();
    expect(doc()).toBe(before);
    expect(steps()).toBe(0);
  });

  it('keeps only the allowed HTML, as one undo step, and says what went', () => {
    const dirty: JsonObject = {
      ...doc(),
      summary: {
        en: ['<p onclick="x()">Hi <a href="javascript:alert(1)">there</a><script>bad()</script></p>'],
      },
    };
    act(() => useAppStore.getState().commit('edit', dirty));
    const note = removeDisallowedHtml();
    expect(note).toMatch(/Removed disallowed HTML from 1 value \(/);
    expect(note).toContain('script element');
    expect(doc()['summary']).toEqual({ en: ['<p>Hi <a>there</a></p>'] });
    expect(steps()).toBe(2);
    expect(canvases()).toBe(dirty['items']); // untouched subtrees are shared
  });
});

describe('SafeHtml', () => {
  it('renders only the allowed subset and makes links open outside with no opener', () => {
    const { container } = render(
      <SafeHtml
        value={'<p><a href="https://example.org/x" onclick="x()">x</a><img src=y onerror="z()"></p>'}
      />,
    );
    const link = container.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://example.org/x');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link?.getAttribute('onclick')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
  });

  it('escapes plain text that merely contains markup', () => {
    const { container } = render(<SafeHtml value={'Title <script>x()</script> (text)'} />);
    expect(container.querySelector('script')).toBeNull();
    expect(container.textContent).toBe('Title <script>x()</script> (text)');
  });
});
