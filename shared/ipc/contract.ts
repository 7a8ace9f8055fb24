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

const json = z.unknown();

const fileSnapshot = z.object({
  path: z.string(),
  name: z.string(),
  text: z.string(),
  /** Modification time when read, used to detect changes on disk before overwriting. */
  mtimeMs: z.number(),
  size: z.number(),
});

const dirEntry = z.object({
  name: z.string(),
  path: z.string(),
  kind: z.enum(['file', 'directory']),
  size: z.number(),
  mtimeMs: z.number(),
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
    request: z.object({ path: z.string() }),
    response: fileSnapshot,
  },
  saveFile: {
    request: z.object({
      path: z.string(),
      text: z.string(),
      /** mtime seen when the file was opened or last saved; null for a new file. Mismatch → 'conflict'. */
      expectedMtimeMs: z.number().nullable(),
      /** Set after the user confirmed overwriting a file that changed on disk. */
      overwrite: z.boolean().default(false),
    }),
    response: z.object({ path: z.string(), name: z.string(), mtimeMs: z.number(), size: z.number() }),
  },
  recentFiles: {
    request: z.object({}),
    response: z.object({ paths: z.array(z.string()) }),
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
    }),
    response: z.object({
      manifestUrl: z.string(),
      bytes: z.number(),
      findings: z.array(
        z.object({
          severity: z.enum(['error', 'warning', 'info']),
          code: z.string(),
          message: z.string(),
          path: z.string(),
        }),
      ),
      firstPublication: z.boolean(),
      identical: z.boolean(),
      counts: z.object({ added: z.number(), removed: z.number(), changed: z.number() }),
      samplePaths: z.array(z.string()),
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
    }),
    response: z.object({ outDir: z.string(), manifestUrl: z.string(), file: z.string(), tiles: z.number() }),
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
