/**
 * Thumbnails served by a level 0 Image API server (static tiles): such a server only has the sizes it
 * lists in `sizes`, or just the full image when it lists none. A thumbnail URL asking for another size fails.
 */
import { isJsonArray, isJsonObject, type JsonObject } from '../../json';
import { at, type Checker, type Site } from '../checker';
import { SPEC } from '../spec-links';
import { complianceLevel, isImageService } from './service-kinds';

interface Size {
  readonly width: number;
  readonly height: number;
}

function declaredSizes(service: JsonObject): Size[] | undefined {
  const sizes = service.sizes;
  if (!isJsonArray(sizes)) return undefined;
  const list: Size[] = [];
  for (const size of sizes) {
    if (isJsonObject(size) && typeof size.width === 'number' && typeof size.height === 'number') {
      list.push({ width: size.width, height: size.height });
    }
  }
  if (typeof service.width === 'number' && typeof service.height === 'number') {
    list.push({ width: service.width, height: service.height });
  }
  return list;
}

/** "w,", ",h" or "w,h" (Image API 2 and 3 size forms a level 0 server can match); undefined for full/max. */
function requestedSize(size: string): { width?: number; height?: number } | 'full' | 'other' {
  if (size === 'full' || size === 'max' || size === '^max') return 'full';
  const match = /^(\d*),(\d*)$/.exec(size);
  if (!match || (match[1] === '' && match[2] === '')) return 'other';
  return {
    ...(match[1] !== '' ? { width: Number(match[1]) } : {}),
    ...(match[2] !== '' ? { height: Number(match[2]) } : {}),
  };
}

export function checkLevel0Thumbnail(thumbnail: JsonObject, site: Site, ctx: Checker): void {
  const id = thumbnail.id;
  const services = thumbnail.service;
  if (typeof id !== 'string' || !isJsonArray(services)) return;
  for (const service of services) {
    if (!isJsonObject(service) || !isImageService(service) || complianceLevel(service) !== 0) continue;
    const base = service.id ?? service['@id'];
    if (typeof base !== 'string' || !id.startsWith(`${base.replace(/\/$/, '')}/`)) continue;
    const parts = id.slice(base.replace(/\/$/, '').length + 1).split('/');
    if (parts.length !== 4) continue;
    const [region, size] = parts as [string, string];
    const where = at(site, 'id');
    if (region !== 'full') {
      ctx.warning(
        'thumbnail-level0-region',
        where,
        `This thumbnail asks a level 0 image server for the region "${region}", which such servers do not have to provide.`,
        SPEC.thumbnail,
      );
      continue;
    }
    const requested = requestedSize(size);
    if (requested === 'full') continue;
    const sizes = declaredSizes(service);
    if (requested === 'other') {
      ctx.warning(
        'thumbnail-size-not-offered',
        where,
        `This thumbnail asks a level 0 image server for the size "${size}", which such servers do not provide.`,
        SPEC.thumbnail,
      );
    } else if (sizes === undefined) {
      ctx.warning(
        'thumbnail-size-unverified',
        where,
        `This thumbnail asks a level 0 image server for the size "${size}"; such a server may only have the full image. List its sizes or use the full size.`,
        SPEC.thumbnail,
      );
    } else if (
      !sizes.some(
        (s) => (requested.width ?? s.width) === s.width && (requested.height ?? s.height) === s.height,
      )
    ) {
      ctx.warning(
        'thumbnail-size-not-offered',
        where,
        `This thumbnail asks for the size "${size}", but the level 0 image server only offers ${sizes.map((s) => `${s.width},${s.height}`).join('; ')}.`,
        SPEC.thumbnail,
      );
    }
  }
}
