/**
 * A modal built on the native `<dialog>`: the browser keeps focus inside it, makes the page behind inert and
 * closes it with Escape (its "cancel" event, which we turn into onCancel so React state stays the one truth).
 * Named by its heading. Anything that must stay usable while it is open (the in-app file picker) is rendered
 * inside it, since the rest of the page is inert.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  children: ReactNode;
  /** The buttons at the end; omit when the children end with their own. */
  actions?: ReactNode;
  onCancel(): void;
  className?: string;
}

export function NativeDialog({ title, children, actions, onCancel, className }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    // jsdom has no showModal; there the dialog is simply open.
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    return () => {
      if (typeof dialog.close === 'function') dialog.close();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={`modal native-dialog${className ? ` ${className}` : ''}`}
      aria-labelledby={headingId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={headingId}>{title}</h2>
      {children}
      {actions !== undefined ? <div className="modal-actions">{actions}</div> : null}
    </dialog>
  );
}
