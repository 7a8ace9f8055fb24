/** Annotations and transcriptions: typed views over annotation pages, target shapes, and pure edits. */
export type { AnnotationMotivation } from './motivations';
export { ANNOTATION_MOTIVATIONS, isAnnotationMotivation } from './motivations';
export type { BodyView } from './bodies';
export { bodyText, readBodies, readBody, sanitizeBodies, sanitizeBodyHtml } from './bodies';
export type { Geometry, TargetShape } from './target-shape';
export { formatTarget, parseTarget, parseTargets, sameGeometry } from './target-shape';
export type { Point } from './svg-shape';
export { boundsOf, polygonSvg, svgOutline } from './svg-shape';
export type { AnnotationView, PageView } from './pages';
export {
  annotationsOfPage,
  canvasAnnotations,
  canvasIndexById,
  documentPages,
  listAnnotations,
  listPages,
} from './pages';
export type { AnnotationAddress, TextBodyFields } from './edits';
export {
  addAnnotation,
  addPage,
  annotateCanvas,
  annotateOwner,
  changeTarget,
  deleteAnnotation,
  editBody,
  moveAnnotation,
  newAnnotation,
  setMotivation,
} from './edits';
export type { LinkedBodyFields } from './linked-body';
export { LINKED_BODY_TYPES, addLinkedBody, linkedBody, linkedBodyProblem, removeBody } from './linked-body';
export type { LocalPageCopy, SplitPage } from './local-pages';
export { inlineLocalPage, splitLocalPages } from './local-pages';
export type { AnnotationRecord } from './export';
export {
  CSV_COLUMNS,
  annotationRecords,
  annotationsCsv,
  describeGeometry,
  describeTarget,
  htmlToText,
  referencedPageIds,
  transcriptionText,
} from './export';
export type { VttCue, VttReading } from './webvtt';
export { cueText, formatVttTimestamp, formatWebVtt, parseWebVtt, readVttTimestamp } from './webvtt';
export type { TimeSpanAnnotation, TimedText } from './timed-text';
export { addCaptionPage, timeSpanAnnotations, timedTextOfCanvas } from './timed-text';
export { fetchedPageAnnotations, referencedPagesOf } from './referenced-pages';
export {
  WEB_ANNOTATION_CONTEXT,
  annotationsToImport,
  exportAnnotationPage,
  importAnnotations,
} from './exchange';
export type { OcrSource, OcrSourceResult } from './ocr-source';
export { ocrSourceFor } from './ocr-source';
export type { OcrCanvasResult, OcrLine } from './ocr-page';
export { addOcrPages, lineBoxOnCanvas, ocrAnnotationPage, ocrLanguageTag } from './ocr-page';
export type { Bounds, DrawnGeometry, Size } from './shape-edit';
export {
  boundsOfGeometry,
  boxFromCorners,
  growBounds,
  inPixels,
  inUnitOf,
  isDrawn,
  moveGeometry,
  pointAt,
  polygonFrom,
  resizeGeometry,
} from './shape-edit';
