/**
 * The properties panel bound to the real store: multilingual labels with checked tags, one undo step per
 * typing session, the rights picklist and its normalisation, behaviors that cannot contradict, metadata pairs,
 * navDate, and HTML shown only sanitised with what was stripped named.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../shared/iiif/json';
import { setIn } from '../../../shared/iiif/json';
import { PropertiesPanel } from '../../../renderer/src/features/properties/PropertiesPanel';
import { useAppStore } from '../../../renderer/src/store/store';

const format = { indent: '  ', newline: '\n', finalNewline: true, bom: false } as const;

function manifest(): JsonObject {
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: 'https://example.org/m',
    type: 'Manifest',
    label: { en: ['Book'] },
    summary: { en: ['<p>Nice <b>book</b><script>alert(1)</script></p>'] },
    items: [1, 2, 3].map((n) => ({
      id: `https://example.org/c/${n}`,
      type: 'Canvas',
      label: { none: [`p. ${n}`] },
      width: 10,
      height: 10,
    })),
  };
}

const doc = () => useAppStore.getState().doc as JsonObject;
const steps = () => useAppStore.getState().history?.past.length ?? 0;
const manifestRegion = () => within(screen.getByRole('region', { name: 'Manifest' }));
const canvasRegion = () => within(screen.getByRole('region', { name: 'Canvas 1' }));

/** Focus, then one change event per keystroke, as a person typing does. */
function type(input: HTMLElement, values: string[]) {
  act(() => input.focus());
  for (const value of values) fireEvent.change(input, { target: { value } });
}

beforeEach(() => {
  useAppStore.getState().loadDocument({ doc: manifest(), format, file: null });
  useAppStore.getState().selectOnly(0);
  render(<PropertiesPanel />);
});
afterEach(() => cleanup());

describe('labels in several languages', () => {
  it('coalesces one typing session into one undo step, and a new session into another', () => {
    const input = manifestRegion().getByLabelText('Label (en)');
    type(input, ['B', 'Bo', 'Boo', 'Book of hours']);
    expect(doc()['label']).toEqual({ en: ['Book of hours'] });
    expect(steps()).toBe(1);
    act(() => input.blur());
    type(input, ['Book of hours!']);
    expect(steps()).toBe(2);
    act(() => useAppStore.getState().undo());
    act(() => useAppStore.getState().undo());
    expect(doc()['label']).toEqual({ en: ['Book'] });
    expect((manifestRegion().getByLabelText('Label (en)') as HTMLInputElement).value).toBe('Book');
  });

  it('adds a language with a checked tag, renames and removes one', () => {
    const region = manifestRegion();
    fireEvent.click(region.getByRole('button', { name: 'Add a language to Label' }));
    const tag = region.getByLabelText('New language for Label');
    fireEvent.change(tag, { target: { value: 'english!' } });
    fireEvent.keyDown(tag, { key: 'Enter' });
    expect(region.getByRole('alert').textContent).toMatch(/not a BCP 47 language tag/);
    fireEvent.change(tag, { target: { value: 'EN' } });
    fireEvent.keyDown(tag, { key: 'Enter' });
    expect(region.getByRole('alert').textContent).toMatch(/already there/);
    fireEvent.change(tag, { target: { value: 'fr' } });
    fireEvent.keyDown(tag, { key: 'Enter' });
    // The new row changes nothing until a value is typed into it.
    expect(doc()['label']).toEqual({ en: ['Book'] });
    type(region.getByLabelText('Label (fr)'), ['Livre']);
    expect(doc()['label']).toEqual({ en: ['Book'], fr: ['Livre'] });

    const frTag = region.getByLabelText('Language of Label (fr)');
    fireEvent.change(frTag, { target: { value: 'fr-ca' } });
    fireEvent.blur(frTag);
    expect(doc()['label']).toEqual({ en: ['Book'], 'fr-CA': ['Livre'] });

    fireEvent.click(region.getByRole('button', { name: 'Remove en from Label' }));
    expect(doc()['label']).toEqual({ 'fr-CA': ['Livre'] });
  });

  it('keeps a cleared row on screen while the document loses the empty value', () => {
    const input = canvasRegion().getByLabelText('Canvas label (none)');
    type(input, ['']);
    expect(doc()['items']).toBeDefined();
    expect((doc()['items'] as JsonObject[])[0]?.['label']).toBeUndefined();
    expect(canvasRegion().getByLabelText('Canvas label (none)')).toBeDefined();
    type(canvasRegion().getByLabelText('Canvas label (none)'), ['f. 1r']);
    expect((doc()['items'] as JsonObject[])[0]?.['label']).toEqual({ none: ['f. 1r'] });
    expect(steps()).toBe(1); // one focus session, one step
  });

  it('keeps the old test id on the first label input', () => {
    expect(screen.getByTestId('label-manifest')).toBe(manifestRegion().getByLabelText('Label (en)'));
    expect(screen.getByTestId('label-items-0')).toBe(canvasRegion().getByLabelText('Canvas label (none)'));
  });
});

