import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createStaticTiles,
  rewriteServiceBase,
  sanitizeIdentifier,
  slugFor,
} from '../../../electron/services/imaging/static-tiles';
import { availableFullSizes, largestImage, thumbnailFor } from '../../../shared/iiif/image-api/image-urls';
import { parseInfoJson } from '../../../shared/iiif/image-api/parse-info-json';
import {
  BLUE,
  GREEN,
  QUADRANTS,
  RED,
  YELLOW,
  quadrantImage,
  quadrantsOf,
  sameColour,
  type Rgb,
} from '../../fixtures/institutions';
import { hugePngHeader } from '../../fixtures/huge-png-header';

let dir: string;
let out: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tessera-imaging-'));
  out = path.join(dir, 'project', 'iiif');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function sourceFile(name: string, width: number, height: number, format: 'png' | 'jpeg' | 'tiff') {
  const file = path.join(dir, name);
  await writeFile(file, await quadrantImage(width, height, QUADRANTS, format));
  return file;
}

/** Maps a service URL to its file in the tree, as a static web server would. */
function fileFor(serviceDir: string, serviceId: string, url: string): string {
  return path.join(serviceDir, ...url.slice(serviceId.length + 1).split('/'));
}

const close = (a: Rgb, b: Rgb) => expect(sameColour(a, b), `${a.join(',')} vs ${b.join(',')}`).toBe(true);

