/**
 * The annotations of a time-based canvas that say when (a `#t=` target: captions, transcripts, notes), as spans
 * for its timeline. Only pages embedded in the canvas's `annotations` are read; referenced pages are loaded by
 * the annotation feature, not here.
 */
import { bodyText, readBodies } from '../annotations/bodies';
import { parseTargets } from '../annotations/target-shape';
import { isJsonArray, isJsonObject, type JsonObject } from '../json';
import { closeSpan, type ClosedSpan } from '../time/timeline';
import { canvasDuration } from './media-canvas';

export interface TimedAnnotation {
  readonly key: string;
  readonly span: ClosedSpan;
  readonly text: string;
}

export function timedAnnotationsOf(canvas: JsonObject): TimedAnnotation[] {
  const duration = canvasDuration(canvas);
  const pages = canvas.annotations;
  if (duration === undefined || !isJsonArray(pages)) return [];
  const found: TimedAnnotation[] = [];
  pages.forEach((page, p) => {
    if (!isJsonObject(page) || !isJsonArray(page.items)) return;
    page.items.forEach((annotation, a) => {
      if (!isJsonObject(annotation)) return;
      const time = parseTargets(annotation.target).find((shape) => shape.geometry.kind === 'time');
      if (time?.geometry.kind !== 'time') return;
      const text = readBodies(annotation).map(bodyText).filter(Boolean).join(' ');
      found.push({ key: `annotation:${p}:${a}`, span: closeSpan(time.geometry, duration), text });
    });
  });
  return found;
}
