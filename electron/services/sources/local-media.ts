/**
 * Audio and video for time-based canvases: files the user adds are stored beside local images (one folder per
 * file, `<local images>/<name>/<name>.<ext>`, served at `<origin>/local-images/<name>/…` and moved beside the
 * manifest when published, as image tiles are); addresses are probed (their first bytes, through the remote
 * service and its private-network policy) so that a 404, a web page or a file that is not media is refused with
 * a sentence before anything is added. Duration and size are read by the renderer's player, which decodes.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  MEDIA_CONTENT_TYPES,
  extensionFor,
  sniffMedia,
  type MediaContainer,
} from '../../../shared/iiif/media/media-format';
import { UserFacingError } from '../../../shared/ipc/result';
import { sanitizeIdentifier, slugFor } from '../imaging/static-tiles';
import type { Initiator } from '../remote/address-policy';
import type { RemoteService } from '../remote/remote-service';
import { localImageBase, MAX_LOCAL_IMAGE_BYTES } from './local-images';

/** How much of a remote file is read to tell what it is: containers say so in their first bytes. */
const PROBE_BYTES = 64;
const KNOWN = 'WAV, MP3, FLAC, WebM, Ogg or MP4';

function notMedia(name: string): UserFacingError {
  return new UserFacingError('not-media', `${name} is not audio or video that Tessera can read (${KNOWN}).`);
}

function looksLikeHtml(head: Buffer, contentType: string | undefined): boolean {
  if (contentType && /^\s*(text\/html|application\/xhtml)/i.test(contentType)) return true;
  return /^\s*</.test(head.subarray(0, 32).toString('latin1'));
}

/** What the media at `url` is, from its first bytes; a clear error when it is not media. */
export async function probeMedia(
  remote: RemoteService,
  url: string,
  initiator: Initiator = 'local',
): Promise<{ finalUrl: string; container: MediaContainer }> {
  const result = await remote.fetchHead(url, PROBE_BYTES, { initiator });
  const container = sniffMedia(result.head);
  if (container) return { finalUrl: result.finalUrl, container };
  if (looksLikeHtml(result.head, result.contentType))
    throw new UserFacingError(
      'not-media',
      `${url} is a web page, not audio or video. Give the address of the media file itself.`,
    );
  if (result.head.length === 0) throw new UserFacingError('not-media', `${url} is empty.`);
  throw notMedia(url);
}

/** Stores a media file's bytes under `dir` and returns the URL it is served at. */
export async function importLocalMedia(options: {
  dir: string;
  name: string;
  bytes: Buffer;
  origin: string;
}): Promise<{ url: string; container: MediaContainer }> {
  const { dir, name, bytes } = options;
  if (bytes.length === 0) throw new UserFacingError('not-media', `"${name}" is empty.`);
  if (bytes.length > MAX_LOCAL_IMAGE_BYTES)
    throw new UserFacingError(
      'too-large',
      `"${name}" is larger than ${MAX_LOCAL_IMAGE_BYTES / 1024 / 1024} MB; add it by its address on a server instead.`,
    );
  const container = sniffMedia(bytes);
  if (!container) throw notMedia(`"${name}"`);
  const base = localImageBase(options.origin);
  await fs.mkdir(dir, { recursive: true });
  const identifier = await freeFolder(dir, slugFor(name) || 'media');
  const file = `${identifier}.${extensionFor(container)}`;
  // Written under a temporary name and renamed: a folder never holds half a file that would be published.
  const staging = path.join(dir, `.${identifier}.${randomBytes(6).toString('hex')}.tmp`);
  await fs.mkdir(staging);
  try {
    await fs.writeFile(path.join(staging, file), bytes);
    await fs.rename(staging, path.join(dir, identifier));
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true });
    throw error;
  }
  return { url: `${base}/${encodeURIComponent(identifier)}/${encodeURIComponent(file)}`, container };
}

async function freeFolder(dir: string, wanted: string): Promise<string> {
  const base = sanitizeIdentifier(wanted);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    const taken = await fs.stat(path.join(dir, candidate)).then(
      () => true,
      () => false,
    );
    if (!taken) return candidate;
  }
}

/** Whether a local images folder holds a media file this module stored (published like image tiles). */
export function isLocalMediaFolder(folder: string): boolean {
  try {
    return readdirSync(folder).some((entry) => MEDIA_CONTENT_TYPES[path.extname(entry).toLowerCase()]);
  } catch {
    return false;
  }
}

/**
 * Removes a media file this module stored, when the player then could not read it (no duration): nothing of a
 * refused file stays in the workspace to be published. Only `<base>/<identifier>/<file>` addresses of media
 * folders are removed; anything else is left alone.
 */
export async function discardLocalMedia(options: {
  dir: string;
  url: string;
  origin: string;
}): Promise<boolean> {
  const base = `${localImageBase(options.origin)}/`;
  if (!options.url.startsWith(base)) return false;
  const [identifier, file, ...rest] = options.url.slice(base.length).split('/').map(decodeURIComponent);
  if (identifier === undefined || file === undefined || rest.length > 0) return false;
  if (identifier !== sanitizeIdentifier(identifier) || identifier.startsWith('.')) return false;
  const folder = path.join(options.dir, identifier);
  if (!isLocalMediaFolder(folder)) return false;
  await fs.rm(folder, { recursive: true, force: true });
  return true;
}
