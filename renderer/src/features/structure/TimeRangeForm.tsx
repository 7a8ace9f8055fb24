/**
 * Ranges over time (the movements of a recording, the tracks of a tape): a new Range over a span of the
 * time-based canvas focused in the grid, with the start and end typed as hh:mm:ss.s; and, when the tree's
 * cursor is on a part of a canvas in time, that span edited in place. Only the buttons change the document,
 * each as one undo step.
 */
import { useState, type FormEvent } from 'react';
import { canvasAt } from '../../../../shared/iiif/canvases';
import { canvasDuration } from '../../../../shared/iiif/media';
import { formatClock } from '../../../../shared/iiif/time';
import { ClockField } from '../../components/ClockField';
import { readTypedSpan } from '../../components/typed-span';
import { useAppStore } from '../../store/store';
import { TimeSpanFields } from '../media/TimeSpanFields';
import { newTimeRange, setFocusedTimeSpan } from './structure-actions';
import type { TreeRow } from './tree-rows';
import './structure.css';

export function TimeRangeForm({ focused }: { focused: TreeRow | undefined }) {
  const [open, setOpen] = useState(false);
  const [start, setStart] = useState('00:00:00.0');
  const [end, setEnd] = useState('');
  const [error, setError] = useState<string | null>(null);
  const doc = useAppStore((s) => s.doc);
  const focus = useAppStore((s) => s.focus);
  const canvas = canvasAt(doc, focus);
  const duration = canvas ? canvasDuration(canvas) : undefined;
  const editing = focused?.timeSpan !== undefined && focused.canvasIndex !== null ? focused : undefined;
  const editedCanvas = editing ? canvasAt(doc, editing.canvasIndex) : null;
  const editedDuration = editedCanvas ? canvasDuration(editedCanvas) : undefined;

  if (!open) {
    return (
      <button
        type="button"
        className="structure-region-open"
        onClick={() => {
          setOpen(true);
          setError(null);
          if (duration !== undefined && end === '') setEnd(formatClock(duration));
        }}
      >
        Time span…
      </button>
    );
  }
  const make = (where: 'top' | 'child') => (event?: FormEvent) => {
    event?.preventDefault();
    if (duration === undefined) {
      setError('Focus a canvas with a duration (audio or video) in the grid first.');
      return;
    }
    const typed = readTypedSpan(start, end, duration);
    if (!typed.ok) {
      setError(typed.message);
      return;
    }
    setError(null);
    if (newTimeRange(where, typed.span)) setStart(formatClock(typed.span.end ?? duration));
  };
  return (
    <div className="structure-time" role="group" aria-label="Ranges over time">
      <form className="structure-region" aria-label="New range over time" onSubmit={make('top')}>
        <ClockField
          caption="Start"
          label="New range start"
          value={start}
          onChange={setStart}
          invalid={error !== null}
        />
        <ClockField
          caption="End"
          label="New range end"
          value={end}
          onChange={setEnd}
          invalid={error !== null}
          placeholder={duration === undefined ? 'hh:mm:ss.s' : formatClock(duration)}
        />
        <button type="submit" disabled={duration === undefined}>
          New range from time span
        </button>
        <button
          type="button"
          disabled={duration === undefined || focused === undefined}
          onClick={make('child')}
        >
          New child range from time span
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Close
        </button>
        {duration === undefined ? (
          <p className="structure-region-hint">
            Focus an audio or video canvas in the grid to make ranges over time.
          </p>
        ) : (
          <p className="structure-region-hint">
            Canvas {(focus ?? 0) + 1} lasts {formatClock(duration)}; times are hh:mm:ss.s, mm:ss or seconds.
          </p>
        )}
        {error ? (
          <span role="alert" className="field-error">
            {error}
          </span>
        ) : null}
      </form>
      {editing && editing.timeSpan && editedDuration !== undefined ? (
        <TimeSpanFields
          span={{ start: editing.timeSpan.start, end: editing.timeSpan.end ?? editedDuration }}
          duration={editedDuration}
          label="Range item"
          onChange={setFocusedTimeSpan}
        />
      ) : null}
    </div>
  );
}
