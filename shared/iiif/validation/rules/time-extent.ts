/**
 * Time on Canvases: a time span (`#t=`) must lie within the duration of the Canvas it names, whether an
 * Annotation targets it, a painting Annotation places a clip there, or a Range lists it; a Canvas with a
 * duration should have something that plays; and audio or video filling a span should last as long as it.
 * Spans are read in every spelling the documents use: `canvas#t=…` strings, `{ id: "canvas#t=…" }` references,
 * and SpecificResources with a FragmentSelector (`t=…`, alone or with `xywh=`) or a PointSelector's `t`.
 */
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../../json';
import { formatTimeFragment, readTimeFragment, type TimeSpan } from '../../time';
import { at, type Checker, type Site } from '../checker';
import { SPEC } from '../spec-links';
import { asList, referenceId, stripFragment } from '../values';
import type { CanvasExtent } from './annotation-rules';

/** Times are kept to the millisecond (roundTime): anything closer than this is the same instant. */
const SAME_INSTANT = 0.001;

/** A span named on a source, read from one target or range item. */
export interface TimeReference {
  readonly source: string;
  readonly span: TimeSpan;
}

function fragmentSpan(fragment: string): TimeSpan | undefined {
  const reading = readTimeFragment(fragment);
  return reading?.kind === 'span' ? reading.span : undefined;
}

function uriReference(uri: string): TimeReference | undefined {
  const hash = uri.indexOf('#');
  if (hash < 0) return undefined;
  const span = fragmentSpan(uri.slice(hash + 1));
  return span === undefined ? undefined : { source: uri.slice(0, hash), span };
}

/** The time span a target entry or Range item names, when it names one that can be read. */
export function timeReferenceOf(entry: JsonValue): TimeReference | undefined {
  if (typeof entry === 'string') return uriReference(entry);
  if (!isJsonObject(entry)) return undefined;
  if (entry.type === 'SpecificResource' || entry.source !== undefined) {
    const sourceId = referenceId(entry.source);
    if (sourceId === undefined) return undefined;
    for (const selector of asList(entry.selector)) {
      if (!isJsonObject(selector)) continue;
      if (selector.type === 'FragmentSelector' && typeof selector.value === 'string') {
        const span = fragmentSpan(selector.value);
        if (span) return { source: stripFragment(sourceId), span };
      }
      if (selector.type === 'PointSelector' && typeof selector.t === 'number')
        return { source: stripFragment(sourceId), span: { start: selector.t } };
    }
    return uriReference(sourceId);
  }
  const id = referenceId(entry);
  return id === undefined ? undefined : uriReference(id);
}

function seconds(value: number): string {
  return `${Math.round(value * 1000) / 1000} s`;
}

/**
 * Reports a span that starts at or after the end of the Canvas (nothing of it can play: no certain fix) or
 * runs past it (the fix ends it at the duration).
 */
export function checkTimeWithin(
  entry: JsonValue,
  site: Site,
  ctx: Checker,
  canvasId: string,
  duration: number,
  what: string,
): void {
  const reference = timeReferenceOf(entry);
  if (reference === undefined || reference.source !== canvasId) return;
  const { start, end } = reference.span;
  if (start >= duration - SAME_INSTANT && start > 0) {
    ctx.error(
      'time-outside-duration',
      site,
      `${what} starts at ${seconds(start)}, at or after the end of the Canvas (${seconds(duration)}).`,
      SPEC.duration,
    );
  } else if (end !== undefined && end > duration + SAME_INSTANT) {
    ctx.error(
      'time-outside-duration',
      site,
      `${what} ends at ${seconds(end)}, after the end of the Canvas (${seconds(duration)}); ending it at ${seconds(duration)} keeps everything that can play.`,
      SPEC.duration,
      'clamp-time-to-duration',
    );
  }
}

/**
 * Each entry of an Annotation's target, checked against the Canvas it names: the Canvas whose pages hold it,
 * or any Canvas of the Manifest already walked (annotations on the Manifest or a Range come after them).
 */
export function checkTargetTimes(node: JsonObject, site: Site, ctx: Checker, canvas?: CanvasExtent): void {
  const target = node.target;
  if (target === undefined) return;
  const list = isJsonArray(target) ? target : [target];
  list.forEach((entry, index) => {
    const source = timeReferenceOf(entry)?.source;
    if (source === undefined) return;
    const duration = source === canvas?.id ? canvas.duration : ctx.canvasDurations.get(source);
    if (duration === undefined) return;
    const where = isJsonArray(target) ? at(site, 'target', index) : at(site, 'target');
    checkTimeWithin(entry, where, ctx, source, duration, 'This time span');
  });
}

/** Sound, Video and anything else painted with a duration, Choice options included. */
function timedBodies(body: JsonValue | undefined): JsonObject[] {
  const found: JsonObject[] = [];
  for (const entry of asList(body)) {
    if (!isJsonObject(entry)) continue;
    if (entry.type === 'Choice' && isJsonArray(entry.items)) found.push(...timedBodies(entry.items));
    else if (entry.type === 'Sound' || entry.type === 'Video' || typeof entry.duration === 'number')
      found.push(entry);
  }
  return found;
}

