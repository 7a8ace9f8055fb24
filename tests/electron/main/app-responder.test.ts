import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAppResponder } from '../../../electron/main/app-responder';

/** The CSP directives of a header value, by name. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe('app://tessera', () => {
  let root = '';
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'tessera-app-'));
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
    await mkdir(path.join(root, 'assets'));
    await writeFile(path.join(root, 'assets/a.js'), 'export {}');
  });

  it('serves the page under a CSP that lets it fetch from itself (info.json via /remote-image)', async () => {
    const respond = createAppResponder(root);
    const response = await respond(new Request('app://tessera/'));
    expect(response.status).toBe(200);
    const csp = directives(response.headers.get('content-security-policy') ?? '');
    // http: and https: do not match app:// in CSP; only 'self' does.
    expect(csp.get('connect-src')).toContain("'self'");
    expect(csp.get('script-src')).toEqual(["'self'"]);
  });

  it('answers the extra routes first and refuses other hosts', async () => {
    const respond = createAppResponder(root, async (url) =>
      url.pathname === '/remote-image'
        ? { status: 200, headers: { 'Content-Type': 'application/json' }, body: '{}' }
        : null,
    );
    const routed = await respond(new Request('app://tessera/remote-image?url=x'));
    expect(routed.headers.get('content-type')).toBe('application/json');
    expect(routed.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await respond(new Request('app://tessera/assets/a.js'))).headers.get('content-type')).toMatch(
      /javascript/,
    );
    expect((await respond(new Request('app://other/'))).status).toBe(404);
  });

  it('hands the Range header to the routes and answers with their part (local audio and video seek)', async () => {
    const ranges: (string | undefined)[] = [];
    const respond = createAppResponder(root, async (_url, range) => {
      ranges.push(range);
      return {
        status: 206,
        headers: { 'Content-Type': 'audio/wav', 'Content-Range': 'bytes 2-3/10', 'Accept-Ranges': 'bytes' },
        body: Buffer.from([2, 3]),
      };
    });
    const part = await respond(
      new Request('app://tessera/local-images/tone/tone.wav', { headers: { Range: 'bytes=2-3' } }),
    );
    expect(ranges).toEqual(['bytes=2-3']);
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 2-3/10');
    expect([...new Uint8Array(await part.arrayBuffer())]).toEqual([2, 3]);
    await respond(new Request('app://tessera/local-images/tone/tone.wav'));
    expect(ranges).toEqual(['bytes=2-3', undefined]);
  });
});
