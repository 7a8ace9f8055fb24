/**
 * The file to open at start instead of the sample: in the desktop app, the files main kept for the page
 * (command line, file association, macOS open-file); in the browser, the web host's `open` parameter
 * (`npm run web -- FILE`), taken out of the address so that a reload does not open it over later work.
 */
import { shell } from './shell';

function takeFromAddress(): string | null {
  const url = new URL(window.location.href);
  const file = url.searchParams.get('open');
  if (!file) return null;
  url.searchParams.delete('open');
  window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  return file;
}

/** Call once, after the page listens for files to open (shell.onOpenPath). */
export async function takeLaunchFile(): Promise<string | null> {
  if (shell) return (await shell.rendererReady()).at(-1) ?? null;
  return takeFromAddress();
}
