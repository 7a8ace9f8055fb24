/**
 * info.json for the viewer and the composition tools, fetched through imageSrc() (so a cached copy serves
 * offline) and read by the shared parser into one descriptor whatever the Image API version. One request per
 * service per session: results are shared by every caller; failures are forgotten, so showing the canvas
 * again retries.
 */
import type { ImageServiceDescriptor } from '../../../../shared/iiif/image-api/descriptor';
import { parseInfoJson } from '../../../../shared/iiif/image-api';
import { imageSrc } from '../images/image-src';

export type InfoResult =
  | { readonly ok: true; readonly descriptor: ImageServiceDescriptor }
  | { readonly ok: false; readonly reason: string };

/** A server that never answers must not leave an image "loading" for ever. */
const TIMEOUT_MS = 30_000;

const cache = new Map<string, Promise<InfoResult>>();

export function loadImageInfo(infoUrl: string): Promise<InfoResult> {
  const cached = cache.get(infoUrl);
  if (cached) return cached;
  const pending = fetchInfo(infoUrl).then((result) => {
    if (!result.ok) cache.delete(infoUrl);
    return result;
  });
  cache.set(infoUrl, pending);
  return pending;
}

async function fetchInfo(infoUrl: string): Promise<InfoResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    // No custom headers: they would make every request a CORS preflight, which many image servers refuse.
    const response = await fetch(imageSrc(infoUrl), { signal: controller.signal });
    if (!response.ok) {
      return {
        ok: false,
        reason: `the image server answered ${response.status} ${response.statusText}`.trim(),
      };
    }
    const parsed = parseInfoJson(await response.text(), infoUrl);
    if (!parsed.ok) return { ok: false, reason: parsed.reasons.join(' ') };
    return { ok: true, descriptor: parsed.value };
  } catch (error) {
    if (controller.signal.aborted) return { ok: false, reason: 'the image server did not answer in time' };
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      reason: `the image information could not be fetched (offline, blocked or refused: ${detail})`,
    };
  } finally {
    clearTimeout(timer);
  }
}
