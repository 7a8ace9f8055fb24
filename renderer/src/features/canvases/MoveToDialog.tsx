/** "Move to position…": the keyboard way to send the selection anywhere in a long list, in one step. */
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../components/Dialog';
import { canvasCount } from './announcer';
import { moveSelectionTo } from './canvas-actions';

interface Props {
  count: number;
  moving: number;
  onClose(): void;
}

export function MoveToDialog({ count, moving, onClose }: Props) {
  const [text, setText] = useState('1');
  const position = Number(text);
  const valid = Number.isInteger(position) && position >= 1 && position <= count;
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!valid) return;
    onClose();
    moveSelectionTo(position);
  };
  return (
    <Dialog
      title={`Move ${canvasCount(moving)} to position`}
      onCancel={onClose}
      primary={{ label: 'Move', form: 'move-to-form', disabled: !valid }}
    >
      <form id="move-to-form" onSubmit={submit}>
        <label className="field">
          Position (1 to {count.toLocaleString('en')})
          <input
            type="number"
            min={1}
            max={count}
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-invalid={!valid}
            aria-describedby="move-to-hint"
          />
        </label>
        <p id="move-to-hint" className="muted">
          The first moved canvas will be at this position; the others follow it in their current order.
        </p>
      </form>
    </Dialog>
  );
}
