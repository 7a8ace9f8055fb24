/**
 * The one table of channel handlers, shared by Electron main (over IPC) and the web host (over HTTP).
 * Everything environment-specific (dialogs, folders, which shell) comes in as `ServiceContext`, so the same
 * handlers run in tests with real temp folders.
 */
import nodePath from 'node:path';
import type { ParsedRequestOf, ResponseOf } from '../../shared/ipc/contract';
import type { Handlers } from '../../shared/ipc/dispatch';
import { UserFacingError } from '../../shared/ipc/result';
import type { PathPolicy } from './files/path-policy';
import type { OcrJobs } from './ocr/ocr-jobs';
import { removeInterruptedSaves } from './files/atomic-write';
import { listDirectory, readTextFile, saveTextFile } from './files/text-files';
import type { RecentFiles } from './files/recent-files';
import type { RecoveryRecords } from './recovery/autosave-store';
import { readOtherManifests } from './publish/other-manifests';
import { writeFilesInFolder } from './files/write-files-in-folder';
import { findLocalMembers, memberFiles } from './publish/collection-tree';
import { isCollection, publishDocument, reviewPublication } from './publish/publication-channels';
import { createJobs } from './publish/publication-jobs';
import { buildTarget, type TargetRequest } from './publish/target-request';
import type { TransferControl } from './publish/transfer-control';
import {
  cannotRemember,
  createMemorySecretStore,
  s3SecretName,
  type SecretStore,
} from './secrets/secret-store';
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
  /** Crash recovery records: the whole store, or in the desktop app the calling window's view of it. */
  autosave: RecoveryRecords;
  /** Told after a document was opened or saved, e.g. to update the native Open Recent menu. */
  onRecentChanged?(paths: string[]): void;
  /** Secrets the user asked to remember (S3); in memory for this session when absent. */
  secrets?: SecretStore;
  /** The remote service and the local images folder (sources, adding images); absent in tests that need neither. */
  sources?: SourcesDeps;
  /** Offline OCR jobs; absent in tests that do not recognise text. */
  ocr?: OcrJobs;
}

export function createHandlers(ctx: ServiceContext): Handlers {
  const remember = async (absolutePath: string) => {
    ctx.policy.grant(absolutePath);
    const paths = await ctx.recent.add(absolutePath);
    ctx.onRecentChanged?.(paths);
  };
  const localImages = { dir: ctx.sources?.localImagesDir ?? null };
  const needOcr = (): OcrJobs => {
    if (!ctx.ocr) throw new UserFacingError('unavailable', 'Text recognition is not set up in this shell.');
    return ctx.ocr;
  };
  const allowedPath = (requested: string) => ctx.policy.resolve(requested, 'write').catch(() => null);
  const secrets = ctx.secrets ?? createMemorySecretStore();
  // The other files are read first: a folder target must not hold any of them.
  const publication = async (request: {
    doc?: unknown;
    outDir: string;
    target: TargetRequest;
    otherFiles: string[];
    documentPath?: string | undefined;
  }) => {
    const others = await readOtherManifests(request.otherFiles, ctx.policy);
    // A Collection's local members: files the policy lets us read, beside the collection's own file (the
    // workspace folder for an unsaved one), or named by file: ids.
    const own = request.documentPath
      ? await ctx.policy.resolve(request.documentPath, 'read').catch(() => null)
      : null;
    const folder = own ? nodePath.dirname(own) : (ctx.policy.root ?? '');
    const members = isCollection(request.doc)
      ? (
          await findLocalMembers(request.doc, folder, (file) =>
            ctx.policy.resolve(file, 'read').then(
              () => true,
              () => false,
            ),
          )
        ).local
      : [];
    const built = await buildTarget(request, {
      resolvePath: (requested) => ctx.policy.resolve(requested, 'write'),
      s3Secret: async (target) =>
        target.secretAccessKey ?? (await secrets.recall(s3SecretName(target.endpoint, target.accessKeyId))),
      inputFiles: [...others.map((other) => other.file), ...memberFiles(members)],
    });
    return { others, built, members };
  };
  const publishRequested = async (request: ParsedRequestOf<'publishDocument'>, control?: TransferControl) => {
    const { target } = request;
    const remember = target.kind === 's3' && target.rememberSecret && target.secretAccessKey !== undefined;
    // Refused before publishing, so that a publication never succeeds while its secret is silently dropped.
    if (remember && !secrets.capability().canRemember) throw cannotRemember();
    const { others, built, members } = await publication(request);
    const published = await publishDocument(request, built, localImages, others, control, members);
    if (remember && target.secretAccessKey !== undefined)
      await secrets.remember(s3SecretName(target.endpoint, target.accessKeyId), target.secretAccessKey);
    return published;
  };
  const jobs = createJobs<ResponseOf<'publishDocument'>>();
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
    openFile: async ({ path, encoding }) => {
      const snapshot = await readTextFile(
        await ctx.policy.resolve(path, 'read'),
        encoding ? { encoding } : {},
      );
      // Not into Recent yet: only a file that opens as a document goes there (rememberOpened).
      ctx.policy.grant(snapshot.path);
      // Saves of this file that were killed half-way left its whole text beside it, hidden: clear those now.
      await removeInterruptedSaves(nodePath.dirname(snapshot.path), { of: nodePath.basename(snapshot.path) });
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
    writeFilesInFolder: (request) => writeFilesInFolder(request, ctx.policy),
    reviewPublication: async (request) => {
      const { others, built, members } = await publication(request);
      return reviewPublication(request, built, localImages, others, members);
    },
    publishDocument: (request) => publishRequested(request),
    startPublication: (request) =>
      Promise.resolve({ jobId: jobs.start((control) => publishRequested(request, control)) }),
    publicationJob: ({ jobId }) => Promise.resolve(jobs.status(jobId)),
    cancelPublication: ({ jobId }) => Promise.resolve(jobs.cancel(jobId)),
    publicationSecret: async ({ endpoint, accessKeyId }) => ({
      remembered: (await secrets.recall(s3SecretName(endpoint, accessKeyId))) !== undefined,
      ...secrets.capability(),
    }),
    forgetPublicationSecret: async ({ endpoint, accessKeyId }) => {
      await secrets.forget(s3SecretName(endpoint, accessKeyId));
      return {};
    },
    // A record names only a file the policy allows, when written and again when read back: the renderer is
    // untrusted, and the records outlive the session whose grants they were written under.
    writeAutosave: async (entry) =>
      ctx.autosave.write({ ...entry, path: entry.path === null ? null : await allowedPath(entry.path) }),
    clearAutosave: ({ key }) => ctx.autosave.clear(key),
    listRecoverable: () => ctx.autosave.list(allowedPath),
    readRecoverable: ({ key }) => ctx.autosave.read(key, allowedPath),
    ocrStart: async (request) => needOcr().start(request),
    ocrStatus: async ({ jobId }) => needOcr().status(jobId),
    ocrCancel: async ({ jobId }) => needOcr().cancel(jobId),
  };
}
