/**
 * Files the app is asked to open from outside (command line, second instance, macOS open-file, Linux .desktop
 * %U). They may arrive before any window's page exists; sending them then would be lost (no listener yet) and
 * the start-up sample would open over them. So they wait here until the renderer says it is ready, and it
 * opens them instead of the sample.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The file named on a command line, if any. `argv` is process.argv (or a second instance's): the executable,
 * then the app folder when run as `electron .` (`process.defaultApp`, not `app.isPackaged`, says so: a packaged
 * app run from its own binary has no app argument), then Chromium switches and the user's arguments. Relative
 * paths are relative to `cwd` (a second instance's working directory, not ours). file:// URIs come from
 * Linux `.desktop` files (`%U`).
 */
export function pathFromArgv(
  argv: readonly string[],
  options: { defaultApp: boolean; cwd: string },
): string | null {
  const args = argv.slice(options.defaultApp ? 2 : 1).filter((a) => !a.startsWith('-'));
  const candidate = args[args.length - 1];
  if (!candidate) return null;
  if (/^file:\/\//i.test(candidate)) {
    try {
      return fileURLToPath(candidate);
    } catch {
      return null;
    }
  }
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(candidate)) return null; // another scheme: not a file
  return path.resolve(options.cwd, candidate);
}

export interface LaunchFiles {
  /** A file to open: granted now, delivered now if a window's page is ready, else kept for the next one. */
  add(file: string): void;
  /** A window's page is ready: returns the files that waited for one (it opens the last). */
  takeWaiting(): string[];
}

/**
 * `deliver` sends a file to the window that should open it (the one used last whose page listens) and says
 * whether there was one; with several windows, a window that closes takes no files with it.
 */
export function createLaunchFiles(deps: {
  grant(file: string): void;
  deliver(file: string): boolean;
}): LaunchFiles {
  let waiting: string[] = [];
  return {
    add(file) {
      deps.grant(file);
      if (!deps.deliver(file)) waiting.push(file);
    },
    takeWaiting() {
      const files = waiting;
      waiting = [];
      return files;
    },
  };
}
