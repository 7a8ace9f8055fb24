/**
 * Linked-resource bodies: what a `linking` annotation points at (or what a tag or description identifies), as
 * Presentation 3 writes any external resource: `id`, `type`, `format`, `label`. Checked here, once, so the panel
 * and any other caller refuse the same things with the same words.
 */
import { getIn, isJsonArray, isJsonObject, updateIn, type JsonObject, type JsonValue } from '../json';
import { isHttpUri, isUnsafeUri } from '../validation/values';
import type { AnnotationAddress } from './edits';

/** The resource types Presentation 3 names for content, plus Dataset (the W3C type for data). */
export const LINKED_BODY_TYPES = ['Text', 'Image', 'Sound', 'Video', 'Model', 'Dataset'] as const;

export interface LinkedBodyFields {
  readonly id: string;
  readonly type: string;
  /** A media type such as `text/html`; '' leaves it out. */
  readonly format?: string;
  /** Written as `{ none: [label] }`, since the panel does not ask for its language; '' leaves it out. */
  readonly label?: string;
}

const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*(?:\s*;.*)?$/i;

/** Why these fields cannot be a linked body, or null when they can. */
export function linkedBodyProblem(fields: LinkedBodyFields): string | null {
  const id = fields.id.trim();
  if (id === '') return 'The link needs an address.';
  if (isUnsafeUri(id)) return `“${id}” uses a scheme that is never followed (javascript:, data:, file: …).`;
  if (!isHttpUri(id)) return `“${id}” is not an http(s) address.`;
  if (!(LINKED_BODY_TYPES as readonly string[]).includes(fields.type))
    return `“${fields.type}” is not a resource type (${LINKED_BODY_TYPES.join(', ')}).`;
  const format = fields.format?.trim() ?? '';
  if (format !== '' && !MEDIA_TYPE.test(format)) return `“${format}” is not a media type such as text/html.`;
  return null;
}

/** The body object for `fields`; throws what `linkedBodyProblem` says when they are not usable. */
export function linkedBody(fields: LinkedBodyFields): JsonObject {
  const problem = linkedBodyProblem(fields);
  if (problem !== null) throw new Error(problem);
  const format = fields.format?.trim() ?? '';
  const label = fields.label?.trim() ?? '';
  return {
    id: fields.id.trim(),
    type: fields.type,
    ...(format === '' ? {} : { format }),
    ...(label === '' ? {} : { label: { none: [label] } }),
  };
}

/** Appends a linked body to the annotation at `address`: one step, whatever the body was before. */
export function addLinkedBody(
  doc: JsonObject,
  args: { readonly address: AnnotationAddress; readonly fields: LinkedBodyFields },
): JsonObject {
  const body = linkedBody(args.fields);
  const path = [...args.address.pagePath, 'items', args.address.index];
  if (!isJsonObject(getIn(doc, path)))
    throw new Error(`annotation edit: no annotation at ${args.address.index}`);
  return updateIn(doc, path, (old) => {
    const annotation = old as JsonObject;
    const before = annotation.body;
    const next: JsonValue =
      before === undefined ? body : isJsonArray(before) ? [...before, body] : [before, body];
    return { ...annotation, body: next };
  }) as JsonObject;
}

/** Removes one body of the annotation at `address` (the last one leaves the annotation without `body`). */
export function removeBody(
  doc: JsonObject,
  args: { readonly address: AnnotationAddress; readonly bodyIndex: number },
): JsonObject {
  const path = [...args.address.pagePath, 'items', args.address.index];
  const annotation = getIn(doc, path);
  if (!isJsonObject(annotation) || annotation.body === undefined) return doc;
  const list = isJsonArray(annotation.body) ? annotation.body : [annotation.body];
  if (args.bodyIndex < 0 || args.bodyIndex >= list.length) return doc;
  const rest = list.filter((_, i) => i !== args.bodyIndex);
  return updateIn(doc, path, () => {
    if (rest.length === 0)
      return Object.fromEntries(Object.entries(annotation).filter(([key]) => key !== 'body'));
    // A list of one stays a list when it was written as one: the spelling is the author's.
    return { ...annotation, body: isJsonArray(annotation.body) ? rest : (rest[0] as JsonValue) };
  }) as JsonObject;
}
