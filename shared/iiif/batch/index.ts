export type {
  BatchField,
  BatchOp,
  CheckedOp,
  LanguageMapField,
  RequiredStatement,
  ResourceListField,
} from './batch-ops';
export { applyOpToCanvas, checkBatchOp, metadataLabelMatches } from './batch-ops';
export type { BatchChange, BatchPlan } from './batch-edit';
export { applyBatchEdit, locateCanvas, planBatchEdit, planBatchEdits } from './batch-edit';
export type { FindOccurrence, FindReplaceOptions, FindReplacePlan, FindTarget } from './find-replace';
export { applyFindReplace, compileFind, planFindReplace } from './find-replace';
export type { CanvasSource } from './sources';
export { listCanvasSources, selectCanvasesFromSource } from './sources';
export { replaceCanvases, resolveIndices, withProperty } from './canvas-list';
