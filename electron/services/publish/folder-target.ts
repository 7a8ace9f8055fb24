/**
 * The output folder as a target: replaced as a whole (replace-folder), and checked by serving it on a loopback
 * port and fetching every published document over HTTP, as a web server would give it to a viewer.
 */
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { UserFacingError } from '../../../shared/ipc/result';
import { checkPublished } from './check-published';
import { folderFiles } from './last-publication';
import { replaceFolder } from './replace-folder';
import type { PublicationTarget } from './target';
import { throwIfCancelled } from './transfer-control';

export function folderTarget(outDir: string, inputFiles: readonly string[] = []): PublicationTarget {
  return {
    where: path.resolve(outDir),
    outputFolder: path.resolve(outDir),
    open: async () => {
      await refuseInputsInside(outDir, inputFiles);
      return folderFiles(outDir);
    },
    switchTo: (stage, control) =>
      replaceFolder(outDir, async (dir) => {
        await stage(dir);
        // The last moment to stop: after this the folder is swapped.
        throwIfCancelled(control);
      }),
    check: async (plan) => {
      const server = await serveFolder(path.resolve(outDir));
      try {
        const { port } = server.address() as AddressInfo;
        const origin = `http://127.0.0.1:${port}`;
        return await checkPublished(
          plan,
          {
            read: async (file) => {
              const response = await fetch(`${origin}/${file}`);
              return response.ok ? await response.text() : undefined;
            },
          },
          origin,
        );
      } finally {
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}

/** A static server of `root` on 127.0.0.1 (a free port), for the check only: GET of files inside root. */
async function serveFolder(root: string): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const relative = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
    const file = path.resolve(root, relative);
    if (request.method !== 'GET' || (file !== root && !file.startsWith(`${root}${path.sep}`))) {
      response.writeHead(404).end();
      return;
    }
    fs.readFile(file).then(
      (bytes) => response.writeHead(200, { 'content-type': 'application/json' }).end(bytes),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** Real paths, so that a link or a relative path cannot hide that an input lies inside the output folder. */
async function realPath(file: string): Promise<string> {
  return fs.realpath(file).catch(() => path.resolve(file));
}

async function refuseInputsInside(outDir: string, inputFiles: readonly string[]): Promise<void> {
  const out = await realPath(outDir);
  for (const file of inputFiles) {
    const relative = path.relative(out, await realPath(file));
    if (relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)) {
      throw new UserFacingError(
        'out-holds-input',
        `The output folder ${outDir} holds ${path.basename(file)}, one of the files being published; publishing replaces the whole folder and would delete it. Choose another output folder.`,
      );
    }
  }
}
