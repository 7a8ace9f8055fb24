/**
 * Local image file (JPEG, PNG, TIFF) → a static level-0 IIIF Image API 3 service in the project folder:
 * a tile pyramid (sharp's `iiif3` layout), a few declared full-image sizes (sharp declares none, and level-0
 * clients may only ask for declared sizes), and info.json. Any static web server can then host the folder.
 *
 * The `id` in info.json is `${baseUri}/${identifier}`. The base is whatever the caller serves from today
 * (the web host's port, app://, a placeholder); publishing rewrites it to the real public address with
 * rewriteServiceBase(), without regenerating a single tile.
 *
 * The tree is built in a hidden temporary folder beside the target and renamed into place, so a crash or a
 * bad file never leaves a half-written service that looks complete.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import sharp, { type Metadata } from 'sharp';
import type { ImageServiceDescriptor } from '../../../shared/iiif/image-api/descriptor';
import { parseInfoJson } from '../../../shared/iiif/image-api/parse-info-json';
import { UserFacingError } from '../../../shared/ipc/result';
import { SHARP_INPUT, checkPixelCount } from './pixel-limit';

export interface StaticTilesOptions {
  /** The image file: JPEG, PNG or TIFF. */
  readonly source: string;
  /** Folder that holds one sub-folder per image service (e.g. `<project>/iiif`). */
  readonly outputDir: string;
  /** Base URI the services are served under; the service id is `${baseUri}/${identifier}`. */
  readonly baseUri: string;
  /** The image's name as the user knows it, for messages; default: the source file's name. */
  readonly displayName?: string;
  /** Folder name and last URI segment. Default: derived from the file name, made unique in outputDir. */
  readonly identifier?: string;
  /** Replace an existing service with the same identifier instead of choosing a new name. Default false. */
  readonly replace?: boolean;
  /** Default 512 (fewer files than 256, still small enough for quick first paint). */
  readonly tileSize?: number;
  /** Widths of the declared sizes; those not smaller than the image are skipped. The full size is always added. */
  readonly sizeWidths?: readonly number[];
  /** JPEG quality of tiles and sizes. Default 85. */
  readonly quality?: number;
}

export interface StaticTilesResult {
  readonly identifier: string;
  /** The service folder (contains info.json). */
  readonly dir: string;
  readonly infoJsonPath: string;
  readonly descriptor: ImageServiceDescriptor;
}

const SUPPORTED = new Set(['jpeg', 'png', 'tiff']);

