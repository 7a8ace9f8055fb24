// Draws the built-in sample project's leaves and writes them as static level-0 IIIF Image API 3 trees
// (info.json, tiles, declared sizes) into dist/renderer/sample/images, so the first screen needs no network.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import {
  SAMPLE_IMAGES_PATH,
  SAMPLE_LEAVES,
  SAMPLE_SIZES,
  type SampleLeaf,
} from '../electron/services/sample/sample-leaves';

const out = path.resolve(process.env['TESSERA_DIST'] ?? 'dist', 'renderer', `.${SAMPLE_IMAGES_PATH}`);

function leafSvg(leaf: SampleLeaf, index: number): string {
  const { width: w, height: h, ground, ink } = leaf;
  const lines = Array.from({ length: 22 }, (_, i) => {
    const y = 520 + i * 62;
    const len = w - 440 - ((i * 137 + index * 53) % 260);
    return `<rect x="220" y="${y}" width="${len}" height="14" rx="7" fill="${ink}" opacity="0.55"/>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
    <rect width="100%" height="100%" fill="${ground}"/>
    <rect x="120" y="120" width="${w - 240}" height="${h - 240}" fill="none" stroke="${ink}" stroke-width="10"/>
    <rect x="220" y="220" width="240" height="240" fill="${ink}"/>
    <text x="340" y="400" font-family="serif" font-size="190" fill="${ground}" text-anchor="middle">${'BDLE'[index] ?? 'T'}</text>
    <text x="520" y="380" font-family="serif" font-size="110" fill="${ink}">${leaf.label}</text>
    ${lines}
    <circle cx="${w - 260}" cy="${h - 260}" r="70" fill="${ink}" opacity="0.8"/>
  </svg>`;
}

async function main() {
  await rm(out, { recursive: true, force: true });
  for (const [index, leaf] of SAMPLE_LEAVES.entries()) {
    const dir = path.join(out, leaf.slug);
    await mkdir(path.dirname(dir), { recursive: true });
    const image = sharp(Buffer.from(leafSvg(leaf, index))).flatten({ background: leaf.ground });
    // sharp writes an IIIF 3 level-0 tree: info.json, tiles and full-image sizes. The id is rewritten on
    // serving (electron/services/static/level0-info.ts), because the origin is only known then.
    await image
      .clone()
      .jpeg({ quality: 82 })
      .tile({ size: 512, layout: 'iiif3', id: 'https://sample.invalid' })
      .toFile(dir);
    // Level 0 serves only what it declares: write each declared size and list them in info.json.
    for (const size of SAMPLE_SIZES) {
      const target = path.join(dir, 'full', `${size.width},${size.height}`, '0');
      await mkdir(target, { recursive: true });
      await image
        .clone()
        .resize(size.width, size.height)
        .jpeg({ quality: 82 })
        .toFile(path.join(target, 'default.jpg'));
    }
    const fullMax = path.join(dir, 'full', 'max', '0');
    await mkdir(fullMax, { recursive: true });
    await image.clone().jpeg({ quality: 82 }).toFile(path.join(fullMax, 'default.jpg'));
    const infoPath = path.join(dir, 'info.json');
    const info = JSON.parse(await readFile(infoPath, 'utf8')) as Record<string, unknown>;
    info['sizes'] = [...SAMPLE_SIZES, { width: leaf.width, height: leaf.height }];
    await writeFile(infoPath, JSON.stringify(info, null, 2));
  }
}

await main();
