/** Annotation-level rules: motivation, target, and how painted content fits its Canvas. */
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../../json';
import { at, type Checker, type Site } from '../checker';
import { SPEC } from '../spec-links';
import { asList, closest, describeValue, isUri, referenceId, stripFragment } from '../values';

/** Where an Annotation sits: painting pages of a Canvas, commentary pages, or a standalone document. */
export type PageRole = 'items' | 'annotations' | 'other';

export interface CanvasExtent {
  readonly id?: string;
  readonly width?: number;
  readonly height?: number;
  readonly duration?: number;
  /** Whether the Canvas declares these dimensions at all (even with invalid values, reported elsewhere). */
  readonly spatial: boolean;
  readonly temporal: boolean;
}

const IIIF_MOTIVATIONS = ['painting', 'supplementing'];
/** Web Annotation motivations, plus those defined by IIIF companion specifications (Content State). */
const OTHER_MOTIVATIONS = [
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
  'contentState',
];
const ALL_MOTIVATIONS = [...IIIF_MOTIVATIONS, ...OTHER_MOTIVATIONS];
const WEB_ANNOTATION = 'https://www.w3.org/TR/annotation-model/';

/** The known motivation `value` names when only its case or surrounding spaces differ; else undefined. */
export function canonicalMotivation(value: string): string | undefined {
  const wanted = value.trim().toLowerCase();
  return ALL_MOTIVATIONS.find((m) => m.toLowerCase() === wanted && m !== value);
}

export function motivations(node: JsonObject): string[] {
  return asList(node.motivation).filter((m): m is string => typeof m === 'string');
}

export function checkMotivation(node: JsonObject, site: Site, ctx: Checker, role: PageRole): void {
  const value = node.motivation;
  const where = at(site, 'motivation');
  if (value === undefined) {
    if (role === 'items') {
      ctx.error(
        'painting-motivation-missing',
        site,
        'This Annotation paints the Canvas, so its motivation must be "painting".',
        SPEC.canvas,
      );
    } else {
      ctx.warning(
        'motivation-missing',
        site,
        'This Annotation has no motivation, so viewers cannot tell what it is for.',
        SPEC.motivation,
      );
    }
    return;
  }
  const list = isJsonArray(value) ? value : [value];
  list.forEach((motivation, index) => {
    const site = isJsonArray(value) ? at(where, index) : where;
    if (typeof motivation !== 'string') {
      ctx.error(
        'motivation-invalid',
        site,
        `A motivation must be a string, not ${describeValue(motivation)}.`,
        SPEC.motivation,
      );
      return;
    }
    if (ALL_MOTIVATIONS.includes(motivation)) return;
    const canonical = canonicalMotivation(motivation);
    if (canonical !== undefined) {
      // Motivations are case-sensitive terms; one that differs only in case or spaces means that term.
      ctx.warning(
        'motivation-unknown',
        site,
        `${describeValue(motivation)} is written differently from the motivation "${canonical}": viewers match motivations exactly.`,
        SPEC.motivation,
        'canonical-motivation',
      );
      return;
    }
    const suggestion = closest(motivation, ALL_MOTIVATIONS, 3);
    const message = `${describeValue(motivation)} is not a known motivation${suggestion ? `; did you mean "${suggestion}"?` : '.'}`;
    if (ctx.hasExtensionContext && suggestion === undefined)
      ctx.info('motivation-unknown', site, message, SPEC.motivation);
    else
      ctx.warning(
        'motivation-unknown',
        site,
        `${message} Viewers ignore motivations they do not know.`,
        SPEC.motivation,
      );
  });
  const strings = motivations(node);
  if (role === 'items' && !strings.includes('painting')) {
    ctx.error(
      'non-painting-in-items',
      where,
      'Only painting Annotations may be in a Canvas\'s items; put commentary, transcriptions and other Annotations in "annotations".',
      SPEC.canvas,
    );
  } else if (role === 'annotations' && strings.includes('painting')) {
    ctx.error(
      'painting-in-annotations',
      where,
      'Painting Annotations belong in a Canvas\'s items, not in "annotations".',
      SPEC.annotations,
    );
  }
}

/** The ids a target names: strings, Canvas references, and Specific Resource sources. */
function targetIds(target: JsonValue): { id: string; whole: boolean }[] {
  const found: { id: string; whole: boolean }[] = [];
  for (const entry of asList(target)) {
    if (typeof entry === 'string') found.push({ id: entry, whole: !entry.includes('#') });
    else if (isJsonObject(entry)) {
      if (entry.type === 'SpecificResource' || entry.source !== undefined) {
        const source = referenceId(entry.source);
        if (source !== undefined)
          found.push({ id: source, whole: entry.selector === undefined && !source.includes('#') });
      } else {
        const id = referenceId(entry);
        if (id !== undefined) found.push({ id, whole: !id.includes('#') });
      }
    }
  }
  return found;
}

