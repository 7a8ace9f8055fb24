/**
 * Canvases for audio and video. A Sound canvas has only a `duration`; a Video canvas has `width`, `height` and
 * `duration`. Each clip is one painting annotation whose body is the media (`Sound`/`Video` with `format` and
 * `duration`, and a Video's size) and whose target is the span of the canvas it plays in (`canvas#t=0,10`):
 * several clips on one canvas make one timeline, the way the cookbook's "multiple clips" recipe does.
 */
import type { MintId } from '../document/mint-ids';
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../json';
import { roundTime } from '../time/clock';
import { replaceTimeFragment, timeSpanOfUri, withTimeFragment, type TimeSpan } from '../time/media-fragment';
import { closeSpan, durationToHold, type ClosedSpan } from '../time/timeline';
import { formatTarget, parseTarget } from '../annotations/target-shape';
import type { MediaKind } from './media-format';

/** Audio or video as measured by a player: what a canvas and its painting body are made from. */
export interface MediaSource {
  readonly url: string;
  readonly kind: MediaKind;
  readonly format: string;
  /** Seconds, > 0. */
  readonly duration: number;
  /** Pixels, for Video. */
  readonly width?: number;
  readonly height?: number;
}

/** The painting body for `media`: `Sound` or `Video` with format, duration and (video) size. */
export function mediaBody(media: MediaSource): JsonObject {
  return {
    id: media.url,
    type: media.kind,
    format: media.format,
    ...(media.kind === 'Video' && media.width !== undefined && media.height !== undefined
      ? { width: media.width, height: media.height }
      : {}),
    duration: roundTime(media.duration),
  };
}

function clipAnnotation(id: string, canvasId: string, media: MediaSource, span: ClosedSpan): JsonObject {
  return {
    id,
    type: 'Annotation',
    motivation: 'painting',
    body: mediaBody(media),
    target: withTimeFragment(canvasId, span),
  };
}

/** A new canvas as long as `media`, painted with it from start to end. */
export function canvasFromMedia(media: MediaSource, options: { mint: MintId; label?: string }): JsonObject {
  const canvasId = options.mint('canvas');
  const pageId = options.mint('page', canvasId);
  const duration = roundTime(media.duration);
  return {
    id: canvasId,
    type: 'Canvas',
    ...(options.label ? { label: { none: [options.label] } } : {}),
    ...(media.kind === 'Video' && media.width !== undefined && media.height !== undefined
      ? { width: media.width, height: media.height }
      : {}),
    duration,
    items: [
      {
        id: pageId,
        type: 'AnnotationPage',
        items: [
          clipAnnotation(options.mint('annotation', pageId), canvasId, media, { start: 0, end: duration }),
        ],
      },
    ],
  };
}

/** One clip of a canvas's timeline: where its annotation is and which span of the canvas it plays in. */
export interface ClipView {
  readonly page: number;
  readonly item: number;
  readonly annotationId: string;
  readonly span: ClosedSpan;
  readonly body: JsonObject | undefined;
  readonly label: string;
  /** What plays: the media's address (without fragment), its type, and where in it the clip starts. */
  readonly media: { readonly url: string; readonly type: string; readonly offset: number } | undefined;
}

/**
 * The media a painting body plays: `{ id: "film.mp4#t=30,40" }` or a SpecificResource whose selector is a
 * `t=` FragmentSelector (both say "from second 30 of the file"), or the plain resource (from 0).
 */
export function mediaOfBody(
  body: JsonObject | undefined,
): { url: string; type: string; offset: number } | undefined {
  if (!body) return undefined;
  const specific = body.type === 'SpecificResource';
  const source = specific ? body.source : body;
  const resource = isJsonObject(source) ? source : undefined;
  const id = typeof source === 'string' ? source : typeof resource?.id === 'string' ? resource.id : undefined;
  if (id === undefined) return undefined;
  const type = typeof resource?.type === 'string' ? resource.type : '';
  const hash = id.indexOf('#');
  const url = hash < 0 ? id : id.slice(0, hash);
  let offset = hash < 0 ? 0 : (timeSpanOfUri(id)?.start ?? 0);
  if (specific) {
    const selectors = isJsonArray(body.selector) ? body.selector : [body.selector];
    for (const selector of selectors) {
      const value = isJsonObject(selector) && typeof selector.value === 'string' ? selector.value : undefined;
      const span = value === undefined ? undefined : timeSpanOfUri(`#${value.replace(/^#/, '')}`);
      if (span) {
        offset = span.start;
        break;
      }
    }
  }
  return { url, type, offset };
}

