/**
 * The structure panel at 10,000 canvases and 2,000 Ranges (the manifest of cases/structure.ts), in the
 * production renderer through the web host in Chromium:
 *
 *   structure_tree_edit_10k_ms          median time from a keyboard move of a section (Alt+ArrowDown, one range
 *                                       edit and one undo step) to the end of the frame that paints it: the key
 *                                       is dispatched at the start of a frame, inside a rAF callback, and a
 *                                       message posted there runs only after that frame's style, layout and
 *                                       paint. Every panel that reads the document (the tree, the grid) renders
 *                                       again. Target: within 16 ms, median.
 *   structure_tree_edit_10k_script_ms   the part of that spent in the handler and React's commit.
 *   structure_tree_scroll_long_frames_pct  share of frames late by a whole vsync while the tree (12,000 rows:
 *                                       every Range expanded with its canvases) is scrolled top to bottom in
 *                                       SCROLL_MS by a rAF loop; _idle_ the same count on the idle page.
 *   structure_tree_scroll_max_mounted   most rows mounted at once during that scroll.
 *
 * A benchmark, not a test: it reports figures and never fails on timing. Run alone with
 * `npx tsx bench/cases/structure-tree.ts`, or with the others through bench/run.ts.
 */
import type { Page } from 'playwright-core';
import { median, round } from '../lib/measure';
import { frameIntervals, latePct } from '../lib/frames';
import { runWhenStandalone } from '../lib/standalone';
import { waitForQuiet, withBigManifestInChromium } from '../lib/web-app';
import { structuredManifestText } from './structure';

export const name = 'structure-tree';

const COUNT = 10_000;
const EDIT_RUNS = 21;
const SCROLL_MS = 8_000;
const SCROLLER = '.structure-scroll';
const MOUNTED = { selector: '[role="treeitem"]' };

/** Moves the section under the cursor down and back up, timing the first move of each pair to its paint. */
async function measureEdits(page: Page, runs: number) {
  return page.locator('[data-testid="structure-tree"]').evaluate(async (tree, count) => {
    const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
    const afterThisFrame = () =>
      new Promise<number>((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      });
    const press = (key: string) =>
      tree.dispatchEvent(
        new KeyboardEvent('keydown', { key, altKey: true, bubbles: true, cancelable: true }),
      );
    const cursor = () => tree.getAttribute('aria-activedescendant');
    const start = cursor();
    const results: { script: number; painted: number }[] = [];
    for (let run = 0; run <= count; run += 1) {
      const timed = await new Promise<{ script: number; painted: number }>((resolve) =>
        requestAnimationFrame(() => {
          const begin = performance.now();
          let script = 0;
          press('ArrowDown');
          queueMicrotask(() => (script = performance.now() - begin));
          void afterThisFrame().then((end) => resolve({ script, painted: end - begin }));
        }),
      );
      if (cursor() === start) throw new Error('the move did not happen');
      press('ArrowUp');
      await frame();
      await frame();
      if (cursor() !== start) throw new Error('the move back did not restore the cursor');
      if (run > 0) results.push(timed);
    }
    return results;
  }, runs);
}

export async function run(): Promise<Record<string, number>> {
  return withBigManifestInChromium(
    {
      scratchPrefix: 'tessera-bench-toc-',
      file: 'bench-toc.json',
      count: COUNT,
      text: structuredManifestText(),
    },
    async ({ page }) => {
      await page.getByRole('button', { name: 'Structure', exact: true }).click();
      await page.getByRole('treeitem').first().waitFor();
      await waitForQuiet(page, 2_000);
      const idle = await frameIntervals(page, SCROLLER, { duration: 3_000, scroll: false, mounted: MOUNTED });
      const scrolled = await frameIntervals(page, SCROLLER, {
        duration: SCROLL_MS,
        scroll: true,
        mounted: MOUNTED,
      });
      await page.locator(SCROLLER).evaluate((element) => (element.scrollTop = 0));
      // The cursor on Section 1.1.2 (row 4: Part 1, Chapter 1.1, Section 1.1.1 and its canvases come first).
      await page.getByRole('treeitem', { name: /^Section 1\.1\.2,/ }).click();
      await waitForQuiet(page, 2_000);
      const edits = await measureEdits(page, EDIT_RUNS);
      return {
        structure_tree_edit_10k_ms: round(median(edits.map((e) => e.painted))),
        structure_tree_edit_10k_script_ms: round(median(edits.map((e) => e.script))),
        structure_tree_scroll_long_frames_pct: round(latePct(scrolled.intervals)),
        structure_tree_scroll_idle_long_frames_pct: round(latePct(idle.intervals)),
        structure_tree_scroll_max_mounted: scrolled.maxMounted,
      };
    },
  );
}

// `npx tsx bench/cases/structure-tree.ts` runs this case on its own.
runWhenStandalone(import.meta.url, run);
