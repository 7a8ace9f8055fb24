/**
 * The one list editor of the object-valued properties (providers, homepage, seeAlso, logo...): items as named
 * groups with their tools, a warning for an item that is not an object, and each change the whole list.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProviderEditor } from '../../../renderer/src/features/metadata/ProviderEditor';
import { LinkedListEditor } from '../../../renderer/src/features/metadata/LinkedListEditor';

afterEach(cleanup);

const agent = (n: number) => ({
  id: `https://example.org/agent/${n}`,
  type: 'Agent',
  label: { en: [`A${n}`] },
});

describe('ObjectListEditor through its two users', () => {
  it('moves a provider as one action, and edits one in place keeping its other keys', () => {
    const onChange = vi.fn();
    const value = [agent(1), { ...agent(2), extra: 'kept' }];
    render(<ProviderEditor value={value} onChange={onChange} language="en" />);
    fireEvent.click(screen.getByRole('button', { name: 'Move Provider 2 up' }));
    expect(onChange.mock.calls[0]).toEqual([[value[1], value[0]], 'action']);
    const second = within(screen.getByRole('group', { name: 'Provider 2' }));
    const uri = second.getByLabelText('Provider 2 URI');
    fireEvent.change(uri, { target: { value: 'https://example.org/agent/9' } });
    fireEvent.blur(uri);
    const [list] = onChange.mock.calls.at(-1) as [unknown[]];
    expect(list).toEqual([value[0], { ...value[1], id: 'https://example.org/agent/9' }]);
  });

  it('says which item is not an object, and appends a new one as the whole list', () => {
    const onChange = vi.fn();
    render(<LinkedListEditor property="homepage" value={['oops']} onChange={onChange} language="en" />);
    expect(screen.getByRole('group', { name: 'Homepage 1' }).textContent).toContain(
      'Not a linked resource (needs an id and a type): "oops"',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Add Homepage' }));
    const form = within(screen.getByRole('group', { name: 'New Homepage' }));
    fireEvent.change(form.getByLabelText('New Homepage URI'), { target: { value: 'https://example.org/' } });
    fireEvent.change(form.getByLabelText('New Homepage label (en)'), { target: { value: 'Home' } });
    fireEvent.keyDown(form.getByLabelText('New Homepage label (en)'), { key: 'Enter' });
    expect(onChange.mock.calls).toEqual([
      [['oops', expect.objectContaining({ id: 'https://example.org/', type: 'Text' })], 'action'],
    ]);
  });
});
