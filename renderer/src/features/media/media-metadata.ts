/**
 * Duration and size of audio or video, read by the browser's own decoder: a media element loads the metadata
 * (`loadedmetadata`) and reports `duration`, `videoWidth` and `videoHeight`. Chosen over parsing containers on
 * the main side because Chromium already reads every format it can play (WAV, MP3, FLAC, WebM, Ogg, MP4), and a
 * file it cannot play is one we should not add anyway; no new dependency.
 */
import type { MediaKind } from '../../../../shared/iiif/media';
import { NO_MEDIA, mediaSrc } from './media-src';

export interface MediaMetadata {
  readonly kind: MediaKind;
  readonly duration: number;
  readonly width?: number;
  readonly height?: number;
}

/** Long enough for a slow server to answer with the first bytes of a large file. */
const METADATA_TIMEOUT_MS = 30_000;

/**
 * Reads `url`'s metadata. `name` is how the messages call it (an address, or a file name). Rejects with a
 * sentence when the media cannot be decoded or has no finite duration.
 */
export function readMediaMetadata(url: string, name: string): Promise<MediaMetadata> {
  const src = mediaSrc(url);
  if (src === NO_MEDIA) return Promise.reject(new Error(`${name} is not an address Tessera may play.`));
  return new Promise((resolve, reject) => {
    // A video element reads audio too (videoWidth stays 0), so one element tells both apart.
    const element = document.createElement('video');
    element.preload = 'metadata';
    element.muted = true;
    let settled = false;
    const finish = (outcome: MediaMetadata | Error) => {
      if (settled) return;
      settled = true;
      window.clearTimeout(timer);
      element.removeAttribute('src');
      element.load();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const measured = (): MediaMetadata | null => {
      const { duration, videoWidth, videoHeight } = element;
      if (!Number.isFinite(duration) || duration <= 0) return null;
      return videoWidth > 0 && videoHeight > 0
        ? { kind: 'Video', duration, width: videoWidth, height: videoHeight }
        : { kind: 'Sound', duration };
    };
    const timer = window.setTimeout(
      () => finish(new Error(`The duration of ${name} could not be read: it did not load in time.`)),
      METADATA_TIMEOUT_MS,
    );
    element.addEventListener('loadedmetadata', () => {
      const found = measured();
      if (found) return finish(found);
      if (element.duration === Number.POSITIVE_INFINITY) {
        // Recordings made in a browser (MediaRecorder WebM) carry no duration in their header: seeking past the
        // end makes the decoder walk the file and report the real one.
        element.currentTime = Number.MAX_SAFE_INTEGER;
        return;
      }
      finish(new Error(`The duration of ${name} could not be read.`));
    });
    element.addEventListener('durationchange', () => {
      if (!Number.isFinite(element.duration)) return;
      const found = measured();
      finish(found ?? new Error(`The duration of ${name} could not be read.`));
    });
    element.addEventListener('error', () =>
      finish(
        new Error(
          `${name} could not be decoded as audio or video (${element.error?.message || 'unsupported or damaged file'}).`,
        ),
      ),
    );
    element.src = src;
  });
}
