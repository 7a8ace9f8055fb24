/**
 * What a curator pastes or drops, turned into a list of inputs (one per image, manifest or content state) and,
 * for content states, into the resources they point at. Pure: the renderer hands over strings, never events.
 *
 * Drops follow the IIIF conventions (Content State API 1.0 §3, cookbook recipe 0599 "drag and drop"): the
 * dragged item puts a content state into the drag data as `text/plain` (JSON, encoded, or a plain URI); links
 * and images dragged from web pages arrive as `text/uri-list` and `text/html`; older pages link the IIIF logo
 * to `…?manifest=<uri>` (and `&canvas=<uri>`) or `…?image=<info.json>`, and content-state links carry
 * `?iiif-content=<encoded>`.
 */
import {
  decodeContentState,
  readPlainContentState,
  type DecodedContentState,
} from '../image-api/content-state';
import { classifyUrl } from '../image-api/classify-url';
import { readXywh, type XywhReading, type XywhRegion } from '../document/xywh-fragment';
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../json';

/**
 * Splits pasted text into inputs: one JSON content state, a JSON list, or addresses separated by line breaks
 * and white space. Never on commas: they belong to IIIF addresses (sizes `600,`, regions `x,y,w,h`).
 */
export function splitInputs(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const value = JSON.parse(trimmed) as unknown;
      if (Array.isArray(value)) {
        return value.flatMap((item) =>
          typeof item === 'string' ? splitInputs(item) : isJsonObject(item) ? [JSON.stringify(item)] : [],
        );
      }
      if (isJsonObject(value)) return [JSON.stringify(value)];
    } catch {
      // Not one JSON document: fall through to line splitting (maybe one JSON object per line).
    }
  }
  const out: string[] = [];
  for (const line of trimmed.split(/\r?\n/)) {
    const item = line.trim();
    if (item === '' || item.startsWith('#')) continue;
    if (item.startsWith('{')) out.push(item);
    else out.push(...item.split(/\s+/).filter((part) => part !== ''));
  }
  return out;
}

/**
 * What an input is taken as, in words for the Add images dialog, judged by its shape before any request (the
 * fetch has the last word: an address of unknown shape is tried as an image, then as a manifest).
 */
export function describeInput(input: string): string {
  const text = input.trim();
  if (!text.startsWith('{') && !/^https?:\/\//i.test(text)) {
    const kind = classifyUrl(text);
    return kind === 'content-state' ? 'content state (encoded)' : 'not a web address';
  }
  switch (classifyUrl(text)) {
    case 'info.json':
      return 'image information (info.json)';
    case 'image-service-base':
      return 'image service';
    case 'image':
      return imageRequestServiceBase(text) !== null ? 'image service (from an image request)' : 'image file';
    case 'manifest-or-collection':
      return 'manifest';
    case 'content-state':
      return 'content state';
    case 'unknown':
      return text.startsWith('{')
        ? 'unreadable content state'
        : 'address, tried as an image, then a manifest';
  }
}

/** The drag data Tessera reads from a drop, by MIME type (absent types left out or empty). */
export interface DropData {
  readonly uriList?: string;
  readonly text?: string;
  readonly html?: string;
}

