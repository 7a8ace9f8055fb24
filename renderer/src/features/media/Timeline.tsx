/**
 * A timeline for a time-based canvas: its clips, annotations or ranges drawn as spans in lanes, the playhead as
 * a slider, and a time span chosen by dragging across the track (or typed in TimeSpanFields). Everything is in
 * canvas seconds; the arithmetic is shared/iiif/time's, so what is drawn is what is written.
 *
 * Props are the whole interface: the component holds only the drag in progress. Other features (captions,
 * ranges over time) pass their own items and handle onSelectItem / onSpan.
 */
import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import {
  formatClock,
  fractionToTime,
  laneOf,
  spanFromDrag,
  timeToFraction,
  type ClosedSpan,
} from '../../../../shared/iiif/time';
import './media.css';

export interface TimelineItem {
  /** Stable key, passed back to onSelectItem. */
  readonly key: string;
  readonly span: ClosedSpan;
  /** Visible text, and part of the accessible name. */
  readonly label: string;
  /** How it is drawn: clips (painted media) and annotations (captions, notes) and ranges differ in colour. */
  readonly kind: 'clip' | 'annotation' | 'range';
}

export interface TimelineProps {
  /** The canvas's duration in seconds (> 0). */
  readonly duration: number;
  /** Playback position in seconds. */
  readonly currentTime: number;
  readonly items: readonly TimelineItem[];
  /** The chosen span, drawn over the track; null when none. */
  readonly span: ClosedSpan | null;
  /** The item shown as selected. */
  readonly selectedKey?: string | null;
  /** Accessible name of the whole timeline, e.g. "Timeline of Canvas 3". */
  readonly label: string;
  /** A click on the track, or the playhead moved by keyboard. */
  readonly onSeek: (seconds: number) => void;
  /** A span dragged across the track (one call, on release: one gesture, one step). */
  readonly onSpan?: (span: ClosedSpan) => void;
  readonly onSelectItem?: (key: string) => void;
}

/** Seconds moved by an arrow key on the playhead; Shift moves ten times as far. */
const STEP = 1;

export function Timeline(props: TimelineProps) {
  const { duration, currentTime, items, span, selectedKey, label, onSeek, onSpan, onSelectItem } = props;
  const track = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const lanes = laneOf(items.map((item) => item.span));
  const laneCount = Math.max(1, ...lanes.map((lane) => lane + 1));

  const timeAt = (clientX: number): number => {
    const box = track.current?.getBoundingClientRect();
    if (!box || box.width === 0) return 0;
    return fractionToTime((clientX - box.left) / box.width, duration);
  };
  const percent = (seconds: number) => `${timeToFraction(seconds, duration) * 100}%`;
  const widthOf = (s: ClosedSpan) =>
    `${(timeToFraction(s.end, duration) - timeToFraction(s.start, duration)) * 100}%`;

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    const at = timeAt(event.clientX);
    event.currentTarget.setPointerCapture?.(event.pointerId);
    setDrag({ from: at, to: at });
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag) setDrag({ ...drag, to: timeAt(event.clientX) });
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag) return;
    const to = timeAt(event.clientX);
    setDrag(null);
    const dragged = spanFromDrag(drag.from, to, duration);
    if (dragged && onSpan) onSpan(dragged);
    else onSeek(to);
  };

  const onPlayheadKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? STEP * 10 : STEP;
    const moves: Record<string, number> = {
      ArrowLeft: currentTime - step,
      ArrowDown: currentTime - step,
      ArrowRight: currentTime + step,
      ArrowUp: currentTime + step,
      Home: 0,
      End: duration,
      PageDown: currentTime - 10 * step,
      PageUp: currentTime + 10 * step,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    onSeek(Math.min(duration, Math.max(0, next)));
  };

  const shown = drag ? (spanFromDrag(drag.from, drag.to, duration) ?? null) : span;
  return (
    <div className="timeline" role="group" aria-label={label}>
      <div className="timeline-scale" aria-hidden="true">
        <span>{formatClock(0)}</span>
        <span>{formatClock(duration)}</span>
      </div>
      <div
        ref={track}
        className="timeline-track"
        style={{ height: `${laneCount * 1.6 + 0.6}rem` }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => setDrag(null)}
        data-testid="timeline-track"
      >
        {shown ? (
          <div
            className="timeline-span"
            style={{ left: percent(shown.start), width: widthOf(shown) }}
            data-testid="timeline-span"
            aria-hidden="true"
          />
        ) : null}
        {items.map((item, index) => (
          <button
            key={item.key}
            type="button"
            className={`timeline-item ${item.kind}`}
            style={{
              left: percent(item.span.start),
              width: widthOf(item.span),
              top: `${(lanes[index] ?? 0) * 1.6 + 0.3}rem`,
            }}
            aria-pressed={selectedKey === item.key}
            aria-label={`${item.label}, ${formatClock(item.span.start)} to ${formatClock(item.span.end)}`}
            title={`${item.label} (${formatClock(item.span.start)}–${formatClock(item.span.end)})`}
            // A press on an item selects it; it must not start a span drag on the track below.
            onPointerDown={(event) => event.stopPropagation()}
            onClick={() => onSelectItem?.(item.key)}
          >
            {item.label}
          </button>
        ))}
        <div
          className="timeline-playhead"
          role="slider"
          tabIndex={0}
          aria-label="Playback position"
          aria-valuemin={0}
          aria-valuemax={duration}
          aria-valuenow={currentTime}
          aria-valuetext={`${formatClock(currentTime)} of ${formatClock(duration)}`}
          style={{ left: percent(currentTime) }}
          onKeyDown={onPlayheadKey}
          data-testid="timeline-playhead"
        />
      </div>
    </div>
  );
}
