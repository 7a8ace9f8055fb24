/**
 * THE contract between the renderer and the services (architecture §2). Every channel is declared once, here,
 * with its request and response schemas. From this table:
 *  - the Electron preload builds `window.api`, one function per channel (electron/preload);
 *  - Electron main binds one handler per channel over IPC (electron/main/ipc-binding.ts);
 *  - the web host exposes the same handlers as `POST /api/<channel>` (electron/host).
 * `Handlers` is a mapped type over this table, so a channel without a handler does not compile.
 * Adding a channel: one entry here, one handler in electron/services/handlers.ts.
 */
import { z } from 'zod';
import type { channelNames } from './channel-names';

export { channelNames, ipcChannel } from './channel-names';

// zod probes for `new Function` to compile fast parsers; under the renderer's CSP (no 'unsafe-eval') that probe is
// a violation report on every page load. Requests are small, so the interpreted parser costs nothing noticeable.
z.config({ jitless: true });

const json = z.unknown();

const fileSnapshot = z.object({
  path: z.string(),
  name: z.string(),
  text: z.string(),
  /** Modification time when read, used to detect changes on disk before overwriting. */
  mtimeMs: z.number(),
  size: z.number(),
  /** SHA-256 of the bytes read: with the size, how a save tells a change the time does not show. */
  hash: z.string(),
});

const dirEntry = z.object({
  name: z.string(),
  path: z.string(),
  kind: z.enum(['file', 'directory']),
  size: z.number(),
  mtimeMs: z.number(),
});

/** Sources and adding images (issue 4): an Image API service as ImageServiceDescriptor (shared/iiif/image-api). */
const imageServiceDescriptor = z.object({
  version: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  id: z.string(),
  level: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  width: z.number(),
  height: z.number(),
  sizes: z.array(z.object({ width: z.number(), height: z.number() })).readonly(),
  tiles: z
    .array(z.object({ width: z.number(), height: z.number(), scaleFactors: z.array(z.number()).readonly() }))
    .readonly(),
  maxWidth: z.number().optional(),
  maxHeight: z.number().optional(),
  maxArea: z.number().optional(),
  formats: z.array(z.string()).readonly(),
  qualities: z.array(z.string()).readonly(),
  features: z.array(z.string()).readonly(),
  warnings: z.array(z.string()).readonly(),
});
const fetchedImage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('service'), descriptor: imageServiceDescriptor }),
  z.object({
    kind: z.literal('image'),
    url: z.string(),
    width: z.number(),
    height: z.number(),
    format: z.string(),
  }),
]);

/**
 * Publishing the open document together with other Manifest files: a collection.json lists them all, the
 * document first, then the files in this order. Without files, the document is published alone, as before.
 */
const collectionRequest = {
  otherFiles: z.array(z.string().min(1).max(4096)).max(500).default([]),
  /** Plain text; the output folder's name when absent or blank. */
  collectionLabel: z.string().max(2000).optional(),
  /** The open document's file name: its folder in the collection is named after it. */
  name: z.string().max(1024).optional(),
};

