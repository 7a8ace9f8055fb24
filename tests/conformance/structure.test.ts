/**
 * Structure conformance over ../shared/corpus: every manifest with `structures` opens with as many Ranges at
 * every depth as its JSON holds (counted here by a separate, plain walk of the parsed text), saves unchanged
 * when not edited, and keeps every other Range byte for byte when one is renamed. Presentation 2 manifests
 * keep every Range of the source through the upgrade (none lost to `within` or a cycle).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeDocumentBytes, readDocument, writeDocument } from '../../shared/iiif/document';
import type { JsonObject } from '../../shared/iiif/json';
import { renameRange, structureView, structuresOf } from '../../shared/iiif/structure';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// TESSERA_CORPUS points elsewhere, e.g. from a git worktree whose parent folder has no shared/ beside it.
const corpus = process.env['TESSERA_CORPUS'] ?? path.resolve(projectRoot, '../shared/corpus');

interface Loaded {
  readonly name: string;
  readonly text: string;
  readonly raw: Record<string, unknown>;
}

function load(folder: 'p2' | 'p3'): Loaded[] {
  const dir = path.join(corpus, folder);
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((rel) => {
      const decoded = decodeDocumentBytes(readFileSync(path.join(dir, rel)));
      if (!decoded.ok) return [];
      const raw = JSON.parse(decoded.text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
      return Array.isArray(raw['structures']) && raw['structures'].length > 0
        ? [{ name: `${folder}/${rel}`, text: decoded.text, raw }]
        : [];
    });
}

/** Ranges per depth in the JSON as written: objects of type Range reached through `items`. */
function countByDepth(structures: unknown[]): number[] {
  const counts: number[] = [];
  const visit = (value: unknown, depth: number) => {
    if (typeof value !== 'object' || value === null || (value as { type?: unknown }).type !== 'Range') return;
    counts[depth - 1] = (counts[depth - 1] ?? 0) + 1;
    const items = (value as { items?: unknown }).items;
    if (Array.isArray(items)) for (const item of items) visit(item, depth + 1);
  };
  for (const range of structures) visit(range, 1);
  return counts;
}

if (!existsSync(corpus)) {
  const reason = `the IIIF corpus is not at ${corpus}`;
  console.log(`structure conformance skipped: ${reason}`);
  describe.skip(`structure conformance (skipped: ${reason})`, () => {
    it('needs ../shared/corpus', () => {});
  });
} else {
  describe('structure conformance over the IIIF corpus', () => {
    const p3 = load('p3').filter((f) => f.raw['type'] === 'Manifest');
    const p2 = load('p2');

    it('opens every Presentation 3 manifest with the Ranges of its JSON at every depth', () => {
      expect(p3.length).toBeGreaterThan(10);
      const report: string[] = [];
      for (const file of p3) {
        const read = readDocument(file.text);
        if (!read.ok) throw new Error(`${file.name}: ${read.error.message}`);
        const expected = countByDepth(file.raw['structures'] as unknown[]);
        expect(structureView(read.doc).countsByDepth, file.name).toEqual(expected);
        report.push(`${file.name}: ${expected.join('/')}`);
      }
      console.log(`ranges per depth in ${p3.length} manifests:\n  ${report.join('\n  ')}`);
    });

    it('saves them unchanged when not edited, and renaming one Range changes no other', () => {
      for (const file of p3) {
        const read = readDocument(file.text);
        if (!read.ok) continue;
        const saved = writeDocument(read.doc, read.format);
        expect(JSON.parse(saved), file.name).toEqual(JSON.parse(file.text.replace(/^\uFEFF/, '')));
        const view = structureView(read.doc);
        const last = view.nodes.filter((n) => n.full).pop();
        if (!last) continue;
        const renamed = renameRange(read.doc, last.address, 'Renamed by the conformance run');
        const before = structureView(read.doc).nodes;
        const after = structureView(renamed).nodes;
        expect(after.length, file.name).toBe(before.length);
        const onPath = new Set<number>();
        for (let p = last.index; p !== -1; p = before[p]!.parent) onPath.add(p);
        before.forEach((node, i) => {
          if (!onPath.has(i)) expect(after[i]!.json, `${file.name} range ${i}`).toBe(node.json);
        });
        expect(renamed['items']).toBe(read.doc['items']);
      }
    });

    it('upgrades every Presentation 2 manifest without losing a Range', () => {
      expect(p2.length).toBeGreaterThan(5);
      const report: string[] = [];
      for (const file of p2) {
        const read = readDocument(file.text);
        if (!read.ok) throw new Error(`${file.name}: ${read.error.message}`);
        const sourceIds = new Set(
          (file.raw['structures'] as Record<string, unknown>[])
            .map((r) => r['@id'])
            .filter((id) => typeof id === 'string'),
        );
        const view = structureView(read.doc as JsonObject);
        const upgradedIds = new Set(view.nodes.map((n) => n.range.id));
        for (const id of sourceIds)
          expect(upgradedIds.has(id as string), `${file.name}: ${String(id)}`).toBe(true);
        // No Range lost its place: top-level entries are Ranges, and no "top" behavior is left.
        for (const node of view.nodes) expect(node.range.behavior ?? [], file.name).not.toContain('top');
        expect(structuresOf(read.doc).length, file.name).toBeGreaterThan(0);
        report.push(`${file.name}: ${sourceIds.size} ranges -> ${view.countsByDepth.join('/')}`);
      }
      console.log(`Presentation 2 ranges upgraded:\n  ${report.join('\n  ')}`);
    });
  });
}