/** Inputs carried by a drop from another page or application, most specific first, without duplicates. */
export function inputsFromDrop(data: DropData): string[] {
  const found: string[] = [];
  const add = (value: string) => {
    const normal = unwrapViewerLink(value.trim());
    if (normal !== '' && !found.includes(normal)) found.push(normal);
  };
  const text = data.text?.trim() ?? '';
  // A content state in text/plain is the IIIF drag-and-drop convention: it wins over the link it came with.
  if (text !== '') {
    let state: DecodedContentState | null = null;
    if (text.startsWith('{')) state = readPlainContentState(text);
    else if (!/\s/.test(text) && !/^https?:/i.test(text)) state = decodeContentState(text);
    if (state?.ok) {
      add(state.kind === 'json' ? JSON.stringify(state.value) : state.value);
      return found;
    }
  }
  for (const line of (data.uriList ?? '').split(/\r?\n/)) {
    const item = line.trim();
    if (item !== '' && !item.startsWith('#')) add(item);
  }
  if (found.length === 0 && data.html) {
    // An image dragged from a page: <img src>; a link: <a href>. Only absolute http(s) addresses.
    for (const match of data.html.matchAll(/\b(?:src|href)\s*=\s*("([^"]*)"|'([^']*)')/gi)) {
      const url = decodeHtmlAttribute(match[2] ?? match[3] ?? '');
      if (/^https?:\/\//i.test(url)) add(url);
    }
  }
  if (found.length === 0) for (const item of splitInputs(text)) add(item);
  return found;
}

function decodeHtmlAttribute(value: string): string {
  return value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

/**
 * The 2017 drag-and-drop convention links the IIIF logo to `<viewer page>?manifest=<uri>` (optionally with
 * `&canvas=`), or `?image=<info.json>`. Those links mean the named resource, not the page. A `iiif-content`
 * link is left as is: it is itself a content state input.
 */
export function unwrapViewerLink(input: string): string {
  const match = /^https?:\/\/[^?#\s]*\?([^#\s]*)/i.exec(input);
  if (!match) return input;
  const params = new Map<string, string>();
  for (const pair of (match[1] ?? '').split('&')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    try {
      params.set(pair.slice(0, eq), decodeURIComponent(pair.slice(eq + 1).replace(/\+/g, ' ')));
    } catch {
      // a malformed escape: ignore that parameter
    }
  }
  if (params.has('iiif-content')) return input;
  const manifest = params.get('manifest');
  const canvas = params.get('canvas');
  if (manifest && /^https?:\/\//i.test(manifest)) {
    if (canvas && /^https?:\/\//i.test(canvas)) {
      return JSON.stringify({ id: canvas, type: 'Canvas', partOf: [{ id: manifest, type: 'Manifest' }] });
    }
    return manifest;
  }
  const image = params.get('image');
  if (image && /^https?:\/\//i.test(image)) return image;
  return input;
}

/** One resource a content state points at, reduced to what adding canvases needs. */
export type ContentTarget =
  | { readonly kind: 'manifest'; readonly manifestId: string }
  | {
      readonly kind: 'canvas';
      readonly canvasId: string;
      readonly manifestId: string;
      /** The part of the canvas the content state means (`#xywh=` or a FragmentSelector); absent: all of it. */
      readonly region?: XywhRegion;
    }
  | { readonly kind: 'collection'; readonly collectionId: string }
  | { readonly kind: 'unsupported'; readonly reason: string };

function list(value: JsonValue | undefined): JsonValue[] {
  if (value === undefined) return [];
  return isJsonArray(value) ? [...value] : [value];
}

function stringId(node: JsonObject): string | undefined {
  const id = node['id'] ?? node['@id'];
  return typeof id === 'string' ? id : undefined;
}

/**
 * The region a content state target names: a FragmentSelector (`xywh=…`) of a SpecificResource, else a
 * `#xywh=` fragment on the canvas id. Other selectors (SVG, points) name no rectangle: the whole canvas.
 */
function regionOf(target: JsonObject, canvasId: string): XywhReading {
  if (target['type'] === 'SpecificResource') {
    for (const selector of list(target['selector'])) {
      if (!isJsonObject(selector) || selector['type'] !== 'FragmentSelector') continue;
      const value = selector['value'];
      if (typeof value !== 'string') return { kind: 'invalid', reason: 'A FragmentSelector has no value.' };
      const reading = readXywh(value);
      if (reading.kind !== 'none') return reading;
    }
  }
  return canvasId.includes('#') ? readXywh(canvasId) : { kind: 'none' };
}

/**
 * The targets of a content state (a full Annotation or just its target): manifests whole, canvases with the
 * manifest they are part of and the region meant, if any (`#xywh=` or a FragmentSelector, in pixels or
 * percent). A time fragment is dropped: canvases are added whole in time.
 */
export function contentStateTargets(state: JsonObject): ContentTarget[] {
  const targets = state['type'] === 'Annotation' ? list(state['target']) : [state];
  return targets.map((target): ContentTarget => {
    if (typeof target === 'string') return { kind: 'manifest', manifestId: target };
    if (!isJsonObject(target)) return { kind: 'unsupported', reason: 'The content state target is empty.' };
    let node = target;
    if (node['type'] === 'SpecificResource' && isJsonObject(node['source'])) {
      const source = node['source'];
      const partOf = node['partOf'];
      node = source['partOf'] === undefined && partOf !== undefined ? { ...source, partOf } : source;
    }
    const id = stringId(node);
    if (!id) return { kind: 'unsupported', reason: 'The content state names a resource without an id.' };
    const type = node['type'];
    if (type === 'Manifest') return { kind: 'manifest', manifestId: id };
    if (type === 'Collection') return { kind: 'collection', collectionId: id };
    if (type === 'Canvas') {
      const manifest = list(node['partOf'])
        .filter(isJsonObject)
        .map(stringId)
        .find((value): value is string => value !== undefined);
      if (!manifest) {
        return {
          kind: 'unsupported',
          reason: 'The content state names a canvas but not the manifest it is part of.',
        };
      }
      const region = regionOf(target, id);
      if (region.kind === 'invalid') {
        return { kind: 'unsupported', reason: `The content state's region cannot be read: ${region.reason}` };
      }
      return {
        kind: 'canvas',
        canvasId: id.replace(/#.*$/, ''),
        manifestId: manifest,
        ...(region.kind === 'region' ? { region: region.region } : {}),
      };
    }
    return {
      kind: 'unsupported',
      reason: `The content state points at a ${String(type ?? 'resource')}, which cannot be added as canvases.`,
    };
  });
}

/**
 * The service base of an Image API image request (`{base}/{region}/{size}/{rotation}/{quality}.{format}`),
 * or null when the address is not one. Dragging an image from an IIIF viewer gives such an address.
 */
export function imageRequestServiceBase(url: string): string | null {
  const match =
    /^(https?:\/\/[^?#]+?)\/(?:full|square|\d+,\d+,\d+,\d+|pct:[\d.]+,[\d.]+,[\d.]+,[\d.]+)\/(?:full|max|\^?max|\^?!?\d*,\d*|\^?pct:[\d.]+)\/!?\d+(?:\.\d+)?\/(?:default|native|color|colour|gray|grey|bitonal)\.[a-z0-9]+(?:[?#].*)?$/i.exec(
      url.trim(),
    );
  return match?.[1] ?? null;
}
