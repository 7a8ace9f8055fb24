/**
 * The one table of channel handlers, shared by Electron main (over IPC) and the web host (over HTTP).
 * Everything environment-specific (dialogs, folders, which shell) comes in as `ServiceContext`, so the same
 * handlers run in tests with real temp folders.
 */
import type { Handlers } from '../../shared/ipc/dispatch';
import type { PathPolicy } from './files/path-policy';
import { listDirectory, readTextFile, saveTextFile } from './files/text-files';
import type { RecentFiles } from './files/recent-files';
import type { AutosaveStore } from './recovery/autosave-store';
import { readOtherManifests } from './publish/other-manifests';
import { publishDocument, reviewPublication } from './publish/publication-channels';
import { buildSampleManifest } from './sample/sample-manifest';
import { createSourcesHandlers } from './sources/handlers';
import type { SourcesDeps } from './sources/routes';

export interface Dialogs {
  /** Returns the chosen path, or null when cancelled. Absent where the shell has no native dialogs (browser). */
  chooseFileToOpen?(): Promise<string | null>;
  chooseFileToSave?(suggestedName: string): Promise<string | null>;
  chooseFolder?(): Promise<string | null>;
}

export interface ServiceContext {
  shell: 'electron' | 'web';
  version: string;
  policy: PathPolicy;
  dialogs: Dialogs;
  recent: RecentFiles;
  autosave: AutosaveStore;
  /** Told after a document was opened or saved, e.g. to update the native Open Recent menu. */
  onRecentChanged?(paths: string[]): void;
  /** The remote service and the local images folder (sources, adding images); absent in tests that need neither. */
  sources?: SourcesDeps;
}

export function createHandlers(ctx: ServiceContext): Handlers {
  const remember = async (absolutePath: string) => {
    ctx.policy.grant(absolutePath);
    const paths = await ctx.recent.add(absolutePath);
    ctx.onRecentChanged?.(paths);
  };
  const localImages = { dir: ctx.sources?.localImagesDir ?? null };
  const allowedPath = (requested: string) => ctx.policy.resolve(requested, 'write').catch(() => null);
  return {
    ...createSourcesHandlers(ctx.sources, ctx.policy),
    appInfo: async () => ({
      name: 'Tessera',
      version: ctx.version,
      shell: ctx.shell,
      workspace: ctx.policy.root,
      platform: process.platform,
    }),
    sampleProject: async ({ origin }) => ({ name: 'Sample psalter', manifest: buildSampleManifest(origin) }),
    listDirectory: async ({ path }) => {
      const target = await ctx.policy.resolve(path ?? ctx.policy.root ?? '.', 'list');
      return listDirectory(target, ctx.policy.root);
    },
    showOpenDialog: async () => {
      if (!ctx.dialogs.chooseFileToOpen) return { supported: false, path: null };
      const chosen = await ctx.dialogs.chooseFileToOpen();
      if (chosen) ctx.policy.grant(chosen);
      return { supported: true, path: chosen };
    },
    showSaveDialog: async ({ suggestedName }) => {
      if (!ctx.dialogs.chooseFileToSave) return { supported: false, path: null };
      const chosen = await ctx.dialogs.chooseFileToSave(suggestedName);
      if (chosen) ctx.policy.grant(chosen);
      return { supported: true, path: chosen };
    },
    openFile: async ({ path }) => {
      const snapshot = await readTextFile(await ctx.policy.resolve(path, 'read'));
      // Not into Recent yet: only a file that opens as a document goes there (rememberOpened).
      ctx.policy.grant(snapshot.path);
      return snapshot;
    },
    rememberOpened: async ({ path }) => {
      await remember(await ctx.policy.resolve(path, 'read'));
      return {};
    },
    saveFile: async (request) => {
      const saved = await saveTextFile(await ctx.policy.resolve(request.path, 'write'), request);
      await remember(saved.path);
      return saved;
    },
    recentFiles: async () => {
      const paths = [];
      // Only list files the current policy allows, so the browser never learns paths outside its workspace.
      for (const candidate of await ctx.recent.list()) {
        const allowed = await ctx.policy.resolve(candidate, 'read').then(
          () => true,
          () => false,
        );
        if (allowed) paths.push(candidate);
      }
      return { paths };
    },
    showFolderDialog: async () => {
      if (!ctx.dialogs.chooseFolder) return { supported: false, path: null };
      const chosen = await ctx.dialogs.chooseFolder();
      if (chosen) ctx.policy.grant(chosen);
      return { supported: true, path: chosen };
    },
    reviewPublication: async (request) =>
      reviewPublication(
        request,
        await ctx.policy.resolve(request.outDir, 'write'),
        localImages,
        await readOtherManifests(request.otherFiles, ctx.policy),
      ),
    publishDocument: async (request) =>
      publishDocument(
        request,
        await ctx.policy.resolve(request.outDir, 'write'),
        localImages,
        await readOtherManifests(request.otherFiles, ctx.policy),
      ),
    // A record names only a file the policy allows, when written and again when read back: the renderer is
    // untrusted, and the records outlive the session whose grants they were written under.
    writeAutosave: async (entry) =>
      ctx.autosave.write({ ...entry, path: entry.path === null ? null : await allowedPath(entry.path) }),
    clearAutosave: ({ key }) => ctx.autosave.clear(key),
    listRecoverable: () => ctx.autosave.list(allowedPath),
    readRecoverable: ({ key }) => ctx.autosave.read(key, allowedPath),
  };
}
