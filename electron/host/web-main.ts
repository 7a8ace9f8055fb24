/**
 * `npm run web`: starts the web host and prints the URL to open (options: web-args.ts). `npm start` comes here
 * too where no Electron binary exists (build/start.mjs).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_VERSION } from '../app-version';
import { cleanDataFolder, dataPaths, defaultDataDir, defaultWorkspace } from '../services/app-paths';
import { createWorkspacePolicy } from '../services/files/path-policy';
import { createRecentFiles } from '../services/files/recent-files';
import { createHandlers } from '../services/handlers';
import { createAutosaveStore } from '../services/recovery/autosave-store';
import { bundledOcrFiles } from '../services/ocr/ocr-files';
import { createAppOcrJobs } from '../services/ocr/ocr-jobs';
import { classifyAddress, type AddressClass } from '../services/remote/address-policy';
import { createRemoteService } from '../services/remote/remote-service';
import { createMemorySecretStore } from '../services/secrets/secret-store';
import { handleSourcesGet } from '../services/sources/routes';
import { openInBrowser } from './open-browser';
import { listenWithFallback, parseWebArgs } from './web-args';
import { startWebHost } from './web-host';

async function main() {
  const args = parseWebArgs(process.argv.slice(2));
  const here = path.dirname(fileURLToPath(import.meta.url));
  const staticRoot = path.resolve(here, '../renderer');
  const file = args.file;
  // A file given on the command line opens at start; its folder is the workspace unless one was chosen.
  const workspace = args.workspace ?? (file ? path.dirname(file) : path.resolve(defaultWorkspace()));
  const paths = dataPaths(path.resolve(args.dataDir ?? defaultDataDir()));
  await cleanDataFolder(paths);
  const policy = await createWorkspacePolicy(workspace);
  // One remote service for the whole host: info.json, manifests and every image the page shows share its
  // per-host limit and its disk cache in the data folder (offline use).
  const sources = {
    remote: createRemoteService({ cacheDir: paths.cache, ...publicAddressesForTests() }),
    localImagesDir: path.join(policy.root ?? workspace, 'local-images'),
  };
  const ocr = createAppOcrJobs(sources, bundledOcrFiles(here));
  const handlers = createHandlers({
    sources,
    ocr,
    shell: 'web',
    // The browser's secrets live for this session only, in this process's memory.
    secrets: createMemorySecretStore(),
    version: APP_VERSION,
    policy,
    dialogs: {},
    recent: createRecentFiles(paths.recent),
    autosave: createAutosaveStore(paths.autosave),
  });
  const host = await listenWithFallback(
    (port) =>
      startWebHost({
        handlers,
        staticRoot,
        host: args.host,
        port,
        allowNonLoopback: args.allowNonLoopback,
        getRoute: (url, origin, range) => handleSourcesGet(sources, url, origin, { range }),
      }),
    args,
    (taken) => process.stdout.write(`Port ${taken} is in use; using a free port instead.\n`),
  );
  // The renderer opens `open` at start, as the desktop app opens a file given at launch.
  const url = file ? `${host.url}&open=${encodeURIComponent(file)}` : host.url;
  const note = args.workspace || file ? '' : ' (default; choose another with --workspace DIR)';
  process.stdout.write(`Tessera ${APP_VERSION} web host\n`);
  process.stdout.write(`  workspace: ${policy.root}${note}\n`);
  process.stdout.write(`  data:      ${path.dirname(paths.recent)}\n`);
  process.stdout.write(`  open:      ${url}\n`);
  if (args.openBrowser) openInBrowser(url);
  const stop = () =>
    void host.close().then(() => {
      ocr.closeAll();
      sources.remote.close();
      process.exit(0);
    });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`tessera web: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});

/**
 * Tests run every server on loopback; this names loopback aliases (127.0.0.2) to treat as internet addresses, so
 * the private-network rule (address-policy.ts) can be seen at work in Chromium. Unset outside tests.
 */
function publicAddressesForTests(): { classifyAddress?: (address: string) => AddressClass } {
  const listed = process.env['TESSERA_TEST_PUBLIC_ADDRESSES'];
  if (!listed) return {};
  const aliases = new Set(listed.split(',').map((a) => a.trim()));
  return { classifyAddress: (address) => (aliases.has(address) ? 'public' : classifyAddress(address)) };
}
