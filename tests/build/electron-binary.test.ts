/**
 * `npm start` where the electron package is installed without its binary: Electron's own installer is run
 * once, with a time limit, before falling back to the web host. A fake electron package stands in, whose
 * install.js does what the real one does on success (path.txt and dist/), fails, or never ends.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

interface Found {
  binary: string | null;
  reason: string | null;
}
const load = async () =>
  (await import(path.resolve(__dirname, '../../build/electron-binary.mjs'))) as {
    ensureElectronBinary(
      fromDir: string,
      options: { env: NodeJS.ProcessEnv; timeoutMs?: number; say?: (line: string) => void },
    ): Promise<Found>;
  };

const INSTALLERS = {
  succeeds: `const fs = require('fs'); fs.mkdirSync(__dirname + '/dist', { recursive: true });
    fs.writeFileSync(__dirname + '/dist/electron', ''); fs.writeFileSync(__dirname + '/path.txt', 'electron');`,
  fails: 'process.exit(1);',
  hangs: 'setInterval(() => {}, 1000);',
};

async function project(installer: keyof typeof INSTALLERS) {
  const root = await mkdtemp(path.join(os.tmpdir(), 'tessera-start-'));
  await writeFile(path.join(root, 'package.json'), '{"name":"app"}');
  const electron = path.join(root, 'node_modules/electron');
  await mkdir(electron, { recursive: true });
  await writeFile(path.join(electron, 'package.json'), '{"name":"electron","version":"0.0.0"}');
  await writeFile(path.join(electron, 'install.js'), INSTALLERS[installer]);
  return { root, electron };
}

describe('getting the Electron binary for npm start', () => {
  it('runs Electron’s installer once when the binary is missing, then uses what it installed', async () => {
    const { ensureElectronBinary } = await load();
    const { root, electron } = await project('succeeds');
    const said: string[] = [];
    const found = await ensureElectronBinary(root, { env: {}, say: (line) => said.push(line) });
    expect(found).toEqual({ binary: path.join(electron, 'dist/electron'), reason: null });
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/downloading it/);
  });

  it('says why when the installer fails or does not finish in time', async () => {
    const { ensureElectronBinary } = await load();
    const failing = await project('fails');
    expect(await ensureElectronBinary(failing.root, { env: {}, say: () => undefined })).toEqual({
      binary: null,
      reason: 'its binary could not be downloaded: exit 1',
    });
    const hanging = await project('hangs');
    expect(
      await ensureElectronBinary(hanging.root, { env: {}, timeoutMs: 500, say: () => undefined }),
    ).toEqual({ binary: null, reason: 'its binary could not be downloaded: timed out' });
  });

  it('does not try when downloads are switched off or another build is named', async () => {
    const { ensureElectronBinary } = await load();
    const { root } = await project('succeeds');
    const said: string[] = [];
    const say = (line: string) => said.push(line);
    expect(
      (await ensureElectronBinary(root, { env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }, say })).binary,
    ).toBe(null);
    expect(
      (
        await ensureElectronBinary(root, {
          env: { ELECTRON_OVERRIDE_DIST_PATH: path.join(root, 'none') },
          say,
        })
      ).binary,
    ).toBe(null);
    expect(said).toEqual([]);
  });
});
