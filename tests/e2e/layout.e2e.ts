/**
 * Issue 13, item 6: a 300-character manifest label made the page 2,853 px wide and pushed Save and Properties
 * off screen. At 1024 × 700, for long labels, long URLs, right-to-left and CJK text (in the manifest's label,
 * a canvas label, a metadata entry and the required statement), the page never scrolls sideways and Save and
 * the Properties panel stay on screen.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { bigManifest, manifestText } from '../fixtures/big-manifest/big-manifest';
import { openApp, openWorkspaceFile } from './harness';
import { useHostAndBrowser } from './host-and-browser';

const WIDTH = 1024;
const HEIGHT = 700;

const words = 'Psalterium cum calendario et litaniis, manu scriptum in membrana, ';
const TEXTS: Record<string, { language: string; text: string }> = {
  'a 300-character label': { language: 'la', text: words.repeat(5).slice(0, 300) },
  'a long URL': {
    language: 'none',
    text: `https://iiif.example.org/iiif/3/${'very-long-identifier-without-any-break-'.repeat(6)}/full/max/0/default.jpg`,
  },
  'right-to-left text': {
    language: 'ar',
    text: 'مخطوطة المزامير مع التقويم والابتهالات، مكتوبة باليد على الرق '.repeat(4),
  },
  'CJK text': { language: 'zh', text: '詩篇手抄本附日曆與連禱文羊皮紙手寫本'.repeat(12) },
};

async function layout(page: Page) {
  return page.evaluate(() => {
    const inView = (element: Element | null) => {
      if (!element) return false;
      const box = element.getBoundingClientRect();
      return (
        box.width > 0 &&
        box.left >= 0 &&
        box.right <= window.innerWidth &&
        box.top >= 0 &&
        box.top < window.innerHeight
      );
    };
    const save = [...document.querySelectorAll('header.toolbar button')].find(
      (b) => b.textContent?.trim() === 'Save',
    );
    return {
      scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
      innerWidth: window.innerWidth,
      save: inView(save ?? null),
      properties: inView(document.querySelector('aside[aria-label="Properties"]')),
    };
  });
}

describe('the layout at 1024 × 700', () => {
  const app = useHostAndBrowser();

  beforeAll(async () => {
    await app.page.setViewportSize({ width: WIDTH, height: HEIGHT });
    await openApp(app.page, app.host.url);
  });

  it.each(Object.entries(TEXTS))('holds with %s', async (kind, { language, text }) => {
    const { page } = app;
    const manifest = bigManifest({ count: 3, base: 'https://example.org/layout' });
    const map = { [language]: [text] };
    Object.assign(manifest, {
      label: map,
      summary: map,
      metadata: [{ label: map, value: map }],
      requiredStatement: { label: { en: ['Attribution'] }, value: map },
    });
    (manifest['items'] as Record<string, unknown>[])[0]!['label'] = map;
    const name = `${kind.replace(/\W+/g, '-')}.json`;
    await writeFile(path.join(app.host.workspace, name), manifestText(manifest));
    await openWorkspaceFile(page, name);
    // The manifest's properties, then the first canvas's: both must fit.
    for (const view of ['manifest', 'canvas']) {
      if (view === 'canvas') await page.getByTestId('canvas-cell').first().click();
      await expect
        .poll(() => layout(page))
        .toEqual({ scrollWidth: WIDTH, innerWidth: WIDTH, save: true, properties: true });
    }
  });
});
