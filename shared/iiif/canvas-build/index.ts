/** Building canvases: from an image service or a plain image, and copied from other manifests with provenance. */
export {
  THUMBNAIL_WIDTH,
  canvasFromDescriptor,
  canvasFromPlainImage,
  labelForUrl,
  thumbnailEntry,
  thumbnailUrlFor,
  type CanvasOptions,
  type PlainImage,
} from './image-canvas';
export {
  alreadyPainted,
  canvasSources,
  copyCanvasFromSource,
  findOriginal,
  paintedImageIds,
  sourceInfoOf,
  type SourceInfo,
} from './provenance';
export {
  contentStateTargets,
  describeInput,
  imageRequestServiceBase,
  inputsFromDrop,
  splitInputs,
  unwrapViewerLink,
  type ContentTarget,
  type DropData,
} from './import-inputs';
export {
  clipRegionToCanvas,
  cutCanvasToRegion,
  declaredCanvasSize,
  paintedServiceIds,
  regionCutProblem,
  type RegionCanvasResult,
  type RegionCut,
} from './region-canvas';
export { addCanvases, buildCanvas, type AddResult, type CanvasSeed } from './assemble';
