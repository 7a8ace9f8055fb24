/**
 * Annotation bodies as views: a TextualBody (the text of a comment, tag or transcription), a linked resource
 * (id, type, format, label), or something else that is kept but not edited here (a Choice, a SpecificResource,
 * an extension type). `body` may be one object, a URI string, or a list of several.
 */
import type { Annotation } from '@iiif/presentation-3';
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../json';
import { asList } from '../validation/values';
// The sanitiser module itself, not the html index: sanitize-document imports this file to clean bodies on save.
import { isHtmlValue, sanitizeValue } from '../html/sanitize-value';

export type BodyView =
  | {
      readonly kind: 'text';
      readonly value: string;
      readonly language?: string;
      readonly format?: string;
      readonly purpose: readonly string[];
    }
  | {
      readonly kind: 'resource';
      readonly id: string;
      readonly type?: string;
      readonly format?: string;
      /** The label's first value, whatever its language. */
      readonly label?: string;
    }
  | { readonly kind: 'other'; readonly type?: string };

function firstLabel(label: JsonValue | undefined): string | undefined {
  if (typeof label === 'string') return label;
  if (!isJsonObject(label)) return undefined;
  for (const values of Object.values(label)) {
    const first = isJsonArray(values) ? values[0] : values;
    if (typeof first === 'string') return first;
  }
  return undefined;
}

function stringOf(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function readBody(body: JsonValue): BodyView {
  if (typeof body === 'string') return { kind: 'resource', id: body };
  if (!isJsonObject(body)) return { kind: 'other' };
  const type = stringOf(body.type);
  const language = stringOf(asList(body.language)[0]);
  const format = stringOf(body.format);
  if ((type === 'TextualBody' || type === undefined) && typeof body.value === 'string') {
    return {
      kind: 'text',
      value: body.value,
      ...(language === undefined ? {} : { language }),
      ...(format === undefined ? {} : { format }),
      purpose: asList(body.purpose).filter((p): p is string => typeof p === 'string'),
    };
  }
  if (typeof body.id === 'string' && type !== 'Choice' && type !== 'SpecificResource') {
    const label = firstLabel(body.label);
    return {
      kind: 'resource',
      id: body.id,
      ...(type === undefined ? {} : { type }),
      ...(format === undefined ? {} : { format }),
      ...(label === undefined ? {} : { label }),
    };
  }
  return type === undefined ? { kind: 'other' } : { kind: 'other', type };
}

export function readBodies(annotation: Annotation | JsonObject): BodyView[] {
  const body = (annotation as JsonObject).body;
  return body === undefined ? [] : asList(body).map(readBody);
}

/** Text for lists and search: the body's text, or its label or id. */
export function bodyText(body: BodyView): string {
  if (body.kind === 'text') return body.value;
  if (body.kind === 'resource') return body.label ?? body.id;
  return body.type ?? '';
}

export function isHtmlBody(body: JsonObject): boolean {
  return body.format === 'text/html' && typeof body.value === 'string';
}

/**
 * The HTML of a `text/html` body reduced to the Presentation 3 subset, by the same sanitiser as every other
 * HTML value. The spec's "first character <, last >" test is for language maps; a body says it is HTML by its
 * format, so markup that does not start with a tag is wrapped in a span to be sanitised as HTML too. A clean
 * value comes back as the very string given, so unedited annotations save unchanged.
 */
export function sanitizeBodyHtml(value: string): { text: string; removed: readonly string[] } {
  const wrapped = isHtmlValue(value) ? value : `<span>${value}</span>`;
  const result = sanitizeValue(wrapped);
  return result.changed ? { text: result.text, removed: result.removed } : { text: value, removed: [] };
}

/** The body objects of `annotation` with every `text/html` value sanitised; the same object when all clean. */
export function sanitizeBodies(annotation: JsonObject): { annotation: JsonObject; removed: string[] } {
  const body = annotation.body;
  if (body === undefined) return { annotation, removed: [] };
  const removed: string[] = [];
  const clean = (entry: JsonValue): JsonValue => {
    if (!isJsonObject(entry) || !isHtmlBody(entry)) return entry;
    const result = sanitizeBodyHtml(entry.value as string);
    if (result.text === entry.value) return entry;
    removed.push(...result.removed);
    return { ...entry, value: result.text };
  };
  if (isJsonArray(body)) {
    const next = body.map(clean);
    return next.every((entry, i) => entry === body[i])
      ? { annotation, removed }
      : { annotation: { ...annotation, body: next }, removed };
  }
  const next = clean(body);
  return next === body ? { annotation, removed } : { annotation: { ...annotation, body: next }, removed };
}
