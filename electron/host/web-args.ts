/**
 * The command line of `npm run web` (and of `npm start` where no Electron binary exists):
 *   [FILE]                   a manifest to open at start (its folder is the workspace unless --workspace)
 *   --port N                 port (default 5199, or a free one when that is taken; 0 picks a free one)
 *   --host ADDR              bind address (default 127.0.0.1; anything else needs --allow-non-loopback)
 *   --workspace DIR          the folder the in-app file picker is rooted in (default ~/Tessera)
 *   --data-dir DIR           autosave, recent files and cache (default: the platform's app data folder)
 *   --open                   open the system browser on the URL, when there is a display
 */
import path from 'node:path';

export const DEFAULT_PORT = 5199;

/**
 * Where relative paths on the command line are relative to: the folder the user typed the command in. npm runs
 * scripts in the package folder but keeps that one in INIT_CWD (`npm run web -- book.json` from ~/manifests).
 */
export function commandCwd(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  return env['INIT_CWD'] || cwd;
}

export interface WebArgs {
  port: number;
  /** False when the port is the default: then a taken port falls back to a free one. */
  portChosen: boolean;
  host: string;
  workspace: string | null;
  dataDir: string | null;
  allowNonLoopback: boolean;
  openBrowser: boolean;
  file: string | null;
}

/** Paths (FILE, --workspace, --data-dir) come back absolute, resolved against `cwd` (see commandCwd). */
export function parseWebArgs(argv: readonly string[], cwd: string = commandCwd()): WebArgs {
  const args: WebArgs = {
    port: DEFAULT_PORT,
    portChosen: false,
    host: '127.0.0.1',
    workspace: null,
    dataDir: null,
    allowNonLoopback: false,
    openBrowser: false,
    file: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] ?? '';
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    if (flag === '--port') {
      args.port = Number(value());
      args.portChosen = true;
    } else if (flag === '--host') args.host = value();
    else if (flag === '--workspace') args.workspace = path.resolve(cwd, value());
    else if (flag === '--data-dir') args.dataDir = path.resolve(cwd, value());
    else if (flag === '--allow-non-loopback') args.allowNonLoopback = true;
    else if (flag === '--open') args.openBrowser = true;
    else if (!flag.startsWith('-') && args.file === null) args.file = path.resolve(cwd, flag);
    else throw new Error(`Unknown option ${flag}`);
  }
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535)
    throw new Error('--port must be 0-65535');
  return args;
}

/**
 * Starts on the preferred port; when the user did not choose it and it is taken (another Tessera, another
 * app), on a free one instead, and says which through `onFallback`.
 */
export async function listenWithFallback<T>(
  start: (port: number) => Promise<T>,
  args: Pick<WebArgs, 'port' | 'portChosen'>,
  onFallback: (taken: number) => void,
): Promise<T> {
  try {
    return await start(args.port);
  } catch (error) {
    if (args.portChosen || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    onFallback(args.port);
    return start(0);
  }
}
