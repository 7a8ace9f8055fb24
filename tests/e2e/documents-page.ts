/**
 * What the several-documents e2e tests do to the page, in one place: small manifests with labelled canvases to
 * tell apart after a move, and a mouse drag of the selected canvases onto another document's tab.
 */
import type { Locator, Page } from 'playwright-core';

/** A manifest `name` of `count` canvases labelled "`name` 1"…, ids under https://example.org/`name`/. */
export function manifestText(name: string, count: number): string {
  const doc = {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `https://example.org/${name}/manifest.json`,
    type: 'Manifest',
    label: { en: [`Book ${name}`] },
    items: Array.from({ length: count }, (_, i) => ({
      id: `https://example.org/${name}/canvas/${i + 1}`,
      type: 'Canvas',
      label: { none: [`${name} ${i + 1}`] },
      height: 300,
      width: 200,
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * Drags the selection, picked up at `from` (a selected cell), onto `tab` and drops it there. The last small
 * move makes sure the tab has seen a dragover at the drop point, as a hand's tremor does.
 */
export async function dragOntoTab(page: Page, from: Locator, tab: Locator): Promise<void> {
  const start = await from.boundingBox();
  const end = await tab.boundingBox();
  if (!start || !end) throw new Error('the cell and the tab should be on screen');
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 12 });
  await page.mouse.move(end.x + end.width / 2 + 1, end.y + end.height / 2);
  await page.mouse.up();
}
