/**
 * The one dialog component (issue 12, item 6): named by its title, the focus moves in on opening and goes back
 * to the opener on closing, Escape (the dialog's cancel event) cancels, and its buttons sit in one footer.
 * jsdom has no showModal: the browser's focus trap is checked end to end (tests/e2e/dialogs.e2e.ts).
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dialog } from '../../../renderer/src/components/Dialog';

afterEach(cleanup);

function Opener({ onCancel }: { onCancel(): void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Rename…
      </button>
      {open ? (
        <Dialog
          title="Rename"
          onCancel={() => {
            onCancel();
            setOpen(false);
          }}
          footer={<button type="button">OK</button>}
        >
          <input aria-label="New name" />
        </Dialog>
      ) : null}
    </>
  );
}

describe('Dialog', () => {
  it('takes the focus to its first field, cancels on Escape and gives the focus back', () => {
    const onCancel = vi.fn();
    render(<Opener onCancel={onCancel} />);
    const opener = screen.getByRole('button', { name: 'Rename…' });
    opener.focus();
    fireEvent.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Rename' });
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'New name' }));
    expect([...dialog.querySelectorAll('.modal-actions button')].map((b) => b.textContent)).toEqual([
      'Cancel',
      'OK',
    ]);
    const cancel = new Event('cancel', { cancelable: true });
    fireEvent(dialog, cancel);
    expect(cancel.defaultPrevented).toBe(true);
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('focuses what it is told to, or itself until that exists', () => {
    render(
      <Dialog title="Open a manifest" onCancel={() => {}} initialFocus=".file-entry">
        <p>Listing…</p>
      </Dialog>,
    );
    expect(document.activeElement).toBe(screen.getByRole('dialog', { name: 'Open a manifest' }));
  });

  it('lays out one footer: Cancel, the other buttons, then the answer, which may submit a form', () => {
    const onCancel = vi.fn();
    const onSubmit = vi.fn((event: Event) => event.preventDefault());
    render(
      <Dialog
        title="Move"
        onCancel={onCancel}
        cancel="Keep"
        footer={<button type="button">Preview</button>}
        primary={{ label: 'Move', form: 'move-form' }}
      >
        <form id="move-form" onSubmit={(event) => onSubmit(event.nativeEvent)} />
      </Dialog>,
    );
    const buttons = screen.getAllByRole('button');
    expect(buttons.map((b) => [b.textContent, b.className])).toEqual([
      ['Keep', ''],
      ['Preview', ''],
      ['Move', 'primary'],
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Keep' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Move' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });
});
