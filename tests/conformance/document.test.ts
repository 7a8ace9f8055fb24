/**
 * Conformance of the document model over ../shared/corpus: ~280 real IIIF files from ~60 institutions (the
 * conformance corpus beside this repository, when present). Every file must open or be refused with a clear
 * message, never crash; every Presentation 3 manifest or collection must save JSON-equal with the same key
 * order (byte-identical when its layout is standard), also through `tessera upgrade`; every Presentation 2
 * file must upgrade, and the share of upgrades that pass the official schema is printed, with the source
 * problems that explain the failures.
 */
import Ajv from 'ajv';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../electron/cli/cli-io';
import { runCli } from '../../electron/cli/main';
import { nodeIo } from '../../electron/cli/node-io';
import type { ReadResult } from '../../shared/iiif/document';
import { decodeDocumentBytes, readDocument, setProperty, writeDocument } from '../../shared/iiif/document';
import { JsonLocations } from '../../shared/iiif/document/json-locations';
import { createTextBase, writeDocumentOver } from '../../shared/iiif/document/text-patch';
import type { JsonObject, JsonPath } from '../../shared/iiif/json';
import { isJsonObject } from '../../shared/iiif/json';
import { firstTokenDifference, jsonTokens } from '../shared/document/json-tokens';
import { changedLineRange } from '../shared/document/line-diff';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// TESSERA_CORPUS points elsewhere, e.g. from a git worktree, which has no ../shared beside it.
const corpus = process.env['TESSERA_CORPUS'] ?? path.resolve(projectRoot, '../shared/corpus');
const FOLDERS = ['p2', 'p3', 'aux', 'info'] as const;

interface CorpusFile {
  /** Path relative to the corpus, e.g. "p3/cookbook/0001-mvm-image.json". */
  readonly name: string;
  readonly folder: (typeof FOLDERS)[number];
  readonly text: string;
  readonly read: ReadResult;
}

function listJson(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.json')).sort();
}

function loadCorpus(): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (const folder of FOLDERS) {
    for (const rel of listJson(path.join(corpus, folder))) {
      const bytes = readFileSync(path.join(corpus, folder, rel));
      const decoded = decodeDocumentBytes(bytes);
      if (!decoded.ok) throw new Error(`${folder}/${rel}: ${decoded.error.message}`);
      files.push({ name: `${folder}/${rel}`, folder, text: decoded.text, read: readDocument(decoded.text) });
    }
  }
  return files;
}

/** Where the first label of a document is (the manifest's, else its first canvas's) and its first string. */
function firstLabel(doc: JsonObject): { path: JsonPath; language: string; values: string[] } | null {
  const items = doc['items'];
  const candidates: JsonPath[] = [[], ...(Array.isArray(items) && items.length > 0 ? [['items', 0]] : [])];
  for (const path of candidates) {
    const owner = path.length === 0 ? doc : (doc['items'] as JsonObject[])[0];
    const label = isJsonObject(owner) ? owner['label'] : undefined;
    if (!isJsonObject(label)) continue;
    for (const [language, values] of Object.entries(label)) {
      if (Array.isArray(values) && typeof values[0] === 'string')
        return { path, language, values: values as string[] };
    }
  }
  return null;
}

/** The 0-based lines of the text that the value at `path` (object keys and array indices) spans. */
function linesOf(text: string, path: JsonPath): { first: number; last: number } {
  const locations = new JsonLocations(text);
  let span = locations.root();
  for (const step of path) {
    span =
      typeof step === 'number'
        ? (locations.arrayItems(span.start)[step] as typeof span)
        : (locations.objectMembers(span.start).findLast((m) => m.key === step) as typeof span);
  }
  const line = (offset: number) => text.slice(0, offset).split('\n').length - 1;
  return { first: line(span.start), last: line(span.end) };
}

/** The text JSON.stringify would make of the same value in the same layout: "standard-formatted" input. */
function isStandardLayout(file: CorpusFile): boolean {
  if (!file.read.ok || file.read.upgraded) return false;
  const { format } = file.read;
  const body = JSON.stringify(JSON.parse(file.text.replace(/^\uFEFF/, '')), null, format.indent);
  return writeDocument(JSON.parse(body), format) === file.text;
}

