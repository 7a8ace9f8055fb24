/**
 * Issue 19 item 3, a companion edited like any canvas, in Chromium through the web host: a 10 s WAV (written
 * in code) becomes an audio canvas, an image canvas of the document is attached as its accompanying canvas,
 * and its Edit dialog holds the canvas pane's editors: the label, a metadata pair and the summary are edited
 * there, one undo step each (undoing the summary leaves the other two); its image is replaced by an info.json
 * address, keeping its id and label; the preview shows it, so edited, while the recording plays. Saved, the
 * companion carries exactly those edits and the file passes the official schema; axe finds nothing serious in
 * the dialog.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startInstitution, type Institution } from '../fixtures/institutions';
import { wavBytes } from '../fixtures/media';
import { expectAccessible } from './axe-check';
import { openApp, openBrowser, startHost, type BrowserSession, type HostProcess } from './harness';
import { officialSchemaChecks } from './official-schema-check';
import { saveAs, type Json } from './time-place-steps';

const DIALOG = /^Accompanying canvas of canvas \d+$/;

describe('a companion canvas edited like any canvas', () => {
  const schema = officialSchemaChecks();
  let host: HostProcess;
  let session: BrowserSession;
  let museum: Institution;

  beforeAll(async () => {
    museum = await startInstitution({ name: 'Dynamic Museum', level: 2, imageApi: 3 });
    host = await startHost();
    session = await openBrowser();
  });
  afterAll(async () => {
    await session?.close();
    await host?.stop();
    await museum?.close();
  });

  const openDialog = async (page: Page): Promise<Locator> => {
    await page.getByRole('button', { name: 'Edit accompanying canvas…' }).click();
    const dialog = page.getByRole('dialog', { name: DIALOG });
    await dialog.waitFor();
    return dialog;
  };
  const field = (dialog: Locator, name: string) =>
    dialog.getByRole('textbox', { name: new RegExp(`^Accompanying canvas ${name} \\(`) }).first();

  const metadataValue = (dialog: Locator) =>
    dialog.getByRole('textbox', { name: 'Metadata value 1 (en)', exact: true });

  it('adds an audio canvas and attaches an image canvas as its accompanying canvas', async () => {
    const { page } = session;
    await openApp(page, host.url);
    await page.getByRole('button', { name: 'Add audio/video…' }).click();
    await page
      .getByTestId('media-file')
      .setInputFiles({ name: 'tone.wav', mimeType: 'audio/wav', buffer: wavBytes(10) });
    await expect
      .poll(() => page.getByTestId('media-status').textContent(), { timeout: 30_000 })
      .toMatch(/Added tone\.wav \(audio, 10\.0 s\)/);
    await page.getByRole('dialog').getByRole('button', { name: 'Close', exact: true }).click();
    await page.getByLabel('Accompanying canvas from a canvas of this manifest').selectOption({ index: 1 });
    await expect.poll(() => page.getByLabel('Accompanying canvas label').count()).toBe(1);
  });

  it('edits its label, a metadata pair and its summary in the dialog, one undo step each', async () => {
    const { page } = session;
    const dialog = await openDialog(page);
    await expectAccessible(page, 'the accompanying canvas dialog');
    await field(dialog, 'label').fill('Score in C');
    await dialog.getByRole('button', { name: '+ Metadata entry' }).click();
    await dialog.getByLabel('New entry label').fill('Key');
    await dialog.getByLabel('New entry value').fill('C major');
    await dialog.getByLabel('New entry language').fill('en');
    await dialog
      .getByRole('group', { name: 'New metadata entry' })
      .getByRole('button', { name: 'Add', exact: true })
      .click();
    await expect.poll(() => metadataValue(dialog).inputValue()).toBe('C major');
    await field(dialog, 'summary').fill('The full score, in C.');
    // Leaving the field ends its typing session; the row outside shows the new label.
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect.poll(() => page.getByLabel('Accompanying canvas label').inputValue()).toBe('Score in C');
    // One Undo takes back the summary only.
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    const again = await openDialog(page);
    expect(await field(again, 'summary').inputValue()).toBe('');
    expect(await field(again, 'label').inputValue()).toBe('Score in C');
    expect(await metadataValue(again).inputValue()).toBe('C major');
  });

  it('replaces its image by an info.json address, keeping its id and label', async () => {
    const { page } = session;
    const dialog = page.getByRole('dialog', { name: DIALOG });
    await dialog.getByLabel('Accompanying canvas new image address').fill(museum.infoUrl('quadrants'));
    await dialog.getByRole('button', { name: 'Replace the image' }).click();
    await expect
      .poll(() => dialog.getByRole('img', { name: 'Accompanying canvas: Score in C' }).getAttribute('src'))
      .toContain('quadrants');
    expect(await dialog.getByRole('alert').count()).toBe(0);
    await expectAccessible(page, 'the accompanying canvas dialog, its image replaced');
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  });

  it('shows the edited companion in the preview while the recording plays, as viewers do', async () => {
    const { page } = session;
    await page.getByTestId('preview-toggle').click();
    const player = page.getByTestId('media-player');
    await player.waitFor();
    await expect
      .poll(() => page.getByTestId('media-element').evaluate((el) => (el as HTMLMediaElement).readyState))
      .toBeGreaterThanOrEqual(3);
    await player.focus();
    await page.keyboard.press('Space');
    const shown = page.getByRole('img', { name: 'Accompanying canvas: Score in C' });
    await shown.waitFor();
    expect(await shown.getAttribute('src')).toContain('quadrants');
    await page.keyboard.press('k');
    await page.getByTestId('preview-exit').click();
  });

  it('saves the companion with exactly those edits, valid by the official schema', async () => {
    const { page } = session;
    const doc = await saveAs(page, host, 'companion.json');
    schema.add('companion.json', doc);
    const canvas = doc.items.find((c) => c['duration'] !== undefined);
    const companion = canvas?.['accompanyingCanvas'] as Json & { items: Json[] };
    // The label keeps the language of the canvas it was copied from ("none": an image's file name has none).
    expect(companion['label']).toEqual({ none: ['Score in C'] });
    expect(companion['metadata']).toEqual([{ label: { en: ['Key'] }, value: { en: ['C major'] } }]);
    expect(companion['summary']).toBeUndefined();
    expect(doc.items.map((c) => c['id'])).not.toContain(companion['id']);
    const painting = (companion.items[0]?.['items'] as Json[])[0] as Json;
    expect(painting['target']).toBe(companion['id']);
    expect(JSON.stringify(painting['body'])).toContain(museum.infoUrl('quadrants').replace('/info.json', ''));
    expect([companion['width'], companion['height']]).toEqual([1200, 900]);
    expect(session.offLoopback).toEqual([]);
  });

  schema.test('the manifest with an edited accompanying canvas');
});