/** Whether the player can play a declared `format` (in a browser: HTMLMediaElement.canPlayType). */
export type CanPlayFormat = (format: string) => boolean;

/** The declared format of a body, or of the source of a SpecificResource. */
function formatOfBody(body: JsonObject | undefined): string | undefined {
  const resource = body?.type === 'SpecificResource' && isJsonObject(body.source) ? body.source : body;
  return typeof resource?.format === 'string' ? resource.format : undefined;
}

/**
 * The body that plays: the first of several, and of a Choice the first item the player can play (one with no
 * format may be playable: it is not passed over), else its first. The cookbook's Choice of audio offers ALAC
 * first, which Chromium cannot play, then MP3, FLAC, Ogg and WAV, which it can.
 */
function firstBody(body: JsonValue | undefined, canPlay?: CanPlayFormat): JsonObject | undefined {
  const entry = isJsonArray(body) ? body[0] : body;
  if (!isJsonObject(entry)) return undefined;
  if (entry.type === 'Choice' && isJsonArray(entry.items)) {
    const items = entry.items.map((item) => firstBody(item, canPlay));
    const playable = canPlay
      ? items.find((item) => {
          const format = formatOfBody(item);
          return item !== undefined && (format === undefined || canPlay(format));
        })
      : undefined;
    return playable ?? items[0];
  }
  return entry;
}

/** The canvas's `duration`, or undefined when it has none (not time-based). */
export function canvasDuration(canvas: JsonObject): number | undefined {
  return typeof canvas.duration === 'number' && canvas.duration > 0 ? canvas.duration : undefined;
}

/**
 * The painting annotations of a time-based canvas as clips on its timeline, in document order. With `canPlay`, a
 * clip whose body is a Choice plays the first item the player can play.
 */
