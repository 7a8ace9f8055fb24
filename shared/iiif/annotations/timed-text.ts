/**
 * Captions and transcripts of speech as annotations on time spans: WebVTT cues come in as one new page of
 * `supplementing` annotations, each a plain-text TextualBody targeting `canvas#t=start,end` (the form the
 * cookbook's transcription recipes use), added in one edit; and a canvas's annotations on time spans go out as
 * cues. Pure.
 */
import { canvasAt, canvasIdOf } from '../canvases';
import { isJsonArray, isJsonObject, updateIn, type JsonObject, type JsonPath, type JsonValue } from '../json';
import { isPositiveNumber } from '../validation/values';
import type { BodyView } from './bodies';
import { htmlToText } from './export';
import { newAnnotation } from './edits';
import { canvasAnnotations } from './pages';
import type { VttCue } from './webvtt';

/** A span of text in time, as a cue or an annotation holds it. */
export interface TimedText {
  readonly id?: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Adds one page to the `annotations` of canvas `canvasIndex` with a `supplementing` annotation per cue that
 * has text (empty cues carry nothing to read and are left out). Returns the new document, the page's path and
 * how many annotations it holds.
 */
export function addCaptionPage(
  doc: JsonObject,
  args: {
    readonly canvasIndex: number;
    readonly cues: readonly Pick<VttCue, 'start' | 'end' | 'text'>[];
    readonly pageId: string;
    readonly annotationId: () => string;
    /** BCP 47 tag of the captions' language; none when unknown. */
    readonly language?: string;
    readonly label?: string;
  },
): { doc: JsonObject; pagePath: JsonPath; count: number } {
  const canvas = canvasAt(doc, args.canvasIndex);
  const canvasId = canvasIdOf(canvas);
  if (canvas === null || canvasId === '') throw new Error('captions need a canvas with an id');
  const items = args.cues
    .filter((cue) => cue.text.trim() !== '')
    .map((cue) =>
      newAnnotation({
        id: args.annotationId(),
        motivation: 'supplementing',
        target: { source: canvasId, geometry: { kind: 'time', start: cue.start, end: cue.end } },
        text: cue.text,
        ...(args.language ? { language: args.language } : {}),
      }),
    );
  const page: JsonObject = {
    id: args.pageId,
    type: 'AnnotationPage',
    ...(args.label ? { label: { none: [args.label] } } : {}),
    items,
  };
  const existing = canvas['annotations'];
  const index = isJsonArray(existing) ? existing.length : 0;
  const next = updateIn(doc, ['items', args.canvasIndex, 'annotations'], (old) =>
    isJsonArray(old) ? [...old, page] : [page],
  ) as JsonObject;
  return { doc: next, pagePath: ['items', args.canvasIndex, 'annotations', index], count: items.length };
}

/** An annotation of a canvas that targets a time span of that canvas, as it is written. */
export interface TimeSpanAnnotation {
  /** Unique among the canvas's annotations: where it is in the canvas (`annotation:annotations:0:items:2`). */
  readonly key: string;
  readonly id?: string;
  readonly start: number;
  /** The span's end; one with no end runs to the canvas's duration, undefined when the canvas has none. */
  readonly end: number | undefined;
  readonly bodies: readonly BodyView[];
}

/**
 * The one reader of "what a time-based canvas says when": the annotations on the pages of `canvas` (item
 * `canvasIndex` of its manifest) whose target is a time span of that canvas (`<canvas id>#t=`), in document
 * order, as written: the captions (timedTextOfCanvas) and the media timeline (timedAnnotationsOf in media/)
 * each keep the ones they can show.
 */
export function timeSpanAnnotations(
  canvas: JsonValue | undefined,
  canvasIndex: number,
): TimeSpanAnnotation[] {
  const canvasId = canvasIdOf(canvas);
  const duration =
    isJsonObject(canvas) && isPositiveNumber(canvas['duration']) ? canvas['duration'] : undefined;
  const found: TimeSpanAnnotation[] = [];
  for (const view of canvasAnnotations(canvas, canvasIndex)) {
    const target = view.targets.find((t) => t.source === canvasId && t.geometry.kind === 'time');
    if (target === undefined || target.geometry.kind !== 'time') continue;
    found.push({
      key: `annotation:${view.path.slice(2).join(':')}`,
      ...(view.id === undefined ? {} : { id: view.id }),
      start: target.geometry.start,
      end: target.geometry.end ?? duration,
      bodies: view.bodies,
    });
  }
  return found;
}

/**
 * The annotations on the pages of canvas `canvasIndex` that target a time span of that canvas and have text,
 * in start order (ties keep document order). A span with no end runs to the canvas's duration; without a
 * duration it cannot be a cue and is left out.
 */
export function timedTextOfCanvas(doc: JsonObject, canvasIndex: number): TimedText[] {
  const found: TimedText[] = [];
  for (const { id, start, end, bodies } of timeSpanAnnotations(canvasAt(doc, canvasIndex), canvasIndex)) {
    if (end === undefined || end <= start) continue;
    const text = bodies
      .map((body) =>
        body.kind !== 'text' ? '' : body.format === 'text/html' ? htmlToText(body.value) : body.value,
      )
      .filter((t) => t.trim() !== '')
      .join('\n');
    if (text === '') continue;
    found.push({ ...(id === undefined ? {} : { id }), start, end, text });
  }
  return found
    .map((cue, order) => ({ cue, order }))
    .sort((a, b) => a.cue.start - b.cue.start || a.order - b.order)
    .map(({ cue }) => cue);
}
