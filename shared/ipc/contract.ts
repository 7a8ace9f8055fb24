/**
 * THE contract between the renderer and the services, the renderer's only way out of its sandbox. Every
 * channel is declared once, here, with its request and response schemas. From this table:
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
/** Where a document came from, for private-network requests (electron/services/remote/address-policy.ts). */
const initiator = z.enum(['local', 'public']);
const mediaContainer = z.enum(['wav', 'mp3', 'flac', 'webm', 'ogg', 'mp4']);

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

/** Offline OCR (issue 16): rectangles in canvas or image pixels. */
const rect = z.object({
  x: z.number().finite(),
  y: z.number().finite(),
  width: z.number().finite().positive(),
  height: z.number().finite().positive(),
});
/** What to recognise on one canvas, as shared/iiif/annotations/ocr-source.ts describes it. */
const ocrSource = z.object({
  canvasIndex: z.number().int().min(0),
  canvasId: z.string().min(1).max(8192),
  image: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('service'), infoUrl: z.string().max(8192) }),
    z.object({ kind: z.literal('image'), url: z.string().max(8192) }),
  ]),
  region: z.string().max(200),
  frame: rect,
  area: rect.optional(),
});
const ocrCanvasResult = z.object({
  canvasIndex: z.number(),
  canvasId: z.string(),
  frame: rect,
  imageWidth: z.number(),
  imageHeight: z.number(),
  lines: z.array(z.object({ text: z.string(), confidence: z.number(), box: rect })).readonly(),
});
/** Tesseract language codes, `+` between several: `eng`, `deu+lat`, `chi_sim`. */
export const OCR_LANGUAGE = /^[a-z]{3}(?:_[a-z]+)?(?:\+[a-z]{3}(?:_[a-z]+)?){0,3}$/;
/**
 * Where a publication goes: the output folder (`outDir`), a branch of a local Git clone pushed to its remote, or
 * S3-compatible storage. The S3 secret is sent once and never comes back; without one, the secret the services
 * remember for this endpoint, bucket and key id is used (see secretStatus).
 */
const publicationTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('folder') }),
  z.object({
    kind: z.literal('git'),
    /** A local clone with a remote to push to. */
    repo: z.string().min(1).max(4096),
    branch: z.string().min(1).max(255).default('gh-pages'),
    message: z.string().max(10_000).optional(),
    authorName: z.string().max(255).optional(),
    authorEmail: z.string().max(255).optional(),
  }),
  z.object({
    kind: z.literal('s3'),
    endpoint: z.string().min(1).max(2048),
    bucket: z.string().min(1).max(255),
    prefix: z.string().max(1024).default(''),
    region: z.string().max(64).default('us-east-1'),
    accessKeyId: z.string().min(1).max(256),
    secretAccessKey: z.string().min(1).max(1024).optional(),
    /** After a publication that succeeded, keep the secret sent (encrypted by the OS) for the next ones. */
    rememberSecret: z.boolean().default(false),
  }),
]);

/** What a review and a publication both take: the document, where it goes, and in which form. */
const publicationRequest = {
  doc: json,
  base: z.string(),
  /** The output folder, for the folder target; ignored by the others. */
  outDir: z.string().default(''),
  target: publicationTarget.default({ kind: 'folder' }),
  minify: z.boolean().default(false),
  /** Write Presentation 2.1 for older viewers instead of 3; the review lists what 2.1 cannot say. */
  presentation2: z.boolean().default(false),
  /** Annotation pages kept in the Manifest, or each published as its own file under the base. */
  annotationPages: z.enum(['embedded', 'referenced']).default('embedded'),
  origin: z.string().optional(),
  /** The open document's own file, if it has one: a Collection's local members are looked for beside it. */
  documentPath: z.string().min(1).max(4096).optional(),
  ...collectionRequest,
};

/** Names a remembered S3 secret: the key id, at the storage it is used with. */
const secretName = z.object({
  endpoint: z.string().min(1).max(2048),
  accessKeyId: z.string().min(1).max(256),
});

const publicationCheck = z.object({
  from: z.string(),
  documents: z.number(),
  parsed: z.number(),
  uris: z.number(),
  resolved: z.number(),
  failures: z.array(z.string()),
});

const publishRequest = z.object({
  ...publicationRequest,
  /** Publishing a document with validation errors needs this, said explicitly by the user. */
  allowErrors: z.boolean().default(false),
  /** Publishing that would change or drop a URI published before needs this, said explicitly by the user. */
  allowUriChanges: z.boolean().default(false),
});

