/**
 * electron-builder cannot run here (it downloads Electron), so its configuration is checked instead: every
 * platform target the README promises, icons that exist and are large enough, and files that the build makes.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const build = pkg.build;

describe('electron-builder configuration', () => {
  it('targets Linux (AppImage, deb), macOS (dmg) and Windows (nsis)', () => {
    expect(build.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(build.mac.target).toEqual(expect.arrayContaining(['dmg']));
    expect(build.win.target).toEqual(expect.arrayContaining(['nsis']));
  });

  it('has an app id, a product name and the entry point the bundler writes', () => {
    expect(build.appId).toMatch(/^[a-z]+(\.[a-z0-9-]+)+$/);
    expect(build.productName).toBe('Tessera');
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(readFileSync(path.join(root, 'build/bundle-node.mjs'), 'utf8')).toContain(
      pkg.main.replace(/^dist\//, ''),
    );
    expect(build.files).toContain('dist/**/*');
  });

  it('ships icons of at least 512×512 in build/', async () => {
    for (const platform of ['linux', 'mac', 'win']) {
      const icon = path.join(root, build[platform].icon);
      expect(existsSync(icon), icon).toBe(true);
      const meta = await sharp(icon).metadata();
      expect(meta.width).toBeGreaterThanOrEqual(512);
      expect(meta.height).toBeGreaterThanOrEqual(512);
    }
  });

  it('keeps the native image library outside the asar archive', () => {
    expect(build.asarUnpack.join(' ')).toContain('sharp');
  });

  it('ships the OCR worker, engine and language data unpacked, where worker threads load them', () => {
    for (const needed of [
      'dist/ocr/**/*',
      'node_modules/tesseract.js/**/*',
      'node_modules/tesseract.js-core/**/*',
      'node_modules/@tesseract.js-data/**/*',
    ])
      expect(build.asarUnpack).toContain(needed);
    expect(build.files).toContain('node_modules/@tesseract.js-data/*/4.0.0_best_int/**/*');
    expect(readFileSync(path.join(root, 'build/bundle-node.mjs'), 'utf8')).toContain('ocr/ocr-worker.cjs');
  });

  it('validates against electron-builder’s own schema', async () => {
    const { validateConfiguration } = await import('./validate-builder-config');
    expect(await validateConfiguration(build)).toEqual([]);
    // The check itself can fail: a misspelt key is reported.
    expect(await validateConfiguration({ ...build, linx: {} })).not.toEqual([]);
  });
});

describe('what the package tells the system', () => {
  interface Association {
    ext: string | string[];
    mimeType?: string;
    rank?: string;
  }
  const associations = (platform: string): Association[] => build[platform].fileAssociations ?? [];

  it('declares no association for every platform at once (Windows must not get .json)', () => {
    // electron-builder adds the top-level list to each platform's own, so it cannot be narrowed per platform.
    expect(build.fileAssociations).toBeUndefined();
  });

  it('associates .json by application/json and .jsonld by application/ld+json on Linux and macOS', () => {
    for (const platform of ['linux', 'mac']) {
      const list = associations(platform);
      // One extension per entry: Linux writes each entry's ext into one glob ("*.json,jsonld" matches nothing).
      for (const association of list) expect(typeof association.ext).toBe('string');
      // Linux labels .json files application/json: an entry under another type would never be offered.
      expect(list.find((a) => a.ext === 'json')).toMatchObject({
        mimeType: 'application/json',
        rank: 'Alternate',
      });
      expect(list.find((a) => a.ext === 'jsonld')).toMatchObject({ mimeType: 'application/ld+json' });
      // Offered for manifests, never taking over as the default app for all JSON.
      for (const association of list) expect(association.rank).toBe('Alternate');
    }
  });

  it('registers only .jsonld on Windows, where the installer would make Tessera open every .json', () => {
    const exts = associations('win').flatMap((a) => [a.ext].flat());
    expect(exts).toEqual(['jsonld']);
  });

  it('asks for a Node that the Electron dependency itself accepts', () => {
    const electronPkg = JSON.parse(
      readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8'),
    );
    const minimum = (range: string) => (/>=\s*(\d+)\.(\d+)/.exec(range) ?? []).slice(1).map(Number);
    const ours = minimum(pkg.engines.node);
    const theirs = minimum(electronPkg.engines?.node ?? '>=0.0');
    expect(ours[0]! * 1000 + ours[1]!).toBeGreaterThanOrEqual(theirs[0]! * 1000 + theirs[1]!);
  });
});
