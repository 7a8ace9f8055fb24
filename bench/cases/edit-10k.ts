/**
 * What one edit costs the main thread at 10,000 canvases, in the production renderer (web host + Chromium):
 * after an edit, live validation and the autosave that follows run too, and any task of theirs that holds the
 * main thread for long is a stutter the curator feels. Each edit is watched for WINDOW_MS, which covers the
 * validation delay and the autosave delay plus their work. Figures (medians over RUNS edits of each kind):
 *
 *   edit_10k_task_ms            the long task (over 50 ms, 'longtask' entries) that contains the keystroke
 *                               itself: React's commit of the edit; 0 when the edit fitted in 50 ms.
 *   edit_10k_later_task_ms      the longest task after that one, in the window: validation, autosave, anything
 *                               (_max_ms: the longest of all runs; _later_tasks: how many long tasks there
 *                               were). Target: under 50 ms, i.e. 0 here (no long task at all).
 *   edit_10k_max_frame_ms       the longest gap between animation frames in the window (what the user sees).
 *   edit_10k_validation_ms      from the keystroke to the validation count on the toolbar showing its result
 *                               (the edit adds or removes one warning: "<p. 1>" is HTML in a label).
 *   edit_10k_autosaved_ms       from the keystroke to the recovery record on disk being rewritten (polled).
 *   edit_drop_10k_*             the same for a drop of five canvases at the start of the grid (no validation
 *                               figure: a reorder changes no finding).
 *   page_clone_10k_ms, page_stringify_10k_ms, page_parse_10k_ms, page_body_10k_ms, page_encode_10k_ms
 *                               in the same page: structuredClone of the 10k document (what posting all of it
 *                               to a worker costs the sender), JSON.stringify with two-space indentation (the
 *                               autosave text), JSON.parse of that text, JSON.stringify of a request carrying
 *                               the text (the web host's transport) and its UTF-8 encoding; for comparing the
 *                               figures above with.
 *
 * A benchmark, not a test: it reports figures and never fails on timing. Run alone with
 * `npx tsx bench/cases/edit-10k.ts`, or with the others through bench/run.ts.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { GRID } from '../../tests/fixtures/big-manifest/grid-page';
import { median } from '../lib/measure';
import { runWhenStandalone } from '../lib/standalone';
import { withBigManifestInChromium, waitForQuiet } from '../lib/web-app';

export const name = 'edit-10k';

const COUNT = 10_000;
const RUNS = 4;
const WINDOW_MS = 5_000;
const FILE = 'bench-edit-10k.json';
const LABEL_FIELD = '[data-testid="label-items-0"]';
const TOGGLE = '[data-testid="validation-toggle"]';

interface Watched {
  /** The long task containing the edit (0 when none). */
  editTask: number;
  /** The longest long task that started after the edit's own, and how many there were. */
  laterTask: number;
  laterTasks: number;
  maxFrame: number;
  /** Edit to the validation count changing, or -1 when it did not change in the window. */
  validation: number;
  /** performance.timeOrigin + the edit's time: the edit in wall-clock ms, for the autosave poll. */
  editedAt: number;
}

/**
 * Arms the watchers in the page (long tasks, frame gaps, the validation count), then makes the edit with `act`
 * (a keystroke or a drop: the first keydown or drop after arming is the edit) and reports WINDOW_MS later.
 */
async function watchEdit(page: Page, act: () => Promise<void>): Promise<Watched> {
  await page.evaluate(
    ({ toggle, windowMs }) => {
      const w = window as unknown as { __watch: Promise<unknown> };
      w.__watch = new Promise((resolve) => {
        const tasks: { start: number; end: number }[] = [];
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries())
            tasks.push({ start: entry.startTime, end: entry.startTime + entry.duration });
        });
        observer.observe({ type: 'longtask' });
        const counter = document.querySelector(toggle);
        const before = counter?.textContent ?? '';
        let editAt: number | null = null;
        let shownAt: number | null = null;
        const mutations = new MutationObserver(() => {
          if (shownAt === null && editAt !== null && counter?.textContent !== before)
            shownAt = performance.now();
        });
        if (counter) mutations.observe(counter, { characterData: true, childList: true, subtree: true });
        const onEdit = () => {
          if (editAt !== null) return;
          editAt = performance.now();
          setTimeout(finish, windowMs);
        };
        window.addEventListener('keydown', onEdit, { capture: true });
        window.addEventListener('drop', onEdit, { capture: true });
        let maxFrame = 0;
        let last = performance.now();
        let running = true;
        const frame = (now: number) => {
          if (editAt !== null) maxFrame = Math.max(maxFrame, now - last);
          last = now;
          if (running) requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
        function finish() {
          running = false;
          // Long-task entries are delivered after the task: let the last ones arrive.
          setTimeout(() => {
            observer.disconnect();
            mutations.disconnect();
            window.removeEventListener('keydown', onEdit, { capture: true });
            window.removeEventListener('drop', onEdit, { capture: true });
            const at = editAt as number;
            const own = tasks.filter((t) => t.start <= at + 1 && t.end >= at);
            const later = tasks.filter((t) => !own.includes(t) && t.start > at);
            resolve({
              editTask: Math.max(0, ...own.map((t) => t.end - t.start)),
              laterTask: Math.max(0, ...later.map((t) => t.end - t.start)),
              maxFrame,
              validation: shownAt === null ? -1 : shownAt - at,
              editedAt: performance.timeOrigin + at,
              laterTasks: later.length,
            });
          }, 200);
        }
      });
    },
    { toggle: TOGGLE, windowMs: WINDOW_MS },
  );
  await act();
  return (await page.evaluate(() => (window as unknown as { __watch: Promise<unknown> }).__watch)) as Watched;
}

