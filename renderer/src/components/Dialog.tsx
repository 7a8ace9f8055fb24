/**
 * The one modal dialog, on the native <dialog> opened with showModal(): the browser makes the rest of the page
 * inert (the focus cannot leave the dialog), Escape cancels it, and its title names it. On close the focus goes
 * back to what had it before, so keyboard work carries on where it was. One footer, laid out the same in every
 * dialog: Cancel first, the dialog's other buttons, its answer (the primary button) last.
 *
 * It is open for as long as it is mounted: the owner closes it by not rendering it, in onCancel.
 */
import { useId, useLayoutEffect, useRef, type ReactNode, type SyntheticEvent } from 'react';
import './dialog.css';

interface Props {
  title: string;
  children: ReactNode;
  /** The dialog's answer, last in the footer; with `form`, that form's submit button. */
  primary?: {
    readonly label: ReactNode;
    readonly onClick?: () => void;
    readonly disabled?: boolean;
    readonly form?: string;
  };
  /** The Cancel button's text ("Cancel"); it runs onCancel. false: the dialog has no such button. */
  cancel?: string | false;
  /** Other buttons, between Cancel and the answer. */
  footer?: ReactNode;
  /** Escape, or the Cancel button. */
  onCancel(): void;
  className?: string;
  /**
   * Where the focus goes on opening, instead of the first field or button: a selector inside the dialog, or
   * the dialog itself when nothing matches yet (the file picker moves it to the first file once listed).
   */
  initialFocus?: string;
}

/** Where the focus goes when the dialog opens: its first field, else its primary button, else any button. */
const FIRST_FOCUS = ['[autofocus]', 'input, textarea, select', 'button.primary', 'button'];

export function Dialog(props: Props) {
  const {
    title,
    children,
    primary,
    cancel: cancelText = 'Cancel',
    footer,
    onCancel,
    className,
    initialFocus,
  } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // A layout effect: the dialog is open (laid out) before its children's effects run, so that those measuring
  // themselves (the place editor's map) see their real size, not a closed dialog's nothing.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // jsdom (unit tests) has no showModal; there the dialog is simply open.
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    const first = (initialFocus ? [initialFocus] : FIRST_FOCUS)
      .map((selector) => dialog.querySelector<HTMLElement>(selector))
      .find((element) => element !== null);
    (first ?? dialog).focus();
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
    // Opened once, when mounted: a later initialFocus must not move the focus again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const cancel = (event: SyntheticEvent) => {
    // The owner unmounts the dialog; the browser must not close it first behind React's back.
    event.preventDefault();
    onCancel();
  };
  return (
    <dialog
      ref={ref}
      tabIndex={-1}
      className={className ? `modal ${className}` : 'modal'}
      aria-labelledby={titleId}
      onCancel={cancel}
      // Chromium may close a dialog whose cancel event was refused too often without a user gesture: follow it.
      // (A close event from an earlier open, as StrictMode's second mount gets, finds the dialog open again.)
      onClose={() => {
        if (!ref.current?.open) onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
      {cancelText !== false || footer || primary ? (
        <div className="modal-actions">
          {cancelText !== false ? (
            <button type="button" onClick={onCancel}>
              {cancelText}
            </button>
          ) : null}
          {footer}
          {primary ? (
            <button
              type={primary.form ? 'submit' : 'button'}
              form={primary.form}
              className="primary"
              disabled={primary.disabled}
              onClick={primary.onClick}
            >
              {primary.label}
            </button>
          ) : null}
        </div>
      ) : null}
    </dialog>
  );
}
