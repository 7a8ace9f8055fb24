/**
 * A file dropped on the window. A sandboxed page never sees file paths; the preload reads the path of a
 * dropped File with `webUtils.getPathForFile` (which only real files from the user's drop or picker have) and
 * asks main to grant it, like a path chosen in the Open dialog.
 */
import path from 'node:path';

/** Grants `value` when it came from our own page and is an absolute path; says whether it did. */
export function grantDroppedPath(
  policy: { grant(absolutePath: string): void },
  fromTrustedFrame: boolean,
  value: unknown,
): boolean {
  if (!fromTrustedFrame || typeof value !== 'string' || value === '' || !path.isAbsolute(value)) return false;
  policy.grant(value);
  return true;
}
