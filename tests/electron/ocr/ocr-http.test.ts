/**
 * OCR over the web host's HTTP API, as the browser drives it: a local image (tiled into the local images folder,
 * read back from there, not over the network) is recognised by a job started, polled and finished through
 * POST /api/ocrStart and /api/ocrStatus.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../../electron/host/web-host';
import { createWorkspacePolicy } from '../../../electron/services/files/path-policy';
import { createRecentFiles } from '../../../electron/services/files/recent-files';
import { createHandlers } from '../../../electron/services/handlers';
import { sourceOcrFiles } from '../../../electron/services/ocr/ocr-files';
import { createAppOcrJobs } from '../../../electron/services/ocr/ocr-jobs';
import { importLocalImage } from '../../../electron/services/sources/local-images';
import { createAutosaveStore } from '../../../electron/services/recovery/autosave-store';
import { drawTextPage } from '../../fixtures/text-page';
import { cleanups, remoteService, tempDir } from '../sources/helpers';

const ROOT = path.resolve(__dirname, '../../..');
const cleanup = cleanups();
let host: WebHost;
let infoUrl = '';
let size = { width: 0, height: 0 };

// The envelope as JSON: the test reads into it as the browser would, without the contract's types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Envelope = { ok: boolean; value?: any; error?: any };

async function call(channel: string, body: unknown): Promise<Envelope> {
  const response = await fetch(`${host.url.split('/?')[0]}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Tessera-Token': host.token },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Envelope;
}

beforeAll(async () => {
  const root = await tempDir(cleanup, 'tessera-ocr-host-');
  const workspace = path.join(root, 'workspace');
  await mkdir(workspace);
  const sources = {
    remote: await remoteService(cleanup),
    localImagesDir: path.join(workspace, 'local-images'),
  };
  const handlers = createHandlers({
    shell: 'web',
    version: '0.0.0-test',
    policy: await createWorkspacePolicy(workspace),
    dialogs: {},
    recent: createRecentFiles(path.join(root, 'recent.json')),
    autosave: createAutosaveStore(path.join(root, 'autosave')),
    sources,
    ocr: createAppOcrJobs(sources, sourceOcrFiles(ROOT)),
  });
  host = await startWebHost({ handlers, staticRoot: root, port: 0 });
  cleanup.add(() => host.close());
  const page = await drawTextPage({ rows: 3 });
  const origin = `http://127.0.0.1:${host.port}`;
  const descriptor = await importLocalImage({
    dir: sources.localImagesDir,
    name: 'page.png',
    bytes: page.png,
    origin,
  });
  infoUrl = `${descriptor.id}/info.json`;
  size = { width: page.width, height: page.height };
}, 60_000);

afterAll(() => cleanup.run());

describe('OCR through the web host', () => {
  it('starts a job, reports progress and hands over the lines of a local image', async () => {
    const origin = `http://127.0.0.1:${host.port}`;
    expect(infoUrl.startsWith(`${origin}/local-images/`)).toBe(true);
    const started = await call('ocrStart', {
      sources: [
        {
          canvasIndex: 0,
          canvasId: 'https://example.org/canvas/1',
          image: { kind: 'service', infoUrl },
          region: 'full',
          frame: { x: 0, y: 0, ...size },
        },
      ],
      language: 'eng',
      origin,
    });
    expect(started).toMatchObject({ ok: true, value: { workers: 1 } });
    const jobId = started.value.jobId as string;
    let status = await call('ocrStatus', { jobId });
    while (status.ok && status.value.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 200));
      status = await call('ocrStatus', { jobId });
    }
    expect(status).toMatchObject({ ok: true, value: { state: 'done', done: 1, total: 1, failures: [] } });
    const text = (status.value.results[0].lines as { text: string }[]).map((l) => l.text).join(' ');
    expect(text).toMatch(/garden river window market/);
  }, 120_000);

  it('refuses a malformed request and a job it does not know, as data', async () => {
    expect(await call('ocrStart', { sources: [], language: 'eng' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(await call('ocrStatus', { jobId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await call('ocrCancel', { jobId: 'nope' })).toEqual({ ok: true, value: { cancelled: false } });
  });
});
