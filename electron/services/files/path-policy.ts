/**
 * Which paths the renderer may read and write. The renderer is treated as untrusted (it shows untrusted
 * manifests), so every path it sends is checked here:
 *  - 'workspace' (web host): only inside one folder; `..`, absolute escapes and symlinks out are refused.
 *  - 'granted' (Electron): only paths the user chose in a native dialog, dropped, or opened from Recent/CLI.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UserFacingError } from '../../../shared/ipc/result';

export interface PathPolicy {
  /** Resolves a path the renderer sent to an absolute path it may use, or throws a UserFacingError. */
  resolve(requested: string, purpose: 'read' | 'write' | 'list'): Promise<string>;
  /** The root folder for the in-app picker, when there is one. */
  readonly root: string | null;
  /** Records a path the user chose by a trusted gesture (dialog, drop, recent, command line). */
  grant(absolutePath: string): void;
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Real path of the deepest existing ancestor, so a symlink anywhere on the way cannot lead outside. */
async function realPathOfExisting(candidate: string): Promise<string> {
  let current = candidate;
  const tail: string[] = [];
  for (;;) {
    try {
      const real = await fs.realpath(current);
      return path.join(real, ...tail.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return candidate;
      tail.push(path.basename(current));
      current = parent;
    }
  }
}

export async function createWorkspacePolicy(root: string): Promise<PathPolicy> {
  await fs.mkdir(root, { recursive: true });
  const realRoot = await fs.realpath(root);
  return {
    root: realRoot,
    grant() {
      // The workspace is the grant; nothing outside it can be added from the browser.
    },
    async resolve(requested) {
      if (typeof requested !== 'string' || requested.includes('\0')) {
        throw new UserFacingError('refused', 'That path is not valid.');
      }
      const absolute = path.resolve(realRoot, requested);
      const real = await realPathOfExisting(absolute);
      if (!isInside(realRoot, absolute) || !isInside(realRoot, real)) {
        throw new UserFacingError(
          'refused',
          `Only files inside the workspace folder ${realRoot} can be used here.`,
        );
      }
      return real;
    },
  };
}

export function createGrantedPolicy(): PathPolicy {
  const granted = new Set<string>();
  const grantedFolders = new Set<string>();
  return {
    root: null,
    grant(absolutePath) {
      const resolved = path.resolve(absolutePath);
      granted.add(resolved);
      grantedFolders.add(path.dirname(resolved));
    },
    async resolve(requested, purpose) {
      const absolute = path.resolve(requested);
      if (granted.has(absolute)) return absolute;
      // Listing or writing beside a granted file (e.g. Save As into the same folder after a dialog) is allowed
      // only through a new dialog; reading a file never chosen by the user is refused.
      if (purpose === 'list' && grantedFolders.has(absolute)) return absolute;
      throw new UserFacingError('refused', 'Tessera can only open files you chose. Use File › Open.');
    },
  };
}
