/**
 * OCR end to end, through the web host in Chromium: a canvas whose image (a page of known text the test draws)
 * a loopback server holds is recognised from the annotation panel; the lines are listed, transcription mode
 * opens on the first with the text recognised, and one Undo takes them all away. The browser asks the host, the
 * host fetches the image through its remote service and recognises it in its own worker threads.
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { mkdtemp } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawTextPage } from '../fixtures/text-page';
import {
  openApp,
  openBrowser,
  openWorkspaceFile,
  serveFolder,
  startHost,
  type BrowserSession,
  type HostProcess,
} from './harness';

const BASE = 'https://example.org/iiif/ocr';

describe('Recognise text (OCR) in the browser', () => {
  let host: HostProcess;
  let session: BrowserSession;
  let images: Awaited<ReturnType<typeof serveFolder>>;

  beforeAll(async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'tessera-ocr-images-'));
    const page = await drawTextPage({ rows: 3 });
    await writeFile(path.join(folder, 'page.png'), page.png);
    images = await serveFolder(() => folder);
    host = await startHost();
    session = await openBrowser();
    const id = `${BASE}/canvas/1`;
    await writeFile(
      path.join(host.workspace, 'ocr.json'),
      JSON.stringify({
        '@context': 'http://iiif.io/api/presentation/3/context.json',
        id: `${BASE}/manifest.json`,
        type: 'Manifest',
        label: { en: ['To recognise'] },
        items: [
          {
            id,
            type: 'Canvas',
            label: { en: ['Page 1'] },
            width: page.width * 2,
            height: page.height * 2,
            items: [
              {
                id: `${id}/page`,
                type: 'AnnotationPage',
                items: [
                  {
                    id: `${id}/page/painting`,
                    type: 'Annotation',
                    motivation: 'painting',
                    body: { id: `${images.origin}/page.png`, type: 'Image', format: 'image/png' },
                    target: id,
                  },
                ],
              },
            ],
          },
        ],
      }),
    );
  });
  afterAll(async () => {
    await session?.close();
    await host?.stop();
    images?.server.close();
  });

  it('recognises the canvas, opens transcription on the first line, and undoes in one step', async () => {
    const { page } = session;
    await openApp(page, host.url);
    await openWorkspaceFile(page, 'ocr.json');
    await page.getByTestId('annotations-toggle').click();
    await page.getByTestId('canvas-cell').nth(0).click();
    const panel = page.getByTestId('annotation-panel');
    await expect.poll(() => panel.getByTestId('annotation-count').textContent()).toBe('Canvas 1: 0');

    await panel.getByRole('button', { name: 'Recognise text (OCR)…' }).click();
    await panel.getByRole('button', { name: 'Recognise', exact: true }).click();
    await expect
      .poll(
        () =>
          panel
            .getByTestId('ocr-summary')
            .textContent()
            .catch(() => ''),
        { timeout: 60_000 },
      )
      .toMatch(/lines? recognised on 1 canvas\./);
    const first = panel.getByLabel('Transcription of line 1');
    await expect.poll(() => first.inputValue()).toMatch(/garden river window market/);
    await expect.poll(() => first.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    const count = Number((await panel.getByTestId('annotation-count').textContent())?.split(': ')[1]);
    expect(count).toBeGreaterThanOrEqual(3);

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => panel.getByTestId('annotation-count').textContent()).toBe('Canvas 1: 0');
  }, 120_000);
});