export const channels = {
  appInfo: {
    request: z.object({}),
    response: z.object({
      name: z.string(),
      version: z.string(),
      shell: z.enum(['electron', 'web']),
      /** Folder the in-app file picker is rooted in (web host); null in Electron, where native dialogs are used. */
      workspace: z.string().nullable(),
      platform: z.string(),
    }),
  },
  sampleProject: {
    request: z.object({ origin: z.string() }),
    response: z.object({ name: z.string(), manifest: json }),
  },
  listDirectory: {
    request: z.object({ path: z.string().optional() }),
    response: z.object({ path: z.string(), parent: z.string().nullable(), entries: z.array(dirEntry) }),
  },
  showOpenDialog: {
    request: z.object({}),
    response: z.object({ supported: z.boolean(), path: z.string().nullable() }),
  },
  showSaveDialog: {
    request: z.object({ suggestedName: z.string() }),
    response: z.object({ supported: z.boolean(), path: z.string().nullable() }),
  },
  openFile: {
    request: z.object({ path: z.string() }),
    response: fileSnapshot,
  },
  saveFile: {
    request: z.object({
      path: z.string(),
      text: z.string(),
      /** mtime seen when the file was opened or last saved; null for a new file. Mismatch → 'conflict'. */
      expectedMtimeMs: z.number().nullable(),
      /** Size and hash from the same moment; a mismatch is a 'conflict' too (time alone misses changes). */
      expectedSize: z.number().nullable().optional(),
      expectedHash: z.string().nullable().optional(),
      /** Set after the user confirmed overwriting a file that changed on disk. */
      overwrite: z.boolean().default(false),
    }),
    response: z.object({
      path: z.string(),
      name: z.string(),
      mtimeMs: z.number(),
      size: z.number(),
      hash: z.string(),
    }),
  },
  recentFiles: {
    request: z.object({}),
    response: z.object({ paths: z.array(z.string()) }),
  },
  /**
   * A file read with openFile turned out to be a document and is now open: it goes into Recent. Reading is not
   * enough (the renderer parses the text), or files that failed to open would be offered again.
   */
  rememberOpened: {
    request: z.object({ path: z.string() }),
    response: z.object({}),
  },
  writeAutosave: {
    request: z.object({
      /** Stable id of the editing session's document. */
      key: z.string(),
      path: z.string().nullable(),
      name: z.string(),
      text: z.string(),
    }),
    response: z.object({ savedAt: z.number() }),
  },
  clearAutosave: {
    request: z.object({ key: z.string() }),
    response: z.object({}),
  },
  listRecoverable: {
    request: z.object({}),
    response: z.object({
      items: z.array(
        z.object({ key: z.string(), path: z.string().nullable(), name: z.string(), savedAt: z.number() }),
      ),
    }),
  },
  readRecoverable: {
    request: z.object({ key: z.string() }),
    response: z.object({ key: z.string(), path: z.string().nullable(), name: z.string(), text: z.string() }),
  },
  /** Image addresses (info.json, service base, image request, plain image) → descriptors or sizes, per URL. */
  fetchImageInfo: {
    request: z.object({ urls: z.array(z.string().max(8192)).min(1).max(100) }),
    response: z.object({
      results: z.array(
        z.union([
          z.object({
            url: z.string(),
            ok: z.literal(true),
            image: fetchedImage,
            fromCache: z.boolean(),
            stale: z.boolean(),
          }),
          z.object({ url: z.string(), ok: z.literal(false), code: z.string(), message: z.string() }),
        ]),
      ),
    }),
  },
  /** A manifest or collection (URL or file) to take canvases from; Presentation 2 comes back upgraded. */
  openSource: {
    request: z.object({ location: z.string().min(1).max(8192) }),
    response: z.object({
      location: z.string(),
      finalUrl: z.string().nullable(),
      kind: z.enum(['Manifest', 'Collection']),
      doc: json,
      sourceVersion: z.union([z.literal(2), z.literal(3)]),
      notices: z.array(z.string()),
      fromCache: z.boolean(),
      stale: z.boolean(),
    }),
  },
  /** An image file's bytes (base64) → a static level-0 service in the local images folder. */
  importLocalImage: {
    request: z.object({
      name: z.string().max(512),
      dataBase64: z.string().max(140 * 1024 * 1024),
      /** The page's origin, which local image services are served from. */
      origin: z.string().max(512),
    }),
    response: z.object({ descriptor: imageServiceDescriptor }),
  },
  /** Fetches images (thumbnails) into the offline cache. */
  cacheImages: {
    request: z.object({ urls: z.array(z.string().max(8192)).max(1000) }),
    response: z.object({ cached: z.number(), failed: z.number() }),
  },
  showFolderDialog: {
    request: z.object({}),
    response: z.object({ supported: z.boolean(), path: z.string().nullable() }),
  },
  reviewPublication: {
    request: z.object({
      doc: json,
      base: z.string(),
      outDir: z.string(),
      minify: z.boolean().default(false),
      ...collectionRequest,
    }),
    response: z.object({
      /** The open document's final URL. */
      manifestUrl: z.string(),
      bytes: z.number(),
      /** Across every Manifest published; `manifest` names the file a finding belongs to when there are several. */
      findings: z.array(
        z.object({
          severity: z.enum(['error', 'warning', 'info']),
          code: z.string(),
          message: z.string(),
          path: z.string(),
          manifest: z.string().optional(),
        }),
      ),
      firstPublication: z.boolean(),
      identical: z.boolean(),
      counts: z.object({ added: z.number(), removed: z.number(), changed: z.number() }),
      samplePaths: z.array(z.string()),
      /**
       * Published URIs since the last publication at this place: renamed (asks the user to confirm), new, and
       * no longer published. The lists are samples; counts are complete.
       */
      uris: z.object({
        changed: z.array(z.object({ source: z.string(), before: z.string(), after: z.string() })),
        added: z.array(z.string()),
        removed: z.array(z.string()),
        counts: z.object({ changed: z.number(), added: z.number(), removed: z.number() }),
      }),
      /** Present when other files were given: the collection.json and its Manifests, in order. */
      collection: z
        .object({
          url: z.string(),
          label: z.string(),
          manifests: z.array(z.object({ name: z.string(), url: z.string() })),
        })
        .optional(),
    }),
  },
  publishDocument: {
    request: z.object({
      doc: json,
      base: z.string(),
      outDir: z.string(),
      minify: z.boolean().default(false),
      /** Publishing a document with validation errors needs this, said explicitly by the user. */
      allowErrors: z.boolean().default(false),
      /** Publishing that would change a URI published before needs this, said explicitly by the user. */
      allowUriChanges: z.boolean().default(false),
      origin: z.string().optional(),
      ...collectionRequest,
    }),
    response: z.object({
      outDir: z.string(),
      manifestUrl: z.string(),
      file: z.string(),
      tiles: z.number(),
      /** Present when other files were published with the document. */
      collectionUrl: z.string().optional(),
      manifestCount: z.number(),
    }),
  },
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
/** What a caller passes (defaults not yet applied). */
export type RequestOf<C extends ChannelName> = z.input<Channels[C]['request']>;
/** What a handler receives (after schema parsing). */
export type ParsedRequestOf<C extends ChannelName> = z.output<Channels[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<Channels[C]['response']>;

// The preload needs the names but not the schemas (keeping zod out of it): they live in channel-names.ts, and
// these two lines make any difference between the two lists a compile error.
const namesMatch: [ChannelName, (typeof channelNames)[number]] extends [
  (typeof channelNames)[number],
  ChannelName,
]
  ? true
  : never = true;
void namesMatch;

export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(channels, name);
}
