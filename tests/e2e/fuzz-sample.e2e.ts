/**
 * The fuzz gate in Chromium (issue 14.5): a seeded sample of 50 mutated corpus manifests, each opened through the
 * web host's picker as a person would. Each ends opened or refused with a sentence; no page error is raised, no
 * panel fails and the window never goes blank (its toolbar and document panels stay).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusManifests, pickSeedFile } from '../fuzz/corpus-seeds';
import { mulberry32, mutate } from '../fuzz/mutate';
import { corpusPresent } from '../shared/validation/official-corpus';
import { openApp, openBrowser, startHost, type BrowserSession, type HostProcess } from './harness';

const SAMPLE = 50;
/**
 * The sample is opened in chunks, each its own test, so that one slow file shows as one slow chunk and a problem is
 * named with the files around it (one test of all 50 once hit its time limit on two files that took 30 s each).
 */
const CHUNK = 10;
/** Seeds of the Chromium sample: apart from the conformance run's (1…2,100), so together they cover more. */
const FIRST_SEED = 900_001;

interface SampleFile {
  readonly file: string;
  readonly label: string;
}

describe.skipIf(!corpusPresent)('a sample of mutated manifests in Chromium', () => {
  let host: HostProcess;
  let session: BrowserSession;
  const sample: SampleFile[] = [];

  beforeAll(async () => {
    host = await startHost();
    const seeds = corpusManifests();
    for (let n = 0; n < SAMPLE; n += 1) {
      const seed = FIRST_SEED + n;
      const random = mulberry32(seed);
      const source = pickSeedFile(random, seeds);
      const mutation = mutate(source.text, random);
      const file = `fuzz-${String(n).padStart(2, '0')}.json`;
      await writeFile(path.join(host.workspace, file), mutation.bytes);
      sample.push({
        file,
        label: `seed ${seed}: ${mutation.kind} at ${mutation.where || 'the bytes'} of ${source.name}`,
      });
    }
    session = await openBrowser();
    await openApp(session.page, host.url);
  });
  afterAll(async () => {
    await session?.close();
    await host?.stop();
  });

  const chunks = Array.from({ length: Math.ceil(SAMPLE / CHUNK) }, (_, n) => n * CHUNK);
  it.each(chunks)(
    'opens or refuses files %i… each with a sentence, without a page error or a blank window',
    async (first) => {
      const { page, errors } = session;
      let opened = 0;
      const refusals = new Map<string, number>();
      const problems: string[] = [];
      const files = sample.slice(first, first + CHUNK);
      expect(files.length).toBeGreaterThan(0);
      for (const { file, label } of files) {
        const errorsBefore = errors.length;
        await page.getByRole('button', { name: 'Open…' }).click();
        // An upgraded Presentation 2 document is unsaved from the start: opening the next one asks first.
        const discard = page.getByRole('button', { name: 'Discard changes' });
        const listed = page.getByRole('button', { name: new RegExp(file.replace('.', '\\.')) }).first();
        await discard.or(listed).first().waitFor();
        if (await discard.isVisible()) await discard.click();
        const answered = page.waitForResponse((r) => r.url().endsWith('/api/openFile'));
        await listed.click();
        await answered;
        await expect
          .poll(
            async () =>
              (await page.title()).includes(file) || (await page.getByTestId('message').textContent()) !== '',
          )
          .toBe(true);
        const cancel = page.getByRole('button', { name: 'Cancel' });
        if (await cancel.isVisible()) await cancel.click();

        if ((await page.title()).includes(file)) opened += 1;
        else {
          const message = (await page.getByTestId('message').textContent()) ?? '';
          const kind =
            message
              .replace(/^fuzz-\d+\.json cannot be opened: /, '')
              .split(/[:,.(]/)[0]
              ?.trim() ?? message;
          refusals.set(kind, (refusals.get(kind) ?? 0) + 1);
          if (/is not a function|Cannot read|call stack|undefined/.test(message))
            problems.push(`${label}: ${message}`);
        }
        if ((await page.getByTestId('panel-failed').count()) > 0) problems.push(`${label}: a panel failed`);
        if (!(await page.getByRole('button', { name: 'Open…' }).isVisible()))
          problems.push(`${label}: blank window`);
        const raised = errors.slice(errorsBefore).filter((e) => !/Failed to load resource/.test(e));
        if (raised.length > 0) problems.push(`${label}: ${raised.join('; ')}`);
      }
      const how = [...refusals.entries()].map(([k, n]) => `${k} ×${n}`).join('; ');
      console.log(
        `fuzz sample in Chromium, files ${first}–${first + files.length - 1}: ${opened} of ${files.length} opened; refused: ${how || 'none'}; ${problems.length} problems`,
      );
      expect(problems).toEqual([]);
    },
  );
});
