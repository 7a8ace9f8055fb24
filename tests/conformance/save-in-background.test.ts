/**
 * Save's text made in the background worker (from its mirror of the document) against the text the main thread
 * made before (text-patch.ts over the file's own text), over every Presentation 3 file in ../shared/corpus,
 * after each kind of edit a save meets: byte for byte the same.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { closeWorkers } from '../renderer/background/in-process-worker';
import { savePathsDisagree } from '../renderer/background/save-paths';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// TESSERA_CORPUS points elsewhere, e.g. from a git worktree, which has no ../shared beside it.
const corpus = process.env['TESSERA_CORPUS'] ?? path.resolve(projectRoot, '../shared/corpus');
const p3 = path.join(corpus, 'p3');

afterEach(closeWorkers);

if (!existsSync(p3)) {
  const reason = `no corpus at ${p3}`;
  console.log(`save-in-background conformance skipped: ${reason}`);
  describe.skip(`Save in the background over the corpus (skipped: ${reason})`, () => {
    it('needs the corpus', () => undefined);
  });
} else {
  const files = (readdirSync(p3, { recursive: true }) as string[]).filter((f) => f.endsWith('.json')).sort();
  describe('Save in the background over the corpus', () => {
    it(`writes the bytes the main thread wrote, for all ${files.length} Presentation 3 files`, async () => {
      const disagreements: string[] = [];
      for (const name of files) {
        const text = readFileSync(path.join(p3, name), 'utf8');
        for (const edit of await savePathsDisagree(text)) disagreements.push(`${name}: ${edit}`);
        closeWorkers();
      }
      expect(files.length).toBeGreaterThan(0);
      expect(disagreements).toEqual([]);
    });
  });
}
