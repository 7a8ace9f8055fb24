/**
 * What a media file is, read from its first bytes rather than from its name or a server's Content-Type (servers
 * send `application/octet-stream` for half the audio on the web, and a 404 page as `text/html`). The container
 * says which `format` to write; whether a WebM, Ogg or MP4 holds video is only known once it is decoded (the
 * player's `videoWidth`), so the caller completes the format with `formatFor`.
 */

export type MediaContainer = 'wav' | 'mp3' | 'flac' | 'webm' | 'ogg' | 'mp4';
/** The IIIF body type: `Sound` for audio only, `Video` when there are pictures. */
export type MediaKind = 'Sound' | 'Video';

const ascii = (bytes: Uint8Array, at: number, text: string): boolean =>
  bytes.length >= at + text.length && [...text].every((c, i) => bytes[at + i] === c.charCodeAt(0));

/** The container of `bytes` (the file's first few bytes are enough), or undefined when it is not media we know. */
export function sniffMedia(bytes: Uint8Array): MediaContainer | undefined {
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WAVE')) return 'wav';
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return 'webm';
  if (ascii(bytes, 0, 'OggS')) return 'ogg';
  if (ascii(bytes, 0, 'fLaC')) return 'flac';
  if (ascii(bytes, 4, 'ftyp')) return 'mp4';
  if (ascii(bytes, 0, 'ID3')) return 'mp3';
  // An MPEG audio frame header: 11 sync bits, layer III.
  if (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe6) === 0xe2) return 'mp3';
  return undefined;
}

/** The media type to write as `format` for a container, given what decoding found. */
export function formatFor(container: MediaContainer, kind: MediaKind): string {
  const audio: Record<MediaContainer, string> = {
    wav: 'audio/wav',
    mp3: 'audio/mpeg',
    flac: 'audio/flac',
    webm: 'audio/webm',
    ogg: 'audio/ogg',
    mp4: 'audio/mp4',
  };
  const video: Partial<Record<MediaContainer, string>> = {
    webm: 'video/webm',
    ogg: 'video/ogg',
    mp4: 'video/mp4',
  };
  return (kind === 'Video' ? video[container] : undefined) ?? audio[container];
}

/** The file extension a container is stored under in the workspace. */
export function extensionFor(container: MediaContainer): string {
  return container === 'mp4' ? 'mp4' : container;
}

/** The container a file extension names, for serving stored files with the right Content-Type. */
export const MEDIA_CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.flac': 'audio/flac',
  '.webm': 'video/webm',
  '.ogg': 'video/ogg',
  '.mp4': 'video/mp4',
};