function paintingAnnotations(canvas: JsonObject): JsonObject[] {
  const found: JsonObject[] = [];
  for (const page of asList(canvas.items)) {
    if (!isJsonObject(page)) continue;
    for (const annotation of asList(page.items)) {
      if (isJsonObject(annotation) && asList(annotation.motivation).includes('painting'))
        found.push(annotation);
    }
  }
  return found;
}

/**
 * A Canvas with a duration where nothing plays: no audio or video painted on it, and nothing placed on a span
 * of its time (images shown in turn, as on a timeline, are time-based content too). A Canvas with no content
 * at all is reported as empty already.
 */
export function checkCanvasPlays(canvas: JsonObject, site: Site, ctx: Checker, duration: number): void {
  const painting = paintingAnnotations(canvas);
  if (painting.length === 0) return;
  const plays = painting.some(
    (annotation) =>
      timedBodies(annotation.body).length > 0 ||
      asList(annotation.target).some((entry) => timeReferenceOf(entry) !== undefined),
  );
  if (plays) return;
  ctx.warning(
    'canvas-duration-without-media',
    at(site, 'duration'),
    `This Canvas lasts ${seconds(duration)} but nothing on it plays: paint audio or video on it, place content on spans of its time, or remove the duration.`,
    SPEC.duration,
  );
}

/**
 * Audio or video painted on a span should last as long as the span. Shorter media leaves the rest of the span
 * silent; media longer than the whole Canvas is cut at its end. Under `timeMode` scale or loop any length
 * fits, and media on part of the Canvas may be meant to be trimmed, so only those two cases are reported.
 */
export function checkMediaDuration(node: JsonObject, site: Site, ctx: Checker, canvas: CanvasExtent): void {
  const { id, duration } = canvas;
  if (id === undefined || duration === undefined) return;
  if (node.timeMode === 'scale' || node.timeMode === 'loop') return;
  const targets = asList(node.target);
  if (targets.length !== 1) return;
  const entry = targets[0] as JsonValue;
  const reference = timeReferenceOf(entry);
  const whole = reference === undefined && referenceId(entry) === id;
  if (!whole && (reference === undefined || reference.source !== id)) return;
  const start = reference?.span.start ?? 0;
  const end = Math.min(reference?.span.end ?? duration, duration);
  const length = end - start;
  if (length <= 0) return;
  // Declared durations are rounded in different ways (to ms, to frames): a tenth of a second is agreement.
  const slack = Math.max(0.1, length * 0.001);
  const bodyPath = isJsonArray(node.body) ? undefined : at(site, 'body');
  for (const body of timedBodies(node.body)) {
    const bodyDuration = body.duration;
    if (typeof bodyDuration !== 'number' || !Number.isFinite(bodyDuration) || bodyDuration <= 0) continue;
    const kind = body.type === 'Sound' ? 'audio' : body.type === 'Video' ? 'video' : 'media';
    const where = bodyPath ?? at(site, 'body');
    if (bodyDuration < length - slack) {
      ctx.warning(
        'media-duration-mismatch',
        where,
        `This ${kind} lasts ${seconds(bodyDuration)} but fills ${whole ? 'a Canvas' : 'a span'} of ${seconds(length)}: the rest stays silent. Check the durations.`,
        SPEC.duration,
      );
    } else if (whole && bodyDuration > length + slack) {
      ctx.warning(
        'media-duration-mismatch',
        where,
        `This ${kind} lasts ${seconds(bodyDuration)} but the Canvas only ${seconds(length)}: viewers stop it at the Canvas's end. Check the durations.`,
        SPEC.duration,
      );
    }
  }
}

/** The `t=` part of `fragment` ended at `duration`, other parts kept; the fragment as it was otherwise. */
function clampFragment(fragment: string, duration: number): string {
  return fragment
    .split('&')
    .map((part) => {
      if (!part.startsWith('t=')) return part;
      const span = fragmentSpan(part);
      if (span?.end === undefined || span.end <= duration || span.start >= duration) return part;
      return formatTimeFragment({ start: span.start, end: duration });
    })
    .join('&');
}

function clampUri(uri: string, duration: number): string {
  const hash = uri.indexOf('#');
  return hash < 0 ? uri : `${uri.slice(0, hash + 1)}${clampFragment(uri.slice(hash + 1), duration)}`;
}

/** A target entry or Range item with its time span ended at `duration`, in the spelling it was written in. */
export function clampTimeReference(entry: JsonValue, duration: number): JsonValue {
  if (typeof entry === 'string') return clampUri(entry, duration);
  if (!isJsonObject(entry)) return entry;
  if (entry.type === 'SpecificResource' || entry.source !== undefined) {
    const clampSelector = (selector: JsonValue): JsonValue =>
      isJsonObject(selector) && selector.type === 'FragmentSelector' && typeof selector.value === 'string'
        ? { ...selector, value: clampFragment(selector.value, duration) }
        : selector;
    const selector = entry.selector;
    const next =
      selector === undefined
        ? entry
        : {
            ...entry,
            selector: isJsonArray(selector) ? selector.map(clampSelector) : clampSelector(selector),
          };
    const source = next.source;
    if (typeof source === 'string') return { ...next, source: clampUri(source, duration) };
    if (isJsonObject(source) && typeof source.id === 'string')
      return { ...next, source: { ...source, id: clampUri(source.id, duration) } };
    return next;
  }
  return typeof entry.id === 'string' ? { ...entry, id: clampUri(entry.id, duration) } : entry;
}
