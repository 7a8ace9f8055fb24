/**
 * Annotations end to end, through the web host in Chromium: add a box, a second box and a whole-canvas comment,
 * transcribe the two boxes in transcription mode, tag a region, edit one annotation and delete another, undo
 * and redo, save. The saved file passes the official Presentation 3 schema, holds exactly those annotations, and
 * reopens with the same annotations listed. A hostile text/html body on another canvas is shown, searched and
 * saved, and never runs: nothing it carries executes, and the saved file holds only the allowed HTML.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { listAnnotations } from '../../shared/iiif/annotations';
import type { JsonObject } from '../../shared/iiif/json';
import { officialSchemaChecks } from './official-schema-check';
import { openApp, openWorkspaceFile } from './harness';
import { useHostAndBrowser } from './host-and-browser';
import { paintedCanvas } from './painted-canvas';

const BASE = 'https://example.org/iiif/annotated';

const RECORDER = `
  window.__pwned = [];
  for (const name of ['alert', 'confirm', 'prompt']) window[name] = (...a) => window.__pwned.push(name + ':' + a.join(' '));
`;
const HOSTILE =
  '<p>hostile needle <img src="x" onerror="__pwned.push(\'img\')"><script>__pwned.push("script")</script>' +
  '<a href="javascript:__pwned.push(\'link\')">click</a></p>';

/** Images on the loopback host (absent there): the viewer's requests never leave the machine. */
let imageBase = 'http://127.0.0.1:9';

function canvas(n: number, extra: JsonObject = {}): JsonObject {
  return { ...paintedCanvas(`${BASE}/canvas/${n}`, `${imageBase}/image/${n}.jpg`, 1000, 1400), ...extra };
}

function manifest(): JsonObject {
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: `${BASE}/manifest.json`,
    type: 'Manifest',
    label: { en: ['Annotated book'] },
    items: [
      canvas(1),
      canvas(2, {
        annotations: [
          {
            id: `${BASE}/canvas/2/comments`,
            type: 'AnnotationPage',
            items: [
              {
                id: `${BASE}/canvas/2/comments/1`,
                type: 'Annotation',
                motivation: 'commenting',
                body: { type: 'TextualBody', format: 'text/html', value: HOSTILE },
                target: `${BASE}/canvas/2#xywh=10,10,100,100`,
              },
            ],
          },
        ],
      }),
    ],
  };
}

const panel = (page: Page) => page.getByTestId('annotation-panel');

async function addAnnotation(
  page: Page,
  motivation: string,
  text: string,
  box?: [number, number, number, number],
) {
  const form = panel(page).getByRole('form', { name: 'Add annotation' });
  await form.getByLabel('New annotation motivation').selectOption(motivation);
  await form.getByLabel('New annotation text').fill(text);
  if (box)
    for (const [i, key] of ['x', 'y', 'w', 'h'].entries())
      await form.getByLabel(`Region ${key}`).fill(String(box[i]));
  await form.getByRole('button', { name: 'Add' }).click();
}

async function listedTargets(page: Page): Promise<string[]> {
  return panel(page).getByTestId('annotation-target').allTextContents();
}