export function clipsOf(canvas: JsonObject, canPlay?: CanPlayFormat): ClipView[] {
  const duration = canvasDuration(canvas);
  if (duration === undefined || !isJsonArray(canvas.items)) return [];
  const clips: ClipView[] = [];
  canvas.items.forEach((page, p) => {
    if (!isJsonObject(page) || !isJsonArray(page.items)) return;
    page.items.forEach((annotation, a) => {
      if (!isJsonObject(annotation)) return;
      const motivation = annotation.motivation;
      const painting = isJsonArray(motivation) ? motivation.includes('painting') : motivation === 'painting';
      if (!painting) return;
      const target = isJsonArray(annotation.target) ? annotation.target[0] : annotation.target;
      const span: TimeSpan = targetSpan(target) ?? { start: 0, end: duration };
      const body = firstBody(annotation.body, canPlay);
      const media = mediaOfBody(body);
      const url = media?.url ?? '';
      clips.push({
        media,
        page: p,
        item: a,
        annotationId: typeof annotation.id === 'string' ? annotation.id : '',
        span: closeSpan(span, duration),
        body,
        label:
          url
            .replace(/[?#].*$/, '')
            .split('/')
            .pop() ?? '',
      });
    });
  });
  return clips;
}

/** Whether a clip plays in a media element of its own (audio or video, or an address of unknown type). */
const hasClock = (clip: ClipView) => clip.media !== undefined && clip.media.type !== 'Image';

/**
 * The clips in the order a player looks for the one to play at a time: those with a clock of their own (audio,
 * video) before pictures and text painted for a time, each group in document order. Where a film and a picture
 * of its setting are painted for the same span (the cookbook's multimedia canvas lists the picture first), the
 * film plays.
 */
export function byPlaybackPreference(clips: readonly ClipView[]): ClipView[] {
  return [...clips.filter(hasClock), ...clips.filter((clip) => !hasClock(clip))];
}

/**
 * The canvas with `media` added as one more clip, after the last one (shared/iiif/time placeClip). A canvas too
 * short for it grows to hold it: a canvas is as long as what plays on it. A Video on a Sound-only canvas gives
 * the canvas the video's size.
 */
export function addClip(canvas: JsonObject, media: MediaSource, mint: MintId): JsonObject {
  const canvasId = typeof canvas.id === 'string' ? canvas.id : '';
  const duration = canvasDuration(canvas) ?? 0;
  const spans = clipsOf(canvas).map((clip) => clip.span);
  const start = durationToHold(spans);
  const span = { start, end: roundTime(start + media.duration) };
  const pages = isJsonArray(canvas.items) ? canvas.items : [];
  const first = pages.findIndex(isJsonObject);
  const annotationId = mint(
    'annotation',
    first >= 0 ? String((pages[first] as JsonObject).id ?? canvasId) : canvasId,
  );
  const clip = clipAnnotation(annotationId, canvasId, media, span);
  let items: JsonValue[];
  if (first < 0) items = [{ id: mint('page', canvasId), type: 'AnnotationPage', items: [clip] }];
  else {
    const page = pages[first] as JsonObject;
    const list = isJsonArray(page.items) ? page.items : [];
    items = pages.map((p, i) => (i === first ? { ...page, items: [...list, clip] } : p));
  }
  const sized: JsonObject =
    media.kind === 'Video' &&
    canvas.width === undefined &&
    media.width !== undefined &&
    media.height !== undefined
      ? { width: media.width, height: media.height }
      : {};
  return { ...canvas, ...sized, duration: Math.max(duration, span.end), items };
}

/**
 * The canvas with the clip at (page, item) moved to play in `span`. The canvas's duration is kept: a span is
 * clamped into it (the timeline cannot drag a clip off the canvas).
 */
export function setClipSpan(canvas: JsonObject, page: number, item: number, span: ClosedSpan): JsonObject {
  const duration = canvasDuration(canvas);
  if (duration === undefined || !isJsonArray(canvas.items)) return canvas;
  const annotationPage = canvas.items[page];
  if (!isJsonObject(annotationPage) || !isJsonArray(annotationPage.items)) return canvas;
  const annotation = annotationPage.items[item];
  if (!isJsonObject(annotation)) return canvas;
  const canvasId = typeof canvas.id === 'string' ? canvas.id : '';
  // The publisher's spelling of the target (a string, a SpecificResource) is kept; only the span changes.
  const written = isJsonArray(annotation.target) ? annotation.target[0] : annotation.target;
  // The span it already plays in (a whole-canvas target is the whole duration): nothing to write.
  const before = targetSpan(written);
  const whole = written !== undefined && parseTarget(written).geometry.kind === 'whole';
  const wanted = closeSpan(span, duration);
  if ((before || whole) && sameSpan(closeSpan(before ?? { start: 0 }, duration), wanted)) return canvas;
  const shape = { source: canvasId, geometry: { kind: 'time' as const, ...wanted } };
  // A string target keeps the rest of its fragment (`xywh=…&t=…`): only the time part is replaced.
  const first =
    typeof written === 'string' ? replaceTimeFragment(written, wanted) : formatTarget(shape, written);
  const target = isJsonArray(annotation.target) ? [first, ...annotation.target.slice(1)] : first;
  const nextPage = {
    ...annotationPage,
    items: annotationPage.items.map((a, i) => (i === item ? { ...annotation, target } : a)),
  };
  return { ...canvas, items: canvas.items.map((p, i) => (i === page ? nextPage : p)) };
}

/** The canvas without the clip at (page, item); the canvas keeps its duration (what else plays on it stays). */
export function removeClip(canvas: JsonObject, page: number, item: number): JsonObject {
  if (!isJsonArray(canvas.items)) return canvas;
  const annotationPage = canvas.items[page];
  if (!isJsonObject(annotationPage) || !isJsonArray(annotationPage.items)) return canvas;
  if (item < 0 || item >= annotationPage.items.length) return canvas;
  const nextPage = { ...annotationPage, items: annotationPage.items.filter((_, i) => i !== item) };
  return { ...canvas, items: canvas.items.map((p, i) => (i === page ? nextPage : p)) };
}

/** The time span a painting target names: `#t=` in a URI (with or without other parts), or a time selector. */
function targetSpan(target: JsonValue | undefined): TimeSpan | undefined {
  if (target === undefined) return undefined;
  if (typeof target === 'string') return timeSpanOfUri(target);
  const geometry = parseTarget(target).geometry;
  return geometry.kind === 'time' ? geometry : undefined;
}

function sameSpan(a: ClosedSpan, b: ClosedSpan): boolean {
  return roundTime(a.start) === roundTime(b.start) && roundTime(a.end) === roundTime(b.end);
}

/** The time span a URI names, closed at `duration` (for targets read elsewhere). */
export function spanOfTarget(uri: string, duration: number): ClosedSpan | undefined {
  const span = timeSpanOfUri(uri);
  return span === undefined ? undefined : closeSpan(span, duration);
}
