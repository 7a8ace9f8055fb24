/**
 * `npm run web`: starts the web host and prints the URL to open.
 *   --port N                 port (default 5199; 0 picks a free one)
 *   --host ADDR              bind address (default 127.0.0.1; anything else needs --allow-non-loopback)
 *   --workspace DIR          the folder the in-app file picker is rooted in (default ~/Tessera)
 *   --data-dir DIR           autosave, recent files and cache (default: the platform's app data folder)
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_VERSION } from '../app-version';
import { dataPaths, defaultDataDir, defaultWorkspace } from '../services/app-paths';
import { createWorkspacePolicy } from '../services/files/path-policy';
import { createRecentFiles } from '../services/files/recent-files';
import { createHandlers } from '../services/handlers';
import { createAutosaveStore } from '../services/recovery/autosave-store';
import { createRemoteService } from '../services/remote/remote-service';
import { handleSourcesGet } from '../services/sources/routes';
import { startWebHost } from './web-host';

interface WebArgs {
  port: number;
  host: string;
  workspace: string | null;
  dataDir: string | null;
  allowNonLoopback: boolean;
}

export function parseWebArgs(argv: string[]): WebArgs {
  const args: WebArgs = {
    port: 5199,
    host: '127.0.0.1',
    workspace: null,
    dataDir: null,
    allowNonLoopback: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    if (flag === '--port') args.port = Number(value());
    else if (flag === '--host') args.host = value();
    else if (flag === '--workspace') args.workspace = value();
    else if (flag === '--data-dir') args.dataDir = value();
    else if (flag === '--allow-non-loopback') args.allowNonLoopback = true;
    else throw new Error(`Unknown option ${flag}`);
  }
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535)
    throw new Error('--port must be 0-65535');
  return args;
}

async function main() {
  const args = parseWebArgs(process.argv.slice(2));
  const here = path.dirname(fileURLToPath(import.meta.url));
  const staticRoot = path.resolve(here, '../renderer');
  const workspace = path.resolve(args.workspace ?? defaultWorkspace());
  const paths = dataPaths(path.resolve(args.dataDir ?? defaultDataDir()));
  const policy = await createWorkspacePolicy(workspace);
  // One remote service for the whole host: info.json, manifests and every image the page shows share its
  // per-host limit and its disk cache in the data folder (offline use).
  const sources = {
    remote: createRemoteService({ cacheDir: paths.cache }),
    localImagesDir: path.join(policy.root ?? workspace, 'local-images'),
  };
  const handlers = createHandlers({
    sources,
    shell: 'web',
    version: APP_VERSION,
    policy,
    dialogs: {},
    recent: createRecentFiles(paths.recent),
    autosave: createAutosaveStore(paths.autosave),
  });
  const host = await startWebHost({
    handlers,
    staticRoot,
    host: args.host,
    port: args.port,
    allowNonLoopback: args.allowNonLoopback,
    getRoute: (url, origin) => handleSourcesGet(sources, url, origin),
  });
  const note = args.workspace ? '' : ' (default; choose another with --workspace DIR)';
  process.stdout.write(`Tessera ${APP_VERSION} web host\n`);
  process.stdout.write(`  workspace: ${policy.root}${note}\n`);
  process.stdout.write(`  data:      ${path.dirname(paths.recent)}\n`);
  process.stdout.write(`  open:      ${host.url}\n`);
  const stop = () =>
    void host.close().then(() => {
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
