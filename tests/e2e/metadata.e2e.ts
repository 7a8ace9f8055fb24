/**
 * Issue 6's acceptance, as a cataloguer does it, in Chromium through the web host: open a 200-canvas manifest,
 * give it an English and a French label, pick a RightsStatements.org statement from the list, set the required
 * statement of all 200 canvases in one step (undo, redo), export the canvas spreadsheet, change three labels in
 * it, import it (nothing changes before "Apply"), save. The saved file passes the official Presentation 3
 * schema and differs from the original by exactly those changes.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Ajv from 'ajv';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, openApp, openWorkspaceFile } from './harness';
import { useHostAndBrowser } from './host-and-browser';
import { sampleLeafCanvas } from './sample-leaf-canvas';

const SCHEMA = path.resolve(ROOT, '../shared/corpus/schema/iiif_3_0.json');
const CANVASES = 200;
const BASE = 'https://example.org/iiif/book-of-hours';
const LEAVES = ['leaf-1r', 'leaf-1v', 'leaf-2r', 'leaf-2v'];
const RIGHTS = 'http://rightsstatements.org/vocab/InC-EDU/1.0/';
const CREDIT = 'Courtesy of the Example Library';
/** Canvas positions (1-based) whose labels the spreadsheet changes. */
const EDITED = [1, 100, 200];

type Json = Record<string, unknown>;

/** A manifest whose images are the web host's own sample tiles, so nothing is fetched from outside. */
function generatedManifest(origin: string): Json {
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `${BASE}/manifest.json`,
    type: 'Manifest',
    label: { en: ['Generated book'] },
    summary: { en: ['<p>A generated book of <b>200</b> pages.</p>'] },
    items: Array.from({ length: CANVASES }, (_, i) => {
      const leaf = LEAVES[i % LEAVES.length] as string;
      const thumbnail = `${origin}/sample/images/${leaf}/full/200,275/0/default.jpg`;
      // The thumbnail before the items, where the file had it.
      const { items, ...canvas } = sampleLeafCanvas(`${BASE}/canvas/${i + 1}`, i + 1, origin, leaf);
      return { ...canvas, thumbnail: [{ id: thumbnail, type: 'Image', format: 'image/jpeg' }], items };
    }),
  };
}

