/**
 * Pure edits of annotations, each `(doc, args) -> doc` and each one undo step when committed: add a page, add,
 * edit a body, change a target or motivation, delete, reorder. Only the path from the changed annotation to the
 * root is copied (structural sharing), so every other annotation stays the same object and saves unchanged.
 * HTML bodies are reduced to the allowed subset as they are written, so hostile markup never enters the tree.
 */
import type { Annotation } from '@iiif/presentation-3';
import {
  getIn,
  isJsonArray,
  isJsonObject,
  updateIn,
  type JsonObject,
  type JsonPath,
  type JsonValue,
} from '../json';
import { asList } from '../validation/values';
import { sanitizeBodies } from './bodies';
import { formatTarget, type TargetShape } from './target-shape';

/** Where an annotation is: its page's path and its position in the page's `items`. */
export interface AnnotationAddress {
  readonly pagePath: JsonPath;
  readonly index: number;
}

export interface TextBodyFields {
  readonly value?: string;
  /** '' removes the language. */
  readonly language?: string;
  readonly format?: 'text/plain' | 'text/html';
  /** '' removes the purpose. */
  readonly purpose?: string;
}

function without(body: JsonObject, key: string): JsonObject {
  return Object.fromEntries(Object.entries(body).filter(([k]) => k !== key));
}

function itemsOf(doc: JsonObject, pagePath: JsonPath): readonly JsonValue[] {
  const items = getIn(doc, [...pagePath, 'items']);
  if (!isJsonArray(items)) throw new Error('annotation edit: the page has no embedded items');
  return items;
}

function annotationAt(doc: JsonObject, address: AnnotationAddress): JsonObject {
  const node = itemsOf(doc, address.pagePath)[address.index];
  if (!isJsonObject(node)) throw new Error(`annotation edit: no annotation at ${address.index}`);
  return node;
}

function updateAnnotation(
  doc: JsonObject,
  address: AnnotationAddress,
  update: (annotation: JsonObject) => JsonObject,
): JsonObject {
  annotationAt(doc, address);
  return updateIn(doc, [...address.pagePath, 'items', address.index], (old) =>
    update(old as JsonObject),
  ) as JsonObject;
}

function isTargetList(target: TargetShape | readonly TargetShape[]): target is readonly TargetShape[] {
  return Array.isArray(target);
}

/** A new annotation in the plainest valid form. */
export function newAnnotation(args: {
  readonly id: string;
  readonly motivation: string;
  /** Several targets for a manifest-level annotation that spans canvases. */
  readonly target: TargetShape | readonly TargetShape[];
  readonly text?: string;
  readonly language?: string;
  readonly format?: 'text/plain' | 'text/html';
}): JsonObject {
  const body =
    args.text === undefined
      ? undefined
      : {
          type: 'TextualBody',
          value: args.text,
          format: args.format ?? 'text/plain',
          ...(args.language ? { language: args.language } : {}),
        };
  const annotation: Annotation = {
    id: args.id,
    type: 'Annotation',
    motivation: args.motivation,
    ...(body === undefined ? {} : { body: body as unknown as Annotation['body'] }),
    target: (isTargetList(args.target)
      ? args.target.map((t) => formatTarget(t))
      : formatTarget(args.target)) as unknown as Annotation['target'],
  } as Annotation;
  return sanitizeBodies(annotation as unknown as JsonObject).annotation;
}

/** Appends an empty embedded page to the `annotations` of the object at `ownerPath` (manifest or canvas). */
export function addPage(
  doc: JsonObject,
  args: { readonly ownerPath: JsonPath; readonly id: string; readonly label?: string },
): JsonObject {
  const page: JsonObject = {
    id: args.id,
    type: 'AnnotationPage',
    ...(args.label ? { label: { none: [args.label] } } : {}),
    items: [],
  };
  return updateIn(doc, [...args.ownerPath, 'annotations'], (old) =>
    isJsonArray(old) ? [...old, page] : [page],
  ) as JsonObject;
}

/** Inserts `annotation` into the page at `pagePath` (at the end unless `index` is given). */
export function addAnnotation(
  doc: JsonObject,
  args: { readonly pagePath: JsonPath; readonly annotation: JsonObject; readonly index?: number },
): JsonObject {
  const items = itemsOf(doc, args.pagePath);
  const at = Math.max(0, Math.min(args.index ?? items.length, items.length));
  const clean = sanitizeBodies(args.annotation).annotation;
  return updateIn(doc, [...args.pagePath, 'items'], () => [
    ...items.slice(0, at),
    clean,
    ...items.slice(at),
  ]) as JsonObject;
}

/**
 * Adds an annotation to the first embedded page in the `annotations` of the object at `ownerPath` (the manifest,
 * a canvas), making that page first when there is none: one step either way, so the first annotation a user
 * draws undoes in one go.
 */
