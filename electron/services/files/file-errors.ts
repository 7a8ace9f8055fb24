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

/**
 * The same for publishing, which writes into `folder`: the output folder (never the hidden folder it is staged
 * in beside it), or the temporary folder a Git or storage publication is staged in. Undefined for errors that
 * are not about the disk, which keep their own message.
 */
export function describePublishFileError(
  code: string | undefined,
  folder: string,
  kind: 'output' | 'temporary',
): string | undefined {
  const which = kind === 'output' ? `the output folder ${folder}` : `the temporary folder ${folder}`;
  const kept = 'Nothing was published; the previous publication is as it was.';
  const elsewhere =
    kind === 'output'
      ? 'choose an output folder on another drive'
      : 'or set TMPDIR to a folder on another drive before starting Tessera';
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `Could not publish: the disk holding ${which} (or your quota) is full. ${kept} Free some space, ${kind === 'output' ? 'or ' : ''}${elsewhere}, then publish again.`;
    case 'EACCES':
    case 'EPERM':
      return `Could not publish: you do not have permission to write in ${which}. ${kept} ${kind === 'output' ? 'Choose another output folder, or ask for access.' : 'Ask for access to it, or set TMPDIR to a folder you can write in.'}`;
    case 'EROFS':
      return `Could not publish: ${which} is on a read-only drive. ${kept} ${kind === 'output' ? 'Choose an output folder on a writable drive.' : 'Set TMPDIR to a folder on a writable drive.'}`;
    default:
      return undefined;
  }
}
