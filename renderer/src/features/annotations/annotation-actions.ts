/**
 * The annotation panel's gestures, each committed as one undo step: a pure edit from shared/iiif/annotations
 * applied to the store's document. Typing in a body is committed on blur (or when transcription mode moves on),
 * never per keystroke.
 */
import {
  addLinkedBody,
  annotateCanvas,
  annotateOwner,
  changeTarget,
  deleteAnnotation,
  editBody,
  moveAnnotation,
  newAnnotation,
  removeBody,
  setMotivation,
  type AnnotationAddress,
  type LinkedBodyFields,
  type TargetShape,
  type TextBodyFields,
} from '../../../../shared/iiif/annotations';
import { idMinterFor } from '../../../../shared/iiif/document';
import type { JsonObject } from '../../../../shared/iiif/json';
import { useAppStore } from '../../store/store';
import { canvasAt, canvasIdOf } from '../../../../shared/iiif/canvases';

function apply(label: string, edit: (doc: JsonObject) => JsonObject): boolean {
  const { doc, commit } = useAppStore.getState();
  if (!doc) return false;
  const next = edit(doc);
  if (next === doc) return false;
  commit(label, next);
  return true;
}

/** Adds an annotation on a canvas (and its first page when it has none); returns where it went. */
export function addCanvasAnnotation(
  canvasIndex: number,
  args: { motivation: string; target: TargetShape; text?: string; language?: string; label?: string },
): AnnotationAddress | null {
  const { doc, commit } = useAppStore.getState();
  if (!doc) return null;
  const canvasId = canvasIdOf(canvasAt(doc, canvasIndex)) || undefined;
  const mint = idMinterFor(doc);
  const annotation = newAnnotation({
    id: mint('annotation', canvasId),
    motivation: args.motivation,
    target: args.target,
    ...(args.text === undefined ? {} : { text: args.text }),
    ...(args.language ? { language: args.language } : {}),
  });
  const result = annotateCanvas(doc, { canvasIndex, annotation, newPageId: mint('annotations', canvasId) });
  commit(args.label ?? `Add ${args.motivation} annotation`, result.doc);
  return result.address;
}

/**
 * Adds a manifest-level annotation (in the manifest's own `annotations`) that targets each canvas of
 * `canvasIndices` with the same geometry: one step, the manifest's first page made when it has none.
 */
export function addManifestAnnotation(
  canvasIndices: readonly number[],
  args: { motivation: string; geometry: TargetShape['geometry']; text?: string },
): AnnotationAddress | null {
  const { doc, commit } = useAppStore.getState();
  if (!doc) return null;
  const targets = canvasIndices
    .map((i) => canvasIdOf(canvasAt(doc, i)))
    .filter((id) => id !== '')
    .map((source): TargetShape => ({ source, geometry: args.geometry }));
  if (targets.length === 0) return null;
  const mint = idMinterFor(doc);
  const annotation = newAnnotation({
    id: mint('annotation'),
    motivation: args.motivation,
    target: targets.length === 1 ? (targets[0] as TargetShape) : targets,
    ...(args.text === undefined ? {} : { text: args.text }),
  });
  const result = annotateOwner(doc, { ownerPath: [], annotation, newPageId: mint('annotations') });
  commit(
    `Add ${args.motivation} annotation on ${targets.length} canvas${targets.length === 1 ? '' : 'es'}`,
    result.doc,
  );
  return result.address;
}

export function editAnnotationBody(
  address: AnnotationAddress,
  bodyIndex: number,
  fields: TextBodyFields,
): boolean {
  return apply('Edit annotation', (doc) => editBody(doc, { address, bodyIndex, fields }));
}

export function changeAnnotationTarget(
  address: AnnotationAddress,
  shape: TargetShape,
  targetIndex = 0,
  label = 'Move annotation',
): boolean {
  return apply(label, (doc) => changeTarget(doc, { address, targetIndex, shape }));
}

export function changeMotivation(address: AnnotationAddress, motivation: string): boolean {
  return apply('Change motivation', (doc) => setMotivation(doc, { address, motivation }));
}

export function removeAnnotation(address: AnnotationAddress): boolean {
  return apply('Delete annotation', (doc) => deleteAnnotation(doc, address));
}

export function reorderAnnotation(address: AnnotationAddress, to: number): boolean {
  return apply('Reorder annotations', (doc) => moveAnnotation(doc, { address, to }));
}

export function addAnnotationLink(address: AnnotationAddress, fields: LinkedBodyFields): boolean {
  return apply('Add link', (doc) => addLinkedBody(doc, { address, fields }));
}

export function removeAnnotationBody(address: AnnotationAddress, bodyIndex: number): boolean {
  return apply('Remove body', (doc) => removeBody(doc, { address, bodyIndex }));
}
