/**
 * Conformance of the document model over ../shared/corpus: ~280 real IIIF files from ~60 institutions
 * (architecture §6). Every file must open or be refused with a clear message, never crash; every Presentation 3
 * manifest or collection must save JSON-equal with the same key order (byte-identical when its layout is
 * standard), also through `tessera upgrade`; every Presentation 2 file must upgrade, and the share of upgrades
 * that pass the official schema is printed, with the source problems that explain the failures.
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
import { decodeDocumentBytes, readDocument, writeDocument } from '../../shared/iiif/document';
import { firstTokenDifference, jsonTokens } from '../shared/document/json-tokens';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.resolve(projectRoot, '../shared/corpus');
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
