/**
 * The document model: a manifest is its own Presentation 3 JSON tree of plain immutable objects, so that what
 * Tessera does not understand survives untouched and an edit shares every unchanged branch with the last
 * tree. Read and write text losslessly, edit with pure functions, undo with snapshots.
 */
export type { DocumentKind } from './classify';
export { classifyJson, documentKindOf } from './classify';
export type { DecodeOptions, DecodeResult, SingleByteEncoding, TextEncodingName } from './decode';
export { decodeDocumentBytes, WINDOWS_1252_QUESTION } from './decode';
export type { ReadErrorCode, ReadFailure, ReadOptions, ReadResult, ReadSuccess } from './read';
export { readDocument } from './read';
export { writeDocument } from './write';
export type { TextFormat } from './text-format';
export { DEFAULT_TEXT_FORMAT, detectTextFormat } from './text-format';
export { MAX_DOCUMENT_BYTES } from './limits';
export { MAX_NESTING } from './nesting';
export type { Notice } from './notices';
export type { JsonSyntaxError, LineColumn } from './json-syntax';
export { findJsonSyntaxError, lineColumnAt } from './json-syntax';
export { upgradePresentation2 } from './upgrade';
export type { DocumentIndex } from './id-index';
export { documentIds, documentIndex, pathOfId } from './id-index';
export type { MintId } from './mint-ids';
export { PLACEHOLDER_BASE_URI, createIdMinter, documentBaseUri, idMinterFor } from './mint-ids';
export { setLabel, setProperty } from './property-edits';
export { insertCanvases, moveCanvases, removeCanvases, reverseCanvases } from './canvas-edits';
export { copyCanvas, duplicateCanvases } from './duplicate-canvases';
export { insertCanvasCopies } from './insert-canvas-copies';
export { referencedCanvasId } from './canvas-references';
export type { NewManifestOptions } from './new-manifest';
export { PRESENTATION_3_CONTEXT, newManifest } from './new-manifest';
export type { History, HistoryStep, PushOptions } from './history';
export {
  DEFAULT_HISTORY_LIMIT,
  canRedo,
  canUndo,
  createHistory,
  pushHistory,
  redoHistory,
  redoLabel,
  sealHistory,
  undoHistory,
  undoLabel,
} from './history';
