/**
 * Resolving a batch of inputs (image addresses, manifests, content states) into canvas seeds, through the main
 * side, with progress per input. The browser allows only a few connections to the host, so image addresses go
 * in batches per institution (as many as the main side runs at once per host), several batches at a time: the
 * main side's per-host limit, not the browser's connection limit, sets the pace.
 */
import {
  clipRegionToCanvas,
  contentStateTargets,
  declaredCanvasSize,
  labelForUrl,
  paintedServiceIds,
  regionCutProblem,
  sourceInfoOf,
  type CanvasSeed,
  type ContentTarget,
  type RegionCut,
} from '../../../../shared/iiif/canvas-build';
import { classifyUrl } from '../../../../shared/iiif/image-api/classify-url';
import {
  decodeContentState,
  readPlainContentState,
  type DecodedContentState,
} from '../../../../shared/iiif/image-api/content-state';
import { isJsonArray, isJsonObject, type JsonObject } from '../../../../shared/iiif/json';
import { api } from '../../api';
import { askToAllowHost } from '../network/allow-host';

export type Outcome =
  | { readonly ok: true; readonly seeds: readonly CanvasSeed[]; readonly stale: boolean }
  | { readonly ok: false; readonly reason: string };

/** fetchImageInfo requests in flight, by id: Cancel stops them on the main side too (retries, Retry-After waits). */
const inFlight = new Set<string>();
let requestCounter = 0;
/** Per page, so two windows of the web host never cancel each other's requests. */
const pagePrefix = Math.random().toString(36).slice(2, 10);

async function fetchImageInfo(urls: string[]): ReturnType<typeof api.fetchImageInfo> {
  requestCounter += 1;
  const requestId = `add-images-${pagePrefix}-${requestCounter}`;
  inFlight.add(requestId);
  try {
    return await api.fetchImageInfo({ urls, requestId });
  } finally {
    inFlight.delete(requestId);
  }
}

/** Stops every image information request of Add images still running. */
export function cancelImageInfoRequests(): void {
  for (const requestId of inFlight) void api.cancelImageInfo({ requestId });
  inFlight.clear();
}