describe('rights', () => {
  it('stores a picked statement in its canonical form, in one step', () => {
    fireEvent.change(manifestRegion().getByLabelText('Rights'), {
      target: { value: 'http://rightsstatements.org/vocab/NoC-US/1.0/' },
    });
    expect(doc()['rights']).toBe('http://rightsstatements.org/vocab/NoC-US/1.0/');
    expect(steps()).toBe(1);
    expect(manifestRegion().getByText(/No Copyright - United States/, { selector: 'p' })).toBeDefined();
  });

  it('normalises a typed https address with a notice, and warns about an unknown URI', () => {
    const rightsField = screen
      .getByRole('region', { name: 'Manifest' })
      .querySelector('[data-field="rights"]');
    const region = within(rightsField as HTMLElement);
    fireEvent.change(region.getByLabelText('Rights'), { target: { value: '__other__' } });
    const uri = region.getByLabelText('Rights URI');
    fireEvent.change(uri, { target: { value: 'https://creativecommons.org/licenses/by-sa/4.0/deed.fr' } });
    fireEvent.keyDown(uri, { key: 'Enter' });
    expect(doc()['rights']).toBe('http://creativecommons.org/licenses/by-sa/4.0/');
    expect(region.getByRole('status').textContent).toMatch(/https changed to http/);

    fireEvent.change(region.getByLabelText('Rights'), { target: { value: '__other__' } });
    fireEvent.change(region.getByLabelText('Rights URI'), {
      target: { value: 'https://example.org/my-licence' },
    });
    fireEvent.keyDown(region.getByLabelText('Rights URI'), { key: 'Enter' });
    expect(doc()['rights']).toBe('https://example.org/my-licence');
    expect(region.getByText(/Not a Creative Commons or RightsStatements.org URI/)).toBeDefined();

    fireEvent.change(region.getByLabelText('Rights'), { target: { value: '__other__' } });
    fireEvent.change(region.getByLabelText('Rights URI'), { target: { value: 'javascript:alert(1)' } });
    fireEvent.keyDown(region.getByLabelText('Rights URI'), { key: 'Enter' });
    expect(region.getByRole('alert').textContent).toMatch(/http\(s\) URI/);
    expect(doc()['rights']).toBe('https://example.org/my-licence');
  });

  it('offers the canonical form for a stored https variant without changing it on its own', () => {
    act(() =>
      useAppStore
        .getState()
        .commit(
          'set',
          setIn(doc(), ['rights'], 'https://rightsstatements.org/page/InC/1.0/?language=en') as JsonObject,
        ),
    );
    expect(doc()['rights']).toBe('https://rightsstatements.org/page/InC/1.0/?language=en');
    fireEvent.click(
      manifestRegion().getByRole('button', { name: 'Use http://rightsstatements.org/vocab/InC/1.0/' }),
    );
    expect(doc()['rights']).toBe('http://rightsstatements.org/vocab/InC/1.0/');
  });
});