describe('local images → static level-0 Image API 3 services', () => {
  it.each(['png', 'jpeg', 'tiff'] as const)('makes a complete service from a %s file', async (format) => {
    const source = await sourceFile(
      `Folio 12r (recto).${format === 'jpeg' ? 'jpg' : format}`,
      1500,
      1000,
      format,
    );
    const result = await createStaticTiles({
      source,
      outputDir: out,
      baseUri: 'http://127.0.0.1:9999/iiif/',
      tileSize: 256,
    });

    expect(result.identifier).toBe('folio-12r-recto');
    expect(result.descriptor).toMatchObject({
      version: 3,
      level: 0,
      id: 'http://127.0.0.1:9999/iiif/folio-12r-recto',
      width: 1500,
      height: 1000,
      sizes: [
        { width: 150, height: 100 },
        { width: 300, height: 200 },
        { width: 600, height: 400 },
        { width: 1200, height: 800 },
        { width: 1500, height: 1000 },
      ],
    });
    const info: unknown = JSON.parse(await readFile(result.infoJsonPath, 'utf8'));
    expect(parseInfoJson(info)).toMatchObject({ ok: true, value: { id: result.descriptor.id } });

    // Every URL a level-0 client may build from the descriptor exists as a file.
    const d = result.descriptor;
    for (const size of availableFullSizes(d)) {
      const file = fileFor(result.dir, d.id, `${d.id}/full/${size.width},${size.height}/0/default.jpg`);
      expect(await sharp(file).metadata()).toMatchObject({ width: size.width, height: size.height });
    }
    const tile = d.tiles[0];
    if (!tile) throw new Error('no tiles');
    expect(tile.width).toBe(256);
    for (const factor of tile.scaleFactors) {
      const span = tile.width * factor;
      for (let y = 0; y < d.height; y += span) {
        for (let x = 0; x < d.width; x += span) {
          const w = Math.min(span, d.width - x);
          const h = Math.min(span, d.height - y);
          const region = w === d.width && h === d.height ? 'full' : `${x},${y},${w},${h}`;
          await expect(
            stat(
              path.join(
                result.dir,
                region,
                `${Math.ceil(w / factor)},${Math.ceil(h / factor)}`,
                '0',
                'default.jpg',
              ),
            ),
          ).resolves.toBeTruthy();
        }
      }
    }
    // Level 0 still answers full/max (Image API 3 compliance).
    expect(await sharp(path.join(result.dir, 'full', 'max', '0', 'default.jpg')).metadata()).toMatchObject({
      width: 1500,
    });

    const thumb = thumbnailFor(d, 250);
    expect(thumb?.url).toBe(`${d.id}/full/300,200/0/default.jpg`);
    const colours = await quadrantsOf(fileFor(result.dir, d.id, thumb?.url ?? ''));
    close(colours.topLeft, RED);
    close(colours.topRight, GREEN);
    close(colours.bottomLeft, BLUE);
    close(colours.bottomRight, YELLOW);
    expect(largestImage(d).url).toBe(`${d.id}/full/1500,1000/0/default.jpg`);

    expect((await readdir(out)).filter((name) => name.startsWith('.'))).toEqual([]); // no staging left behind
  });

  it('applies EXIF orientation, so a portrait photo stays portrait', async () => {
    const source = path.join(dir, 'rotated.jpg');
    // Stored landscape 400×300 with orientation 6 ("rotate 90° clockwise to display").
    await sharp(await quadrantImage(400, 300))
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toFile(source);
    const result = await createStaticTiles({ source, outputDir: out, baseUri: 'http://x.test/iiif' });
    expect(result.descriptor).toMatchObject({ width: 300, height: 400 });
    const colours = await quadrantsOf(path.join(result.dir, 'full', '300,400', '0', 'default.jpg'));
    close(colours.topLeft, BLUE);
    close(colours.topRight, RED);
  });

  it('chooses a new identifier instead of overwriting, unless told to replace', async () => {
    const source = await sourceFile('page.png', 300, 200, 'png');
    const first = await createStaticTiles({ source, outputDir: out, baseUri: 'http://x.test/iiif' });
    const second = await createStaticTiles({ source, outputDir: out, baseUri: 'http://x.test/iiif' });
    expect([first.identifier, second.identifier]).toEqual(['page', 'page-2']);
    const other = await sourceFile('other.png', 200, 100, 'png');
    const replaced = await createStaticTiles({
      source: other,
      outputDir: out,
      baseUri: 'http://x.test/iiif',
      identifier: 'page',
      replace: true,
    });
    expect(replaced).toMatchObject({ identifier: 'page', descriptor: { width: 200, height: 100 } });
    expect((await readdir(out)).sort()).toEqual(['page', 'page-2']);
  });

  it('lets publishing rewrite the base URI without touching the tiles', async () => {
    const source = await sourceFile('leaf.png', 600, 400, 'png');
    const result = await createStaticTiles({ source, outputDir: out, baseUri: 'http://127.0.0.1:5173/iiif' });
    const tileBefore = await stat(path.join(result.dir, 'full', '300,200', '0', 'default.jpg'));
    const rewritten = await rewriteServiceBase(result.dir, 'https://example.org/published/iiif/');
    expect(rewritten.id).toBe('https://example.org/published/iiif/leaf');
    expect(JSON.parse(await readFile(result.infoJsonPath, 'utf8'))).toMatchObject({
      id: rewritten.id,
      profile: 'level0',
    });
    expect((await stat(path.join(result.dir, 'full', '300,200', '0', 'default.jpg'))).mtimeMs).toBe(
      tileBefore.mtimeMs,
    );
  });

  it('refuses a PNG declaring 16000×16000 pixels by its header, naming it and its size', async () => {
    const source = path.join(dir, 'huge.png');
    await writeFile(source, hugePngHeader());
    await expect(
      createStaticTiles({ source, outputDir: out, baseUri: 'http://127.0.0.1:1/iiif' }),
    ).rejects.toThrow(
      '"huge.png" is 16000 × 16000 pixels (256 megapixels); Tessera reads images up to 100 megapixels.',
    );
  });

  it('refuses files that are not JPEG, PNG or TIFF, or not images at all, with a clear message', async () => {
    const webp = path.join(dir, 'photo.webp');
    await sharp(await quadrantImage(50, 50))
      .webp()
      .toFile(webp);
    await expect(
      createStaticTiles({ source: webp, outputDir: out, baseUri: 'http://x.test' }),
    ).rejects.toMatchObject({
      code: 'unsupported-image',
      message: /only JPEG, PNG and TIFF/,
    });
    const text = path.join(dir, 'notes.jpg');
    await writeFile(text, 'these are not pixels');
    await expect(
      createStaticTiles({ source: text, outputDir: out, baseUri: 'http://x.test' }),
    ).rejects.toMatchObject({
      code: 'unreadable-image',
    });
    expect(await readdir(out).catch(() => [])).toEqual([]);
  });

  it('makes identifiers safe for URLs and file systems', () => {
    expect(slugFor('Folio 12r (recto).TIF')).toBe('folio-12r-recto');
    expect(slugFor('Éloge_de_la-folie.v2.png')).toBe('eloge_de_la-folie.v2');
    expect(slugFor('../../etc/passwd')).toBe('passwd');
    expect(sanitizeIdentifier('../../etc/passwd')).toBe('etc-passwd');
    expect(sanitizeIdentifier('..')).toBe('image');
    expect(slugFor('???.jpg')).toBe('image');
  });
});
