import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { browserCommand } from '../../../electron/host/open-browser';
import { commandCwd, DEFAULT_PORT, listenWithFallback, parseWebArgs } from '../../../electron/host/web-args';

describe('the web host’s command line', () => {
  it('takes a file to open, and says when the port was chosen', () => {
    expect(parseWebArgs(['book.json'], '/home/me')).toMatchObject({
      file: '/home/me/book.json',
      port: DEFAULT_PORT,
      portChosen: false,
    });
    expect(parseWebArgs(['--port', '0', '--open', '/abs/a.json'], '/home/me')).toMatchObject({
      file: '/abs/a.json',
      port: 0,
      portChosen: true,
      openBrowser: true,
    });
    expect(() => parseWebArgs(['a.json', 'b.json'])).toThrow(/Unknown option b.json/);
    expect(() => parseWebArgs(['--port', 'x'])).toThrow(/--port/);
  });

  it('resolves relative paths against the folder npm was run in (INIT_CWD), not the package folder', () => {
    const cwd = commandCwd({ INIT_CWD: '/home/me/manifests' }, '/opt/tessera');
    expect(cwd).toBe('/home/me/manifests');
    expect(commandCwd({}, '/opt/tessera')).toBe('/opt/tessera');
    expect(parseWebArgs(['book.json', '--workspace', '..', '--data-dir', 'data'], cwd)).toMatchObject({
      file: '/home/me/manifests/book.json',
      workspace: '/home/me',
      dataDir: '/home/me/manifests/data',
    });
  });
});

describe('a taken port', () => {
  const servers: http.Server[] = [];
  const listen = (port: number) =>
    new Promise<http.Server>((resolve, reject) => {
      const server = http.createServer();
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        servers.push(server);
        resolve(server);
      });
    });
  const portOf = (server: http.Server) => (server.address() as AddressInfo).port;
  afterAll(() => servers.forEach((s) => s.close()));

  it('falls back to a free port when it was the default, and says so', async () => {
    const taken = portOf(await listen(0));
    const notes: number[] = [];
    const server = await listenWithFallback(listen, { port: taken, portChosen: false }, (p) => notes.push(p));
    expect(notes).toEqual([taken]);
    expect(portOf(server)).not.toBe(taken);
  });

  it('fails when the user chose it', async () => {
    const taken = portOf(await listen(0));
    await expect(
      listenWithFallback(listen, { port: taken, portChosen: true }, () => undefined),
    ).rejects.toThrow(/EADDRINUSE/);
  });
});

describe('opening the system browser', () => {
  it('happens on Linux only with a display and xdg-open', () => {
    const has = (file: string) => file === '/usr/bin/xdg-open';
    expect(browserCommand('linux', { PATH: '/usr/bin' }, has)).toBeNull();
    expect(browserCommand('linux', { DISPLAY: ':0', PATH: '/bin' }, has)).toBeNull();
    expect(browserCommand('linux', { DISPLAY: ':0', PATH: '/bin:/usr/bin' }, has)?.command).toBe(
      '/usr/bin/xdg-open',
    );
    expect(browserCommand('darwin', {}, has)?.command).toBe('open');
  });
});
