/**
 * What one entry of a Range's `items` is. Presentation 3 allows Canvases (by reference, optionally with a
 * media fragment: `#xywh=`, `#t=`), parts of Canvases as SpecificResources (a FragmentSelector or any other
 * selector), and Ranges (given in full, or by reference). Anything else is kept as it is and reported by
 * validation: an unknown item is bad input, never dropped.
 */
import type { Range, RangeItems } from '@iiif/presentation-3';
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../json';

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
