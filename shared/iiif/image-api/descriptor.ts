/**
 * One shape for every IIIF Image API service we meet, whatever version (1.0–3.0) or compliance level (0–2)
 * it declares. The rest of the app (thumbnails, painting bodies, the viewer) reads this, never raw info.json,
 * so version quirks (`@id` vs `id`, `scale_factors` vs `tiles`, `native` vs `default`) are handled once, here.
 */
import { own } from '../json';

export type ImageApiVersion = 1 | 2 | 3;
export type ComplianceLevel = 0 | 1 | 2;

export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

export interface TileSpec {
  readonly width: number;
  /** Defaults to `width` when the info.json gives none (square tiles). */
  readonly height: number;
  readonly scaleFactors: readonly number[];
}

export interface ImageServiceDescriptor {
  readonly version: ImageApiVersion;
  /** Base URI of the service: no trailing slash, no `/info.json`. Image requests are `${id}/region/size/...`. */
  readonly id: string;
  readonly level: ComplianceLevel;
  readonly width: number;
  readonly height: number;
  /** Declared full-image sizes, smallest first. */
  readonly sizes: readonly ImageSize[];
  readonly tiles: readonly TileSpec[];
  readonly maxWidth?: number;
  readonly maxHeight?: number;
  readonly maxArea?: number;
  /** Formats the service serves: those its level guarantees, then the declared extras. */
  readonly formats: readonly string[];
  /** Qualities the service serves: `default` (v2/v3) or `native` (v1) first. */
  readonly qualities: readonly string[];
  /** `supports` (v2) or `extraFeatures` (v3). */
  readonly features: readonly string[];
  /** Things we tolerated that a strict reader would not (no @context, v1.0 local identifier, ...). */
  readonly warnings: readonly string[];
}

export type InfoJsonResult =
  | { readonly ok: true; readonly value: ImageServiceDescriptor }
  | { readonly ok: false; readonly reasons: readonly string[] };

/** The quality keyword an image request uses for "as the server would normally deliver it". */
export function defaultQuality(version: ImageApiVersion): string {
  return version === 1 ? 'native' : 'default';
}

/** Prefer jpg (every level guarantees it); fall back to the first declared format. */
export function preferredFormat(desc: ImageServiceDescriptor): string {
  return desc.formats.includes('jpg') ? 'jpg' : (desc.formats[0] ?? 'jpg');
}

const MEDIA_TYPES: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  tif: 'image/tiff',
  jp2: 'image/jp2',
  pdf: 'application/pdf',
};

export function mediaTypeOf(format: string): string {
  return own(MEDIA_TYPES, format) ?? `image/${format}`;
}
