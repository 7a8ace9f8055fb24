/** Audio and video: what a media file is, and canvases and clips made from it. */
export type { MediaContainer, MediaKind } from './media-format';
export { MEDIA_CONTENT_TYPES, extensionFor, formatFor, sniffMedia } from './media-format';
export type { CanPlayFormat, ClipView, MediaSource } from './media-canvas';
export {
  addClip,
  byPlaybackPreference,
  canvasDuration,
  canvasFromMedia,
  clipsOf,
  mediaBody,
  mediaOfBody,
  removeClip,
  setClipSpan,
  spanOfTarget,
} from './media-canvas';
export type { CompanionProperty } from './companion-canvas';
export {
  COMPANION_PROPERTIES,
  companionAnnotations,
  companionFrom,
  companionOf,
  setCompanion,
  withPaintingOf,
} from './companion-canvas';
export type { TimedAnnotation } from './timed-annotations';
export { timedAnnotationsOf } from './timed-annotations';
