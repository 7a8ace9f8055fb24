/**
 * Issue 18's corpus acceptance: every corpus Manifest that passes the official schema is published to a folder,
 * as Presentation 3 and as 2.1. The Presentation 3 output passes the schema; the 2.1 output upgrades back
 * (through @iiif/parser's upgrader) to a Manifest with the same canvases, labels and images, except where the
 * publication itself listed that 2.1 cannot say it (a choice of images, a painted video).
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish } from '../../electron/services/publish/publish';
import { isJsonObject, type JsonObject } from '../../shared/iiif/json';
import { shown, upgradeP2 } from '../shared/publish/presentation2-helpers';
import {
  corpusPresent,
  corpusRoot,
  officialSchemaErrors,
  presentation3Files,
} from '../shared/validation/official-corpus';

if (!corpusPresent) console.log(`Skipping the publish conformance run: no corpus at ${corpusRoot}.`);

const BASE = 'https://publish.example.org/corpus';
/** Losses after which a canvas's images cannot be the same in 2.1 (only one image, or none, is kept). */
const IMAGE_LOSSES = /choice of images|that is not an image/;

let root: string;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'tessera-publish-conformance-'));
});
afterAll(async () => {
  if (root) await fs.rm(root, { recursive: true, force: true });
});

async function published(doc: JsonObject, outDir: string, presentation2: boolean) {
  const outcome = await publish({
    base: BASE,
    manifests: [{ doc }],
    outDir,
    presentation2,
    allowErrors: true,
  });
  if (!outcome.ok) return { error: outcome.error.message };
  const text = await fs.readFile(path.join(outDir, 'manifest.json'), 'utf8');
  return { doc: JSON.parse(text) as JsonObject, lost: outcome.value.manifests[0]?.lost ?? [] };
}

describe.skipIf(!corpusPresent)('publishing the corpus to a folder, as Presentation 3 and 2.1', () => {
  it('keeps every schema-valid Manifest valid, and its 2.1 form upgrades back to the same canvases', async () => {
    const schemaErrors = officialSchemaErrors();
    const manifests = presentation3Files().filter(
      (f) => isJsonObject(f.doc) && f.doc.type === 'Manifest' && schemaErrors(f.doc).length === 0,
    );
    const failures: string[] = [];
    let excused = 0;
    for (const [index, file] of manifests.entries()) {
      const doc = file.doc as JsonObject;
      const p3 = await published(doc, path.join(root, `p3-${index}`), false);
      if (p3.doc === undefined) {
        failures.push(`${file.name}: ${p3.error}`);
        continue;
      }
      const schema = schemaErrors(p3.doc);
      if (schema.length > 0) failures.push(`${file.name}: P3 output fails the schema: ${schema[0]}`);

      const p2 = await published(doc, path.join(root, `p2-${index}`), true);
      if (p2.doc === undefined) {
        failures.push(`${file.name} as 2.1: ${p2.error}`);
        continue;
      }
      let back: JsonObject;
      try {
        back = upgradeP2(p2.doc);
      } catch (error) {
        failures.push(`${file.name}: the 2.1 output does not upgrade: ${String(error)}`);
        continue;
      }
      const expected = shown(p3.doc);
      const actual = shown(back);
      const imagesExcused = p2.lost.some((line) => IMAGE_LOSSES.test(line));
      if (imagesExcused) excused += 1;
      const comparable = (canvases: typeof expected) =>
        canvases.map((c) => (imagesExcused ? { ...c, images: [] } : c));
      try {
        expect(comparable(actual)).toEqual(comparable(expected));
      } catch {
        failures.push(`${file.name}: the 2.1 output upgrades back to other canvases, labels or images`);
      }
    }
    console.log(
      `published ${manifests.length} schema-valid corpus Manifests as P3 and 2.1; images excused for ${excused} by their loss list; ${failures.length} failures`,
    );
    expect(failures).toEqual([]);
    expect(manifests.length).toBeGreaterThan(50);
  });
});
