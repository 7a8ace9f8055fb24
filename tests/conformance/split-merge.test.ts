/**
 * Split and merge over ../shared/corpus: every manifest with two canvases or more (P3, and P2 through the
 * upgrade) is split in half. The parts hold the original's canvases in order (the very objects), every property
 * the split does not change is the original's own value, no part has a validation error the original does not
 * have, and merging the parts under the original id gives back the original's canvases. Counts are printed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeDocumentBytes, readDocument } from '../../shared/iiif/document';
import type { JsonObject, JsonValue } from '../../shared/iiif/json';
import { mergeManifests, partsCollection, splitManifest } from '../../shared/iiif/split-merge';
import { validate } from '../../shared/iiif/validation/validate';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = process.env['TESSERA_CORPUS'] ?? path.resolve(projectRoot, '../shared/corpus');
/** What a split replaces; every other property of a part must be the original's own value. */
const REPLACED = new Set(['id', 'label', 'items', 'structures', 'annotations', 'start']);

function manifests(): { name: string; doc: JsonObject }[] {
  return (['p3', 'p2'] as const).flatMap((folder) =>
    (readdirSync(path.join(corpus, folder), { recursive: true }) as string[])
      .filter((f) => f.endsWith('.json'))
      .sort()
      .flatMap((rel) => {
        const decoded = decodeDocumentBytes(readFileSync(path.join(corpus, folder, rel)));
        if (!decoded.ok) return [];
        const read = readDocument(decoded.text);
        if (!read.ok || read.kind !== 'Manifest') return [];
        const items = read.doc['items'];
        return Array.isArray(items) && items.length >= 2 ? [{ name: `${folder}/${rel}`, doc: read.doc }] : [];
      }),
  );
}

const errorCodes = (doc: JsonValue) =>
  new Set(
    validate(doc)
      .filter((f) => f.severity === 'error')
      .map((f) => f.code),
  );

if (!existsSync(corpus)) {
  const reason = `the IIIF corpus is not at ${corpus}`;
  console.log(`split and merge conformance skipped: ${reason}`);
  describe.skip(`split and merge conformance (skipped: ${reason})`, () => {
    it('needs ../shared/corpus', () => {});
  });
} else {
  describe('split and merge over the IIIF corpus', () => {
    it('splits every manifest in half losslessly, and merging the parts gives its canvases back', () => {
      const all = manifests();
      expect(all.length).toBeGreaterThan(50);
      const totals = {
        manifests: 0,
        parts: 0,
        ranges: 0,
        shared: 0,
        dropped: 0,
        newErrors: [] as string[],
        renamedOnMerge: [] as string[],
      };
      for (const { name, doc } of all) {
        const items = doc['items'] as readonly JsonValue[];
        const outcome = splitManifest(doc, { at: [Math.floor(items.length / 2)] });
        expect(outcome.ok, name).toBe(true);
        if (!outcome.ok) continue;
        const { parts } = outcome.value;
        totals.manifests += 1;
        totals.parts += parts.length;
        totals.ranges += outcome.value.ranges;
        totals.shared += outcome.value.rangesShared;
        totals.dropped += outcome.value.rangesDropped;
        const joined = parts.flatMap((p) => p.doc['items'] as readonly JsonValue[]);
        expect(joined.length, name).toBe(items.length);
        expect(
          joined.every((canvas, i) => canvas === items[i]),
          name,
        ).toBe(true);
        for (const part of parts)
          for (const key of Object.keys(doc))
            if (!REPLACED.has(key)) expect(part.doc[key], `${name} ${key}`).toBe(doc[key]);

        const before = errorCodes(doc);
        for (const [i, part] of parts.entries())
          for (const code of errorCodes(part.doc))
            if (!before.has(code)) totals.newErrors.push(`${name} part ${i + 1}: ${code}`);
        // The collection carries an id derived from the original's and its canvases' thumbnails, faults and all.
        const collection = partsCollection(
          doc,
          parts.map((p) => p.doc),
        );
        for (const code of errorCodes(collection))
          if (!before.has(code)) totals.newErrors.push(`${name} collection: ${code}`);

        const merged = mergeManifests(
          parts.map((p) => p.doc),
          { id: String(doc['id']) },
        );
        expect(merged.ok, name).toBe(true);
        if (!merged.ok) continue;
        // An original that gives one id to resources on canvases of both halves gets it renamed in the second.
        if (merged.value.renamedCanvases + merged.value.renamedOthers === 0)
          expect(merged.value.doc['items'], name).toEqual(items);
        else {
          totals.renamedOnMerge.push(name);
          expect((merged.value.doc['items'] as readonly JsonValue[]).length, name).toBe(items.length);
        }
      }
      console.log(
        `split and merge: ${totals.manifests} manifests into ${totals.parts} parts; ${totals.ranges} Ranges, ${totals.shared} shared by both halves, ${totals.dropped} dropped (pointing at no canvas of the manifest); ${totals.renamedOnMerge.length} manifests repeat an id across the halves, renamed on merging (${totals.renamedOnMerge.slice(0, 5).join(', ')})`,
      );
      expect(totals.newErrors).toEqual([]);
    });
  });
}
