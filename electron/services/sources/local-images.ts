/**
 * Image files dropped from the file manager: their bytes arrive through the contract (the same way in Electron
 * and in the browser, which has no file paths), become a static level-0 IIIF service in the local images folder
 * (the imaging service: tiles, declared sizes, info.json), and are served at `<origin>/local-images/<name>/…`.
 * Publishing moves them under the manifest's own address (publish's `localImageBase`).
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { MEDIA_CONTENT_TYPES } from '../../../shared/iiif/media/media-format';
import type { ImageServiceDescriptor } from '../../../shared/iiif/image-api/descriptor';
import { UserFacingError } from '../../../shared/ipc/result';
import { createStaticTiles, slugFor } from '../imaging/static-tiles';
import { rewriteInfoJsonId } from '../static/level0-info';
import { readFileRange } from './byte-range';
import { sniffTileableImage } from './image-bytes';
import type { RouteResponse } from './remote-image';

/** The URL path local images are served under, in the web host and on app://. */
export const LOCAL_IMAGES_PATH = '/local-images';
/** Largest file accepted (base64 in a JSON request must stay under the web host's body limit). */
export const MAX_LOCAL_IMAGE_BYTES = 100 * 1024 * 1024;

/** `${origin}/local-images`, the base of local image service ids. */
export function localImageBase(origin: string): string {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new UserFacingError('invalid-request', 'The page origin is not a URL.');
  }
  if (!['http:', 'https:', 'app:'].includes(url.protocol))
    throw new UserFacingError('invalid-request', 'The page origin must be http(s) or app.');
  return `${url.origin === 'null' ? `${url.protocol}//${url.host}` : url.origin}${LOCAL_IMAGES_PATH}`;
}

export async function importLocalImage(options: {
  dir: string;
  name: string;
  bytes: Buffer;
  origin: string;
}): Promise<ImageServiceDescriptor> {
  const { dir, name, bytes } = options;
  if (bytes.length === 0) throw new UserFacingError('unreadable-image', `"${name}" is empty.`);
  if (bytes.length > MAX_LOCAL_IMAGE_BYTES) {
    throw new UserFacingError(
      'too-large',
      `"${name}" is larger than ${MAX_LOCAL_IMAGE_BYTES / 1024 / 1024} MB; add it from a IIIF image server instead.`,
    );
  }
  if (!sniffTileableImage(bytes)) {
    throw new UserFacingError(
      'unsupported-image',
      `"${name}" is not a JPEG, PNG or TIFF image; only those can be added from files.`,
    );
  }
  await fs.mkdir(dir, { recursive: true });
  const upload = path.join(dir, `.upload-${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.writeFile(upload, bytes);
    const result = await createStaticTiles({
      source: upload,
      displayName: name,
      outputDir: dir,
      baseUri: localImageBase(options.origin),
      identifier: slugFor(name),
    });
    return result.descriptor;
  } finally {
    await fs.rm(upload, { force: true });
  }
}

const FILE_TYPES: Readonly<Record<string, string>> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.json': 'application/json',
  // Audio and video added from files (local-media.ts) are kept in the same folder.
  ...MEDIA_CONTENT_TYPES,
};

/**
 * Serves `/local-images/<identifier>/…` from `dir`; info.json gets the id it is being served under. Files answer
 * a Range request (`range`, the request's header) with the bytes asked for: local audio and video seek by it.
 */
export async function serveLocalImage(
  dir: string,
  urlPath: string,
  origin: string,
  range?: string,
): Promise<RouteResponse> {
  const notFound: RouteResponse = {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    body: 'Not found',
  };
  const rest = urlPath.slice(LOCAL_IMAGES_PATH.length);
  let decoded: string;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    return notFound;
  }
  const segments = decoded.split('/').filter((s) => s !== '');
  if (
    segments.length < 2 ||
    decoded.includes('\0') ||
    decoded.includes('\\') ||
    segments.some((s) => s === '.' || s === '..' || s.startsWith('.'))
  ) {
    return notFound;
  }
  const root = path.resolve(dir);
  const file = path.resolve(root, ...segments);
  if (!file.startsWith(root + path.sep)) return notFound;
  const type = FILE_TYPES[path.extname(file).toLowerCase()];
  if (!type) return notFound;
  // The real file must lie in the real folder too: a symlink planted there must not lead out of it (the file
  // policy of the API refuses the same file).
  const [realRoot, realFile] = await Promise.all([
    fs.realpath(root).catch(() => null),
    fs.realpath(file).catch(() => null),
  ]);
  if (!realRoot || !realFile || !realFile.startsWith(realRoot + path.sep)) return notFound;
  const stat = await fs.stat(realFile).catch(() => null);
  if (!stat?.isFile()) return notFound;
  if (segments.length === 2 && segments[1] === 'info.json') {
    const serviceUrl = `${localImageBase(origin)}/${encodeURIComponent(segments[0] ?? '')}`;
    return {
      status: 200,
      headers: { 'Content-Type': type, 'Cache-Control': 'no-cache' },
      body: rewriteInfoJsonId(await fs.readFile(realFile, 'utf8'), serviceUrl),
    };
  }
  const answer = await readFileRange(realFile, stat.size, range);
  return {
    status: answer.status,
    headers: { 'Content-Type': type, 'Cache-Control': 'private, max-age=3600', ...answer.headers },
    body: answer.body,
  };
}
