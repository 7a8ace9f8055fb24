/**
 * The sentence a person reads when the file system says no. Node's own texts ("ENOSPC: no space left on device,
 * open '/x/.m.json.3f2a.tmp'") name a hidden temporary file and a code; these name the user's file and say what
 * to do.
 */
import path from 'node:path';

export function describeFileError(
  code: string | undefined,
  action: 'read' | 'save' | 'list',
  file: string,
): string {
  const name = path.basename(file);
  const folder = path.dirname(file);
  const verb =
    action === 'save' ? `save ${name}` : action === 'read' ? `read ${name}` : `list the folder ${file}`;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `Could not ${verb}: the disk (or your quota) is full. ${action === 'save' ? 'The file on disk was left as it was. ' : ''}Free some space, or use Save As to save elsewhere.`;
    case 'EACCES':
    case 'EPERM':
      return `Could not ${verb}: you do not have permission${action === 'save' ? ` to write in ${folder}` : ''}. Use Save As to choose another place, or ask for access.`;
    case 'EROFS':
      return `Could not ${verb}: ${folder} is on a read-only drive. Use Save As to save elsewhere.`;
    case 'ENOENT':
    case 'ENOTDIR':
      return action === 'list'
        ? `The folder ${file} does not exist (any more).`
        : `Could not ${verb}: ${folder} does not exist (any more). Use Save As to choose a folder.`;
    case 'EISDIR':
      return `Could not ${verb}: ${file} is a folder.`;
    case 'EMFILE':
    case 'ENFILE':
      return `Could not ${verb}: too many files are open right now. Close some programs and try again.`;
    case 'EIO':
      return `Could not ${verb}: the drive reported an error. Check that it is still connected, then try again.`;
    default:
      return `Could not ${verb}${code ? ` (${code})` : ''}. Try again, or use Save As to save elsewhere.`;
  }
}
