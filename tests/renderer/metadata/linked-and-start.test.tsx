/** Linked resources, providers and the start canvas, edited through the panel bound to the real store. */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../shared/iiif/json';
import { PropertiesPanel } from '../../../renderer/src/features/properties/PropertiesPanel';
import { useAppStore } from '../../../renderer/src/store/store';

const format = { indent: '  ', newline: '\n', finalNewline: true, bom: false } as const;

function load(count: number, extra: JsonObject = {}) {
  const doc: JsonObject = {
    id: 'https://example.org/m',
    type: 'Manifest',
    label: { en: ['M'] },
    ...extra,
    items: Array.from({ length: count }, (_, i) => ({
      id: `https://example.org/c/${i + 1}`,
      type: 'Canvas',
      label: { en: [`p. ${i + 1}`] },
    })),
  };
  useAppStore.getState().loadDocument({ doc, format, file: null });
  // New text is written in the display language when one is chosen.
  useAppStore.getState().setDisplayLanguage('en');
  act(() => useAppStore.getState().selectOnly(0));
  render(<PropertiesPanel />);
  return within(screen.getByRole('region', { name: 'Manifest' }));
}
const doc = () => useAppStore.getState().doc as JsonObject;

afterEach(() => cleanup());

describe('linked resources', () => {
  it('adds a homepage only with an http(s) URI and the label the spec requires', () => {
    const region = load(2);
    fireEvent.click(region.getByRole('button', { name: 'Add Homepage' }));
    const form = within(region.getByRole('group', { name: 'New Homepage' }));
    fireEvent.change(form.getByLabelText('New Homepage URI'), { target: { value: 'javascript:alert(1)' } });
    fireEvent.click(form.getByRole('button', { name: 'Add' }));
    expect(form.getByRole('alert').textContent).toMatch(/Only http/);
    fireEvent.change(form.getByLabelText('New Homepage URI'), {
      target: { value: 'https://example.org/record' },
    });
    fireEvent.click(form.getByRole('button', { name: 'Add' }));
    expect(form.getByRole('alert').textContent).toMatch(/needs a label/);
    fireEvent.change(form.getByLabelText(/New Homepage label/), { target: { value: 'Catalogue record' } });
    fireEvent.click(form.getByRole('button', { name: 'Add' }));
    expect(doc()['homepage']).toEqual([
      { id: 'https://example.org/record', type: 'Text', label: { en: ['Catalogue record'] } },
    ]);
    // The URI is edited in place; an invalid draft never reaches the document.
    const uri = region.getByLabelText('Homepage 1 URI');
    act(() => uri.focus());
    fireEvent.change(uri, { target: { value: 'not a uri' } });
    fireEvent.blur(uri);
    expect((doc()['homepage'] as JsonObject[])[0]?.['id']).toBe('https://example.org/record');
    expect(region.getByRole('alert').textContent).toMatch(/cannot contain spaces|complete URI/);
  });

  it('keeps the keys it does not edit, such as a thumbnail’s image service', () => {
    const service = [{ id: 'https://example.org/iiif/img', type: 'ImageService3', profile: 'level0' }];
    const region = load(2, {
      thumbnail: [{ id: 'https://example.org/iiif/img/full/200,/0/default.jpg', type: 'Image', service }],
    });
    fireEvent.change(region.getByLabelText('Thumbnail 1 format'), { target: { value: 'image/jpeg' } });
    expect(doc()['thumbnail']).toEqual([
      {
        id: 'https://example.org/iiif/img/full/200,/0/default.jpg',
        type: 'Image',
        service,
        format: 'image/jpeg',
      },
    ]);
  });

  it('adds a provider with a logo', () => {
    const region = load(2);
    fireEvent.click(region.getByRole('button', { name: '+ Provider' }));
    const form = within(region.getByRole('group', { name: 'New provider' }));
    fireEvent.change(form.getByLabelText('New provider URI'), {
      target: { value: 'https://library.example/' },
    });
    fireEvent.change(form.getByLabelText(/New provider name/), { target: { value: 'Example Library' } });
    fireEvent.click(form.getByRole('button', { name: 'Add' }));
    const provider = within(region.getByRole('group', { name: 'Provider 1' }));
    fireEvent.click(provider.getByRole('button', { name: 'Add Provider 1 logo' }));
    fireEvent.change(provider.getByLabelText('New Provider 1 logo URI'), {
      target: { value: 'https://library.example/logo.png' },
    });
    fireEvent.click(
      within(provider.getByRole('group', { name: 'New Provider 1 logo' })).getByRole('button', {
        name: 'Add',
      }),
    );
    const agent = (doc()['provider'] as JsonObject[])[0]!;
    expect(agent['id']).toBe('https://library.example/');
    expect(agent['type']).toBe('Agent');
    expect(agent['logo']).toEqual([{ id: 'https://library.example/logo.png', type: 'Image' }]);
  });
});

describe('start canvas', () => {
  it('picks from a list for a small manifest', () => {
    const region = load(3);
    fireEvent.change(region.getByLabelText('Start canvas'), { target: { value: '2' } });
    expect(doc()['start']).toEqual({ id: 'https://example.org/c/3', type: 'Canvas' });
  });

  it('takes a number for a large one, instead of listing every canvas', () => {
    const region = load(400);
    expect(region.queryByLabelText('Start canvas')).toBeNull();
    fireEvent.change(region.getByLabelText('Start canvas number'), { target: { value: '250' } });
    expect(doc()['start']).toEqual({ id: 'https://example.org/c/250', type: 'Canvas' });
    expect(region.getByText('p. 250')).toBeDefined();
  });
});
