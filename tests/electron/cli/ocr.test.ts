/** `tessera ocr`: the real command over a manifest whose images a loopback server serves. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAnnotations } from '../../../shared/iiif/annotations';
import type { JsonObject } from '../../../shared/iiif/json';
import type { CliIo } from '../../../electron/cli/cli-io';
import { parseCanvasRanges, run } from '../../../electron/cli/commands/ocr';
import { nodeIo } from '../../../electron/cli/node-io';
import { sourceOcrFiles } from '../../../electron/services/ocr/ocr-files';
import { drawTextPage } from '../../fixtures/text-page';
import { cleanups, plainServer } from '../sources/helpers';
import { cli, tempDir, write } from './cli-harness';

const ROOT = path.resolve(__dirname, '../../..');
const cleanup = cleanups();
const folder = tempDir();
let manifest = '';

beforeAll(async () => {
  const page = await drawTextPage({ rows: 3 });
  const server = await plainServer(cleanup, { '/page.png': { type: 'image/png', body: page.png } });
  const canvas = (n: number, url: string) => ({
    id: `https://e.org/c/${n}`,
    type: 'Canvas',
    width: page.width,
    height: page.height,
    items: [
      {
        id: `https://e.org/c/${n}/p`,
        type: 'AnnotationPage',
        items: [
          {
            id: `https://e.org/c/${n}/a`,
            type: 'Annotation',
            motivation: 'painting',
            body: { id: url, type: 'Image', format: 'image/png' },
            target: `https://e.org/c/${n}`,
          },
        ],
      },
    ],
  });
  manifest = await write(
    path.join(folder.dir, 'm.json'),
    JSON.stringify({
      '@context': 'http://iiif.io/api/presentation/3/context.json',
      id: 'https://e.org/manifest.json',
      type: 'Manifest',
      label: { en: ['OCR'] },
      items: [canvas(1, server.url('/page.png')), canvas(2, server.url('/gone.png'))],
    }),
  );
}, 60_000);

afterAll(async () => {
  await cleanup.run();
  folder.remove();
});

async function ocr(args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { ...nodeIo(), stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const code = await run(args, io, { files: sourceOcrFiles(ROOT), workers: 1 });
  return { code, stdout, stderr };
}

describe('tessera ocr', () => {
  it('writes a page of line annotations per canvas, names the canvas that failed and exits 1', async () => {
    const out = path.join(folder.dir, 'out.json');
    const result = await ocr([manifest, '-o', out, '--lang', 'eng']);
    expect(result.stderr).toMatch(/canvas 2: .*404|canvas 2: /);
    expect(result.code).toBe(1);
    const doc = JSON.parse(readFileSync(out, 'utf8')) as JsonObject;
    const lines = listAnnotations(doc, { canvasIndex: 0 });
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.every((l) => l.motivations.includes('supplementing'))).toBe(true);
    expect(lines.map((l) => (l.bodies[0]?.kind === 'text' ? l.bodies[0].value : '')).join(' ')).toMatch(
      /garden river window market/,
    );
    expect(listAnnotations(doc, { canvasIndex: 1 })).toEqual([]);
  }, 120_000);

  it('recognises only the canvases asked for and exits 0', async () => {
    const out = path.join(folder.dir, 'one.json');
    const result = await ocr([manifest, '-o', out, '--canvases', '1']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/lines on 1 of 1 canvases/);
  }, 120_000);

  it('refuses a wrong command line with exit code 2', async () => {
    expect((await cli(['ocr', manifest])).code).toBe(2);
    expect((await cli(['ocr', manifest, '-o', 'x.json', '--lang', 'English'])).code).toBe(2);
    expect((await cli(['ocr', manifest, '-o', 'x.json', '--canvases', '3-1'])).code).toBe(2);
    expect((await cli(['ocr', path.join(folder.dir, 'missing.json'), '-o', 'x.json'])).code).toBe(1);
  });

  it('reads canvas ranges counted from 1', () => {
    expect(parseCanvasRanges('1-3,5,9-20', 10)).toEqual([0, 1, 2, 4, 8, 9]);
    expect(parseCanvasRanges('0', 10)).toBeNull();
    expect(parseCanvasRanges('a', 10)).toBeNull();
  });
});