async function schemaErrors(document: unknown): Promise<string[] | null> {
  if (!existsSync(SCHEMA)) return null;
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
  const validate = ajv.compile(JSON.parse(await readFile(SCHEMA, 'utf8')) as object);
  if (validate(document)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

/** Opens a collapsed group of properties (a <details>) if it is not open yet. */
async function openGroup(region: Locator, title: string) {
  const details = region.locator('details.prop-section', {
    has: region.page().getByText(title, { exact: true }),
  });
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
}

const manifestRegion = (page: Page) => page.getByRole('region', { name: 'Manifest' });
const canvasRegion = (page: Page) => page.getByRole('region', { name: /^Canvas \d+$/ });

describe('metadata, rights and batch editing', () => {
  const app = useHostAndBrowser();
  let original: Json;
  let file: string;
  let saved: Json | null = null;

  beforeAll(async () => {
    original = generatedManifest(app.host.origin);
    file = path.join(app.host.workspace, 'book-of-hours.json');
    await writeFile(file, `${JSON.stringify(original, null, 2)}\n`);
  });

  it('edits labels, rights, 200 required statements and a spreadsheet, and saves exactly those changes', async () => {
    const { page } = app;
    await openApp(page, app.host.url);
    await openWorkspaceFile(page, 'book-of-hours.json');
    await expect.poll(() => page.getByTestId('canvas-count').textContent()).toContain(`${CANVASES} canvases`);

    // A label in English and French.
    const manifest = manifestRegion(page);
    await manifest.getByLabel('Label (en)', { exact: true }).fill('Book of hours');
    await manifest.getByRole('button', { name: 'Add a language to Label' }).click();
    await manifest.getByLabel('New language for Label', { exact: true }).fill('fr');
    await manifest.getByLabel('New language for Label', { exact: true }).press('Enter');
    await manifest.getByLabel('Label (fr)', { exact: true }).fill('Livre d’heures');
    await expect.poll(() => page.getByTestId('manifest-label').textContent()).toBe('Book of hours');
    // The display language chooses which one the title shows.
    await page.getByTestId('display-language').selectOption('fr');
    await expect.poll(() => page.getByTestId('manifest-label').textContent()).toBe('Livre d’heures');
    await page.getByTestId('display-language').selectOption('');
    // A tag that is not BCP 47 is refused, with the reason announced.
    await manifest.getByRole('button', { name: 'Add a language to Label' }).click();
    await manifest.getByLabel('New language for Label', { exact: true }).fill('english!');
    await manifest.getByLabel('New language for Label', { exact: true }).press('Enter');
    await expect.poll(() => manifest.getByRole('alert').first().textContent()).toContain('not a BCP 47');
    await manifest.getByLabel('New language for Label', { exact: true }).press('Escape');

    // A RightsStatements.org statement from the list.
    await openGroup(manifest, 'Rights and credit');
    await manifest.getByLabel('Rights', { exact: true }).selectOption(RIGHTS);
    await expect
      .poll(() => manifest.locator('[data-field="rights"]').textContent())
      .toContain('In Copyright - Educational Use Permitted');

    // All 200 canvases get a required statement in one step.
    await page.getByRole('tab', { name: /^Batch/ }).click();
    const batch = page.getByRole('tabpanel', { name: 'Batch' });
    await batch.getByRole('button', { name: 'Select all' }).click();
    await expect
      .poll(() => page.getByTestId('batch-selection').textContent())
      .toContain(`${CANVASES} of ${CANVASES}`);
    await batch.getByRole('button', { name: `Edit ${CANVASES} selected canvases…` }).click();
    const dialog = page.getByRole('dialog', { name: `Edit ${CANVASES} selected canvases` });
    await dialog.getByLabel('Property').selectOption('requiredStatement');
    await dialog.getByRole('radio', { name: 'Set (replace)' }).check();
    await dialog.getByLabel('Statement label').fill('Attribution');
    await dialog.getByLabel('Statement value').fill(CREDIT);
    await dialog.getByLabel('Statement language').fill('en');
    await expect
      .poll(() => dialog.getByTestId('batch-preview-count').textContent())
      .toContain(`${CANVASES} canvases will change`);
    expect(await dialog.locator('.change-table tbody tr').first().textContent()).toContain(CREDIT);
    await dialog.getByRole('button', { name: `Apply to ${CANVASES} canvases` }).click();
    await expect.poll(() => page.getByTestId('message').textContent()).toContain(`on ${CANVASES} canvases`);

    // Undo takes all 200 back at once (and only them); redo brings them back.
    await page.getByRole('tab', { name: 'Properties' }).click();
    const canvas = canvasRegion(page);
    await openGroup(canvas, 'Rights and credit');
    const statementValue = canvas.getByLabel('Required statement value (en)', { exact: true });
    await expect.poll(() => statementValue.inputValue()).toBe(CREDIT);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => statementValue.count()).toBe(0);
    expect(await manifestRegion(page).getByLabel('Label (fr)', { exact: true }).inputValue()).toBe(
      'Livre d’heures',
    );
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => statementValue.inputValue()).toBe(CREDIT);

    // Spreadsheet out, three labels changed in it, back in.
    await page.getByRole('tab', { name: 'Spreadsheet' }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('book-of-hours-canvases.csv');
    const csv = await readFile((await download.path()) as string, 'utf8');
    const lines = csv.split('\r\n');
    expect(lines[0]).toContain('label@en');
    expect(lines[0]).toContain('requiredStatement.value@en');
    let edited = csv;
    for (const n of EDITED) {
      const before = `,${n},Page ${n},`;
      expect(edited.split(before)).toHaveLength(2);
      edited = edited.replace(before, `,${n},Leaf ${n} (recto),`);
    }
    const importCsv = () =>
      page.getByTestId('csv-import-input').setInputFiles({
        name: 'edited.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(edited, 'utf8'),
      });

    // The preview lists the changes; cancelling applies nothing.
    await importCsv();
    const preview = page.getByRole('dialog', { name: 'Import edited.csv' });
    await expect
      .poll(() => preview.getByTestId('csv-import-summary').textContent())
      .toContain('3 changes on 3 canvases');
    expect(await preview.locator('.change-table').textContent()).toContain('Leaf 100 (recto)');
    await preview.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('tab', { name: 'Properties' }).click();
    expect(await canvasRegion(page).getByLabel('Canvas label (en)', { exact: true }).inputValue()).toBe(
      'Page 1',
    );

    await page.getByRole('tab', { name: 'Spreadsheet' }).click();
    await importCsv();
    await preview.getByRole('button', { name: 'Apply 3 changes' }).click();
    await expect.poll(() => page.getByTestId('message').textContent()).toContain('3 changes on 3 canvases');
    await page.getByRole('tab', { name: 'Properties' }).click();
    expect(await canvasRegion(page).getByLabel('Canvas label (en)', { exact: true }).inputValue()).toBe(
      'Leaf 1 (recto)',
    );

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByTestId('message').textContent()).toContain('Saved book-of-hours.json');
    saved = JSON.parse(await readFile(file, 'utf8')) as Json;

    // Exactly the changes made, nothing else.
    const expected = structuredClone(original) as Json & { items: Json[] };
    expected['label'] = { en: ['Book of hours'], fr: ['Livre d’heures'] };
    expected['rights'] = RIGHTS;
    expected.items.forEach((item, index) => {
      item['requiredStatement'] = { label: { en: ['Attribution'] }, value: { en: [CREDIT] } };
      if (EDITED.includes(index + 1)) item['label'] = { en: [`Leaf ${index + 1} (recto)`] };
    });
    expect(saved).toEqual(expected);
    expect(app.session.offLoopback).toEqual([]);
    expect(app.session.errors).toEqual([]);
  });

  it('saves a manifest that passes the official Presentation 3 schema', async (ctx) => {
    ctx.skip(
      !existsSync(SCHEMA),
      `schema check skipped: ${SCHEMA} is absent (../shared/corpus is not on this machine)`,
    );
    expect(await schemaErrors(original)).toEqual([]);
    expect(saved, 'the editing test must have saved the manifest').not.toBeNull();
    expect(await schemaErrors(saved)).toEqual([]);
  });
});
