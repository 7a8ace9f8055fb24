/**
 * The package check: electron-builder makes a real unpacked Linux app from the build (`--linux dir`), with a
 * stand-in Electron distribution (`electronDist`: a folder holding an executable named electron, which it
 * copies and renames, so nothing is downloaded), and the resulting app.asar is read back: every file main
 * looks for is where it looks, sharp's native module is outside the archive where Electron loads it from, and
 * nothing the bundles already contain is packed again. OCR's worker, engine and language data are unpacked too
 * (worker threads load by path), and text is recognised from the package's own copies alone.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledOcrFiles } from '../../electron/services/ocr/ocr-files';
import { runOcr } from '../../electron/services/ocr/ocr-run';
import { drawTextPage } from '../fixtures/text-page';
import { ROOT } from './harness';

const requireHere = createRequire(__filename);
const asar = requireHere('@electron/asar') as {
  listPackage(archive: string, options: { isPack: boolean }): string[];
  extractFile(archive: string, file: string): Buffer;
};
const built = existsSync(path.join(ROOT, 'dist/electron/main.cjs'));
const nativePackage = `@img/sharp-${process.platform}-${process.arch}`;

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`exit ${code}:\n${output}`)),
    );
  });
}

describe.skipIf(!built || process.platform !== 'linux')('the unpacked Linux package', () => {
  let resources = '';
  let archive = '';
  let entries: string[] = [];

  beforeAll(async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'tessera-package-'));
    const electronDist = path.join(work, 'electron-dist');
    await run('mkdir', ['-p', electronDist]);
    await writeFile(path.join(electronDist, 'electron'), '#!/bin/sh\necho "stand-in Electron"\n');
    await chmod(path.join(electronDist, 'electron'), 0o755);
    const out = path.join(work, 'release');
    await run(process.execPath, [
      requireHere.resolve('electron-builder/cli.js'),
      '--linux',
      'dir',
      '--publish',
      'never',
      `-c.electronDist=${electronDist}`,
      `-c.directories.output=${out}`,
      // Native modules are used as npm installed them (a rebuild for Electron's ABI needs its headers).
      '-c.npmRebuild=false',
    ]);
    resources = path.join(out, 'linux-unpacked/resources');
    archive = path.join(resources, 'app.asar');
    entries = asar.listPackage(archive, { isPack: false }).map((e) => e.split(path.sep).join('/'));
  }, 120_000);

  it('runs the stand-in binary renamed to the product', () => {
    expect(existsSync(path.join(resources, '../tessera'))).toBe(true);
  });

  it('has main, preload, renderer, worker and sample where main looks for them', () => {
    const pkg = JSON.parse(asar.extractFile(archive, 'package.json').toString()) as { main: string };
    expect(entries).toContain(`/${pkg.main}`);
    // boot.ts loads shell.cjs beside it; main.ts: preload beside main (path.join(__dirname, 'preload.cjs')),
    // renderer at ../renderer.
    expect(entries).toContain('/dist/electron/shell.cjs');
    expect(entries).toContain('/dist/electron/preload.cjs');
    expect(entries).toContain('/dist/renderer/index.html');
    const worker = entries.filter((e) => /^\/dist\/renderer\/assets\/document\.worker-[\w-]+\.js$/.test(e));
    expect(worker).toHaveLength(1);
    expect(entries.some((e) => /^\/dist\/renderer\/sample\/images\/leaf-1r\/info\.json$/.test(e))).toBe(true);
    expect(entries.filter((e) => e.endsWith('.map'))).toEqual([]);
  });

  it('keeps sharp and its native module outside the archive, where Electron loads them', () => {
    expect(entries).toContain('/node_modules/sharp/package.json');
    const unpacked = path.join(resources, 'app.asar.unpacked/node_modules');
    const native = readdirSync(path.join(unpacked, nativePackage, 'lib'));
    expect(native.some((f) => f.endsWith('.node'))).toBe(true);
    expect(existsSync(path.join(unpacked, 'sharp/package.json'))).toBe(true);
  });

  it('packs no dependency the bundles already contain', () => {
    const packages = new Set(
      entries
        .map((e) => /^\/node_modules\/(@[^/]+\/[^/]+|[^@/][^/]*)/.exec(e)?.[1])
        .filter((p) => p !== undefined),
    );
    // Only main's externals (sharp, tesseract.js) and what they require at run time: the OCR engine, its
    // language data, and the worker thread's own dependencies.
    const runtime =
      /^(sharp|@img\/.+|detect-libc|semver|tesseract\.js|tesseract\.js-core|@tesseract\.js-data\/.+|regenerator-runtime|is-url|bmp-js|wasm-feature-detect)$/;
    for (const name of packages) expect(name).toMatch(runtime);
    expect(packages.has('react')).toBe(false);
    expect(packages.has(nativePackage)).toBe(true);
  });

  it('unpacks the OCR worker, engine and language data, and recognises text from them alone', async () => {
    // Main runs inside the archive; the worker it starts is the unpacked copy.
    const inArchive = bundledOcrFiles(path.join(resources, 'app.asar/dist/electron'));
    expect(inArchive.workerPath).toBe(path.join(resources, 'app.asar.unpacked/dist/ocr/ocr-worker.cjs'));
    expect(existsSync(inArchive.workerPath)).toBe(true);
    // The package lives outside this repository, so nothing here resolves to the repository's node_modules.
    const files = bundledOcrFiles(path.join(resources, 'app.asar.unpacked/dist/electron'));
    const page = await drawTextPage({ rows: 2 });
    const outcome = await runOcr({
      sources: [
        {
          canvasIndex: 0,
          canvasId: 'https://example.org/canvas/1',
          image: { kind: 'image', url: 'https://example.org/page.png' },
          region: 'full',
          frame: { x: 0, y: 0, width: page.width, height: page.height },
        },
      ],
      language: 'eng',
      files,
      fetcher: { json: () => Promise.reject(new Error('no json')), bytes: async () => page.png },
      workers: 1,
    });
    expect(outcome.failures).toEqual([]);
    expect(outcome.results[0]?.lines.map((l) => l.text).join(' ')).toMatch(/garden river window market/);
  }, 120_000);
});
