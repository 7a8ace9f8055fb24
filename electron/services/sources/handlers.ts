/**
 * The sources feature's channel handlers (issue 4), spread into the one table in electron/services/handlers.ts.
 * Per-URL failures of a batch travel as data (code + message for the curator), so one broken address among
 * hundreds never fails the others.
 */
import type { Handlers } from '../../../shared/ipc/dispatch';
import { UserFacingError } from '../../../shared/ipc/result';
import type { PathPolicy } from '../files/path-policy';
import { fetchAnnotationPage } from './annotation-page';
import { cacheImages, fetchImage } from './image-info';
import { importLocalImage } from './local-images';
import { discardLocalMedia, importLocalMedia, probeMedia } from './local-media';
import { fetchDocumentText, openSource } from './open-source';
import type { Initiator } from '../remote/address-policy';
import type { SourcesDeps } from './routes';

export type SourcesHandlers = Pick<
  Handlers,
  | 'fetchImageInfo'
  | 'cancelImageInfo'
  | 'openSource'
  | 'openUrl'
  | 'fetchAnnotationPage'
  | 'allowHost'
  | 'importLocalImage'
  | 'probeMedia'
  | 'importLocalMedia'
  | 'discardLocalMedia'
  | 'cacheImages'
>;

function errorInfo(error: unknown): { code: string; message: string } {
  if (error instanceof UserFacingError) return { code: error.code, message: error.message };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

export function createSourcesHandlers(deps: SourcesDeps | undefined, policy: PathPolicy): SourcesHandlers {
  const need = (): SourcesDeps => {
    if (!deps) throw new UserFacingError('unavailable', 'Fetching from the web is not set up in this shell.');
    return deps;
  };
  /** fetchImageInfo requests in flight by their requestId, so Cancel in Add images reaches their retries. */
  const inFlight = new Map<string, AbortController>();
  return {
    fetchImageInfo: async ({ urls, initiator, requestId }) => {
      const { remote, background } = need();
      const controller = new AbortController();
      if (requestId) inFlight.set(requestId, controller);
      try {
        return await fetchAll(remote, background, urls, initiator, controller.signal);
      } finally {
        if (requestId && inFlight.get(requestId) === controller) inFlight.delete(requestId);
      }
    },
    cancelImageInfo: ({ requestId }) => {
      const controller = inFlight.get(requestId);
      controller?.abort();
      inFlight.delete(requestId);
      return Promise.resolve({ cancelled: controller !== undefined });
    },
    openSource: async ({ location, initiator }) => {
      const opened = await openSource({ remote: need().remote, policy }, location, initiator);
      return { ...opened, doc: opened.doc };
    },
    openUrl: ({ location, initiator }) => fetchDocumentText(need().remote, location, initiator),
    // Local pages are read without the remote service, so a shell without it still shows them.
    fetchAnnotationPage: ({ location, initiator, documentPath }) =>
      fetchAnnotationPage({ remote: deps?.remote, policy }, location, {
        ...(initiator ? { initiator } : {}),
        ...(documentPath ? { documentPath } : {}),
      }),
    allowHost: ({ host }) => {
      need().remote.addresses.allow(host);
      return Promise.resolve({});
    },
    importLocalImage: async ({ name, dataBase64, origin }) => {
      const bytes = Buffer.from(dataBase64, 'base64');
      const descriptor = await importLocalImage({ dir: need().localImagesDir, name, bytes, origin });
      return { descriptor };
    },
    probeMedia: ({ url, initiator }) => probeMedia(need().remote, url, initiator),
    importLocalMedia: ({ name, dataBase64, origin }) =>
      importLocalMedia({
        dir: need().localImagesDir,
        name,
        bytes: Buffer.from(dataBase64, 'base64'),
        origin,
      }),
    discardLocalMedia: async ({ url, origin }) => ({
      removed: await discardLocalMedia({ dir: need().localImagesDir, url, origin }),
    }),
    cacheImages: ({ urls, initiator }) => cacheImages(need().remote, urls, initiator),
  };
}

async function fetchAll(
  remote: SourcesDeps['remote'],
  background: SourcesDeps['background'],
  urls: readonly string[],
  initiator: Initiator | undefined,
  signal: AbortSignal,
) {
  const results = await Promise.all(
    urls.map(async (url) => {
      try {
        const fetched = await fetchImage(remote, url, {
          ...(background ? { background } : {}),
          ...(initiator ? { initiator } : {}),
          signal,
        });
        const { fromCache, stale } = fetched;
        const image =
          fetched.kind === 'service'
            ? { kind: 'service' as const, descriptor: fetched.descriptor }
            : {
                kind: 'image' as const,
                url: fetched.url,
                width: fetched.width,
                height: fetched.height,
                format: fetched.format,
              };
        return { url, ok: true as const, image, fromCache, stale };
      } catch (error) {
        return { url, ok: false as const, ...errorInfo(error) };
      }
    }),
  );
  return { results };
}
