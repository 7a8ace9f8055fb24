/**
 * OpenSeadragon tile sources built from our own ImageServiceDescriptor rather than from raw info.json, for two
 * reasons. Level 0 (static files) serves only what it declares, so the pyramid must be exactly its declared
 * tile grid and scale factors, or its declared sizes when it has no tiles; and every URL we hand out must go
 * through imageSrc() (the disk-cache seam), which OpenSeadragon's built-in IIIF source gives us no hook for.
 * Tile URLs follow the Image API's canonical form, which is also how static generators (sharp's iiif and
 * iiif3 layouts) name their files: `full` when one tile holds the whole image, `w,` (v2) or `w,h` (v3) sizes.
 */
import {
  defaultQuality,
  preferredFormat,
  type ImageServiceDescriptor,
} from '../../../../shared/iiif/image-api/descriptor';
import { availableFullSizes, largestImage } from '../../../../shared/iiif/image-api';

/** Maps a URL to the one the page should load (imageSrc). */
export type UrlMapper = (url: string) => string;

export interface TiledSourceOptions {
  readonly width: number;
  readonly height: number;
  readonly tileWidth: number;
  readonly tileHeight: number;
  readonly tileOverlap: 0;
  readonly minLevel: number;
  readonly maxLevel: number;
  getTileUrl(level: number, x: number, y: number): string;
}

export interface PyramidSourceOptions {
  readonly type: 'legacy-image-pyramid';
  readonly levels: readonly { url: string; width: number; height: number }[];
}

export type DescriptorTileSource = TiledSourceOptions | PyramidSourceOptions;

/** Tiles we ask a level 1/2 service for when it declares no grid. */
const DEFAULT_TILE = 512;

function log2(n: number): number {
  return Math.round(Math.log2(n));
}

/**
 * Scale factors usable as consecutive pyramid levels: 1, 2, 4… up to the first power of two the service does
 * not declare (OpenSeadragon's levels halve one by one, and a level 0 server has no files for the gaps).
 */
function consecutiveFactors(declared: readonly number[]): number {
  let largest = 1;
  while (declared.includes(largest * 2)) largest *= 2;
  return declared.includes(1) ? largest : 0;
}

export function tileSourceFor(desc: ImageServiceDescriptor, mapUrl: UrlMapper): DescriptorTileSource {
  const quality = defaultQuality(desc.version);
  const format = preferredFormat(desc);
  const declared = desc.tiles[0];
  let tile: { width: number; height: number; largestFactor: number } | null = null;
  if (declared && consecutiveFactors(declared.scaleFactors) > 0) {
    tile = {
      width: declared.width,
      height: declared.height,
      largestFactor: consecutiveFactors(declared.scaleFactors),
    };
  } else if (desc.level > 0) {
    // Any region at any size: halve until the whole image fits in one tile.
    let factor = 1;
    while (Math.max(desc.width, desc.height) / factor > DEFAULT_TILE) factor *= 2;
    tile = { width: DEFAULT_TILE, height: DEFAULT_TILE, largestFactor: factor };
  }
  if (!tile) return pyramidFor(desc, mapUrl);

  const { width, height } = desc;
  const maxLevel = Math.ceil(Math.log2(Math.max(width, height)));
  const minLevel = Math.max(0, maxLevel - log2(tile.largestFactor));
  const tileWidth = tile.width;
  const tileHeight = tile.height;
  return {
    width,
    height,
    tileWidth,
    tileHeight,
    tileOverlap: 0,
    minLevel,
    maxLevel,
    getTileUrl(level: number, x: number, y: number): string {
      const factor = 2 ** (maxLevel - level);
      const left = x * tileWidth * factor;
      const top = y * tileHeight * factor;
      const regionWidth = Math.min(tileWidth * factor, width - left);
      const regionHeight = Math.min(tileHeight * factor, height - top);
      const whole = left === 0 && top === 0 && regionWidth === width && regionHeight === height;
      const region = whole ? 'full' : `${left},${top},${regionWidth},${regionHeight}`;
      const sizeWidth = Math.ceil(regionWidth / factor);
      const sizeHeight = Math.ceil(regionHeight / factor);
      const size = desc.version === 3 ? `${sizeWidth},${sizeHeight}` : `${sizeWidth},`;
      return mapUrl(`${desc.id}/${region}/${size}/0/${quality}.${format}`);
    },
  };
}

/**
 * No usable tile grid on a level 0 service: a pyramid of its declared full-image sizes, or, when it declares
 * none, the one full-size image every level 0 service must answer.
 */
function pyramidFor(desc: ImageServiceDescriptor, mapUrl: UrlMapper): PyramidSourceOptions {
  const sizes = availableFullSizes(desc);
  const param = (w: number, h: number) => (desc.version === 3 ? `${w},${h}` : `${w},`);
  const quality = defaultQuality(desc.version);
  const format = preferredFormat(desc);
  const levels =
    sizes.length > 0
      ? sizes.map((s) => ({
          url: mapUrl(`${desc.id}/full/${param(s.width, s.height)}/0/${quality}.${format}`),
          width: s.width,
          height: s.height,
        }))
      : [{ ...largestImage(desc), url: mapUrl(largestImage(desc).url) }];
  return { type: 'legacy-image-pyramid', levels };
}