describe('annotations and transcriptions', () => {
  const schema = officialSchemaChecks();
  const app = useHostAndBrowser();
  let file: string;

  beforeAll(async () => {
    imageBase = app.host.origin;
    file = path.join(app.host.workspace, 'annotated.json');
    await writeFile(file, JSON.stringify(manifest(), null, 2));
  });

  it('adds, transcribes, tags, edits, deletes, undoes and saves; the file is valid and reopens the same', async () => {
    const { page } = app;
    await page.addInitScript(RECORDER);
    await openApp(page, app.host.url);
    await openWorkspaceFile(page, 'annotated.json');
    await page.getByTestId('annotations-toggle').click();
    await page.getByTestId('canvas-cell').nth(0).click();
    await expect.poll(() => panel(page).getByTestId('annotation-count').textContent()).toBe('Canvas 1: 0');

    await addAnnotation(page, 'supplementing', '', [100, 100, 800, 60]);
    await addAnnotation(page, 'supplementing', '', [100, 180, 800, 60]);
    await addAnnotation(page, 'commenting', 'A note on the page');
    await addAnnotation(page, 'tagging', 'St Jerome', [300, 400, 200, 300]);
    expect(await listedTargets(page)).toEqual([
      `box 100,100,800,60 on ${BASE}/canvas/1`,
      `box 100,180,800,60 on ${BASE}/canvas/1`,
      `whole on ${BASE}/canvas/1`,
      `box 300,400,200,300 on ${BASE}/canvas/1`,
    ]);

    // Transcription mode: the field is focused; Enter saves the line and moves on.
    await panel(page).getByRole('button', { name: 'Transcribe' }).click();
    const first = panel(page).getByLabel('Transcription of line 1');
    await expect.poll(() => first.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('In the beginning was the word');
    await page.keyboard.press('Enter');
    const second = panel(page).getByLabel('Transcription of line 2');
    await expect.poll(() => second.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('and the word was with God');
    await page.keyboard.press('Escape');

    // Edit the comment in place, delete the tag, then undo the delete and redo it.
    const comment = panel(page).getByLabel('Annotation 3 text');
    await comment.fill('A longer note on the page');
    await comment.blur();
    await panel(page).getByLabel('Delete Annotation 4').click();
    await expect.poll(() => panel(page).getByTestId('annotation-row').count()).toBe(3);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => panel(page).getByTestId('annotation-row').count()).toBe(4);
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => panel(page).getByTestId('annotation-row').count()).toBe(3);
    // Undo the comment edit and redo it: one step each.
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect
      .poll(() => panel(page).getByLabel('Annotation 3 text').inputValue())
      .toBe('A note on the page');
    await page.getByRole('button', { name: 'Redo' }).click();
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect
      .poll(() => panel(page).getByLabel('Annotation 3 text').inputValue())
      .toBe('A longer note on the page');

    // The hostile body: found by search, shown sanitised, never run.
    await panel(page).getByLabel('Search annotations').fill('needle');
    await panel(page).getByRole('list', { name: 'Search results' }).getByRole('button').click();
    await expect.poll(() => panel(page).getByTestId('annotation-count').textContent()).toBe('Canvas 2: 1');
    const shown = await panel(page).getByTestId('annotation-html').innerHTML();
    expect(shown).toContain('hostile needle');
    expect(shown).not.toMatch(/onerror|script|javascript:/i);

    // Saving keeps HTML nobody edited as written (issue 13); the person removes the disallowed part in one click.
    await page.getByTestId('html-report').getByRole('button', { name: 'Clean now' }).click();
    await expect.poll(() => page.getByTestId('message').textContent()).toContain('Removed disallowed HTML');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByTestId('message').textContent()).toContain('Saved annotated.json');
    expect(await page.evaluate(() => (window as unknown as { __pwned: string[] }).__pwned)).toEqual([]);

    const saved = JSON.parse(await readFile(file, 'utf8')) as JsonObject;
    const onFirst = listAnnotations(saved, { canvasIndex: 0 });
    expect(
      onFirst.map((a) => [a.motivations[0], a.bodies[0]?.kind === 'text' ? a.bodies[0].value : '']),
    ).toEqual([
      ['supplementing', 'In the beginning was the word'],
      ['supplementing', 'and the word was with God'],
      ['commenting', 'A longer note on the page'],
    ]);
    const hostile = listAnnotations(saved, { canvasIndex: 1 })[0]?.bodies[0];
    expect(hostile?.kind === 'text' && hostile.value).toBe(
      // A relative image source is not allowed, so the image goes; the javascript: link loses its href.
      '<p>hostile needle <a>click</a></p>',
    );
    schema.add('the annotated manifest', saved);

    // Reopen from disk: the same annotations, listed the same way.
    await page.reload();
    await openApp(page, app.host.url);
    await openWorkspaceFile(page, 'annotated.json');
    await page.getByTestId('annotations-toggle').click();
    await page.getByTestId('canvas-cell').nth(0).click();
    expect(await listedTargets(page)).toEqual([
      `box 100,100,800,60 on ${BASE}/canvas/1`,
      `box 100,180,800,60 on ${BASE}/canvas/1`,
      `whole on ${BASE}/canvas/1`,
    ]);
    expect(await panel(page).getByLabel('Annotation 1 text').inputValue()).toBe(
      'In the beginning was the word',
    );
    expect(await page.evaluate(() => (window as unknown as { __pwned: string[] }).__pwned)).toEqual([]);
    expect(app.session.offLoopback).toEqual([]);
  });

  schema.test('The saved annotated manifest');
});
