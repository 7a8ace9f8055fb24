/**
 * Referenced annotation pages end to end, through the web host in Chromium: a manifest in the workspace whose
 * canvas names an annotation page served by a loopback server; the panel lists that page's annotations, marked
 * with the host they came from. With the server stopped, a new session of the app (same data folder) still
 * lists them, from the main side's disk cache; a page that was never fetched says it cannot be.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openApp,
  openBrowser,
  openWorkspaceFile,
  startHost,
  type BrowserSession,
  type HostProcess,
} from './harness';

const CANVAS = 'https://example.org/iiif/referenced/canvas/1';

function annotationPage(id: string): object {
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id,
    type: 'AnnotationPage',
    items: ['Incipit liber', 'Explicit'].map((value, i) => ({
      id: `${id}/anno/${i + 1}`,
      type: 'Annotation',
      motivation: 'supplementing',
      body: { type: 'TextualBody', value, language: 'la' },
      target: `${CANVAS}#xywh=10,${10 + i * 50},300,40`,
    })),
  };
}

function manifest(pageUrl: string, missingUrl: string): object {
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: 'https://example.org/iiif/referenced/manifest.json',
    type: 'Manifest',
    label: { en: ['Referenced transcription'] },
    items: [
      {
        id: CANVAS,
        type: 'Canvas',
        label: { en: ['Folio 1'] },
        width: 1000,
        height: 1400,
        items: [],
        annotations: [
          { id: pageUrl, type: 'AnnotationPage' },
          { id: missingUrl, type: 'AnnotationPage' },
        ],
      },
    ],
  };
}

const panel = (page: Page) => page.getByTestId('annotation-panel');
const referenced = (page: Page) => panel(page).getByTestId('referenced-annotation');

describe('referenced annotation pages', () => {
  let server: http.Server;
  let base: string;
  let host: HostProcess | undefined;
  let session: BrowserSession | undefined;
  let requests = 0;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/pages/1.json') {
        requests += 1;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(annotationPage(`${base}/pages/1.json`)));
        return;
      }
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await session?.close();
    await host?.stop();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  async function openAnnotated(): Promise<Page> {
    session = await openBrowser();
    const { page } = session;
    await openApp(page, (host as HostProcess).url);
    await openWorkspaceFile(page, 'referenced.json');
    await page.getByTestId('annotations-toggle').click();
    await page.getByTestId('canvas-cell').nth(0).click();
    return page;
  }

  it('imports an annotation page from a URL through the main side, one undo step', async () => {
    host = await startHost();
    await writeFile(
      path.join(host.workspace, 'referenced.json'),
      JSON.stringify(manifest(`${base}/pages/missing.json`, `${base}/pages/missing-too.json`), null, 2),
    );
    const page = await openAnnotated();
    await expect.poll(() => panel(page).getByTestId('annotation-count').textContent()).toBe('Canvas 1: 0');
    const form = panel(page).getByRole('form', { name: 'Import annotations from a URL' });
    await form.getByLabel('Annotation page URL').fill(`${base}/pages/1.json`);
    await form.getByRole('button', { name: 'Import URL' }).click();
    await expect.poll(() => panel(page).getByTestId('annotation-count').textContent()).toBe('Canvas 1: 2');
    expect(await panel(page).getByLabel('Annotation 1 text').inputValue()).toBe('Incipit liber');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => panel(page).getByTestId('annotation-count').textContent()).toBe('Canvas 1: 0');
    // A page that is not there is named with the main side's reason.
    await form.getByLabel('Annotation page URL').fill(`${base}/pages/nothing.json`);
    await form.getByRole('button', { name: 'Import URL' }).click();
    await expect
      .poll(() => panel(page).getByRole('alert').allTextContents())
      .toContainEqual(expect.stringContaining(`${base}/pages/nothing.json: `));
    expect(session?.offLoopback).toEqual([]);
    await session?.close();
    await host.stop();
    session = undefined;
    host = undefined;
  });

  it('edits a local referenced page in place and saves it to its own file; the manifest file is unchanged', async () => {
    host = await startHost();
    const pageFile = path.join(host.workspace, 'pages', 'folio-1.json');
    await mkdir(path.dirname(pageFile), { recursive: true });
    const pageText = `${JSON.stringify(annotationPage('https://example.org/iiif/referenced/pages/folio-1'), null, 4)}\n`;
    await writeFile(pageFile, pageText);
    const manifestText = JSON.stringify(
      manifest('pages/folio-1.json', `${base}/pages/missing.json`),
      null,
      2,
    );
    await writeFile(path.join(host.workspace, 'referenced.json'), manifestText);
    let page = await openAnnotated();
    const local = panel(page).getByRole('region', { name: 'Referenced page pages/folio-1.json' });
    await expect
      .poll(() => local.getByTestId('referenced-page-source').textContent())
      .toBe('local file · its own file');
    await local.getByRole('button', { name: 'Edit in place' }).click();
    await expect.poll(() => panel(page).getByTestId('annotation-count').textContent()).toBe('Canvas 1: 2');
    const field = panel(page).getByLabel('Annotation 2 text', { exact: true });
    await field.fill('Explicit liber primus');
    await field.blur();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('message').textContent())
      .toBe('Saved referenced.json and folio-1.json.');

    expect(await readFile(path.join(host.workspace, 'referenced.json'), 'utf8')).toBe(manifestText);
    // The page file keeps its layout and its context; only the one value changed.
    expect(await readFile(pageFile, 'utf8')).toBe(pageText.replace('"Explicit"', '"Explicit liber primus"'));

    // Reopened, the reference is listed from its file with the new text.
    await session?.close();
    page = await openAnnotated();
    await expect
      .poll(() => referenced(page).allTextContents())
      .toEqual([expect.stringContaining('Incipit liber'), expect.stringContaining('Explicit liber primus')]);
    expect(session?.offLoopback).toEqual([]);
    await session?.close();
    await host.stop();
    session = undefined;
    host = undefined;
  });

  it('lists a referenced page’s annotations, and still does from the cache with its server stopped', async () => {
    requests = 0;
    host = await startHost();
    const pageUrl = `${base}/pages/1.json`;
    await writeFile(
      path.join(host.workspace, 'referenced.json'),
      JSON.stringify(manifest(pageUrl, `${base}/pages/missing.json`), null, 2),
    );
    let page = await openAnnotated();
    await expect.poll(() => referenced(page).allTextContents()).toHaveLength(2);
    const texts = await referenced(page).allTextContents();
    expect(texts[0]).toContain('Incipit liber');
    expect(texts[1]).toContain('Explicit');
    const source = panel(page).getByTestId('referenced-page-source');
    expect(await source.textContent()).toBe(
      `from ${new URL(base).host} · read-only: it is published elsewhere; import it to edit a copy here`,
    );
    const error = panel(page).getByTestId('referenced-page-error');
    await expect.poll(() => error.textContent()).toContain('This annotation page could not be fetched');
    expect(requests).toBe(1);
    // The page that cannot be fetched is a validation finding too, at its reference.
    await page.getByTestId('validation-toggle').click();
    await expect
      .poll(() => page.getByTestId('validation-panel').textContent())
      .toContain(`The annotation page ${base}/pages/missing.json cannot be fetched`);
    await page.getByTestId('validation-toggle').click();

    const { workspace, dataDir } = host;
    await session?.close();
    await host.stop();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));

    host = await startHost({ workspace, dataDir });
    page = await openAnnotated();
    await expect.poll(() => referenced(page).allTextContents()).toHaveLength(2);
    expect(await referenced(page).first().textContent()).toContain('Incipit liber');
    await expect
      .poll(() => panel(page).getByTestId('referenced-page-source').textContent())
      .toContain('(offline copy)');
    expect(requests).toBe(1);
    expect(session?.offLoopback).toEqual([]);
  });
});
