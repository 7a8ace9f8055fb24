/**
 * A collection of 5,000 member references (issue 17): opening it as a document, and reordering 100 of its
 * members in the production renderer.
 *
 *   collection_open_5k_vs_parse    readDocument(text) / JSON.parse(text) of the same text. Target ≤ 1.5.
 *   collection_save_5k_vs_stringify writeDocument / JSON.stringify(doc, null, 2) (the same bytes).
 *   collection_move100_5k_ms       moveMembers of 100 members, the pure edit alone.
 *   collection_reorder100_5k_ms    in Chromium (the app built, served by the web host, the collection opened
 *                                  from the workspace): median time from an Alt+ArrowDown (or Up) that moves
 *                                  100 selected members one place, dispatched at the start of a frame, to the
 *                                  end of the frame that paints the new order. The cursor is on the first
 *                                  member, so the grid does not scroll. Target ≤ 16 ms.
 *   collection_reorder100_5k_script_ms  the part of that spent in the key handler and React's commit.
 *
 * Run alone with `npx tsx bench/cases/collection.ts`, or with the others through bench/run.ts.
 */
import type { Page } from 'playwright-core';
import { moveMembers } from '../../shared/iiif/collection';
import { readDocument, writeDocument } from '../../shared/iiif/document';
import type { JsonObject } from '../../shared/iiif/json';
import { GRID } from '../../tests/fixtures/big-manifest/grid-page';
import { compare, median, round, timeMedian } from '../lib/measure';
import { runWhenStandalone } from '../lib/standalone';
import { syntheticCollection } from '../lib/synthetic-collection';
import { waitForQuiet, withBigManifestInChromium } from '../lib/web-app';

export const name = 'collection';

const COUNT = 5_000;
const MOVED = 100;
const RUNS = 21;

/** Selects members 1–100 from the keyboard, then moves them down and up one place RUNS times each, timed. */
async function measureReorders(page: Page, runs: number, moved: number) {
  return page.locator(GRID).evaluate(
    async (grid, { runs, moved }) => {
      const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
      const afterThisFrame = () =>
        new Promise<number>((resolve) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now());
          channel.port2.postMessage(null);
        });
      const key = (init: KeyboardEventInit) =>
        grid.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
      const first = grid.querySelector<HTMLElement>('[role="option"][data-index="0"]');
      if (!first) throw new Error('member 1 is not mounted');
      first.click();
      grid.focus();
      for (let i = 1; i < moved; i += 1) key({ key: 'ArrowRight', shiftKey: true });
      // The cursor back to member 1 (Ctrl keeps the selection), so that it stays in view as the block moves:
      // what is timed is the reorder, not the grid scrolling after the cursor.
      key({ key: 'Home', ctrlKey: true });
      await frame();
      const results: { script: number; painted: number }[] = [];
      for (let run = 0; run < (runs + 1) * 2; run += 1) {
        const down = run % 2 === 0;
        const timed = await new Promise<{ script: number; painted: number }>((resolve) =>
          requestAnimationFrame(() => {
            const start = performance.now();
            let script = 0;
            key({ key: down ? 'ArrowDown' : 'ArrowUp', altKey: true });
            queueMicrotask(() => (script = performance.now() - start));
            void afterThisFrame().then((end) => resolve({ script, painted: end - start }));
          }),
        );
        await frame();
        if (run > 1) results.push(timed);
      }
      grid.scrollTop = 0;
      await frame();
      await frame();
      const label = grid.querySelector('[role="option"][data-index="0"] .canvas-label')?.textContent;
      const selected = document.querySelector('[data-testid="selection-count"]')?.textContent;
      return { results, label, selected };
    },
    { runs, moved },
  );
}

export async function run(): Promise<Record<string, number>> {
  const text = syntheticCollection(COUNT);
  const open = compare(
    () => readDocument(text),
    () => JSON.parse(text),
    31,
  );
  const read = readDocument(text);
  if (!read.ok || read.kind !== 'Collection') throw new Error('the synthetic collection did not open');
  const doc = read.doc;
  const save = compare(
    () => writeDocument(doc, read.format),
    () => JSON.stringify(doc, null, 2),
    15,
  );
  const indices = Array.from({ length: MOVED }, (_, i) => i * 7);
  const move = timeMedian(() => moveMembers(doc as JsonObject, indices, COUNT), 50);

  const browser = await withBigManifestInChromium(
    { scratchPrefix: 'tessera-bench-collection-', file: 'reel.json', count: COUNT, text },
    async ({ page }) => {
      await waitForQuiet(page, 2_000);
      return measureReorders(page, RUNS, MOVED);
    },
  );
  if (browser.label !== 'Document 1')
    throw new Error(`the moves did not restore the order (${browser.label})`);
  return {
    collection_open_5k_vs_parse: round(open.ratio, 2),
    collection_open_5k_ms: round(open.subjectMs, 2),
    collection_save_5k_vs_stringify: round(save.ratio, 2),
    collection_move100_5k_ms: round(move, 3),
    collection_reorder100_5k_ms: round(median(browser.results.map((r) => r.painted)), 2),
    collection_reorder100_5k_script_ms: round(median(browser.results.map((r) => r.script)), 2),
  };
}

runWhenStandalone(import.meta.url, run);