if (!existsSync(corpus)) {
  const reason = `the IIIF corpus is not at ${corpus}`;
  console.log(`document conformance skipped: ${reason}`);
  describe.skip(`document conformance (skipped: ${reason})`, () => {
    it('needs ../shared/corpus', () => {});
  });
} else {
  const files = loadCorpus();
  const p3Documents = files.filter((f) => f.folder === 'p3' && f.read.ok);
  const p2Files = files.filter((f) => f.folder === 'p2');

  describe('document conformance over the IIIF corpus', () => {
    it('opens every file or refuses it with a clear message', () => {
      expect(files.length).toBeGreaterThan(250);
      const refusedBy: Record<string, number> = {};
      for (const file of files) {
        if (file.read.ok) continue;
        refusedBy[file.read.error.code] = (refusedBy[file.read.error.code] ?? 0) + 1;
        expect(file.read.error.message, file.name).toMatch(/^This (is|file)|^The file/);
      }
      // Every Presentation 2 and 3 manifest or collection opens; everything else is named for what it is.
      for (const file of files) {
        const type =
          (JSON.parse(file.text.replace(/^\uFEFF/, '')) as { type?: string; '@type'?: string }) ?? {};
        const isDocument =
          ['Manifest', 'Collection'].includes(type.type ?? '') ||
          /^sc:(Manifest|Collection)$/.test(type['@type'] ?? '');
        expect(file.read.ok, `${file.name}: ${file.read.ok ? '' : file.read.error.message}`).toBe(isDocument);
      }
      for (const file of files.filter((f) => f.folder === 'info')) {
        expect(!file.read.ok && file.read.error.message, file.name).toMatch(/Image API info\.json/);
      }
      const opened = files.filter((f) => f.read.ok).length;
      console.log(
        `document conformance: ${files.length} files: ${opened} opened ` +
          `(${p3Documents.length} P3, ${p2Files.length} P2 upgraded), ${files.length - opened} refused ` +
          `(${Object.entries(refusedBy)
            .map(([code, n]) => `${code} ${n}`)
            .join(', ')})`,
      );
    });

    it('saves every P3 manifest and collection JSON-equal, same key order, byte-identical when standard', () => {
      let standard = 0;
      let identical = 0;
      for (const file of p3Documents) {
        if (!file.read.ok) continue;
        const out = writeDocument(file.read.doc, file.read.format);
        const at = firstTokenDifference(jsonTokens(out), jsonTokens(file.text));
        expect(at, `${file.name}: first differing token #${at}`).toBe(-1);
        if (isStandardLayout(file)) {
          standard += 1;
          expect(out, file.name).toBe(file.text);
        }
        if (out === file.text) identical += 1;
      }
      console.log(
        `document conformance: ${p3Documents.length} P3 documents round-trip with the same tokens in the same ` +
          `order; ${identical} byte-identical (${standard} are in a standard layout, all of them identical)`,
      );
    });

    it('saves a one-label edit of every P3 document by changing only the lines of that value', () => {
      let edited = 0;
      let changedLines = 0;
      let reformatted = 0;
      const unlabelled: string[] = [];
      for (const file of p3Documents) {
        if (!file.read.ok) continue;
        const found = firstLabel(file.read.doc);
        if (!found) {
          unlabelled.push(file.name);
          continue;
        }
        const { path: owner, language, values } = found;
        const ownerObject = owner.length === 0 ? file.read.doc : (file.read.doc['items'] as JsonObject[])[0];
        const label = (ownerObject as JsonObject)['label'] as JsonObject;
        const next = setProperty(file.read.doc, owner, 'label', {
          ...label,
          [language]: [`${values[0] ?? ''} (edited)`, ...values.slice(1)],
        });
        const base = createTextBase(file.text, file.read.doc, file.read.format);
        const out = writeDocumentOver(base, next);
        expect(JSON.stringify(JSON.parse(out.replace(/^\uFEFF/, ''))), file.name).toBe(JSON.stringify(next));
        const where = linesOf(file.text, [...owner, 'label', language, 0]);
        const diff = changedLineRange(file.text, out);
        expect(diff.first, file.name).toBeGreaterThanOrEqual(where.first);
        expect(diff.first + diff.removed - 1, file.name).toBeLessThanOrEqual(where.last);
        expect(diff.added, file.name).toBe(diff.removed);
        // The same edit through JSON.stringify, for comparison: how many lines a whole rewrite would touch.
        if (changedLineRange(file.text, writeDocument(next, file.read.format)).removed > diff.removed)
          reformatted += 1;
        edited += 1;
        changedLines += diff.removed;
      }
      console.log(
        `document conformance: one label edited in ${edited} P3 documents (${unlabelled.length} have no ` +
          `label): ${changedLines} lines changed in all, ${(changedLines / Math.max(edited, 1)).toFixed(2)} ` +
          `per file; a whole rewrite would have touched more lines in ${reformatted} of them`,
      );
      expect(edited).toBeGreaterThan(0);
    });

    describe('through `tessera upgrade`', () => {
      const out = mkdtempSync(path.join(os.tmpdir(), 'tessera-conformance-'));
      afterAll(() => rmSync(out, { recursive: true, force: true }));

      async function upgrade(file: CorpusFile): Promise<{ code: number; text: string; stderr: string }> {
        const target = path.join(out, file.name.replace(/[/\\]/g, '__'));
        let stderr = '';
        const io: CliIo = { ...nodeIo(), stdout: () => {}, stderr: (t) => void (stderr += t) };
        const code = await runCli(['upgrade', path.join(corpus, file.name), '-o', target], io);
        return { code, text: code === 0 ? readFileSync(target, 'utf8') : '', stderr };
      }

      it('writes every P3 document back with the same tokens in the same order', async () => {
        for (const file of p3Documents) {
          const run = await upgrade(file);
          expect(run.code, `${file.name}: ${run.stderr}`).toBe(0);
          expect(firstTokenDifference(jsonTokens(run.text), jsonTokens(file.text)), file.name).toBe(-1);
        }
      });

      it('upgrades every P2 file to P3; prints how many pass the official schema, and why the others fail', async () => {
        const schema = JSON.parse(readFileSync(path.join(corpus, 'schema/iiif_3_0.json'), 'utf8')) as object;
        const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
        const validate = ajv.compile(schema);
        let passing = 0;
        const unexplained: string[] = [];
        const explained: string[] = [];
        for (const file of p2Files) {
          const run = await upgrade(file);
          expect(run.code, `${file.name}: ${run.stderr}`).toBe(0);
          const upgraded = JSON.parse(run.text) as { type?: string; '@context'?: unknown };
          expect(['Manifest', 'Collection'], file.name).toContain(upgraded.type);
          expect(JSON.stringify(upgraded['@context']), file.name).toContain('presentation/3/context.json');
          expect(run.stderr, file.name).toMatch(/upgraded from Presentation 2/);
          if (validate(upgraded)) {
            passing += 1;
            continue;
          }
          const read = file.read.ok ? file.read : undefined;
          const causes = (read?.notices ?? []).filter((n) => n.code.startsWith('source-')).map((n) => n.code);
          const firstError = validate.errors?.[0];
          const where = `${file.name} (schema: ${firstError?.instancePath || '/'} ${firstError?.message ?? ''})`;
          if (causes.length === 0) unexplained.push(where);
          else explained.push(`${where} <- ${causes.join(', ')}`);
        }
        console.log(
          `document conformance: ${passing} of ${p2Files.length} upgraded P2 files pass the official P3 schema ` +
            `(${Math.round((100 * passing) / p2Files.length)}%); ${explained.length} failures explained by ` +
            `source notices, ${unexplained.length} unexplained` +
            [...explained, ...unexplained.map((u) => `${u} <- no notice`)]
              .map((line) => `\n  ${line}`)
              .join(''),
        );
        expect(unexplained, 'upgraded files failing the schema with no notice saying why').toEqual([]);
      });
    });
  });
}
