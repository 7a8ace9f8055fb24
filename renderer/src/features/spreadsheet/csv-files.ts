/**
 * Moving the canvas spreadsheet in and out: a download made in the page (a Blob link, works in any browser
 * and needs no service), a copy saved into the workspace through the existing saveFile channel, and reading a
 * file the person picked. The CSV text itself comes from shared/iiif/csv.
 */
import { api } from '../../api';

/** "my-book.json" → "my-book-canvases.csv". */
export function csvFileName(documentName: string): string {
  const base = documentName
    .replace(/\.(json|jsonld)$/i, '')
    .replace(/[^\w.-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${base || 'manifest'}-canvases.csv`;
}

export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; the URL is released later because some browsers read it lazily.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The workspace file path for `fileName`, using the workspace's own separator. */
export function workspacePath(workspace: string, fileName: string): string {
  const separator = workspace.includes('\\') && !workspace.includes('/') ? '\\' : '/';
  return `${workspace.replace(/[\\/]+$/, '')}${separator}${fileName}`;
}

/** Why a typed file name cannot be used, or null. */
export function csvNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'Give the file a name.';
  if (/[\\/]/.test(trimmed)) return 'Give a file name without folders.';
  if (!/\.csv$/i.test(trimmed)) return 'The name should end in .csv.';
  return null;
}

export type SaveOutcome = { ok: true; name: string } | { ok: false; conflict: boolean; message: string };

export async function saveTextAt(path: string, text: string, overwrite: boolean): Promise<SaveOutcome> {
  const result = await api.saveFile({ path, text, expectedMtimeMs: null, overwrite });
  if (result.ok) return { ok: true, name: result.value.name };
  return { ok: false, conflict: result.error.code === 'conflict', message: result.error.message };
}

/** Asks the native dialog where to save (Electron); null when cancelled, 'unsupported' in the browser. */
export async function chooseSavePath(suggestedName: string): Promise<string | null | 'unsupported'> {
  const chosen = await api.showSaveDialog({ suggestedName });
  if (!chosen.ok || !chosen.value.supported) return 'unsupported';
  return chosen.value.path;
}
