/**
 * Frame pacing in the page: the rAF intervals while a scroller is idle or scrolled top to bottom at a steady
 * pace, and how many rows or cells were mounted at most meanwhile. The grid and the structure tree are measured
 * the same way so that their figures compare.
 */
import type { Page } from 'playwright-core';

/** One frame at 60 Hz; a frame counts as late past one and a half of them (a dropped frame). */
export const FRAME_MS = 16.7;
export const LATE_FRAME_MS = FRAME_MS * 1.5;

/** How the page tells how many items are mounted: an attribute on the scroller, or a selector inside it. */
export type MountedCount = { readonly attribute: string } | { readonly selector: string };

export interface FramePacing {
  readonly intervals: number[];
  readonly maxMounted: number;
  readonly reachedEnd: boolean;
}

export async function frameIntervals(
  page: Page,
  scrollerSelector: string,
  options: { readonly duration: number; readonly scroll: boolean; readonly mounted: MountedCount },
): Promise<FramePacing> {
  return page.locator(scrollerSelector).evaluate(async (scroller, { duration, scroll, mounted }) => {
    scroller.scrollTop = 0;
    const end = scroller.scrollHeight - scroller.clientHeight;
    const intervals: number[] = [];
    let maxMounted = 0;
    const count = () =>
      'attribute' in mounted
        ? Number(scroller.getAttribute(mounted.attribute))
        : scroller.querySelectorAll(mounted.selector).length;
    await new Promise<void>((resolve) => {
      let first: number | null = null;
      let last: number | null = null;
      const step = (now: number) => {
        first ??= now;
        if (last !== null) intervals.push(now - last);
        last = now;
        const progress = Math.min(1, (now - first) / duration);
        if (scroll) scroller.scrollTop = Math.round(end * progress);
        maxMounted = Math.max(maxMounted, count());
        if (progress < 1) requestAnimationFrame(step);
        else resolve();
      };
      requestAnimationFrame(step);
    });
    return { intervals, maxMounted, reachedEnd: !scroll || Math.abs(scroller.scrollTop - end) < 2 };
  }, options);
}

/** The share of intervals, in percent, longer than {@link LATE_FRAME_MS}. */
export function latePct(intervals: readonly number[]): number {
  return intervals.length === 0
    ? 0
    : (100 * intervals.filter((ms) => ms > LATE_FRAME_MS).length) / intervals.length;
}
