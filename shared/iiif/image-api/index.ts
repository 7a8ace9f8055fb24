/** IIIF Image API helpers: info.json (v1, v2, v3) → one descriptor; thumbnails, regions, manifest entries. */
export * from './descriptor';
export { detectImageApiVersion, IMAGE_CONTEXTS, type VersionDetection } from './version';
export { parseInfoJson, looksLikeHtml, serviceBaseOf } from './parse-info-json';
export {
  availableFullSizes,
  constrainedSize,
  largestImage,
  regionUrl,
  thumbnailFor,
  thumbnailUrl,
  type Region,
  type RequestedSize,
  type SizedImage,
} from './image-urls';
export { imageServiceEntry, paintingBodyFor, profileUri } from './service-entry';
export { classifyUrl, type UrlKind } from './classify-url';
export {
  decodeContentState,
  encodeContentState,
  isContentStateJson,
  readPlainContentState,
  type DecodedContentState,
} from './content-state';
