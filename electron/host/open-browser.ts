/**
 * Opens the system browser on a URL, only where there is one to show: macOS `open`, Windows `start`, and on
 * Linux and the BSDs `xdg-open` when it exists and a display is set (a server or CI shell has none, and
 * xdg-open would then start a text browser or fail noisily).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export function browserCommand(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
  exists: (file: string) => boolean = existsSync,
): { command: string; args: (url: string) => string[] } | null {
  if (platform === 'darwin') return { command: 'open', args: (url) => [url] };
  if (platform === 'win32') return { command: 'cmd', args: (url) => ['/c', 'start', '""', url] };
  if (!env['DISPLAY'] && !env['WAYLAND_DISPLAY']) return null;
  const xdgOpen = (env['PATH'] ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .map((dir) => path.join(dir, 'xdg-open'))
    .find((candidate) => exists(candidate));
  return xdgOpen ? { command: xdgOpen, args: (url) => [url] } : null;
}

/** Says whether a browser was asked to open. */
export function openInBrowser(url: string): boolean {
  const found = browserCommand(process.platform, process.env);
  if (!found) return false;
  const child = spawn(found.command, found.args(url), { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
  return true;
}
