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
    expect(dialog.querySelector('.modal-actions')?.textContent).toBe('OK');
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
});
