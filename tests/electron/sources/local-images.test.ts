/** Image files from the file manager: bytes → a level-0 service in the local images folder, served safely. */
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import {
  importLocalImage,
  localImageBase,
  serveLocalImage,
} from '../../../electron/services/sources/local-images';
import { canvasFromDescriptor } from '../../../shared/iiif/canvas-build';
import { createIdMinter } from '../../../shared/iiif/document/mint-ids';
import type { JsonObject } from '../../../shared/iiif/json';
import { hugePngHeader } from '../../fixtures/huge-png-header';
import { quadrantImage, quadrantsOf, QUADRANTS, sameColour } from '../../fixtures/institutions';
import { cleanups, tempDir } from './helpers';

const cleanup = cleanups();
afterEach(() => cleanup.run());

const ORIGIN = 'http://127.0.0.1:5199';

describe('importLocalImage', () => {
  it('tiles a JPEG into a level-0 Image API 3 service served under the page origin', async () => {
    const dir = await tempDir(cleanup);
    const bytes = await quadrantImage(640, 480, QUADRANTS, 'jpeg');
    const descriptor = await importLocalImage({ dir, name: 'Folio 12r (recto).JPG', bytes, origin: ORIGIN });
    expect(descriptor).toMatchObject({
      version: 3,
      level: 0,
      width: 640,
      height: 480,
      id: `${ORIGIN}/local-images/folio-12r-recto`,
    });
    expect(await readdir(dir)).toEqual(['folio-12r-recto']);

    // A canvas made from it shows a thumbnail the folder really has.
    const canvas = canvasFromDescriptor(descriptor, { mint: createIdMinter('https://x.org/p', new Set()) });
    const thumb = String(((canvas['thumbnail'] as JsonObject[])[0] as JsonObject)['id']);
    const served = await serveLocalImage(dir, new URL(thumb).pathname, ORIGIN);
    expect(served.status).toBe(200);
    expect(served.headers['Content-Type']).toBe('image/jpeg');
    const colours = await quadrantsOf(served.body as Buffer);
    expect(sameColour(colours.topLeft, QUADRANTS.topLeft)).toBe(true);
    expect(sameColour(colours.bottomRight, QUADRANTS.bottomRight)).toBe(true);
  });

  it("names a refused upload by the user's name for it, not its staged temporary file", async () => {
    const dir = await tempDir(cleanup);
    const huge = importLocalImage({ dir, name: 'scan 1.png', bytes: hugePngHeader(), origin: ORIGIN });
    await expect(huge).rejects.toThrow('"scan 1.png" is 16000 × 16000 pixels');
    const damaged = Buffer.concat([hugePngHeader().subarray(0, 8), Buffer.from('not a png at all')]);
    const broken = importLocalImage({ dir, name: 'scan 2.png', bytes: damaged, origin: ORIGIN });
    await expect(broken).rejects.toThrow('"scan 2.png" could not be read as an image');
    await expect(
      importLocalImage({ dir, name: 'scan 2.png', bytes: damaged, origin: ORIGIN }),
    ).rejects.not.toThrow(/\.upload-/);
  });

  it('serves info.json with the id of the origin it is asked from (ports change between launches)', async () => {
    const dir = await tempDir(cleanup);
    await importLocalImage({ dir, name: 'a.png', bytes: await quadrantImage(300, 200), origin: ORIGIN });
    const info = await serveLocalImage(dir, '/local-images/a/info.json', 'http://127.0.0.1:6000');
    expect(info.status).toBe(200);
    expect(JSON.parse(String(info.body))['id']).toBe('http://127.0.0.1:6000/local-images/a');
    expect(localImageBase('app://tessera')).toBe('app://tessera/local-images');
  });

  it('refuses what is not a JPEG, PNG or TIFF, and paths that leave the folder', async () => {
    const dir = await tempDir(cleanup);
    await expect(
      importLocalImage({ dir, name: 'x.gif', bytes: Buffer.from('GIF89a....'), origin: ORIGIN }),
    ).rejects.toMatchObject({ code: 'unsupported-image' });
    await expect(
      importLocalImage({ dir, name: 'x.jpg', bytes: Buffer.alloc(0), origin: ORIGIN }),
    ).rejects.toMatchObject({ code: 'unreadable-image' });
    const tiff = await sharp(await quadrantImage(64, 64))
      .tiff()
      .toBuffer();
    await importLocalImage({ dir, name: 'scan.tif', bytes: tiff, origin: ORIGIN });
    for (const bad of [
      '/local-images/../secret/info.json',
      '/local-images/%2e%2e/x.json',
      '/local-images/scan/..%2f..%2finfo.json',
      '/local-images/.hidden/info.json',
      '/local-images/scan',
      '/local-images/scan/notes.txt',
    ]) {
      expect((await serveLocalImage(dir, bad, ORIGIN)).status).toBe(404);
    }
    expect((await serveLocalImage(dir, '/local-images/scan/info.json', ORIGIN)).status).toBe(200);
    expect(await readdir(dir)).toEqual(['scan']);
    expect(path.isAbsolute(dir)).toBe(true);
  });
});

describe('serveLocalImage and symlinks', () => {
  it('never follows a symlink out of the local images folder', async () => {
    const root = await tempDir(cleanup);
    const dir = path.join(root, 'local-images');
    const outside = path.join(root, 'private');
    await mkdir(outside);
    const photo = await quadrantImage(32, 32, QUADRANTS, 'jpeg');
    await writeFile(path.join(outside, 'photo.jpg'), photo);
    await writeFile(
      path.join(outside, 'info.json'),
      '{"id":"x","type":"ImageService3","width":1,"height":1}',
    );
    await importLocalImage({ dir, name: 'scan.png', bytes: await quadrantImage(64, 64), origin: ORIGIN });
    // A folder link and a file link, planted where the route looks.
    await symlink(outside, path.join(dir, 'elsewhere'));
    await symlink(path.join(outside, 'photo.jpg'), path.join(dir, 'scan', 'leak.jpg'));
    for (const planted of [
      '/local-images/elsewhere/info.json',
      '/local-images/elsewhere/photo.jpg',
      '/local-images/scan/leak.jpg',
    ]) {
      expect((await serveLocalImage(dir, planted, ORIGIN)).status, planted).toBe(404);
    }
    expect((await serveLocalImage(dir, '/local-images/scan/info.json', ORIGIN)).status).toBe(200);
  });
});
