/**
 * Issue 13 item 5: after Ctrl+S the unsaved marker must go, every time, and the next Open… must not ask to
 * discard changes that are on disk. Twenty edit-and-save rounds on a 204-canvas manifest, each checked against
 * the file itself, with Ctrl+S pressed twice as an impatient person does: the second save used to leave with
 * the file's old modification time and come back as a false "Replace the file?" conflict. Item 2 rides along:
 * HTML nobody edited is saved byte for byte, twenty times.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openApp, openWorkspaceFile } from './harness';
import { useHostAndBrowser } from './host-and-browser';
import { sampleLeafCanvas } from './sample-leaf-canvas';

const CANVASES = 204;
const BASE = 'https://example.org/iiif/marker';
/** HTML the sanitiser would change (target, <br/>): untouched, it must be saved as it was. */
const SUMMARY = '<p>See <a href="https://example.org/" target="_top">the site</a><br/>now</p>';
const SUMMARY_TEXT = JSON.stringify(SUMMARY);

function manifest(origin: string) {
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `${BASE}/manifest.json`,
    type: 'Manifest',
    label: { en: ['Marker test'] },
    summary: { en: [SUMMARY] },
    items: Array.from({ length: CANVASES }, (_, i) =>
      sampleLeafCanvas(`${BASE}/canvas/${i + 1}`, i + 1, origin, 'leaf-1r'),
    ),
  };
}

describe('the unsaved marker after Ctrl+S', () => {
  const app = useHostAndBrowser();
  let file: string;

  beforeAll(async () => {
    file = path.join(app.host.workspace, 'marker.json');
    await writeFile(file, `${JSON.stringify(manifest(app.host.origin), null, 2)}\n`);
  });

  it('goes after every save, 20 times in a row, and Open… then asks nothing', async () => {
    const { page } = app;
    await openApp(page, app.host.url);
    await openWorkspaceFile(page, 'marker.json');
    await expect.poll(() => page.getByTestId('canvas-count').textContent()).toContain(`${CANVASES} canvases`);
    const label = page.getByRole('region', { name: /manifest/i }).getByLabel('Label (en)', { exact: true });
    for (let round = 1; round <= 20; round += 1) {
      const title = `Marker test, round ${round}`;
      await label.fill(title);
      await expect.poll(() => page.getByTestId('dirty-marker').count()).toBe(1);
      await page.keyboard.press('Control+s');
      await page.keyboard.press('Control+s');
      await expect
        .poll(async () => (JSON.parse(await readFile(file, 'utf8')) as { label: unknown }).label)
        .toEqual({ en: [title] });
      await expect.poll(() => page.getByTestId('message').textContent()).toContain('Saved marker.json');
      // The message is the same every round, so it may still be the last round's: wait for the marker itself
      // (the save's answer can come a moment after its file is on disk), then check that nothing brings it back.
      await expect
        .poll(() => page.getByTestId('dirty-marker').count(), { message: `round ${round}` })
        .toBe(0);
      // Give a late commit (a re-render writing back, a second save's answer) the time to show itself.
      await page.waitForTimeout(150);
      expect(await page.getByTestId('dirty-marker').count(), `round ${round}`).toBe(0);
      expect(await page.getByText('Replace the file?').count(), `round ${round}`).toBe(0);
    }
    expect(await readFile(file, 'utf8')).toContain(SUMMARY_TEXT);
    await page.getByRole('button', { name: 'Open…' }).click();
    await page
      .getByRole('button', { name: /marker\.json/ })
      .first()
      .waitFor();
    expect(await page.getByText('Discard unsaved changes?').count()).toBe(0);
  });
});
