/**
 * Serves the built renderer (and the sample's level-0 tiles) from one folder, refusing any path that would
 * leave it. Shared by the web host and Electron's app:// protocol.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { rewriteInfoJsonId } from '../services/static/level0-info';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFile {
  status: number;
  type: string;
  body: Uint8Array | string;
}

/**
 * Resolves a URL path inside `root`. Returns null for anything that escapes it (`..`, encoded slashes,
 * NUL bytes, absolute paths), which callers answer with 404.
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const full = path.resolve(root, ...segments);
  const relative = path.relative(root, full);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return full;
}

export async function readStaticFile(root: string, urlPath: string, origin: string): Promise<StaticFile> {
  const wanted = urlPath === '/' || urlPath === '' ? '/index.html' : urlPath;
  const full = resolveInside(root, wanted);
  const notFound: StaticFile = { status: 404, type: TYPES['.txt'] ?? 'text/plain', body: 'Not found' };
  if (!full) return notFound;
  const stat = await fs.stat(full).catch(() => null);
  if (!stat || !stat.isFile()) return notFound;
  const ext = path.extname(full).toLowerCase();
  const type = TYPES[ext] ?? 'application/octet-stream';
  if (path.basename(full) === 'info.json' && wanted.startsWith('/sample/')) {
    const serviceUrl = `${origin}${wanted.slice(0, -'/info.json'.length)}`;
    return { status: 200, type, body: rewriteInfoJsonId(await fs.readFile(full, 'utf8'), serviceUrl) };
  }
  return { status: 200, type, body: await fs.readFile(full) };
}
