/**
 * Annotations over ../shared/corpus: every annotation in the manifests (P3, and P2 through the upgrade) and in
 * the annotation pages of aux/ is listed by `tessera annotations --json` with its motivation and target, and
 * round-trips unchanged: each target entry is written back as the very value read, each drawable shape written
 * afresh reads back the same, and editing one annotation leaves every other one the same object (so it saves
 * byte for byte as read). Counts are printed.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../electron/cli/cli-io';
import { loadAnnotated } from '../../electron/cli/commands/annotations';
import { runCli } from '../../electron/cli/main';
import { nodeIo } from '../../electron/cli/node-io';
import {
  editBody,
  formatTarget,
  listAnnotations,
  parseTarget,
  type AnnotationView,
} from '../../shared/iiif/annotations';
import { getIn, isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../../shared/iiif/json';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// TESSERA_CORPUS lets a run from a worktree elsewhere point at the corpus.
const corpus = process.env['TESSERA_CORPUS'] ?? path.resolve(projectRoot, '../shared/corpus');
const DRAWABLE = new Set(['whole', 'box', 'point', 'polygon', 'svg', 'time']);

function listJson(folder: string): string[] {
  return (readdirSync(path.join(corpus, folder), { recursive: true }) as string[])
    .filter((f) => f.endsWith('.json'))
    .map((f) => path.join(folder, f))
    .sort();
}

/**
 * Independent count: objects typed Annotation below an `annotations` key, or anywhere in a standalone
 * annotation file, excluding Annotations nested inside another Annotation (a content state's body).
 */
function bruteForce(doc: JsonValue, standalone: boolean): number {
  let count = 0;
  const visit = (node: JsonValue, underAnnotations: boolean, insideAnnotation: boolean): void => {
    if (isJsonArray(node)) return node.forEach((child) => visit(child, underAnnotations, insideAnnotation));
    if (!isJsonObject(node)) return;
    const isAnnotation = node.type === 'Annotation';
    if (isAnnotation && underAnnotations && !insideAnnotation) count += 1;
    for (const [key, child] of Object.entries(node))
      visit(child, underAnnotations || key === 'annotations', insideAnnotation || isAnnotation);
  };
  visit(doc, standalone, false);
  return count;
}

async function listedByCli(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { ...nodeIo(), stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const code = await runCli(['annotations', path.join(corpus, file), '--json'], io);
  return { code, stdout, stderr };
}

function targetEntries(view: AnnotationView): JsonValue[] {
  const target = (view.annotation as unknown as JsonObject).target;
  return target === undefined ? [] : isJsonArray(target) ? [...target] : [target];
}

if (!existsSync(corpus)) {
  const reason = `the IIIF corpus is not at ${corpus}`;
  console.log(`annotation conformance skipped: ${reason}`);
  describe.skip(`annotation conformance (skipped: ${reason})`, () => {
    it('needs ../shared/corpus', () => {});
  });
} else {
  describe('annotation conformance over the IIIF corpus', () => {
    it('lists every annotation with motivation and target, and round-trips each unchanged', async () => {
      const files = [...listJson('p3'), ...listJson('p2'), ...listJson('aux')];
      const totals = {
        files: 0,
        withAnnotations: 0,
        annotations: 0,
        targets: 0,
        drawn: 0,
        kept: 0,
        edited: 0,
      };
      const kinds: Record<string, number> = {};
      const motivations: Record<string, number> = {};
      for (const file of files) {
        const loaded = await loadAnnotated(path.join(corpus, file), nodeIo());
        if (!loaded.ok) continue;
        totals.files += 1;
        const { doc } = loaded;
        const views = listAnnotations(doc);
        const standalone = isJsonObject(doc) && String(doc.type).startsWith('Annotation');
        expect(views.length, `${file}: listed vs. found in the tree`).toBe(bruteForce(doc, standalone));
        if (views.length === 0) continue;
        totals.withAnnotations += 1;

        const run = await listedByCli(file);
        expect(run.code, `${file}: ${run.stderr}`).toBe(0);
        const report = JSON.parse(run.stdout) as {
          annotations: {
            id?: string;
            motivation: string[];
            targets: { source: string; geometry: { kind: string } }[];
          }[];
        };
        expect(report.annotations.length, file).toBe(views.length);
        report.annotations.forEach((listed, i) => {
          const view = views[i] as AnnotationView;
          expect(listed.id, file).toBe(view.id);
          expect(listed.motivation, `${file} ${view.id}`).toEqual(view.motivations);
          expect(listed.targets.length, `${file} ${view.id}: targets`).toBe(targetEntries(view).length);
        });

        for (const view of views) {
          totals.annotations += 1;
          for (const m of view.motivations.length ? view.motivations : ['(none)'])
            motivations[m] = (motivations[m] ?? 0) + 1;
          for (const entry of targetEntries(view)) {
            totals.targets += 1;
            const shape = parseTarget(entry);
            kinds[shape.geometry.kind] = (kinds[shape.geometry.kind] ?? 0) + 1;
            expect(formatTarget(shape, entry), `${file} ${view.id}: target written back`).toBe(entry);
            if (DRAWABLE.has(shape.geometry.kind)) {
              totals.drawn += 1;
              expect(parseTarget(formatTarget(shape)), `${file} ${view.id}: fresh target`).toEqual(shape);
            } else totals.kept += 1;
          }
        }

        // Edit the first annotation that has a text body: every other annotation must stay the same object.
        const edited = views.find((v) => v.bodies[0]?.kind === 'text');
        if (edited && isJsonObject(doc)) {
          totals.edited += 1;
          const next = editBody(doc as JsonObject, {
            address: { pagePath: edited.page.path, index: edited.index },
            bodyIndex: 0,
            fields: { value: 'edited by the conformance run' },
          });
          for (const view of views) {
            if (view === edited) continue;
            expect(getIn(next, view.path), `${file} ${view.id}: untouched`).toBe(getIn(doc, view.path));
          }
        }
      }
      console.log(
        `annotation conformance: ${totals.files} files read, ${totals.withAnnotations} with annotations; ` +
          `${totals.annotations} annotations listed with motivation and target (${JSON.stringify(motivations)}); ` +
          `${totals.targets} targets round-trip unchanged (${JSON.stringify(kinds)}), ${totals.drawn} drawable ` +
          `shapes read back the same when written afresh, ${totals.kept} kept as written; one edit in each of ` +
          `${totals.edited} files left every other annotation untouched`,
      );
      expect(totals.annotations).toBeGreaterThan(1000);
    });
  });
}
