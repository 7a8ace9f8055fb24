/**
 * An annotation target read as a shape descriptor (what the viewer draws and the panel lists) and written back.
 *
 * Targets come in many spellings: a canvas URI, `canvas#xywh=…`, `canvas#t=…`, a Canvas reference object, or a
 * SpecificResource whose selector is a FragmentSelector, PointSelector, SvgSelector or something we only keep
 * (ImageApiSelector, RangeSelector…). `parseTarget` reads one entry; `formatTarget` writes a shape back. It is
 * lossless by construction: when the geometry has not changed, the entry comes back as the very value written,
 * and when it has, the publisher's spelling (string or SpecificResource, the source object, styleClass…) is kept
 * and only the part that says where is replaced.
 */
import type { FragmentSelector, PointSelector, SpecificResource, SvgSelector } from '@iiif/presentation-3';
import { readXywh } from '../document/xywh-fragment';
import { formatTimeFragment, readTimeFragment } from '../time/media-fragment';
import { isJsonObject, type JsonObject, type JsonValue } from '../json';
import { asList, referenceId } from '../validation/values';
import { polygonSvg, svgOutline, type Point } from './svg-shape';

export type Geometry =
  | { readonly kind: 'whole' }
  | {
      readonly kind: 'box';
      readonly unit: 'pixel' | 'percent';
      readonly x: number;
      readonly y: number;
      readonly w: number;
      readonly h: number;
    }
  | { readonly kind: 'point'; readonly x: number; readonly y: number }
  /** An SvgSelector whose outline is straight lines: a polygon or a free shape drawn as one. */
  | { readonly kind: 'polygon'; readonly points: readonly Point[] }
  /** An SvgSelector we cannot outline (curves, several shapes): kept and listed, not drawn. */
  | { readonly kind: 'svg'; readonly svg: string }
  | { readonly kind: 'time'; readonly start: number; readonly end?: number }
  /** A selector we keep but do not draw (ImageApiSelector, RangeSelector, CSS, text selectors…). */
  | { readonly kind: 'selector'; readonly selector: string }
  /** Says where, but not in a way that can be read: the validator reports it. */
  | { readonly kind: 'invalid'; readonly reason: string };

export interface TargetShape {
  /** The resource targeted (usually a Canvas id), without fragment; '' when the target names none. */
  readonly source: string;
  readonly geometry: Geometry;
}

const MEDIA_FRAGMENTS = 'http://www.w3.org/TR/media-frags/';

function fragmentGeometry(fragment: string): Geometry {
  if (fragment === '') return { kind: 'whole' };
  const xywh = readXywh(fragment);
  if (xywh.kind === 'region') {
    const { unit, x, y, width, height } = xywh.region;
    return { kind: 'box', unit, x, y, w: width, h: height };
  }
  if (xywh.kind === 'invalid') return { kind: 'invalid', reason: xywh.reason };
  const time = readTimeFragment(fragment);
  if (time?.kind === 'invalid') return { kind: 'invalid', reason: time.reason };
  if (time !== undefined) return { kind: 'time', ...time.span };
  return { kind: 'selector', selector: 'fragment' };
}

function splitUri(uri: string): TargetShape {
  const hash = uri.indexOf('#');
  if (hash < 0) return { source: uri, geometry: { kind: 'whole' } };
  return { source: uri.slice(0, hash), geometry: fragmentGeometry(uri.slice(hash + 1)) };
}

