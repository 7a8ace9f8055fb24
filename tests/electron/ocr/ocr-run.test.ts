/**
 * Offline OCR on the main side, for real: tesseract.js workers recognise a page the test draws (two columns of
 * known words), its image fetched from a loopback server through the remote service. Checks the words found and
 * that their boxes land over them once scaled to the canvas, that cancelling terminates the run in flight, and
 * that the worker threads never try the network (a recording wrapper around the real worker script logs every
 * socket and DNS lookup, and the worker's own guard refuses fetch: language data given as a URL fails loudly).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOcrPages, listAnnotations, type OcrSource } from '../../../shared/iiif/annotations';
import { createIdMinter } from '../../../shared/iiif/document';
import type { JsonObject } from '../../../shared/iiif/json';
import { sourceOcrFiles, type OcrFiles } from '../../../electron/services/ocr/ocr-files';
import { remoteOcrFetcher } from '../../../electron/services/ocr/ocr-image';
import { createOcrJobs } from '../../../electron/services/ocr/ocr-jobs';
import { runOcr } from '../../../electron/services/ocr/ocr-run';
import { drawTextPage, type TextPage } from '../../fixtures/text-page';
import { cleanups, plainServer, remoteService, tempDir } from '../sources/helpers';

const ROOT = path.resolve(__dirname, '../../..');
const cleanup = cleanups();
let page: TextPage;
let imageUrl = '';
let netLog = '';
let files: OcrFiles;
let fetcher: ReturnType<typeof remoteOcrFetcher>;

/** The canvas is twice the image's size, so boxes must be scaled to land on the words. */
const SCALE = 2;

function source(canvasIndex: number, area?: OcrSource['area']): OcrSource {
  return {
    canvasIndex,
    canvasId: `https://example.org/canvas/${canvasIndex + 1}`,
    image: { kind: 'image', url: imageUrl },
    region: 'full',
    frame: { x: 0, y: 0, width: page.width * SCALE, height: page.height * SCALE },
    ...(area ? { area } : {}),
  };
}

function networkAttempts(): string[] {
  return readFileSync(netLog, 'utf8').split('\n').filter(Boolean);
}

beforeAll(async () => {
  page = await drawTextPage();
  const server = await plainServer(cleanup, { '/page.png': { type: 'image/png', body: page.png } });
  imageUrl = server.url('/page.png');
  fetcher = remoteOcrFetcher(await remoteService(cleanup));
  const dir = await tempDir(cleanup, 'tessera-ocr-');
  netLog = path.join(dir, 'network.log');
  writeFileSync(netLog, '');
  // Wraps the real worker script: logs every way out of the thread, then lets it go on (so a test can fail).
  const wrapper = path.join(dir, 'recording-worker.cjs');
  writeFileSync(
    wrapper,
    `const fs = require('node:fs'); const net = require('node:net'); const dns = require('node:dns');
const log = (what) => fs.appendFileSync(${JSON.stringify(netLog)}, what + '\\n');
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) { log('connect ' + JSON.stringify(args[0])); return connect.apply(this, args); };
const lookup = dns.lookup;
dns.lookup = function (host, ...rest) { log('lookup ' + host); return lookup.call(this, host, ...rest); };
require(${JSON.stringify(path.join(ROOT, 'electron/services/ocr/ocr-worker.cjs'))});
`,
  );
  const real = sourceOcrFiles(ROOT);
  files = { workerPath: wrapper, languageDataDir: (language) => real.languageDataDir(language) };
}, 60_000);

afterAll(() => cleanup.run());