export function checkTarget(
  node: JsonObject,
  site: Site,
  ctx: Checker,
  role: PageRole,
  canvas?: CanvasExtent,
): void {
  const target = node.target;
  if (target === undefined) {
    ctx.error(
      'annotation-missing-target',
      site,
      'This Annotation has no target: it must say what it annotates (for example the Canvas).',
      WEB_ANNOTATION,
    );
    return;
  }
  const list = isJsonArray(target) ? target : [target];
  list.forEach((entry, index) => {
    const where = isJsonArray(target) ? at(site, 'target', index) : at(site, 'target');
    if (typeof entry === 'string') {
      if (!isUri(entry))
        ctx.error('target-invalid', where, `The target must be a URI, not "${entry}".`, SPEC.annotation);
      else checkFragment(entry, where, ctx, canvas);
    } else if (isJsonObject(entry)) {
      if (entry.type === 'SpecificResource' && entry.source === undefined) {
        ctx.error(
          'specific-resource-source-missing',
          where,
          'A SpecificResource target needs a "source": the resource it selects from.',
          SPEC.annotation,
        );
      } else if (
        entry.type !== 'SpecificResource' &&
        entry.source === undefined &&
        referenceId(entry) === undefined
      ) {
        ctx.error('target-invalid', where, 'The target object has no "id".', SPEC.annotation);
      }
    } else {
      ctx.error(
        'target-invalid',
        where,
        `The target must be a URI or an object, not ${describeValue(entry)}.`,
        SPEC.annotation,
      );
    }
  });
  if (role === 'items' && canvas?.id !== undefined && motivations(node).includes('painting')) {
    const ids = targetIds(target).map((t) => stripFragment(t.id));
    if (ids.length > 0 && !ids.includes(canvas.id)) {
      // The specification says MUST, but viewers paint what a Canvas's pages contain whatever the target says,
      // and even the official validator's "good" fixtures get this wrong: a warning, not a blocking error.
      ctx.warning(
        'painting-target-mismatch',
        at(site, 'target'),
        `This painting Annotation is on Canvas ${canvas.id} but targets ${ids.join(', ')}; its target must be the Canvas it paints.`,
        SPEC.annotation,
      );
    }
  }
}

/** `#xywh=` regions must lie within the Canvas; `#t=` needs a Canvas with a duration. */
function checkFragment(target: string, site: Site, ctx: Checker, canvas?: CanvasExtent): void {
  if (canvas?.id === undefined || stripFragment(target) !== canvas.id) return;
  const fragment = target.slice(target.indexOf('#') + 1);
  if (fragment === target) return;
  for (const part of fragment.split('&')) {
    const xywh = /^xywh=(?:pixel:)?(\d+),(\d+),(\d+),(\d+)$/.exec(part);
    if (xywh && canvas.width !== undefined && canvas.height !== undefined) {
      const [x, y, w, h] = xywh.slice(1).map(Number) as [number, number, number, number];
      if (x + w > canvas.width || y + h > canvas.height) {
        ctx.error(
          'target-outside-canvas',
          site,
          `The region ${part} extends beyond the Canvas (${canvas.width} x ${canvas.height}).`,
          SPEC.canvas,
        );
      }
    }
    if (part.startsWith('t=') && !canvas.temporal) {
      ctx.error(
        'target-outside-canvas',
        site,
        `The time segment ${part} is on a Canvas that has no duration.`,
        SPEC.canvas,
      );
    }
  }
}

/** Bodies of a painting Annotation, with Choice options spelled out. */
function paintedResources(body: JsonValue | undefined): JsonObject[] {
  const found: JsonObject[] = [];
  for (const entry of asList(body)) {
    if (!isJsonObject(entry)) continue;
    if (entry.type === 'Choice' && isJsonArray(entry.items)) found.push(...entry.items.filter(isJsonObject));
    else found.push(entry);
  }
  return found;
}

export function checkPaintedContent(node: JsonObject, site: Site, ctx: Checker, canvas: CanvasExtent): void {
  if (!motivations(node).includes('painting')) return;
  const wholeCanvas = targetIds(node.target ?? null).some((t) => t.whole && t.id === canvas.id);
  // A Canvas with no extent at all is reported once, by the Canvas check; its content is not blamed too.
  const hasExtent = canvas.spatial || canvas.temporal;
  for (const resource of paintedResources(node.body)) {
    const where = at(site, 'body');
    if (hasExtent && typeof resource.duration === 'number' && !canvas.temporal) {
      ctx.error(
        'painting-dimension-undefined',
        where,
        'This content has a duration, but the Canvas it is painted on has none: give the Canvas a duration, or link the content another way.',
        SPEC.canvas,
      );
    }
    if (hasExtent && typeof resource.width === 'number' && !canvas.spatial) {
      ctx.error(
        'painting-dimension-undefined',
        where,
        'This content has a width and height, but the Canvas it is painted on has none.',
        SPEC.canvas,
      );
    }
    if (!wholeCanvas || resource.type !== 'Image') continue;
    const { width, height } = resource;
    if (
      typeof width !== 'number' ||
      typeof height !== 'number' ||
      canvas.width === undefined ||
      canvas.height === undefined
    )
      continue;
    if (width === canvas.width && height === canvas.height) continue;
    const ratio = width / height;
    const canvasRatio = canvas.width / canvas.height;
    if (Math.abs(ratio - canvasRatio) / canvasRatio > 0.01) {
      ctx.warning(
        'painting-size-mismatch',
        where,
        `The image is ${width} x ${height} but fills a ${canvas.width} x ${canvas.height} Canvas, so it will be stretched; target a region of the Canvas or fix the sizes.`,
        SPEC.canvas,
      );
    } else {
      ctx.info(
        'painting-scaled',
        where,
        `The image (${width} x ${height}) is scaled to the Canvas (${canvas.width} x ${canvas.height}); the proportions match.`,
        SPEC.canvas,
      );
    }
  }
}

export function checkTimeMode(node: JsonObject, site: Site, ctx: Checker): void {
  const value = node.timeMode;
  if (value !== undefined && !(typeof value === 'string' && ['trim', 'scale', 'loop'].includes(value))) {
    ctx.warning(
      'time-mode-unknown',
      at(site, 'timeMode'),
      `"timeMode" should be "trim", "scale" or "loop", not ${describeValue(value)}.`,
      SPEC.timeMode,
    );
  }
}