export async function createStaticTiles(options: StaticTilesOptions): Promise<StaticTilesResult> {
  const tileSize = options.tileSize ?? 512;
  const quality = options.quality ?? 85;
  const baseUri = options.baseUri.replace(/\/+$/, '');
  // An upload is staged as a hidden temporary file: its name means nothing to the user who chose the image.
  const name = options.displayName ?? path.basename(options.source);

  let metadata: Metadata;
  try {
    // The header only (no pixels are decoded): it gives the size that checkPixelCount refuses by.
    metadata = await sharp(options.source).metadata();
  } catch {
    throw new UserFacingError(
      'unreadable-image',
      `"${name}" could not be read as an image. It may be damaged or not an image at all.`,
    );
  }
  if (!metadata.format || !SUPPORTED.has(metadata.format)) {
    throw new UserFacingError(
      'unsupported-image',
      `"${name}" is a ${metadata.format ?? 'unknown'} file; only JPEG, PNG and TIFF images can be added.`,
    );
  }
  checkPixelCount(name, metadata.width, metadata.height);

  await fs.mkdir(options.outputDir, { recursive: true });
  const identifier = await chooseIdentifier(
    options.outputDir,
    options.identifier ?? slugFor(name),
    options.replace ?? false,
  );
  const staging = path.join(options.outputDir, `.${identifier}.${randomBytes(6).toString('hex')}.tmp`);
  const stagedService = path.join(staging, identifier);
  try {
    await fs.mkdir(staging);
    // rotate(): apply the EXIF orientation so portrait photos stay portrait; flatten: transparent PNGs get a
    // white background rather than JPEG's black.
    const oriented = () => sharp(options.source, SHARP_INPUT).rotate().flatten({ background: '#ffffff' });
    await oriented()
      .jpeg({ quality })
      .tile({ layout: 'iiif3', size: tileSize, id: baseUri })
      .toFile(stagedService);

    const infoPath = path.join(stagedService, 'info.json');
    const info = JSON.parse(await fs.readFile(infoPath, 'utf8')) as Record<string, unknown>;
    const width = Number(info['width']);
    const height = Number(info['height']);
    const widths = [
      ...new Set([...(options.sizeWidths ?? [150, 300, 600, 1200]).filter((w) => w < width), width]),
    ].sort((a, b) => a - b);
    const sizes = [];
    for (const w of widths) {
      const h = w === width ? height : Math.max(1, Math.round((height * w) / width));
      const target = path.join(stagedService, 'full', `${w},${h}`, '0', 'default.jpg');
      await fs.mkdir(path.dirname(target), { recursive: true });
      await oriented().resize(w, h, { fit: 'fill' }).jpeg({ quality }).toFile(target);
      sizes.push({ width: w, height: h });
    }
    // Level 0 still promises `full/max` (Image API 3 compliance §3.2); link it to the full-size file.
    const maxFile = path.join(stagedService, 'full', 'max', '0', 'default.jpg');
    await fs.mkdir(path.dirname(maxFile), { recursive: true });
    const fullFile = path.join(stagedService, 'full', `${width},${height}`, '0', 'default.jpg');
    await fs.link(fullFile, maxFile).catch(() => fs.copyFile(fullFile, maxFile));

    const finalInfo = {
      '@context': 'http://iiif.io/api/image/3/context.json',
      id: `${baseUri}/${identifier}`,
      type: 'ImageService3',
      protocol: 'http://iiif.io/api/image',
      profile: 'level0',
      width,
      height,
      sizes,
      tiles: info['tiles'],
    };
    await fs.writeFile(infoPath, `${JSON.stringify(finalInfo, null, 2)}\n`);
    const descriptor = describe(finalInfo, infoPath);

    const dir = path.join(options.outputDir, identifier);
    // Replacing: move the old service aside first, so the folder is never missing for long nor half-old.
    const old = path.join(staging, `${identifier}.old`);
    if (options.replace) await fs.rename(dir, old).catch(() => undefined);
    await fs.rename(stagedService, dir);
    return { identifier, dir, infoJsonPath: path.join(dir, 'info.json'), descriptor };
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    throw new UserFacingError(
      'imaging-failed',
      `Could not make image tiles from "${name}": ${(error as Error).message}`,
    );
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}

/**
 * Points an existing static service at a new base URI (e.g. at publish time), rewriting only info.json.
 * The write is temp + rename, so a reader never sees half a file.
 */
export async function rewriteServiceBase(
  serviceDir: string,
  baseUri: string,
): Promise<ImageServiceDescriptor> {
  const infoPath = path.join(serviceDir, 'info.json');
  const info = JSON.parse(await fs.readFile(infoPath, 'utf8')) as Record<string, unknown>;
  info['id'] = `${baseUri.replace(/\/+$/, '')}/${path.basename(serviceDir)}`;
  const temp = `${infoPath}.${randomBytes(6).toString('hex')}.tmp`;
  await fs.writeFile(temp, `${JSON.stringify(info, null, 2)}\n`);
  await fs.rename(temp, infoPath);
  return describe(info, infoPath);
}

function describe(info: unknown, infoPath: string): ImageServiceDescriptor {
  const parsed = parseInfoJson(info);
  if (!parsed.ok) {
    throw new UserFacingError(
      'imaging-failed',
      `The generated ${infoPath} is not valid: ${parsed.reasons.join(' ')}`,
    );
  }
  return parsed.value;
}

/** "Folio 12r (recto).TIF" → "folio-12r-recto". Safe in URLs and file systems alike. */
export function slugFor(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return sanitizeIdentifier(base.replace(/\.[a-z0-9]{1,5}$/i, ''));
}

/** Lower-case letters, digits, `.`, `_` and `-`; never starting or ending with `.` or `-` (no `..`). */
export function sanitizeIdentifier(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80)
    .replace(/[-.]+$/, '');
  return slug || 'image';
}

async function chooseIdentifier(outputDir: string, wanted: string, replace: boolean): Promise<string> {
  const base = sanitizeIdentifier(wanted);
  if (replace) return base;
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    const exists = await fs.stat(path.join(outputDir, candidate)).then(
      () => true,
      () => false,
    );
    if (!exists) return candidate;
  }
}
