/**
 * Collections as documents over ../shared/corpus (issue 17): every Presentation 2 or 3 collection opens as a
 * collection with its members counted right, and a Presentation 3 collection saves byte-identical when nothing
 * was edited (the format-preserving save the app uses, text-patch.ts). Upgraded P2 collections have no text of
 * their own: they save whole and read back as the same document.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { memberCount, memberIdOf, memberItems } from '../../shared/iiif/collection';
import { documentKindOf, readDocument, writeDocument } from '../../shared/iiif/document';
import { createTextBase, writeDocumentOver } from '../../shared/iiif/document/text-patch';
import { isJsonObject, type JsonObject } from '../../shared/iiif/json';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = process.env['TESSERA_CORPUS'] ?? path.resolve(projectRoot, '../shared/corpus');

interface CollectionFile {
  readonly name: string;
  readonly text: string;
  readonly raw: JsonObject;
  readonly version: 2 | 3;
}

function collectionsIn(root: string): CollectionFile[] {
  const found: CollectionFile[] = [];
  for (const folder of ['p2', 'p3', 'aux']) {
    const dir = path.join(root, folder);
    if (!existsSync(dir)) continue;
    for (const rel of (readdirSync(dir, { recursive: true }) as string[]).filter((f) =>
      f.endsWith('.json'),
    )) {
      const text = readFileSync(path.join(dir, rel), 'utf8');
      let raw: unknown;
      try {
        raw = JSON.parse(text.replace(/^\uFEFF/, ''));
      } catch {
        continue;
      }
      if (!isJsonObject(raw)) continue;
      const type = raw['type'] ?? raw['@type'];
      if (type === 'Collection' || type === 'sc:Collection')
        found.push({ name: `${folder}/${rel}`, text, raw, version: type === 'Collection' ? 3 : 2 });
    }
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The members a Presentation 2 collection lists: `manifests`, `collections` and `members` together, where a
 * second entry with an id already listed is the same member listed again (P2 allowed a member in `members`
 * and in `manifests`), unless both carry content of their own and differ: then they are distinct collections
 * that happen to share an id (the Universal Viewer's collection), and each counts.
 */
function p2MemberIds(raw: JsonObject): string[] {
  const embedded = (m: JsonObject) =>
    ['manifests', 'collections', 'members', 'sequences'].some((k) => k in m);
  const kept: JsonObject[] = [];
  for (const key of ['manifests', 'collections', 'members']) {
    const list = raw[key];
    if (!Array.isArray(list)) continue;
    for (const m of list) {
      if (!isJsonObject(m)) continue;
      const same = kept.filter((k) => k['@id'] === m['@id']);
      const distinct = embedded(m) && same.every((k) => JSON.stringify(k) !== JSON.stringify(m));
      if (same.length === 0 || distinct) kept.push(m);
    }
  }
  return kept.map((m) => String(m['@id'] ?? ''));
}

if (!existsSync(corpus)) {
  const reason = `the IIIF corpus is not at ${corpus}`;
  console.log(`collection conformance skipped: ${reason}`);
  describe.skip(`collection conformance (skipped: ${reason})`, () => {
    it('needs ../shared/corpus', () => {});
  });
} else {
  const files = collectionsIn(corpus);

  describe('collections in the IIIF corpus open as documents', () => {
    it('finds the corpus collections', () => {
      console.log(
        `collection conformance: ${files.length} collections (${files.filter((f) => f.version === 2).length} P2)`,
      );
      expect(files.length).toBeGreaterThanOrEqual(20);
    });

    it.each(files.map((f) => [f.name, f] as const))(
      '%s opens as a collection with its members',
      (_name, file) => {
        const read = readDocument(file.text);
        expect(read.ok, file.name).toBe(true);
        if (!read.ok) return;
        expect(read.kind).toBe('Collection');
        expect(documentKindOf(read.doc)).toBe('Collection');
        if (file.version === 3) {
          expect(memberCount(read.doc)).toBe((file.raw['items'] as unknown[] | undefined)?.length ?? 0);
        } else {
          const expected = p2MemberIds(file.raw);
          expect(memberItems(read.doc).map(memberIdOf).sort()).toEqual(expected.sort());
          expect(memberCount(read.doc)).toBe(expected.length);
        }
      },
    );

    it.each(files.filter((f) => f.version === 3).map((f) => [f.name, f] as const))(
      '%s saves byte-identical when not edited',
      (_name, file) => {
        const read = readDocument(file.text);
        if (!read.ok) throw new Error(read.error.message);
        const base = createTextBase(file.text, read.doc, read.format);
        expect(writeDocumentOver(base, read.doc)).toBe(file.text);
      },
    );

    it.each(files.filter((f) => f.version === 2).map((f) => [f.name, f] as const))(
      '%s (upgraded) saves and reads back as the same collection',
      (_name, file) => {
        const read = readDocument(file.text);
        if (!read.ok) throw new Error(read.error.message);
        const saved = writeDocument(read.doc, read.format);
        const again = readDocument(saved);
        expect(again.ok && again.upgraded).toBe(false);
        expect(again.ok && again.doc).toEqual(read.doc);
      },
    );
  });
}
