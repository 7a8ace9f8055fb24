/**
 * Issue 13 item 11: axe-core on every screen of the app, as a person reaches it (the sample first screen, an
 * empty document, an open document in grid and list views, every panel, the canvas editor and composer, the
 * preview, and every dialog), checked by axe-check.ts.
 */
import { writeFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../shared/iiif/json';
import {
  openApp,
  openBrowser,
  serveFolder,
  startHost,
  type BrowserSession,
  type HostProcess,
} from './harness';
import { expectAccessible } from './axe-check';

const BASE = 'https://example.org/iiif/a11y';

function canvas(n: number): JsonObject {
  const id = `${BASE}/canvas/${n}`;
  return {
    id,
    type: 'Canvas',
    label: { en: [`Folio ${n}`] },
    width: 1000,
    height: 1400,
    items: [],
    annotations: [
      {
        id: `${id}/notes`,
        type: 'AnnotationPage',
        items: [
          {
            id: `${id}/notes/1`,
            type: 'Annotation',
            motivation: 'commenting',
            body: { type: 'TextualBody', value: `A note on folio ${n}`, format: 'text/plain' },
            target: `${id}#xywh=100,100,300,200`,
          },
        ],
      },
    ],
  };
}

/** A manifest with something in every panel: metadata, ranges, annotations, and validation findings. */
function book(): JsonObject {
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `${BASE}/manifest.json`,
    type: 'Manifest',
    label: { en: ['Accessible book'], fr: ['Livre accessible'] },
    summary: { en: ['A <b>short</b> summary'] },
    metadata: [
      { label: { en: ['Date'] }, value: { none: ['1450'] } },
      // Disallowed HTML: the document's HTML report and the field's warning show.
      { label: { en: ['Note'] }, value: { en: ['<p>Kept <script>alert(1)</script></p>'] } },
    ],
    requiredStatement: { label: { en: ['Attribution'] }, value: { en: ['A library'] } },
    rights: 'http://creativecommons.org/licenses/by/4.0/',
    // Findings for the validation panel: a canvas without size, a label keyed "@none".
    items: [
      ...[1, 2, 3, 4, 5].map(canvas),
      { id: `${BASE}/canvas/6`, type: 'Canvas', label: { '@none': ['Folio 6'] }, items: [] },
    ],
    structures: [
      {
        id: `${BASE}/range/1`,
        type: 'Range',
        label: { en: ['Chapter 1'] },
        items: [
          { id: `${BASE}/canvas/1`, type: 'Canvas' },
          { id: `${BASE}/canvas/2`, type: 'Canvas' },
        ],
      },
    ],
  };
}

