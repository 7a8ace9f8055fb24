/**
 * Batch editing of selected canvases: plan (a preview the user confirms) then apply (one new document, so one
 * undo step). A plan is plain data; the UI may drop rows from `changes` before applying, and applying checks
 * each row against the current document so a stale plan cannot overwrite later edits.
 */
import type { JsonObject, JsonValue } from '../json';
import { isJsonObject } from '../json';
import type { BatchField, BatchOp } from './batch-ops';
import { applyOpToCanvas, checkBatchOp } from './batch-ops';
import { replaceCanvases, resolveIndices, withProperty } from './canvas-list';
import { canvasItems, canvasIdOf, canvasLabel } from '../canvases';
import { sameJson } from '../json';
import { withNavPlaceContext } from '../place';

export interface BatchChange {
  readonly index: number;
  readonly canvasId: string;
  /** The canvas label for display in the preview. */
  readonly label: string;
  readonly field: BatchField;
  /** The property value before and after; `undefined` means absent. */
  readonly before: JsonValue | undefined;
  readonly after: JsonValue | undefined;
}

export interface BatchPlan {
  readonly op: BatchOp;
  readonly changes: readonly BatchChange[];
  /** Number of canvases that will change. */
  readonly count: number;
  /** Why nothing can be done (bad input); `changes` is then empty. */
  readonly error?: string;
  /** Things the user should know, such as a rights URI that was normalised. */
  readonly notices: readonly string[];
}

export function planBatchEdit(
  doc: JsonValue,
  indices: readonly number[] | 'all',
  op: BatchOp,
  preferredLanguages: readonly string[] = [],
): BatchPlan {
  const checked = checkBatchOp(op);
  if (checked.error !== undefined) return { op, changes: [], count: 0, error: checked.error, notices: [] };
  const canvases = canvasItems(doc);
  const changes: BatchChange[] = [];
  for (const index of resolveIndices(doc, indices)) {
    const canvas = canvases[index] as JsonObject;
    const next = applyOpToCanvas(canvas, checked.op);
    if (next === canvas || sameJson(next[op.field], canvas[op.field])) continue;
    changes.push({
      index,
      canvasId: canvasIdOf(canvas),
      label: canvasLabel(canvas, preferredLanguages),
      field: op.field,
      before: canvas[op.field],
      after: next[op.field],
    });
  }
  return { op: checked.op, changes, count: changes.length, notices: checked.notices };
}

/**
 * Applies a plan, or plans and applies in one go when given indices and an operation. Returns one new
 * document (the same one when nothing changes); unchanged canvases keep their identity.
 */
export function applyBatchEdit<T extends JsonValue>(doc: T, plan: BatchPlan): T;
export function applyBatchEdit<T extends JsonValue>(
  doc: T,
  indices: readonly number[] | 'all',
  op: BatchOp,
): T;
export function applyBatchEdit<T extends JsonValue>(
  doc: T,
  planOrIndices: BatchPlan | readonly number[] | 'all',
  op?: BatchOp,
): T {
  const plan =
    planOrIndices === 'all' || Array.isArray(planOrIndices)
      ? planBatchEdit(doc, planOrIndices as readonly number[] | 'all', op as BatchOp)
      : (planOrIndices as BatchPlan);
  if (plan.error !== undefined) return doc;
  const next = applyPropertyChanges(doc, plan.changes);
  // navPlace is an extension term: the document that gains one lists the extension's context, in the same step.
  const placed = next !== doc && plan.changes.some((c) => c.field === 'navPlace' && c.after !== undefined);
  return placed && isJsonObject(next) ? (withNavPlaceContext(next) as T) : next;
}

/** One previewed change of a whole canvas property, as batch edit and relabel plan them. */
export interface PropertyChange {
  readonly index: number;
  readonly canvasId: string;
  readonly field: string;
  readonly before: JsonValue | undefined;
  readonly after: JsonValue | undefined;
}

/**
 * Applies previewed property changes as one new document (the same one when nothing applies); unchanged canvases
 * keep their identity. A row is skipped when its canvas is gone or when the property is no longer what the
 * preview showed (a stale row: the user never confirmed that edit).
 */
export function applyPropertyChanges<T extends JsonValue>(doc: T, changes: readonly PropertyChange[]): T {
  const canvases = canvasItems(doc);
  const replacements = new Map<number, JsonObject>();
  for (const change of changes) {
    const index = locateCanvas(canvases, change.index, change.canvasId);
    if (index === undefined) continue;
    const canvas = replacements.get(index) ?? (canvases[index] as JsonObject);
    if (!sameJson(canvas[change.field], change.before)) continue;
    replacements.set(index, withProperty(canvas, change.field, change.after));
  }
  return replaceCanvases(doc, replacements);
}

/**
 * The canvas a plan row refers to: at its index if the id still matches, otherwise wherever that id now is
 * (the canvases may have been reordered since the preview).
 */
export function locateCanvas(
  canvases: readonly JsonValue[],
  index: number,
  canvasId: string,
): number | undefined {
  if (isJsonObject(canvases[index]) && canvasIdOf(canvases[index]) === canvasId) return index;
  if (canvasId === '') return undefined;
  const found = canvases.findIndex((canvas) => isJsonObject(canvas) && canvasIdOf(canvas) === canvasId);
  return found === -1 ? undefined : found;
}

/**
 * Several operations on the same canvases planned as one (a place and a date set together): their changes side
 * by side, applied by applyBatchEdit as one new document, so one undo step. The plan's `op` is the first one.
 */
export function planBatchEdits(
  doc: JsonValue,
  indices: readonly number[] | 'all',
  ops: readonly [BatchOp, ...BatchOp[]],
  preferredLanguages: readonly string[] = [],
): BatchPlan {
  const plans = ops.map((op) => planBatchEdit(doc, indices, op, preferredLanguages));
  const first = plans[0] as BatchPlan;
  const failed = plans.find((plan) => plan.error !== undefined);
  if (failed) return { ...first, changes: [], count: 0, error: failed.error as string, notices: [] };
  const changes = plans.flatMap((plan) => plan.changes).sort((a, b) => a.index - b.index);
  return {
    op: first.op,
    changes,
    count: new Set(changes.map((change) => change.index)).size,
    notices: plans.flatMap((plan) => plan.notices),
  };
}
