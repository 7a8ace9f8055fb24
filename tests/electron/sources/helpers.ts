/** Shared set-up for the sources service tests: loopback institutions, a remote service on a temp cache. */
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  createRemoteService,
  type RemoteServiceOptions,
} from '../../../electron/services/remote/remote-service';
import { startInstitution, type Institution, type InstitutionOptions } from '../../fixtures/institutions';

export interface Cleanup {
  add(task: () => Promise<unknown> | unknown): void;
  run(): Promise<void>;
}

export function cleanups(): Cleanup {
  const tasks: (() => Promise<unknown> | unknown)[] = [];
  return {
    add: (task) => void tasks.push(task),
    async run() {
      for (const task of tasks.splice(0).reverse()) await task();
    },
  };
}

export async function tempDir(cleanup: Cleanup, prefix = 'tessera-sources-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  cleanup.add(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

export async function institution(cleanup: Cleanup, options: InstitutionOptions = {}): Promise<Institution> {
  const inst = await startInstitution({
    images: [
      { id: 'quadrants', width: 400, height: 300 },
      { id: 'turned', width: 200, height: 320 },
    ],
    ...options,
  });
  cleanup.add(() => inst.close());
  return inst;
}

export async function remoteService(cleanup: Cleanup, options: Partial<RemoteServiceOptions> = {}) {
  const remote = createRemoteService({
    cacheDir: await tempDir(cleanup, 'tessera-cache-'),
    sleep: async () => undefined,
    ...options,
  });
  cleanup.add(() => remote.close());
  return remote;
}

/** A plain web server with fixed answers (a photo site, a page with a manifest link): path → response. */
export async function plainServer(
  cleanup: Cleanup,
  routes: Record<string, { type: string; body: Buffer | string }>,
): Promise<{ url(path: string): string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const route = routes[new URL(req.url ?? '/', 'http://x').pathname];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not found');
      return;
    }
    res.writeHead(200, { 'content-type': route.type });
    res.end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  cleanup.add(close);
  return { url: (p) => `${base}${p}`, close };
}