describe('accessibility of every screen (axe-core)', () => {
  let host: HostProcess;
  let session: BrowserSession;
  let sources: { server: Server; origin: string };
  let page: Page;

  beforeAll(async () => {
    const sourceDir = await mkdtemp(path.join(os.tmpdir(), 'tessera-a11y-sources-'));
    sources = await serveFolder(() => sourceDir);
    await writeFile(
      path.join(sourceDir, 'collection.json'),
      JSON.stringify({
        '@context': 'http://iiif.io/api/presentation/3/context.json',
        id: `${sources.origin}/collection.json`,
        type: 'Collection',
        label: { en: ['Partner collection'] },
        items: [{ id: `${sources.origin}/manifest.json`, type: 'Manifest', label: { en: ['Partner book'] } }],
      }),
    );
    await writeFile(
      path.join(sourceDir, 'manifest.json'),
      JSON.stringify({
        '@context': 'http://iiif.io/api/presentation/3/context.json',
        id: `${sources.origin}/manifest.json`,
        type: 'Manifest',
        label: { en: ['Partner book'] },
        requiredStatement: { label: { en: ['Attribution'] }, value: { en: ['Partner library'] } },
        items: [1, 2].map((n) => ({
          id: `${sources.origin}/canvas/${n}`,
          type: 'Canvas',
          label: { en: [`Partner page ${n}`] },
          width: 100,
          height: 140,
          items: [],
        })),
      }),
    );
    host = await startHost();
    await writeFile(path.join(host.workspace, 'book.json'), JSON.stringify(book(), null, 2));
    session = await openBrowser();
    page = session.page;
  });
  afterAll(async () => {
    await session?.close();
    await host?.stop();
    await new Promise((resolve) => sources?.server.close(resolve));
  });

  it('the first screen (the sample) with its viewer', async () => {
    await openApp(page, host.url);
    await expect
      .poll(() => page.getByTestId('viewer').getAttribute('data-loaded-images'), { timeout: 20_000 })
      .toBe('1');
    await expectAccessible(page, 'first screen');
  });

  it('the canvas composer', async () => {
    await page.getByTestId('compose-toggle').click();
    await page.getByTestId('composition-item').first().waitFor();
    await expectAccessible(page, 'composer');
    await page.getByTestId('compose-toggle').click();
  });

  it('the preview', async () => {
    await page.getByTestId('preview-toggle').click();
    await page.getByTestId('preview-position').waitFor();
    await expectAccessible(page, 'preview');
    await page.getByTestId('preview-toggle').click();
    await page.getByTestId('canvas-grid').waitFor();
  });

  it('the New manifest dialog and an empty document', async () => {
    await page.getByRole('button', { name: 'New manifest…' }).click();
    await page.getByRole('dialog', { name: 'New manifest' }).waitFor();
    await expectAccessible(page, 'New manifest dialog');
    await page.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => page.getByTestId('canvas-count').textContent()).toContain('0 canvases');
    await expectAccessible(page, 'empty document');
  });

  it('the discard prompt and the Open… picker', async () => {
    // Opening never discards (documents open in tabs); closing the unsaved document's tab asks.
    await page.getByRole('button', { name: 'Close Untitled manifest' }).click();
    await page.getByRole('dialog', { name: 'Discard unsaved changes?' }).waitFor();
    await expectAccessible(page, 'Discard dialog');
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await page.getByRole('button', { name: 'Open…' }).click();
    await page
      .getByRole('list', { name: 'Files' })
      .getByRole('button', { name: /book\.json/ })
      .waitFor();
    await expectAccessible(page, 'Open… picker');
    await page
      .getByRole('list', { name: 'Files' })
      .getByRole('button', { name: /book\.json/ })
      .click();
    await expect.poll(() => page.title()).toContain('book.json');
    await expect.poll(() => page.getByTestId('canvas-cell').count()).toBe(6);
  });

  it('an open document in the grid, with a canvas selected', async () => {
    await page.getByTestId('canvas-cell').nth(1).click();
    await page.getByRole('heading', { name: 'Canvas 2' }).waitFor();
    await page.getByTestId('html-report').waitFor();
    await expectAccessible(page, 'grid');
    // The manifest's and the canvas's fields are on screen together: no two may share a name (axe does not
    // check this; a screen reader's list of form fields shows names without their section).
    const names = await page
      .getByRole('complementary', { name: 'Properties' })
      .locator('input, textarea, select')
      .evaluateAll((fields) => fields.map((f) => f.getAttribute('aria-label') ?? '').filter((n) => n !== ''));
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  it('the list view', async () => {
    // The radio is drawn as a segmented button: its label takes the click.
    await page.getByText('List', { exact: true }).click();
    await expect.poll(() => page.getByTestId('canvas-grid').getAttribute('class')).toContain('list-view');
    await expectAccessible(page, 'list view');
    await page.getByText('Grid', { exact: true }).click();
  });

  it('the validation panel', async () => {
    await page.getByTestId('validation-toggle').click();
    await page.getByTestId('validation-panel').locator('.finding').first().waitFor();
    await expectAccessible(page, 'validation panel');
    await page.getByTestId('validation-toggle').click();
  });

  it('the annotations panel', async () => {
    await page.getByTestId('annotations-toggle').click();
    await page.getByTestId('annotation-row').first().waitFor();
    await expectAccessible(page, 'annotations panel');
    await page.getByTestId('annotations-toggle').click();
  });

  it('the structure panel', async () => {
    await page.getByRole('button', { name: 'Structure', exact: true }).click();
    await page.getByRole('treeitem').first().click();
    await expectAccessible(page, 'structure panel');
    await page.getByRole('button', { name: 'Structure', exact: true }).click();
  });

  it('the sources panel: empty, a collection, a manifest', async () => {
    await page.getByRole('button', { name: 'Sources', exact: true }).click();
    await page.getByTestId('sources-panel').waitFor();
    await expectAccessible(page, 'sources panel (empty)');
    await page.getByLabel('Source address').fill(`${sources.origin}/collection.json`);
    await page.getByTestId('sources-panel').getByRole('button', { name: 'Open', exact: true }).click();
    await expect.poll(() => page.getByTestId('source-label').textContent()).toBe('Partner collection');
    await expectAccessible(page, 'sources panel (collection)');
    await page.getByRole('button', { name: /Partner book/ }).click();
    await expect.poll(() => page.getByTestId('source-canvas').count()).toBe(2);
    await page.getByTestId('source-canvas').first().click();
    await expectAccessible(page, 'sources panel (manifest)');
    await page.getByRole('button', { name: 'Close sources' }).click();
  });

  it('the Batch tab, the batch edit and find and replace dialogs', async () => {
    await page.getByTestId('canvas-cell').nth(0).click();
    await page
      .getByTestId('canvas-cell')
      .nth(2)
      .click({ modifiers: ['Shift'] });
    await page.getByRole('tab', { name: /^Batch/ }).click();
    await expectAccessible(page, 'Batch tab');
    await page.getByRole('button', { name: /^Edit 3 selected canvases/ }).click();
    await page.getByRole('dialog').waitFor();
    await expectAccessible(page, 'batch edit dialog');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Find and replace…' }).click();
    await page.getByRole('dialog', { name: 'Find and replace' }).waitFor();
    await page.getByRole('dialog').getByRole('textbox').first().fill('Folio');
    await expectAccessible(page, 'find and replace dialog');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('the Spreadsheet tab and the CSV import preview', async () => {
    await page.getByRole('tab', { name: 'Spreadsheet' }).click();
    await expectAccessible(page, 'Spreadsheet tab');
    const csv = `id,label (en)\n${BASE}/canvas/1,Leaf one\n${BASE}/canvas/99,Nowhere\n`;
    await page.getByTestId('csv-import-input').setInputFiles({
      name: 'labels.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.getByRole('dialog', { name: /labels\.csv/ }).waitFor();
    await expectAccessible(page, 'CSV import dialog');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('tab', { name: 'Properties' }).click();
  });

  it('the Relabel and Move to dialogs', async () => {
    await page.getByRole('button', { name: 'Relabel…' }).click();
    await page.getByRole('dialog', { name: 'Relabel canvases' }).waitFor();
    await expectAccessible(page, 'Relabel dialog');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Move to position…' }).click();
    await page.getByRole('dialog', { name: /to position/ }).waitFor();
    await expectAccessible(page, 'Move to dialog');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('the Add images dialog', async () => {
    await page.getByRole('button', { name: 'Add images…' }).click();
    await page.getByRole('dialog', { name: 'Add images' }).waitFor();
    await expectAccessible(page, 'Add images dialog');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('the Split and Merge dialogs, with their previews', async () => {
    await page.getByRole('button', { name: 'Split…' }).click();
    const split = page.getByRole('dialog', { name: 'Split into parts' });
    await split.waitFor();
    await split.getByLabel('Split at canvases').fill('2');
    await split.getByTestId('split-part').first().waitFor();
    await expectAccessible(page, 'Split dialog');
    await page.keyboard.press('Escape');
    await split.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Merge…' }).click();
    await page.getByRole('dialog', { name: 'Merge manifests' }).waitFor();
    await expectAccessible(page, 'Merge dialog');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('the Publish dialog and its review', async () => {
    await page.getByRole('button', { name: 'Publish…' }).click();
    await page.getByRole('dialog', { name: 'Publish' }).waitFor();
    await expectAccessible(page, 'Publish dialog');
    await page.getByLabel('Public base URL').fill('https://example.org/iiif/published');
    await page.getByLabel('Output folder').fill('published/book');
    await page.getByRole('button', { name: 'Review', exact: true }).click();
    await page.getByTestId('publish-findings').waitFor();
    await page.getByTestId('publish-uris').waitFor();
    await expectAccessible(page, 'Publish review');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('the Open from URL dialog', async () => {
    await page.keyboard.press('Control+Shift+O');
    await page.getByRole('dialog', { name: 'Open from URL' }).waitFor();
    await expectAccessible(page, 'Open from URL dialog');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('the command palette', async () => {
    await page.keyboard.press('Control+Shift+P');
    await page.getByRole('dialog', { name: 'Commands' }).waitFor();
    await expectAccessible(page, 'Command palette');
    await page.keyboard.type('save');
    await expectAccessible(page, 'Command palette, filtered');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('the Save As picker', async () => {
    await page.getByRole('button', { name: 'Save As…' }).click();
    await page.getByLabel('File name').waitFor();
    await expectAccessible(page, 'Save As picker');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('the message after saving, and the Open… picker with recent files', async () => {
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('message').textContent()).toContain('Saved');
    await expectAccessible(page, 'message banner');
    await page.getByRole('button', { name: 'Open…' }).click();
    await page.getByRole('list', { name: 'Recent files' }).waitFor();
    await expectAccessible(page, 'Open… picker with recent files');
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(session.offLoopback).toEqual([]);
  });
});