const publishedResponse = z.object({
  outDir: z.string(),
  manifestUrl: z.string(),
  file: z.string(),
  tiles: z.number(),
  /** Present when other files were published with the document. */
  collectionUrl: z.string().optional(),
  manifestCount: z.number(),
  /** The publication fetched back from where it is served: how many URIs resolve. */
  check: publicationCheck,
  /** With presentation2: what Presentation 2.1 could not say. */
  lost: z.array(z.string()),
});

/** A publication running as a job: progress n of m, and at the end its result, or why it failed or stopped. */
const publicationJob = z.object({
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  progress: z
    .object({
      phase: z.enum(['preparing', 'staging', 'uploading', 'pushing', 'checking']),
      done: z.number(),
      total: z.number(),
    })
    .nullable(),
  result: publishedResponse.optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});

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
    request: z.object({
      path: z.string(),
      /** The user confirmed opening a file that is not UTF-8 as Windows-1252 (error code 'single-byte'). */
      encoding: z.literal('windows-1252').optional(),
    }),
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
      /**
       * Where the document came from: 'public' when it was opened from the internet, so that its recovered copy
       * keeps the private-network refusals (absent in records of earlier versions, which are read as 'local').
       */
      origin: z.enum(['local', 'public']).optional(),
      /** The document's place among the open tabs when written: recovery reopens them in this order. */
      tab: z.number().int().min(0).max(100_000).optional(),
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
    response: z.object({
      key: z.string(),
      path: z.string().nullable(),
      name: z.string(),
      text: z.string(),
      origin: z.enum(['local', 'public']),
    }),
  },
  /** Image addresses (info.json, service base, image request, plain image) → descriptors or sizes, per URL. */
  fetchImageInfo: {
    request: z.object({
      urls: z.array(z.string().max(8192)).min(1).max(100),
      /** 'public' when a document from the internet named these addresses (private-network requests refused). */
      initiator: initiator.optional(),
      /** Names the request, so cancelImageInfo can stop it (its retries and waits included). */
      requestId: z.string().min(1).max(100).optional(),
    }),
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
  /** Stops a fetchImageInfo request named by its requestId; its addresses answer 'cancelled'. */
  cancelImageInfo: {
    request: z.object({ requestId: z.string().min(1).max(100) }),
    response: z.object({ cancelled: z.boolean() }),
  },
  /** A manifest or collection (URL or file) to take canvases from; Presentation 2 comes back upgraded. */
  openSource: {
    request: z.object({ location: z.string().min(1).max(8192), initiator: initiator.optional() }),
    response: z.object({
      location: z.string(),
      finalUrl: z.string().nullable(),
      kind: z.enum(['Manifest', 'Collection']),
      doc: json,
      sourceVersion: z.union([z.literal(2), z.literal(3)]),
      notices: z.array(z.string()),
      fromCache: z.boolean(),
      stale: z.boolean(),
      /** 'public' when it came from the internet: pass it as the initiator of what it references. */
      origin: initiator,
    }),
  },
  /**
   * File › Open URL: a manifest or collection's text as the server sent it (http(s) only, through the remote
   * service and its offline cache), read in the renderer like a file, so that Save As keeps its layout.
   */
  openUrl: {
    /** initiator 'public': a document from the internet named the address (a collection's member). */
    request: z.object({ location: z.string().min(1).max(8192), initiator: initiator.optional() }),
    response: z.object({
      location: z.string(),
      finalUrl: z.string().nullable(),
      text: z.string(),
      fromCache: z.boolean(),
      stale: z.boolean(),
      origin: initiator,
    }),
  },
  /**
   * A referenced annotation page (issue 16), by URL (through the offline cache, like openSource) or from a file
   * the path policy lets us read (a path, a file: URL, or relative to the open document's file). Anything but an
   * AnnotationPage with items is refused with code 'not-annotation-page'.
   */
  fetchAnnotationPage: {
    request: z.object({
      location: z.string().min(1).max(8192),
      initiator: initiator.optional(),
      documentPath: z.string().min(1).max(4096).optional(),
    }),
    response: z.object({
      location: z.string(),
      finalUrl: z.string().nullable(),
      /** The page's own file when it is local: edits to it are saved there. */
      path: z.string().nullable(),
      page: json,
      fromCache: z.boolean(),
      stale: z.boolean(),
      origin: initiator,
      /** A local page's text and stamp as read, so its edits are saved over it (null for a remote page). */
      file: z
        .object({ text: z.string(), mtimeMs: z.number(), size: z.number(), hash: z.string() })
        .nullable()
        .optional(),
    }),
  },
  /** Lets documents from the internet reach this host on the user's computer or private network, this session. */
  allowHost: {
    request: z.object({ host: z.string().min(1).max(512) }),
    response: z.object({}),
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
  /**
   * What the audio or video at an address is, from its first bytes (a 404, a web page or a file that is not media
   * is an error with a sentence); the renderer's player then reads its duration and size.
   */
  probeMedia: {
    request: z.object({ url: z.string().min(1).max(8192), initiator: initiator.optional() }),
    response: z.object({ finalUrl: z.string(), container: mediaContainer }),
  },
  /** An audio or video file's bytes (base64) → stored with the local images and served from the page's origin. */
  importLocalMedia: {
    request: z.object({
      name: z.string().max(512),
      dataBase64: z.string().max(140 * 1024 * 1024),
      origin: z.string().max(512),
    }),
    response: z.object({ url: z.string(), container: mediaContainer }),
  },
  /** Removes a media file importLocalMedia stored, when it turned out unreadable. */
  discardLocalMedia: {
    request: z.object({ url: z.string().max(8192), origin: z.string().max(512) }),
    response: z.object({ removed: z.boolean() }),
  },
  /** Fetches images (thumbnails) into the offline cache. */
  cacheImages: {
    request: z.object({ urls: z.array(z.string().max(8192)).max(1000), initiator: initiator.optional() }),
    response: z.object({ cached: z.number(), failed: z.number() }),
  },
  showFolderDialog: {
    request: z.object({}),
    response: z.object({ supported: z.boolean(), path: z.string().nullable() }),
  },
  /**
   * New documents written side by side into one folder (the parts of a split, a merged manifest): the folder is
   * checked by the path policy (the workspace, or a folder the user chose), the names are plain file names. A
   * file that exists is a 'conflict' unless `overwrite`; nothing is written then.
   */
  writeFilesInFolder: {
    request: z.object({
      folder: z.string().min(1).max(4096),
      files: z
        .array(z.object({ name: z.string().min(1).max(255), text: z.string() }))
        .min(1)
        .max(500),
      overwrite: z.boolean().default(false),
    }),
    response: z.object({ folder: z.string(), paths: z.array(z.string()) }),
  },
  reviewPublication: {
    request: z.object(publicationRequest),
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
      /** With presentation2: what Presentation 2.1 cannot say, prefixed by the file's name when there are several. */
      lost: z.array(z.string()),
      /** Where it would be published: the folder, the repository and branch, or the bucket and prefix. */
      where: z.string(),
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
    request: publishRequest,
    response: publishedResponse,
  },
  /** The same publication as a job: answers at once with its id; then poll publicationJob, or cancel it. */
  startPublication: {
    request: publishRequest,
    response: z.object({ jobId: z.string() }),
  },
  publicationJob: {
    request: z.object({ jobId: z.string().max(100) }),
    response: publicationJob,
  },
  /** Stops a publication before it replaces the previous one; when it is too late, the job still ends 'done'. */
  cancelPublication: {
    request: z.object({ jobId: z.string().max(100) }),
    response: publicationJob,
  },
  /** Whether a secret is remembered under this name (never the secret itself), and whether one can be. */
  publicationSecret: {
    request: secretName,
    response: z.object({
      remembered: z.boolean(),
      canRemember: z.boolean(),
      /** Remembered across sessions (desktop, encrypted by the OS), or for this session only (web host). */
      persistent: z.boolean(),
    }),
  },
  /**
   * Offline OCR as a background job (IPC is request/response, here as over the web host's HTTP): start answers
   * at once with the job's id; status is polled for progress and, once finished, the results and the canvases
   * that failed; cancel stops the workers.
   */
  ocrStart: {
    request: z.object({
      sources: z.array(ocrSource).min(1).max(2000),
      language: z.string().regex(OCR_LANGUAGE).default('eng'),
      /** The page's origin, which local images are served under. */
      origin: z.string().max(512).optional(),
    }),
    response: z.object({ jobId: z.string(), workers: z.number() }),
  },
  ocrStatus: {
    request: z.object({ jobId: z.string().max(100) }),
    response: z.object({
      state: z.enum(['running', 'done', 'cancelled']),
      /** Canvases finished (recognised or failed) and in all. */
      done: z.number(),
      total: z.number(),
      /** 0–1 over the whole job, including the canvas being recognised. */
      progress: z.number(),
      workers: z.number(),
      /** Filled once the job is done. */
      results: z.array(ocrCanvasResult),
      failures: z.array(z.object({ canvasIndex: z.number(), canvasId: z.string(), message: z.string() })),
    }),
  },
  ocrCancel: {
    request: z.object({ jobId: z.string().max(100) }),
    response: z.object({ cancelled: z.boolean() }),
  },
  forgetPublicationSecret: {
    request: secretName,
    response: z.object({}),
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
