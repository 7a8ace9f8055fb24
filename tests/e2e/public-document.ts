/**
 * A document "from the internet" on loopback, for the private-network tests: an institution on the alias
 * 127.0.0.2, which the web host is told to treat as a public address, serving a manifest whose canvas names a
 * thumbnail on this computer (127.0.0.1), where a private server counts every request it receives.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JsonObject } from '../../shared/iiif/json';
import { startHost, type HostProcess } from './harness';

export const PUBLIC_ALIAS = '127.0.0.2';

export const PNG_1x1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** An HTTP server on `host` at a free port. */
export async function serve(host: string, handler: http.RequestListener) {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return { server, base: `http://${host}:${(server.address() as AddressInfo).port}` };
}

/** The hostile manifest: one canvas, "Admin page", whose thumbnail is `thumbnail` (on the private server). */
export function hostileManifest(publicBase: string, thumbnail: string): JsonObject {
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `${publicBase}/manifest.json`,
    type: 'Manifest',
    label: { en: ['Hostile'] },
    items: [
      {
        id: `${publicBase}/canvas/1`,
        type: 'Canvas',
        label: { en: ['Admin page'] },
        width: 100,
        height: 100,
        thumbnail: [{ id: thumbnail, type: 'Image' }],
        items: [],
      },
    ],
  };
}

/** A web host that treats PUBLIC_ALIAS as the internet. */
export async function startPublicHost(options: Parameters<typeof startHost>[0] = {}): Promise<HostProcess> {
  process.env['TESSERA_TEST_PUBLIC_ADDRESSES'] = PUBLIC_ALIAS;
  try {
    return await startHost(options);
  } finally {
    delete process.env['TESSERA_TEST_PUBLIC_ADDRESSES'];
  }
}