/** Addresses per request: the main side fetches up to 6 at once from one host. */
const PER_REQUEST = 6;
/** Requests in flight: the browser has 6 connections to the host, and thumbnails need some too. */
const REQUESTS_IN_FLIGHT = 4;

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/** A content state from JSON text, a `?iiif-content=` link, or the encoded form on its own. */
export function decodeStateInput(input: string): DecodedContentState {
  const text = input.trim();
  if (text.startsWith('{')) return readPlainContentState(text);
  const param = /[?&#]iiif-content=([^&#\s]+)/.exec(text)?.[1];
  if (param !== undefined) {
    let value = param;
    try {
      value = decodeURIComponent(param);
    } catch {
      // use it as given
    }
    return /^https?:\/\//i.test(value) ? readPlainContentState(value) : decodeContentState(value);
  }
  return decodeContentState(text);
}

/**
 * The full sizes of image services, read from their info.json through the main side (which caches them, so
 * this works offline for images seen before). A crop is measured in full-image pixels, which a manifest's
 * level 0 Image often does not declare (it declares a smaller delivered size): guessing would cut the wrong
 * part, so a size that cannot be read is a reason to refuse, and "Retry failed" tries again.
 */
async function fullImageSizes(serviceIds: readonly string[]): Promise<RegionCut['imageSizes'] | string> {
  if (serviceIds.length === 0) return {};
  const result = await fetchImageInfo(serviceIds.map((id) => `${id}/info.json`));
  if (!result.ok) return `The images' sizes could not be read: ${result.error.message}`;
  const sizes: Record<string, { width: number; height: number }> = {};
  for (const [k, id] of serviceIds.entries()) {
    const answer = result.value.results[k];
    if (!answer?.ok || answer.image.kind !== 'service') {
      const why = answer && !answer.ok ? answer.message : 'it is not an image service';
      return `The size of image ${id} could not be read (${why}), so its region cannot be cut.`;
    }
    sizes[id] = { width: answer.image.descriptor.width, height: answer.image.descriptor.height };
  }
  return sizes;
}

type CanvasTarget = Extract<ContentTarget, { kind: 'canvas' }>;

type Route = 'image' | 'presentation' | 'content-state';

function routeOf(input: string): Route {
  const text = input.trim();
  if (text.startsWith('{')) return 'content-state';
  const kind = classifyUrl(text);
  if (kind === 'content-state') return 'content-state';
  if (kind === 'manifest-or-collection') return 'presentation';
  return 'image';
}

export interface ResolveCallbacks {
  onOutcome(index: number, outcome: Outcome): void;
  isCancelled(): boolean;
}

/** Resolves every input, calling back once per input (in any order). */
export async function resolveInputs(inputs: readonly string[], callbacks: ResolveCallbacks): Promise<void> {
  const documents = new Map<string, Promise<{ doc: JsonObject; stale: boolean } | string>>();
  /** A manifest, opened once per batch however many inputs name it (or a reason it could not be). */
  const manifest = (url: string) => {
    let pending = documents.get(url);
    if (!pending) {
      const open = async (retried = false): Promise<Awaited<ReturnType<typeof api.openSource>>> => {
        const result = await api.openSource({ location: url });
        return !result.ok && !retried && (await askToAllowHost(result.error)) ? open(true) : result;
      };
      pending = open().then((result) => {
        if (!result.ok) return result.error.message;
        if (result.value.kind !== 'Manifest')
          return 'This is a collection: open it in the Sources panel and choose a manifest from it.';
        return { doc: result.value.doc as JsonObject, stale: result.value.stale };
      });
      documents.set(url, pending);
    }
    return pending;
  };

  const wholeManifest = async (url: string): Promise<Outcome> => {
    const opened = await manifest(url);
    if (typeof opened === 'string') return { ok: false, reason: opened };
    const source = sourceInfoOf(opened.doc, url);
    const items = isJsonArray(opened.doc['items']) ? opened.doc['items'] : [];
    const seeds = items
      .filter((item): item is JsonObject => isJsonObject(item) && item['type'] === 'Canvas')
      .map((canvas): CanvasSeed => ({ kind: 'copy', canvas, source }));
    if (seeds.length === 0) return { ok: false, reason: 'The manifest has no canvases.' };
    return { ok: true, seeds, stale: opened.stale };
  };

  /** One canvas of a manifest, or (with a region) a new canvas showing just that part of it. */
  const oneCanvas = async (target: CanvasTarget): Promise<Outcome> => {
    const { manifestId, canvasId, region } = target;
    const opened = await manifest(manifestId);
    if (typeof opened === 'string') return { ok: false, reason: opened };
    const items = isJsonArray(opened.doc['items']) ? opened.doc['items'] : [];
    const canvas = items.find((item) => isJsonObject(item) && item['id'] === canvasId);
    if (!isJsonObject(canvas)) return { ok: false, reason: `The manifest has no canvas ${canvasId}.` };
    const source = sourceInfoOf(opened.doc, manifestId);
    if (!region) return { ok: true, seeds: [{ kind: 'copy', canvas, source }], stale: opened.stale };
    const size = declaredCanvasSize(canvas);
    if (!size) return { ok: false, reason: `Canvas ${canvasId} has no size, so its region means nothing.` };
    const area = clipRegionToCanvas(region, size);
    if (!area) {
      return {
        ok: false,
        reason: `The content state's region lies outside canvas ${canvasId} (${size.width} × ${size.height}).`,
      };
    }
    const imageSizes = await fullImageSizes(paintedServiceIds(canvas));
    if (typeof imageSizes === 'string') return { ok: false, reason: imageSizes };
    const cut: RegionCut = { area, imageSizes };
    const problem = regionCutProblem(canvas, cut);
    if (problem) return { ok: false, reason: problem };
    return { ok: true, seeds: [{ kind: 'copy', canvas, source, region: cut }], stale: opened.stale };
  };

  /** A content state's canvases, or (a content state that is just an image's address) that address. */
  const contentState = async (input: string): Promise<Outcome | { readonly image: string }> => {
    const state = decodeStateInput(input);
    if (!state.ok) return { ok: false, reason: `This content state cannot be read: ${state.reason}` };
    if (state.kind === 'uri') {
      if (routeOf(state.value) === 'image') return { image: state.value };
      return wholeManifest(state.value);
    }
    const outcomes = await Promise.all(
      contentStateTargets(state.value).map((target): Promise<Outcome> | Outcome => {
        if (target.kind === 'manifest') return wholeManifest(target.manifestId);
        if (target.kind === 'canvas') return oneCanvas(target);
        if (target.kind === 'collection')
          return {
            ok: false,
            reason: 'The content state names a collection: open it in the Sources panel to choose from it.',
          };
        return { ok: false, reason: target.reason };
      }),
    );
    const failed = outcomes.find((outcome) => !outcome.ok);
    if (failed) return failed;
    if (outcomes.length === 0) return { ok: false, reason: 'The content state names nothing to add.' };
    return {
      ok: true,
      seeds: outcomes.flatMap((outcome) => (outcome.ok ? outcome.seeds : [])),
      stale: outcomes.some((outcome) => outcome.ok && outcome.stale),
    };
  };

  /** Image addresses: index into `inputs` → the address to fetch. */
  const imageTargets = new Map<number, string>();
  const others: Promise<void>[] = [];
  inputs.forEach((input, index) => {
    const route = routeOf(input);
    if (route === 'image') {
      imageTargets.set(index, input.trim());
      return;
    }
    const work = route === 'presentation' ? wholeManifest(input.trim()) : contentState(input);
    others.push(
      work.then(
        (outcome) => {
          if ('image' in outcome) imageTargets.set(index, outcome.image);
          else callbacks.onOutcome(index, outcome);
        },
        (error: unknown) => callbacks.onOutcome(index, { ok: false, reason: String(error) }),
      ),
    );
  });
  await Promise.all(others);

  // Batches per host, then a small pool of requests.
  const byHost = new Map<string, number[]>();
  for (const index of imageTargets.keys()) {
    const host = hostOf(imageTargets.get(index) ?? '');
    byHost.set(host, [...(byHost.get(host) ?? []), index]);
  }
  // Round robin over hosts, so one institution's long list does not hold up the others.
  const batches: number[][] = [];
  const perHost = [...byHost.values()];
  for (let offset = 0; perHost.some((indices) => offset < indices.length); offset += PER_REQUEST) {
    for (const indices of perHost)
      if (offset < indices.length) batches.push(indices.slice(offset, offset + PER_REQUEST));
  }

  const presentationFallbacks: Promise<void>[] = [];
  const fetchInfo = async (urls: string[], retried = false): ReturnType<typeof api.fetchImageInfo> => {
    const result = await fetchImageInfo(urls);
    if (!result.ok || retried || callbacks.isCancelled()) return result;
    // A public server redirected to this computer or the private network: ask once per host, then try again.
    let allowed = false;
    for (const answer of result.value.results)
      if (!answer.ok && (await askToAllowHost(answer))) allowed = true;
    return allowed ? fetchInfo(urls, true) : result;
  };
  const runBatch = async (batch: number[]) => {
    const urls = batch.map((index) => imageTargets.get(index) ?? '');
    const result = await fetchInfo(urls);
    batch.forEach((index, k) => {
      const url = urls[k] ?? '';
      if (!result.ok) return callbacks.onOutcome(index, { ok: false, reason: result.error.message });
      const answer = result.value.results[k];
      if (!answer) return callbacks.onOutcome(index, { ok: false, reason: 'No answer for this address.' });
      if (!answer.ok) {
        if (answer.code === 'presentation') {
          presentationFallbacks.push(
            wholeManifest(url).then((outcome) => callbacks.onOutcome(index, outcome)),
          );
          return;
        }
        return callbacks.onOutcome(index, { ok: false, reason: answer.message });
      }
      const seed: CanvasSeed =
        answer.image.kind === 'service'
          ? { kind: 'service', descriptor: answer.image.descriptor, label: labelForUrl(url) }
          : {
              kind: 'image',
              image: {
                url: answer.image.url,
                width: answer.image.width,
                height: answer.image.height,
                format: answer.image.format,
              },
              label: labelForUrl(answer.image.url),
            };
      return callbacks.onOutcome(index, { ok: true, seeds: [seed], stale: answer.stale });
    });
  };
  let next = 0;
  const worker = async () => {
    while (next < batches.length && !callbacks.isCancelled()) {
      const batch = batches[next++] as number[];
      await runBatch(batch);
    }
  };
  await Promise.all(Array.from({ length: Math.min(REQUESTS_IN_FLIGHT, batches.length) }, worker));
  await Promise.all(presentationFallbacks);
}
