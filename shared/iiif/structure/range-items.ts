/**
 * What one entry of a Range's `items` is. Presentation 3 allows Canvases (by reference, optionally with a
 * media fragment: `#xywh=`, `#t=`), parts of Canvases as SpecificResources (a FragmentSelector or any other
 * selector), and Ranges (given in full, or by reference). Anything else is kept as it is and reported by
 * validation: an unknown item is bad input, never dropped.
 */
import type { Range, RangeItems } from '@iiif/presentation-3';
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../json';
import { readTimeFragment, withTimeFragment, type TimeSpan } from '../time';

export type RangeItemView =
  /** A whole Canvas: `{ id, type: "Canvas" }` or a bare id string. */
  | { readonly kind: 'canvas'; readonly canvasId: string }
  /** Part of a Canvas: a Canvas id with a fragment, or a SpecificResource on a Canvas. */
  | {
      readonly kind: 'part';
      readonly canvasId: string;
      /** The media fragment (`xywh=…`, `t=…`) without `#`, when the part is one. */
      readonly fragment: string | undefined;
      /** A selector that is not a FragmentSelector (SvgSelector, PointSelector, ...), kept as it is. */
      readonly selector: JsonValue | undefined;
    }
  /** A Range given in full (it has `items`). */
  | { readonly kind: 'range'; readonly range: Range }
  /** A Range by reference only (`{ id, type: "Range" }` without items). */
  | { readonly kind: 'range-ref'; readonly rangeId: string | undefined }
  | { readonly kind: 'unknown' };

/** The typed view of a Range node: the JSON object itself, read through the community's types. */
export function asRange(node: JsonObject): Range {
  return node as unknown as Range;
}

/** The JSON of a typed range item (the inverse of asRange: both are the same object). */
export function rangeItemJson(item: RangeItems): JsonValue {
  return item as unknown as JsonValue;
}

export function isRangeObject(value: JsonValue | undefined): value is JsonObject {
  return isJsonObject(value) && value['type'] === 'Range';
}

/** A Range with an `items` list: one this document defines rather than one it refers to. */
export function isFullRange(value: JsonValue | undefined): value is JsonObject {
  return isRangeObject(value) && isJsonArray(value['items']);
}

function splitFragment(id: string): { base: string; fragment: string | undefined } {
  const hash = id.indexOf('#');
  return hash === -1
    ? { base: id, fragment: undefined }
    : { base: id.slice(0, hash), fragment: id.slice(hash + 1) };
}

export function classifyRangeItem(item: JsonValue): RangeItemView {
  if (typeof item === 'string') return canvasById(item);
  if (!isJsonObject(item)) return { kind: 'unknown' };
  const type = item['type'];
  const id = typeof item['id'] === 'string' ? item['id'] : undefined;
  if (type === 'Range') {
    return isJsonArray(item['items'])
      ? { kind: 'range', range: asRange(item) }
      : { kind: 'range-ref', rangeId: id };
  }
  if (type === 'Canvas') return id === undefined ? { kind: 'unknown' } : canvasById(id);
  if (type === 'SpecificResource') return specificResource(item);
  return { kind: 'unknown' };
}

function canvasById(id: string): RangeItemView {
  const { base, fragment } = splitFragment(id);
  return fragment === undefined
    ? { kind: 'canvas', canvasId: base }
    : { kind: 'part', canvasId: base, fragment, selector: undefined };
}