describe('offline OCR', () => {
  it('finds at least 90% of the words of a two-column page, with boxes over them', async () => {
    const outcome = await runOcr({ sources: [source(0)], language: 'eng', files, fetcher, workers: 1 });
    expect(outcome.failures).toEqual([]);
    expect(page.words).toBeGreaterThanOrEqual(40);

    const doc: JsonObject = {
      id: 'https://example.org/manifest.json',
      type: 'Manifest',
      items: [
        {
          id: 'https://example.org/canvas/1',
          type: 'Canvas',
          width: page.width * SCALE,
          height: page.height * SCALE,
          items: [],
        },
      ],
    };
    const { doc: next } = addOcrPages(doc, {
      results: outcome.results,
      language: 'eng',
      mint: createIdMinter('https://example.org', new Set()),
    });
    const found = listAnnotations(next, { canvasIndex: 0 }).map((view) => {
      const target = view.targets[0];
      const body = view.bodies[0];
      if (target?.geometry.kind !== 'box' || body?.kind !== 'text') throw new Error('not an OCR line');
      expect(view.motivations).toEqual(['supplementing']);
      expect(body.language).toBe('en');
      const { x, y, w, h } = target.geometry;
      return { words: new Set(body.value.toLowerCase().split(/[^a-z]+/)), box: { x, y, w, h } };
    });
    let hits = 0;
    for (const line of page.lines) {
      // The drawn line's rectangle on the canvas.
      const r = {
        x: line.rect.x * SCALE,
        y: line.rect.y * SCALE,
        w: line.rect.width * SCALE,
        h: line.rect.height * SCALE,
      };
      for (const word of line.words) {
        const over = found.some(
          (f) =>
            f.words.has(word) &&
            f.box.x < r.x + r.w &&
            f.box.x + f.box.w > r.x &&
            // The box's middle is inside the drawn line: it is over this line, not the one above or below.
            f.box.y + f.box.h / 2 > r.y &&
            f.box.y + f.box.h / 2 < r.y + r.h,
        );
        if (over) hits += 1;
      }
    }
    console.info(`OCR found ${hits} of ${page.words} words over their lines`);
    expect(hits / page.words).toBeGreaterThanOrEqual(0.9);
    expect(networkAttempts()).toEqual([]);
  }, 120_000);

  it('recognises only the area asked for, with boxes still on the canvas', async () => {
    const right = page.lines.filter((l) => l.rect.x > page.width / 2);
    const first = right[0];
    if (!first) throw new Error('no right column');
    const area = {
      x: first.rect.x * SCALE - 20,
      y: 0,
      width: first.rect.width * SCALE + 40,
      height: page.height * SCALE,
    };
    const outcome = await runOcr({ sources: [source(0, area)], language: 'eng', files, fetcher, workers: 1 });
    const lines = outcome.results[0]?.lines ?? [];
    const text = lines
      .map((l) => l.text)
      .join(' ')
      .toLowerCase();
    expect(text).toContain(first.words[0]);
    const left = page.lines[0];
    expect(text).not.toContain(left?.words[0]);
    // Boxes are in pixels of the whole image: the right column's, not the cut-out's.
    for (const line of lines) expect(line.box.x).toBeGreaterThanOrEqual(first.rect.x - 20);
  }, 120_000);

  it('reports a canvas whose image cannot be fetched and recognises the others', async () => {
    const broken: OcrSource = { ...source(1), image: { kind: 'image', url: `${imageUrl}.missing` } };
    const outcome = await runOcr({
      sources: [broken, source(2)],
      language: 'eng',
      files,
      fetcher,
      workers: 1,
    });
    expect(outcome.failures).toHaveLength(1);
    expect(outcome.failures[0]).toMatchObject({ canvasIndex: 1 });
    expect(outcome.failures[0]?.message).toMatch(/404|not found|fetch/i);
    expect(outcome.results.map((r) => r.canvasIndex)).toEqual([2]);
  }, 120_000);

  it('stops a run in the middle of recognising when cancelled', async () => {
    const controller = new AbortController();
    let cancelledAt = 0;
    const run = runOcr({
      sources: [source(0), source(1)],
      language: 'eng',
      files,
      fetcher,
      workers: 1,
      signal: controller.signal,
      onProgress: (progress) => {
        // Cancel once the first canvas is being recognised, well before it is done.
        if (cancelledAt === 0 && progress.fraction > 0 && progress.done === 0) {
          cancelledAt = performance.now();
          controller.abort();
        }
      },
    });
    const outcome = await run;
    const settledMs = performance.now() - cancelledAt;
    expect(cancelledAt).toBeGreaterThan(0);
    expect(outcome.cancelled).toBe(true);
    expect(outcome.results).toEqual([]);
    expect(outcome.failures).toEqual([]);
    console.info(`OCR run settled ${settledMs.toFixed(0)} ms after cancel`);
  }, 120_000);

  it('runs as a job polled for progress and results, and a cancelled job says so at once', async () => {
    const jobs = createOcrJobs({ files, fetcher: () => fetcher, workers: 1 });
    const started = jobs.start({ sources: [source(0)], language: 'eng' });
    expect(started.workers).toBe(1);
    expect(jobs.status(started.jobId).state).toBe('running');
    await jobs.idle();
    const finished = jobs.status(started.jobId);
    expect(finished).toMatchObject({ state: 'done', done: 1, total: 1, progress: 1 });
    expect(finished.results[0]?.lines.length).toBeGreaterThanOrEqual(page.lines.length / 2);
    // Results are handed over once.
    expect(() => jobs.status(started.jobId)).toThrow(/no such OCR job/);

    const second = jobs.start({ sources: [source(0), source(1)], language: 'eng' });
    expect(jobs.cancel(second.jobId)).toEqual({ cancelled: true });
    expect(jobs.status(second.jobId)).toMatchObject({ state: 'cancelled', results: [] });
    await jobs.idle();
  }, 120_000);

  it('refuses a language whose data is not installed, before starting', () => {
    const jobs = createOcrJobs({ files, fetcher: () => fetcher });
    expect(() => jobs.start({ sources: [source(0)], language: 'xyz' })).toThrow(
      /no OCR language data for "xyz"/,
    );
  });

  it('refuses the network inside the worker: language data given as a URL fails without a socket', async () => {
    const before = networkAttempts().length;
    const online: OcrFiles = { ...files, languageDataDir: () => 'http://127.0.0.1:9/tessdata' };
    await expect(
      runOcr({ sources: [source(0)], language: 'eng', files: online, fetcher, workers: 1 }),
    ).rejects.toThrow(/may not use the network \(it tried http:\/\/127\.0\.0\.1:9\/tessdata/);
    expect(networkAttempts().slice(before)).toEqual([]);
  }, 60_000);
});