describe('behavior, navDate, metadata', () => {
  it('offers only valid behaviors and prevents contradicting ones', () => {
    const field = within(
      manifestRegion().getByText('Behavior', { selector: '.property-title' }).closest('.property')!,
    );
    fireEvent.click(field.getByRole('checkbox', { name: /^paged/ }));
    expect(doc()['behavior']).toEqual(['paged']);
    expect((field.getByRole('checkbox', { name: /^continuous/ }) as HTMLInputElement).disabled).toBe(true);
    expect(field.queryByRole('checkbox', { name: /^facing-pages/ })).toBeNull();
    const canvasField = within(
      canvasRegion().getByText('Behavior', { selector: '.property-title' }).closest('.property')!,
    );
    expect(canvasField.getByRole('checkbox', { name: /^facing-pages/ })).toBeDefined();
    expect(canvasField.queryByRole('checkbox', { name: /^paged/ })).toBeNull();
  });

  it('composes navDate from a date, a time and a zone', () => {
    const region = manifestRegion();
    type(region.getByLabelText('Navigation date'), ['1856-01-31']);
    expect(doc()['navDate']).toBe('1856-01-31T00:00:00Z');
    fireEvent.change(region.getByLabelText('Time zone'), { target: { value: '+01:00' } });
    expect(doc()['navDate']).toBe('1856-01-31T00:00:00+01:00');
  });

  it('adds, reorders and removes metadata pairs', () => {
    const region = manifestRegion();
    const add = (label: string, value: string) => {
      fireEvent.click(region.getByRole('button', { name: '+ Metadata entry' }));
      fireEvent.change(region.getByLabelText('New entry label'), { target: { value: label } });
      fireEvent.change(region.getByLabelText('New entry value'), { target: { value: value } });
      fireEvent.change(region.getByLabelText('New entry language'), { target: { value: 'en' } });
      fireEvent.click(
        within(region.getByRole('group', { name: 'New metadata entry' })).getByRole('button', {
          name: 'Add',
        }),
      );
    };
    add('Date', '1850');
    add('Author', 'Anon.');
    expect(doc()['metadata']).toEqual([
      { label: { en: ['Date'] }, value: { en: ['1850'] } },
      { label: { en: ['Author'] }, value: { en: ['Anon.'] } },
    ]);
    fireEvent.click(region.getByRole('button', { name: 'Move metadata entry 2 up' }));
    expect((doc()['metadata'] as JsonObject[]).map((p) => p['label'])).toEqual([
      { en: ['Author'] },
      { en: ['Date'] },
    ]);
    type(region.getByLabelText('Metadata value 2 (en)'), ['c. 1850']);
    expect((doc()['metadata'] as JsonObject[])[1]?.['value']).toEqual({ en: ['c. 1850'] });
    fireEvent.click(region.getByRole('button', { name: 'Remove metadata entry 1' }));
    fireEvent.click(region.getByRole('button', { name: 'Remove metadata entry 1' }));
    expect(doc()['metadata']).toBeUndefined();
  });
});

describe('HTML in values', () => {
  it('shows the value sanitised and names what is stripped; the document is untouched until saving', () => {
    const region = manifestRegion();
    expect(region.getByTestId('html-warning').textContent).toContain('script element');
    const preview = region
      .getByText('Nice', { exact: false, selector: '.safe-html *' })
      .closest('.safe-html')!;
    expect(preview.innerHTML).toBe('<p>Nice <b>book</b></p>');
    expect(document.querySelector('script')).toBeNull();
    expect(screen.getByTestId('html-report').textContent).toContain('Manifest › summary (en)');
    expect((doc()['summary'] as JsonObject)['en']).toEqual([
      '<p>Nice <b>book</b><script>alert(1)</script></p>',
    ]);
  });

  it('keeps a value with disallowed HTML as written when its field is only visited', () => {
    const summary = manifestRegion().getByLabelText('Summary (en)');
    act(() => summary.focus());
    act(() => summary.blur());
    expect((doc()['summary'] as JsonObject)['en']).toEqual([
      '<p>Nice <b>book</b><script>alert(1)</script></p>',
    ]);
    expect(steps()).toBe(0);
  });

  it('cleans HTML as it is pasted, in the same step, and says what it removed', () => {
    const summary = manifestRegion().getByLabelText('Summary (en)') as HTMLTextAreaElement;
    act(() => summary.focus());
    summary.setSelectionRange(0, summary.value.length);
    fireEvent.paste(summary, {
      clipboardData: { getData: () => '<p>Pasted <a href="javascript:alert(1)" onclick="x()">link</a></p>' },
    });
    expect(doc()['summary']).toEqual({ en: ['<p>Pasted <a>link</a></p>'] });
    expect(steps()).toBe(1);
    expect(manifestRegion().getByTestId('html-cleaned').textContent).toBe(
      'Removed from the pasted HTML, which Presentation 3 does not allow: javascript: link, onclick attribute.',
    );
  });

  it('cleans HTML typed into a field when the field is left, in the same undo step', () => {
    const summary = manifestRegion().getByLabelText('Summary (en)');
    type(summary, ['<p>Typed', '<p>Typed<img src="x.png" onerror="steal()"></p>']);
    act(() => summary.blur());
    expect(doc()['summary']).toEqual({ en: ['<p>Typed</p>'] });
    expect(steps()).toBe(1);
    expect(manifestRegion().getByTestId('html-cleaned').textContent).toMatch(
      /^Removed from the typed HTML, .*onerror attribute/,
    );
  });

  it('cleans the whole document in one undo step on request', () => {
    fireEvent.click(screen.getByRole('button', { name: 'Clean now' }));
    expect(doc()['summary']).toEqual({ en: ['<p>Nice <b>book</b></p>'] });
    expect(steps()).toBe(1);
    expect(screen.queryByTestId('html-report')).toBeNull();
  });
});