export function annotateOwner(
  doc: JsonObject,
  args: { readonly ownerPath: JsonPath; readonly annotation: JsonObject; readonly newPageId: string },
): { doc: JsonObject; address: AnnotationAddress } {
  const pages = getIn(doc, [...args.ownerPath, 'annotations']);
  let pageIndex = isJsonArray(pages) ? pages.findIndex((p) => isJsonObject(p) && isJsonArray(p.items)) : -1;
  let next = doc;
  if (pageIndex < 0) {
    next = addPage(next, { ownerPath: args.ownerPath, id: args.newPageId });
    pageIndex = isJsonArray(pages) ? pages.length : 0;
  }
  const pagePath: JsonPath = [...args.ownerPath, 'annotations', pageIndex];
  next = addAnnotation(next, { pagePath, annotation: args.annotation });
  return { doc: next, address: { pagePath, index: itemsOf(next, pagePath).length - 1 } };
}

/** Adds an annotation to a canvas's first embedded page (see annotateOwner). */
export function annotateCanvas(
  doc: JsonObject,
  args: { readonly canvasIndex: number; readonly annotation: JsonObject; readonly newPageId: string },
): { doc: JsonObject; address: AnnotationAddress } {
  return annotateOwner(doc, {
    ownerPath: ['items', args.canvasIndex],
    annotation: args.annotation,
    newPageId: args.newPageId,
  });
}

/** Changes fields of one TextualBody (or adds a first one when the annotation has no body). */
export function editBody(
  doc: JsonObject,
  args: { readonly address: AnnotationAddress; readonly bodyIndex: number; readonly fields: TextBodyFields },
): JsonObject {
  return updateAnnotation(doc, args.address, (annotation) => {
    const bodies = annotation.body === undefined ? [] : asList(annotation.body);
    const old = bodies[args.bodyIndex];
    const base: JsonObject = isJsonObject(old)
      ? old
      : { type: 'TextualBody', value: '', format: 'text/plain' };
    let body: JsonObject = base;
    const { value, language, format, purpose } = args.fields;
    if (value !== undefined && value !== body.value) body = { ...body, value };
    if (format !== undefined && format !== body.format) body = { ...body, format };
    if (purpose !== undefined && purpose !== (body.purpose ?? ''))
      body = purpose === '' ? without(body, 'purpose') : { ...body, purpose };
    if (language !== undefined && language !== (body.language ?? ''))
      body = language === '' ? without(body, 'language') : { ...body, language };
    if (body === old) return annotation;
    let nextBody: JsonValue;
    if (isJsonArray(annotation.body)) {
      const list = annotation.body.slice();
      list[Math.min(args.bodyIndex, list.length)] = body;
      nextBody = list;
    } else if (annotation.body === undefined || args.bodyIndex === 0) nextBody = body;
    else nextBody = [annotation.body, body];
    return sanitizeBodies({ ...annotation, body: nextBody }).annotation;
  });
}

/** Moves or reshapes one target entry; the entry's own spelling is kept where it can be. */
export function changeTarget(
  doc: JsonObject,
  args: { readonly address: AnnotationAddress; readonly targetIndex?: number; readonly shape: TargetShape },
): JsonObject {
  return updateAnnotation(doc, args.address, (annotation) => {
    const index = args.targetIndex ?? 0;
    if (isJsonArray(annotation.target)) {
      const list = annotation.target.slice();
      const next = formatTarget(args.shape, list[index]);
      if (next === list[index]) return annotation;
      list[index] = next;
      return { ...annotation, target: list };
    }
    const next = formatTarget(args.shape, annotation.target);
    return next === annotation.target ? annotation : { ...annotation, target: next };
  });
}

export function setMotivation(
  doc: JsonObject,
  args: { readonly address: AnnotationAddress; readonly motivation: string },
): JsonObject {
  return updateAnnotation(doc, args.address, (annotation) =>
    annotation.motivation === args.motivation ? annotation : { ...annotation, motivation: args.motivation },
  );
}

export function deleteAnnotation(doc: JsonObject, address: AnnotationAddress): JsonObject {
  const items = itemsOf(doc, address.pagePath);
  annotationAt(doc, address);
  return updateIn(doc, [...address.pagePath, 'items'], () =>
    items.filter((_, i) => i !== address.index),
  ) as JsonObject;
}

/** Moves one annotation to position `to` of its page (reading order for transcription mode). */
export function moveAnnotation(
  doc: JsonObject,
  args: { readonly address: AnnotationAddress; readonly to: number },
): JsonObject {
  const items = itemsOf(doc, args.address.pagePath);
  const moving = annotationAt(doc, args.address);
  const to = Math.max(0, Math.min(args.to, items.length - 1));
  if (to === args.address.index) return doc;
  const rest = items.filter((_, i) => i !== args.address.index);
  return updateIn(doc, [...args.address.pagePath, 'items'], () => [
    ...rest.slice(0, to),
    moving,
    ...rest.slice(to),
  ]) as JsonObject;
}