function specificResource(item: JsonObject): RangeItemView {
  const source = item['source'];
  const sourceId =
    typeof source === 'string'
      ? source
      : isJsonObject(source) && typeof source['id'] === 'string'
        ? source['id']
        : undefined;
  if (sourceId === undefined) return { kind: 'unknown' };
  if (isJsonObject(source) && source['type'] !== undefined && source['type'] !== 'Canvas')
    return { kind: 'unknown' };
  const { base, fragment: idFragment } = splitFragment(sourceId);
  const selectors = isJsonArray(item['selector'])
    ? item['selector']
    : item['selector'] === undefined
      ? []
      : [item['selector']];
  const first = selectors[0];
  if (isJsonObject(first) && first['type'] === 'FragmentSelector' && typeof first['value'] === 'string') {
    return { kind: 'part', canvasId: base, fragment: first['value'].replace(/^#/, ''), selector: undefined };
  }
  return { kind: 'part', canvasId: base, fragment: idFragment, selector: first };
}

/** The Canvas an item points at, whole or in part; undefined for Ranges and unknown items. */
export function itemCanvasId(item: JsonValue): string | undefined {
  const view = classifyRangeItem(item);
  return view.kind === 'canvas' || view.kind === 'part' ? view.canvasId : undefined;
}

/** A reference to a whole Canvas, in the shape the specification's examples use. */
export function canvasReference(canvasId: string): JsonObject {
  return { id: canvasId, type: 'Canvas' };
}

/**
 * A part of a Canvas: a SpecificResource with a FragmentSelector (`xywh=…` or `t=…`), the form Presentation 3
 * gives for "part of a Canvas" in a Range.
 */
export function canvasPartReference(canvasId: string, fragment: string): JsonObject {
  return {
    type: 'SpecificResource',
    source: { id: canvasId, type: 'Canvas' },
    selector: {
      type: 'FragmentSelector',
      conformsTo: 'http://www.w3.org/TR/media-frags/',
      value: fragment.replace(/^#/, ''),
    },
  };
}

/** The time span a Range item names (`canvas#t=…`, or a FragmentSelector `t=…`): a movement, a track. */
export function rangeItemTimeSpan(item: JsonValue): TimeSpan | undefined {
  const view = classifyRangeItem(item);
  if (view.kind !== 'part' || view.fragment === undefined) return undefined;
  const reading = readTimeFragment(view.fragment);
  return reading?.kind === 'span' ? reading.span : undefined;
}

/**
 * A span of a time-based Canvas, as the cookbook's Ranges over time write it (`{ id: "canvas#t=0,302.05",
 * type: "Canvas" }`): the form every A/V viewer reads.
 */
export function canvasTimeReference(canvasId: string, span: TimeSpan): JsonObject {
  return { id: withTimeFragment(canvasId, span), type: 'Canvas' };
}

/**
 * The item with its time span replaced, in the spelling it was written in: the `t=` of a Canvas id or of a
 * FragmentSelector's value is rewritten, other parts of the fragment (`xywh=`) kept. An item that names no
 * time span is returned as it is.
 */
export function withItemTimeSpan(item: JsonValue, span: TimeSpan): JsonValue {
  if (rangeItemTimeSpan(item) === undefined) return item;
  const fragment = (text: string) =>
    text
      .replace(/^#/, '')
      .split('&')
      .map((part) => (part.startsWith('t=') ? withTimeFragment('', span).slice(1) : part))
      .join('&');
  const uri = (id: string) => {
    const hash = id.indexOf('#');
    return hash < 0 ? id : `${id.slice(0, hash)}#${fragment(id.slice(hash + 1))}`;
  };
  if (typeof item === 'string') return uri(item);
  if (!isJsonObject(item)) return item;
  if (item['type'] !== 'SpecificResource')
    return typeof item['id'] === 'string' ? { ...item, id: uri(item['id']) } : item;
  // As classifyRangeItem reads it: the first selector when it is a FragmentSelector, else the source's id.
  const selector = item['selector'];
  const first = isJsonArray(selector) ? selector[0] : selector;
  if (isJsonObject(first) && first['type'] === 'FragmentSelector' && typeof first['value'] === 'string') {
    const rewritten = { ...first, value: fragment(first['value']) };
    return { ...item, selector: isJsonArray(selector) ? [rewritten, ...selector.slice(1)] : rewritten };
  }
  const source = item['source'];
  if (typeof source === 'string') return { ...item, source: uri(source) };
  if (isJsonObject(source) && typeof source['id'] === 'string')
    return { ...item, source: { ...source, id: uri(source['id']) } };
  return item;
}
