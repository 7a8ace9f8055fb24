/**
 * The annotations of a time-based canvas that say when (a `#t=` target: captions, transcripts, notes), as spans
 * for its timeline. They are read by the one reader of time-span annotations (annotations/timed-text.ts); here
 * they become timeline spans, closed at the canvas's end and labelled by their bodies. Only pages in the canvas
 * are read; referenced pages are loaded by the annotation feature, not here.
 */
import { bodyText } from '../annotations/bodies';
import { timeSpanAnnotations } from '../annotations/timed-text';
import type { JsonObject } from '../json';
import { closeSpan, type ClosedSpan } from '../time/timeline';
import { canvasDuration } from './media-canvas';

export interface TimedAnnotation {
  readonly key: string;
  readonly span: ClosedSpan;
  readonly text: string;
}

/** The canvas's time-span annotations on its timeline; none without a duration (there is no timeline). */
export function timedAnnotationsOf(canvas: JsonObject): TimedAnnotation[] {
  const duration = canvasDuration(canvas);
  if (duration === undefined) return [];
  // The index only places the annotations' paths, which the keys do not include.
  return timeSpanAnnotations(canvas, 0).map(({ key, start, end, bodies }) => ({
    key,
    span: closeSpan({ start, ...(end === undefined ? {} : { end }) }, duration),
    text: bodies.map(bodyText).filter(Boolean).join(' '),
  }));
}
