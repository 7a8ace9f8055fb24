/**
 * The afterPack hook that refuses a package without sharp's native binary for its target (a package cross-built
 * on another OS or CPU): called as electron-builder calls it, with a fake context over a real folder.
 */
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

interface HookContext {
  appOutDir: string;
  electronPlatformName: string;
  arch: number;
  packager?: { getResourcesDir(appOutDir: string): string };
}
const hookModule = path.join(root, 'build/check-sharp-native.mjs');
const load = async () =>
  (await import(hookModule)) as {
    default: (context: HookContext) => Promise<void>;
    sharpNativePackages: (platform: string, arch: string) => string[];
  };

// electron-builder's Arch enum.
const X64 = 1;
const ARM64 = 3;

/** An unpacked app whose app.asar.unpacked holds the given @img packages, each with a native file. */
async function unpackedApp(resources: string, packages: Record<string, string>) {
  for (const [name, file] of Object.entries(packages)) {
    const dir = path.join(resources, 'app.asar.unpacked/node_modules', name, 'lib');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, file), 'binary');
  }
}

describe('the afterPack check for sharp’s native binary', () => {
  it('is what electron-builder runs after packing', () => {
    expect(pkg.build.afterPack).toBe('./build/check-sharp-native.mjs');
  });

  it('passes a Linux x64 package that has sharp and libvips for linux-x64', async () => {
    const { default: check } = await load();
    const appOutDir = await mkdtemp(path.join(os.tmpdir(), 'tessera-pack-'));
    await unpackedApp(path.join(appOutDir, 'resources'), {
      '@img/sharp-linux-x64': 'sharp-linux-x64.node',
      '@img/sharp-libvips-linux-x64': 'libvips-cpp.so.8.18.7',
    });
    await expect(check({ appOutDir, electronPlatformName: 'linux', arch: X64 })).resolves.toBeUndefined();
  });

  it('fails a Windows package built on Linux, naming the package to install', async () => {
    const { default: check } = await load();
    const appOutDir = await mkdtemp(path.join(os.tmpdir(), 'tessera-pack-'));
    await unpackedApp(path.join(appOutDir, 'resources'), {
      '@img/sharp-linux-x64': 'sharp-linux-x64.node',
      '@img/sharp-libvips-linux-x64': 'libvips-cpp.so.8.18.7',
    });
    await expect(check({ appOutDir, electronPlatformName: 'win32', arch: X64 })).rejects.toThrow(
      /no @img\/sharp-win32-x64 in app\.asar\.unpacked.*npm install --os=win32 --cpu=x64 sharp/,
    );
  });

  it('fails an arm64 macOS package that has only the x64 binary, and an empty package folder', async () => {
    const { default: check } = await load();
    const appOutDir = await mkdtemp(path.join(os.tmpdir(), 'tessera-pack-'));
    const resources = path.join(appOutDir, 'Tessera.app/Contents/Resources');
    await unpackedApp(resources, {
      '@img/sharp-darwin-x64': 'sharp-darwin-x64.node',
      '@img/sharp-libvips-darwin-x64': 'libvips-cpp.8.18.7.dylib',
    });
    await mkdir(path.join(resources, 'app.asar.unpacked/node_modules/@img/sharp-darwin-arm64'), {
      recursive: true,
    });
    const packager = { getResourcesDir: () => resources };
    await expect(check({ appOutDir, electronPlatformName: 'darwin', arch: ARM64, packager })).rejects.toThrow(
      '@img/sharp-darwin-arm64, @img/sharp-libvips-darwin-arm64',
    );
    await expect(check({ appOutDir, electronPlatformName: 'darwin', arch: X64 })).resolves.toBeUndefined();
  });

  it('names sharp’s packages for each target', async () => {
    const { sharpNativePackages } = await load();
    expect(sharpNativePackages('win32', 'x64')).toEqual(['@img/sharp-win32-x64']);
    expect(sharpNativePackages('linux', 'armv7l')).toEqual([
      '@img/sharp-linux-arm',
      '@img/sharp-libvips-linux-arm',
    ]);
    expect(sharpNativePackages('darwin', 'universal')).toHaveLength(4);
  });
});
