/**
 * The files flows components need, through the contract: browsing the workspace (the in-app picker in the
 * browser), the recent files, and choosing a file to open with the shell's native dialog where it has one.
 */
import { api } from '../../api';

/** A folder of the workspace; the host refuses anything outside it. */
export const listFolder = (path?: string) => api.listDirectory(path === undefined ? {} : { path });

/** The recent files inside the workspace (Open Recent for the browser, which has no native menu). */
export async function recentFiles(): Promise<string[]> {
  const result = await api.recentFiles({});
  return result.ok ? result.value.paths : [];
}

export type OpenChoice =
  | { readonly kind: 'chosen'; readonly path: string }
  | { readonly kind: 'cancelled' }
  /** No native dialog (the browser): the caller shows the in-app picker. */
  | { readonly kind: 'picker' }
  | { readonly kind: 'failed'; readonly message: string };

/** The way every "Open…" starts: the native dialog where the shell has one, else the in-app picker. */
export async function chooseFileToOpen(): Promise<OpenChoice> {
  const native = await api.showOpenDialog({});
  if (!native.ok) return { kind: 'failed', message: native.error.message };
  if (!native.value.supported) return { kind: 'picker' };
  return native.value.path ? { kind: 'chosen', path: native.value.path } : { kind: 'cancelled' };
}
