/**
 * Adds part of a canvas to a Range: the region (x, y, width, height in canvas pixels) of the canvas focused in
 * the grid goes into the Range of the tree's cursor as a SpecificResource with a FragmentSelector.
 */
import { useState, type FormEvent } from 'react';
import { addRegionToFocusedRange } from './structure-actions';

export function RegionForm() {
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState({ x: '0', y: '0', w: '100', h: '100' });
  if (!open) {
    return (
      <button type="button" className="structure-region-open" onClick={() => setOpen(true)}>
        Add region…
      </button>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { x, y, w, h } = values;
    if (addRegionToFocusedRange(`xywh=${x},${y},${w},${h}`)) setOpen(false);
  };
  const field = (name: keyof typeof values, label: string) => (
    <label>
      {label}
      <input
        type="number"
        min={name === 'w' || name === 'h' ? 1 : 0}
        required
        value={values[name]}
        onChange={(event) => setValues({ ...values, [name]: event.target.value })}
      />
    </label>
  );
  return (
    <form className="structure-region" aria-label="Region of the focused canvas" onSubmit={submit}>
      {field('x', 'x')}
      {field('y', 'y')}
      {field('w', 'width')}
      {field('h', 'height')}
      <button type="submit">Add region to range</button>
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </form>
  );
}