/** Milliseconds from `since` (wall clock) until a recovery record in `folder` is newer than it. */
async function autosavedAfter(folder: string, since: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const names = (await readdir(folder).catch(() => [] as string[])).filter(
      (n) => n.endsWith('.autosave.json') && !n.startsWith('.'),
    );
    for (const n of names) {
      const { mtimeMs } = await stat(path.join(folder, n)).catch(() => ({ mtimeMs: 0 }));
      if (mtimeMs > since) return Math.round(mtimeMs - since);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return -1;
}

/** Drops canvases 5–9 at the start of the grid, the way grid-10k does (the grid's own drag payload). */
async function dropFiveAtStart(page: Page): Promise<void> {
  await page.locator(GRID).evaluate(async (grid) => {
    const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
    const cellAt = (index: number) => {
      const cell = grid.querySelector<HTMLElement>(`[role="option"][data-index="${index}"]`);
      if (!cell) throw new Error(`cell ${index} is not mounted`);
      return cell;
    };
    const edgeOf = (index: number) => {
      const box = cellAt(index).getBoundingClientRect();
      return { clientX: box.left + 4, clientY: box.top + box.height / 2 };
    };
    const fire = (target: Element, type: string, data: DataTransfer, at: object) =>
      target.dispatchEvent(
        new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true, ...at }),
      );
    cellAt(4).click();
    cellAt(8).dispatchEvent(new MouseEvent('click', { bubbles: true, shiftKey: true }));
    await frame();
    const data = new DataTransfer();
    const source = cellAt(4);
    fire(source, 'dragstart', data, edgeOf(4));
    await frame();
    const at = edgeOf(0);
    fire(cellAt(0), 'drop', data, at);
    fire(source.isConnected ? source : grid, 'dragend', data, at);
  });
}

/** Clone, stringify and parse of the same 10k document, in the page, medians of five. */
async function pageBaselines(page: Page, text: string) {
  return page.evaluate((json) => {
    const doc = JSON.parse(json) as unknown;
    const time = (fn: () => unknown) => {
      const times: number[] = [];
      for (let i = 0; i < 6; i += 1) {
        const start = performance.now();
        fn();
        if (i > 0) times.push(performance.now() - start);
      }
      return times.sort((a, b) => a - b)[2] as number;
    };
    return {
      clone: time(() => structuredClone(doc)),
      stringify: time(() => JSON.stringify(doc, null, 2)),
      parse: time(() => JSON.parse(json)),
      body: time(() => JSON.stringify({ key: 'k', text: json })),
      encode: time(() => new TextEncoder().encode(json)),
    };
  }, text);
}

const round = (value: number) => Math.round(value * 10) / 10;

function summarise(prefix: string, runs: readonly (Watched & { autosaved: number })[]) {
  const figures: Record<string, number> = {
    [`${prefix}_task_ms`]: round(median(runs.map((r) => r.editTask))),
    [`${prefix}_later_task_ms`]: round(median(runs.map((r) => r.laterTask))),
    [`${prefix}_later_task_max_ms`]: round(Math.max(...runs.map((r) => r.laterTask))),
    [`${prefix}_later_tasks`]: median(runs.map((r) => r.laterTasks)),
    [`${prefix}_max_frame_ms`]: round(median(runs.map((r) => r.maxFrame))),
    [`${prefix}_autosaved_ms`]: round(median(runs.map((r) => r.autosaved))),
  };
  if (runs.some((r) => r.validation >= 0))
    figures[`${prefix}_validation_ms`] = round(median(runs.map((r) => r.validation)));
  return figures;
}

export async function run(): Promise<Record<string, number>> {
  return withBigManifestInChromium(
    { scratchPrefix: 'tessera-bench-edit-', file: FILE, count: COUNT },
    async ({ page, dataDir, text }) => {
      const autosaveDir = path.join(dataDir, 'autosave');
      // "<p. 1" is plain text; typing ">" makes it "<p. 1>", HTML by the spec's test: one warning more.
      await page.locator(LABEL_FIELD).fill('<p. 1');
      await page.locator(LABEL_FIELD).press('End');
      await waitForQuiet(page, 3_000);
      const edits = [];
      for (let i = 0; i < RUNS; i += 1) {
        const watched = await watchEdit(page, () => page.keyboard.press(i % 2 === 0 ? '>' : 'Backspace'));
        if (watched.validation < 0) throw new Error('the validation count did not change after the edit');
        edits.push({ ...watched, autosaved: await autosavedAfter(autosaveDir, watched.editedAt, 5_000) });
        await waitForQuiet(page, 1_000);
      }
      const reorders = [];
      for (let i = 0; i < RUNS; i += 1) {
        const watched = await watchEdit(page, () => dropFiveAtStart(page));
        reorders.push({ ...watched, autosaved: await autosavedAfter(autosaveDir, watched.editedAt, 5_000) });
        await waitForQuiet(page, 1_000);
      }
      const baselines = await pageBaselines(page, text);
      return {
        ...summarise('edit_10k', edits),
        ...summarise('edit_drop_10k', reorders),
        page_clone_10k_ms: round(baselines.clone),
        page_stringify_10k_ms: round(baselines.stringify),
        page_parse_10k_ms: round(baselines.parse),
        page_body_10k_ms: round(baselines.body),
        page_encode_10k_ms: round(baselines.encode),
      };
    },
  );
}

// `npx tsx bench/cases/edit-10k.ts` runs this case on its own.
runWhenStandalone(import.meta.url, run);
