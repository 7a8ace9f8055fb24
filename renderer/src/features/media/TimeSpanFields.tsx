/**
 * A time span typed as `hh:mm:ss.s` (or mm:ss, or seconds): Start and End fields committed together on Enter or
 * when focus leaves, so a span changes in one step. A time that cannot be read, or an end before the start, is
 * said next to the fields and nothing changes.
 *
 * The fields show tenths (00:00:10.3 for 10.25) and commit both when focus leaves either, so a time the user did
 * not change would come back rounded: a field that still reads as the time it showed keeps that time exactly,
 * and when neither changed there is no change at all. Callers get only what the user typed.
 */
import { useId, useState, type FormEvent } from 'react';
import { formatClock, parseClock, type ClosedSpan } from '../../../../shared/iiif/time';
import { ClockField } from '../../components/ClockField';
import { spanProblem } from '../../components/typed-span';

export interface TimeSpanFieldsProps {
  readonly span: ClosedSpan | null;
  readonly duration: number;
  /** What the span is of, for the accessible names: "Clip 1" → "Clip 1 start". */
  readonly label: string;
  readonly onChange: (span: ClosedSpan) => void;
}

export function TimeSpanFields({ span, duration, label, onChange }: TimeSpanFieldsProps) {
  const key = span ? `${span.start},${span.end}` : '';
  const fresh = () => ({
    key,
    start: span ? formatClock(span.start) : '',
    end: span ? formatClock(span.end) : '',
    error: null as string | null,
  });
  const [draft, setDraft] = useState(fresh);
  // A span changed elsewhere (dragged on the timeline, undone) replaces what the fields show.
  if (draft.key !== key) setDraft(fresh());
  const { start, end, error } = draft;
  const setStart = (text: string) => setDraft((d) => ({ ...d, start: text }));
  const setEnd = (text: string) => setDraft((d) => ({ ...d, end: text }));
  const setError = (message: string | null) => setDraft((d) => ({ ...d, error: message }));
  const errorId = useId();

  const commit = (event?: FormEvent) => {
    event?.preventDefault();
    const from = parseClock(start);
    const to = parseClock(end);
    if (!from.ok) return setError(from.message);
    if (!to.ok) return setError(to.message);
    // A field that reads as the time it showed was not typed: its time is kept to the last digit.
    const keptStart = span !== null && formatClock(from.seconds) === formatClock(span.start);
    const keptEnd = span !== null && formatClock(to.seconds) === formatClock(span.end);
    const next = {
      start: keptStart ? span.start : from.seconds,
      end: keptEnd ? span.end : to.seconds,
    };
    const problem = spanProblem(next.start, next.end, duration);
    if (problem !== null) return setError(problem);
    setError(null);
    if (keptStart && keptEnd) return;
    onChange(next);
  };

  return (
    <form
      className="time-span-fields"
      onSubmit={commit}
      // Moving from Start to End is one edit in progress; leaving the pair commits it (one step, not two).
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) commit();
      }}
      aria-label={`${label} time span`}
    >
      <ClockField
        caption="Start"
        label={`${label} start`}
        value={start}
        onChange={setStart}
        invalid={error !== null}
        describedBy={error ? errorId : undefined}
      />
      <ClockField
        caption="End"
        label={`${label} end`}
        value={end}
        onChange={setEnd}
        invalid={error !== null}
        describedBy={error ? errorId : undefined}
      />
      <button type="submit">Set</button>
      {error ? (
        <span id={errorId} role="alert" className="field-error">
          {error}
        </span>
      ) : null}
    </form>
  );
}