function selectorGeometry(selector: JsonValue): Geometry {
  if (typeof selector === 'string') return fragmentGeometry(selector.replace(/^#/, ''));
  if (!isJsonObject(selector)) return { kind: 'invalid', reason: 'The selector is not an object.' };
  switch (selector.type) {
    case 'FragmentSelector':
      return typeof selector.value === 'string'
        ? fragmentGeometry(selector.value)
        : { kind: 'invalid', reason: 'The FragmentSelector has no "value".' };
    case 'PointSelector': {
      const { x, y, t } = selector;
      if (typeof x === 'number' && typeof y === 'number') return { kind: 'point', x, y };
      if (typeof t === 'number' && x === undefined && y === undefined) return { kind: 'time', start: t };
      return { kind: 'invalid', reason: 'The PointSelector needs numbers "x" and "y" (or a time "t").' };
    }
    case 'SvgSelector': {
      if (typeof selector.value !== 'string')
        return { kind: 'invalid', reason: 'The SvgSelector has no "value".' };
      // Mirador writes a bare <path> without the <svg> around it, and viewers draw it: markup is enough.
      if (!/<(svg|path|polygon|polyline|rect|circle|ellipse|line|g)[\s/>]/i.test(selector.value))
        return { kind: 'invalid', reason: 'The SvgSelector\'s "value" is not SVG markup.' };
      const points = svgOutline(selector.value);
      return points ? { kind: 'polygon', points } : { kind: 'svg', svg: selector.value };
    }
    default:
      return typeof selector.type === 'string'
        ? { kind: 'selector', selector: selector.type }
        : { kind: 'invalid', reason: 'The selector has no "type".' };
  }
}

/** One entry of `target`. */
export function parseTarget(entry: JsonValue): TargetShape {
  if (typeof entry === 'string') return splitUri(entry);
  if (!isJsonObject(entry))
    return {
      source: '',
      geometry: { kind: 'invalid', reason: 'The target is neither a URI nor an object.' },
    };
  if (entry.type === 'SpecificResource' || entry.source !== undefined || entry.selector !== undefined) {
    const sourceId = referenceId(entry.source) ?? referenceId(entry) ?? '';
    const base = splitUri(sourceId);
    if (entry.selector === undefined) return base;
    // Several selectors are alternatives (Web Annotation §4.2): the first one we can read says where.
    const geometries = asList(entry.selector).map(selectorGeometry);
    const geometry =
      geometries.find((g) => g.kind !== 'invalid' && g.kind !== 'selector') ?? geometries[0] ?? base.geometry;
    return { source: base.source, geometry };
  }
  const id = referenceId(entry);
  return id === undefined
    ? { source: '', geometry: { kind: 'invalid', reason: 'The target object has no "id".' } }
    : splitUri(id);
}

/** Every entry of an annotation's `target` (several for multi-canvas, manifest-level annotations). */
export function parseTargets(target: JsonValue | undefined): TargetShape[] {
  return target === undefined ? [] : asList(target).map(parseTarget);
}

export function sameGeometry(a: Geometry, b: Geometry): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function fragmentOf(geometry: Geometry): string | undefined {
  if (geometry.kind === 'box') {
    const values = [geometry.x, geometry.y, geometry.w, geometry.h].join(',');
    return `xywh=${geometry.unit === 'percent' ? 'percent:' : ''}${values}`;
  }
  if (geometry.kind === 'time') return formatTimeFragment(geometry);
  return undefined;
}

function selectorOf(geometry: Geometry): FragmentSelector | PointSelector | SvgSelector | undefined {
  switch (geometry.kind) {
    case 'point':
      return { type: 'PointSelector', x: geometry.x, y: geometry.y };
    case 'polygon':
      return { type: 'SvgSelector', value: polygonSvg(geometry.points) };
    case 'svg':
      return { type: 'SvgSelector', value: geometry.svg };
    case 'box':
    case 'time':
      return { type: 'FragmentSelector', conformsTo: MEDIA_FRAGMENTS, value: fragmentOf(geometry) as string };
    default:
      return undefined;
  }
}

/**
 * Writes `shape` as a target entry. `written` is the entry it was read from, if any: unchanged, it is returned
 * as is; changed, its spelling is kept. A new shape is written in the plainest form: `canvas#xywh=` for boxes
 * and time spans, a SpecificResource for points and outlines (which have no fragment syntax).
 */
export function formatTarget(shape: TargetShape, written?: JsonValue): JsonValue {
  if (written !== undefined) {
    const before = parseTarget(written);
    if (before.source === shape.source && sameGeometry(before.geometry, shape.geometry)) return written;
  }
  const { geometry } = shape;
  if (geometry.kind === 'selector' || geometry.kind === 'invalid')
    throw new Error(`formatTarget: a ${geometry.kind} target cannot be written from its shape`);
  if (isJsonObject(written) && (written.type === 'SpecificResource' || written.source !== undefined)) {
    const source =
      referenceId(written.source) !== undefined && referenceId(written.source)?.split('#')[0] === shape.source
        ? (written.source as JsonValue)
        : shape.source;
    const rest = Object.fromEntries(Object.entries(written).filter(([key]) => key !== 'selector'));
    const selector = selectorOf(geometry);
    const next: JsonObject = { ...rest, source };
    return selector === undefined ? next : { ...next, selector: selector as unknown as JsonObject };
  }
  const fragment = fragmentOf(geometry);
  if (geometry.kind === 'whole') return keepReference(written, shape.source);
  if (fragment !== undefined) return `${shape.source}#${fragment}`;
  const specific: SpecificResource = {
    type: 'SpecificResource',
    source: shape.source as unknown as SpecificResource['source'],
    selector: selectorOf(geometry) as SvgSelector,
  };
  return specific as unknown as JsonObject;
}

/** A whole-canvas target keeps a Canvas reference object (with its partOf) when it named the same canvas. */
function keepReference(written: JsonValue | undefined, source: string): JsonValue {
  if (isJsonObject(written) && typeof written.id === 'string' && written.id.split('#')[0] === source)
    return { ...written, id: source };
  return source;
}
