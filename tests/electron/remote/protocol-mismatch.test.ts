/**
 * TLS spoken to a plain HTTP port ends in a sentence, not OpenSSL's words (issue 20 item 14).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanups, remoteService } from '../sources/helpers';

const cleanup = cleanups();
afterEach(() => cleanup.run());

describe('a secure request to a plain port', () => {
  it('says the server did not answer securely, without OpenSSL text', async () => {
    const server = http.createServer((_req, res) => res.end('plain'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanup.add(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    const remote = await remoteService(cleanup);
    const failure = await remote.fetchBytes(`https://${host}/image.jpg`).then(
      () => null,
      (error: unknown) => error as Error,
    );
    expect(failure?.message).toMatch(
      new RegExp(`^${host} did not answer with a secure connection \\(https\\)`),
    );
    expect(failure?.message).not.toMatch(/EPROTO|SSL routines|wrong version number/);
  });
});
