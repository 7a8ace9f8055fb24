/**
 * Adds part of a canvas to a Range: the region (x, y, width, height in canvas pixels) of the canvas focused in
 * the grid goes into the Range of the tree's cursor as a SpecificResource with a FragmentSelector. The numbers
 * are typed, or filled by drawing a box on the viewer ("Draw on the viewer"); either way only "Add region to
 * range" changes the document, as one undo step.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useAppStore } from '../../store/store';
import { useRegionPick } from '../annotations/region-pick';
import { addRegionToFocusedRange } from './structure-actions';
import './structure.css';

export function RegionForm() {
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState({ x: '0', y: '0', w: '100', h: '100' });
  const focus = useAppStore((s) => s.focus);
  const pickedCanvas = useRegionPick((s) => s.pick?.canvasIndex ?? null);
  const picking = open && pickedCanvas !== null;
  const addButton = useRef<HTMLButtonElement>(null);

  // A pick belongs to this form and to the canvas it was started on: closing the form or focusing another
  // canvas ends it, so the viewer never stays in a drawing mode nobody is waiting on.
  useEffect(() => {
    if (pickedCanvas !== null && (!open || pickedCanvas !== focus)) useRegionPick.getState().cancel();
  }, [open, focus, pickedCanvas]);
  useEffect(() => () => useRegionPick.getState().cancel(), []);
  // Escape cancels wherever focus is (still on the button that started the pick, or on the viewer).
  useEffect(() => {
    if (!picking) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape') useRegionPick.getState().cancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [picking]);

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
  const draw = () => {
    if (picking) {
      useRegionPick.getState().cancel();
      return;
    }
    if (focus === null) return;
    useRegionPick.getState().start({
      canvasIndex: focus,
      onBox: (box) => {
        setValues({ x: String(box.x), y: String(box.y), w: String(box.w), h: String(box.h) });
        addButton.current?.focus();
      },
    });
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
      <button
        type="button"
        aria-pressed={picking}
        disabled={focus === null}
        title="Drag a box on the viewer to fill the numbers; Escape cancels"
        onClick={draw}
      >
        Draw on the viewer
      </button>
      <button type="submit" ref={addButton}>
        Add region to range
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
      {picking ? (
        <p className="structure-region-hint" role="status">
          Drag a box on canvas {(pickedCanvas ?? 0) + 1} in the viewer; Escape cancels.
        </p>
      ) : null}
    </form>
  );
}
