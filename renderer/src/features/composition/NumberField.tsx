/**
 * A number input that edits the document once per change, not per keystroke: typing is local, and the value
 * is committed on Enter or when the field loses focus (one undo step); Escape puts the document's value back.
 */
import { useState } from 'react';
import './composition.css';

interface Props {
  label: string;
  value: number;
  min?: number;
  disabled?: boolean;
  testId?: string;
  onCommit(value: number): void;
}

export function NumberField({ label, value, min = 0, disabled, testId, onCommit }: Props) {
  const shown = String(Math.round(value));
  // The text being typed, or null when the field shows the document's value.
  const [text, setText] = useState<string | null>(null);
  const commit = () => {
    if (text === null) return;
    const next = Number(text);
    setText(null);
    if (Number.isFinite(next) && next >= min && Math.round(next) !== Math.round(value)) onCommit(next);
  };
  return (
    <label className="number-field">
      <span>{label}</span>
      <input
        type="number"
        inputMode="numeric"
        min={min}
        step={1}
        value={text ?? shown}
        disabled={disabled}
        data-testid={testId}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
          else if (event.key === 'Escape') setText(null);
        }}
      />
    </label>
  );
}
