/**
 * The end of an "add one" row of the metadata lists: Add, Cancel (where the row can be closed) and the problem
 * that kept the new item from being added; and Enter in one of the row's fields, which adds as Add does.
 */
import type { KeyboardEvent } from 'react';

export function AddActions(props: {
  onAdd(): void;
  onCancel?: () => void;
  problem: string | null;
  addText?: string;
}) {
  const { onAdd, onCancel, problem, addText = 'Add' } = props;
  return (
    <>
      <button type="button" className="small" onClick={onAdd}>
        {addText}
      </button>
      {onCancel ? (
        <button type="button" className="small" onClick={onCancel}>
          Cancel
        </button>
      ) : null}
      {problem !== null ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
    </>
  );
}

/** The row's onKeyDown: Enter in a text field adds (not in a select or button, which have their own Enter). */
export function addOnEnter(add: () => void) {
  return (event: KeyboardEvent) => {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      add();
    }
  };
}
