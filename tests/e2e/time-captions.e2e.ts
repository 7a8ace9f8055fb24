/**
 * Time in annotations and structure, end to end through the web host in Chromium: a video canvas is captioned
 * from a WebVTT file (one undo step), a caption's end is retimed by typing, two Ranges are made over typed
 * spans of the recording (its movements), and the document is saved. The saved file passes the official
 * Presentation 3 schema and our validator without errors, holds exactly those captions and Ranges, and reopens
 * with the captions and the Ranges' times listed. A WebVTT file that is not one names its line and adds nothing.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { listAnnotations } from '../../shared/iiif/annotations';
import type { JsonObject } from '../../shared/iiif/json';
import { validate } from '../../shared/iiif/validation';
import { officialSchemaChecks } from './official-schema-check';
import { openApp, openWorkspaceFile } from './harness';
import { useHostAndBrowser } from './host-and-browser';
import { listedTargets, newTimeRange, rowLabels } from './time-place-steps';

const BASE = 'https://example.org/iiif/film';
const VIDEO = `${BASE}/canvas/1`;

function manifest(mediaBase: string): JsonObject {
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `${BASE}/manifest.json`,
    type: 'Manifest',
    label: { en: ['A short film'] },
    items: [
      {
        id: VIDEO,
        type: 'Canvas',
        label: { en: ['Reel 1'] },
        width: 640,
        height: 360,
        duration: 120,
        items: [
          {
            id: `${VIDEO}/page`,
            type: 'AnnotationPage',
            items: [
              {
                id: `${VIDEO}/page/painting`,
                type: 'Annotation',
                motivation: 'painting',
                // On the loopback host, where it is absent: nothing in this test needs it to play.
                body: {
                  id: `${mediaBase}/media/reel1.webm`,
                  type: 'Video',
                  format: 'video/webm',
                  width: 640,
                  height: 360,
                  duration: 120,
                },
                target: VIDEO,
              },
            ],
          },
        ],
      },
    ],
  };
}

const CAPTIONS = [
  '\uFEFFWEBVTT - Reel 1',
  '',
  'NOTE made for the test',
  '',
  'STYLE',
  '::cue { color: yellow }',
  '',
  'intro',
  '00:01.000 --> 00:04.500 align:start',
  '<v Narrator>Good morning,',
  '<i>everyone</i> &amp; welcome.',
  '',
  '00:00:05.000 --> 00:00:09.000',
  '<script>window.__pwned = 1</script>Let us begin.',
  '',
].join('\r\n');

const panel = (page: Page) => page.getByTestId('annotation-panel');
const structureSaid = (page: Page) => page.getByTestId('structure-announcer').textContent();

describe('captions and ranges over time', () => {
  const schema = officialSchemaChecks();
  const app = useHostAndBrowser();
  let file: string;

  beforeAll(async () => {
    file = path.join(app.host.workspace, 'film.json');
    await writeFile(file, JSON.stringify(manifest(app.host.origin), null, 2));
  });

  it('captions a video from WebVTT, retimes a caption, makes Ranges over typed spans, saves and reopens', async () => {
    const { page } = app;
    await openApp(page, app.host.url);
    await openWorkspaceFile(page, 'film.json');
    await page.getByTestId('annotations-toggle').click();
    await page.getByTestId('canvas-cell').nth(0).click();
    await expect.poll(() => panel(page).getByTestId('annotation-count').textContent()).toBe('Canvas 1: 0');

    // A file that is not WebVTT: named with its line, nothing added.
    const input = panel(page).getByTestId('caption-import-input');
    await input.setInputFiles({
      name: 'reel1.srt',
      mimeType: 'text/plain',
      buffer: Buffer.from('1\n00:00:01,000 --> 00:00:02,000\nHi\n'),
    });
    await expect
      .poll(() => panel(page).getByRole('alert').textContent())
      .toMatch(/^reel1\.srt, line 1: .*SubRip/);
    await expect.poll(() => panel(page).getByTestId('annotation-count').textContent()).toBe('Canvas 1: 0');

    await input.setInputFiles({ name: 'reel1.vtt', mimeType: 'text/vtt', buffer: Buffer.from(CAPTIONS) });
    await expect.poll(() => panel(page).getByTestId('annotation-count').textContent()).toBe('Canvas 1: 2');
    expect(await listedTargets(page)).toEqual([`time 1-4.5 on ${VIDEO}`, `time 5-9 on ${VIDEO}`]);
    expect(await panel(page).getByLabel('Annotation 1 text').inputValue()).toBe(
      'Good morning,\neveryone & welcome.',
    );
    expect(await panel(page).getByLabel('Annotation 2 text').inputValue()).toBe(
      'window.__pwned = 1Let us begin.',
    );
    // One undo step takes the whole import away, and redo brings it back.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => panel(page).getByTestId('annotation-count').textContent()).toBe('Canvas 1: 0');
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => panel(page).getByTestId('annotation-count').textContent()).toBe('Canvas 1: 2');

    // Retime the second caption by typing its end.
    const end = panel(page).getByLabel('Annotation 2 end');
    expect(await end.inputValue()).toBe('00:00:09.0');
    await end.fill('00:00:10.25');
    await end.press('Enter');
    await expect
      .poll(() => listedTargets(page))
      .toEqual([`time 1-4.5 on ${VIDEO}`, `time 5-10.25 on ${VIDEO}`]);

    // Two movements of the reel as Ranges over typed spans.
    await page.getByRole('button', { name: 'Structure', exact: true }).click();
    await page.getByRole('button', { name: 'Time span…' }).click();
    await newTimeRange(page, '0', '1:00', 'First movement');
    await expect.poll(() => structureSaid(page)).toBe('Renamed to First movement.');
    // The form stays open, and the next span starts where the last one ended.
    expect(await page.getByLabel('New range start').inputValue()).toBe('00:01:00.0');
    await newTimeRange(page, '00:01:00.0', '00:02:00', 'Second movement');
    await expect
      .poll(() => rowLabels(page))
      .toEqual([
        'First movement',
        'Reel 1 (00:00:00.0–00:01:00.0)',
        'Second movement',
        'Reel 1 (00:01:00.0–00:02:00.0)',
      ]);

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByTestId('message').textContent()).toContain('Saved film.json');
    const saved = JSON.parse(await readFile(file, 'utf8')) as JsonObject;
    expect(
      listAnnotations(saved, { canvasIndex: 0 }).map((a) => [
        a.motivations[0],
        a.bodies[0]?.kind === 'text' ? a.bodies[0].value : '',
        a.annotation.target,
      ]),
    ).toEqual([
      ['supplementing', 'Good morning,\neveryone & welcome.', `${VIDEO}#t=1,4.5`],
      ['supplementing', 'window.__pwned = 1Let us begin.', `${VIDEO}#t=5,10.25`],
    ]);
    expect((saved['structures'] as JsonObject[]).map((r) => [r['label'], r['items']])).toEqual([
      [{ none: ['First movement'] }, [{ id: `${VIDEO}#t=0,60`, type: 'Canvas' }]],
      [{ none: ['Second movement'] }, [{ id: `${VIDEO}#t=60,120`, type: 'Canvas' }]],
    ]);
    expect(validate(saved).filter((f) => f.severity === 'error')).toEqual([]);
    schema.add('the captioned film', saved);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    // Reopen from disk: the same captions and the Ranges' times.
    await page.reload();
    await openApp(page, app.host.url);
    await openWorkspaceFile(page, 'film.json');
    await page.getByTestId('annotations-toggle').click();
    await page.getByTestId('canvas-cell').nth(0).click();
    await expect
      .poll(() => listedTargets(page))
      .toEqual([`time 1-4.5 on ${VIDEO}`, `time 5-10.25 on ${VIDEO}`]);
    await page.getByRole('button', { name: 'Structure', exact: true }).click();
    await expect.poll(() => rowLabels(page)).toContain('Reel 1 (00:01:00.0–00:02:00.0)');
    expect(app.session.offLoopback).toEqual([]);
  });

  schema.test('The saved captioned film');
});
