/**
 * The manifests the fuzz gate mutates: every Presentation 2 and 3 JSON file of ../shared/corpus (p2/, p3/).
 * Shared by the conformance run and the Chromium sample so that a seed names the same case in both.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { corpusRoot } from '../shared/validation/official-corpus';
import { pick, type Random } from './mutate';

export interface SeedFile {
  /** Path under the corpus, e.g. p2/iiif-parser/codex.json */
  readonly name: string;
  readonly text: string;
}

export function corpusManifests(): SeedFile[] {
  const out: SeedFile[] = [];
  for (const version of ['p2', 'p3']) {
    const dir = path.join(corpusRoot, version);
    for (const rel of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
      if (!rel.endsWith('.json')) continue;
      const text = readFileSync(path.join(dir, rel), 'utf8');
      try {
        JSON.parse(text.replace(/^\uFEFF/, ''));
      } catch {
        continue;
      }
      out.push({ name: `${version}/${rel.split(path.sep).join('/')}`, text });
    }
  }
  return out;
}

/** Files past this size are mutated in one case of 20, so a run of thousands stays within a couple of minutes. */
const LARGE = 300_000;

export function pickSeedFile(random: Random, files: readonly SeedFile[]): SeedFile {
  const small = files.filter((f) => f.text.length <= LARGE);
  return random() < 0.05 || small.length === 0 ? pick(random, files) : pick(random, small);
}
