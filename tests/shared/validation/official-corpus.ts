/**
 * The conformance corpus (../shared/corpus beside the project): real IIIF documents and the official
 * Presentation 3 schema. Not part of the repository: the conformance runs skip without it, saying why, and the
 * publication tests then check published files with our validator only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isJsonObject, type JsonValue } from '../../../shared/iiif/json';

const projectRoot = path.resolve(import.meta.dirname, '../../..');
export const corpusRoot = path.resolve(projectRoot, '../shared/corpus');
export const corpusPresent = existsSync(path.join(corpusRoot, 'schema', 'iiif_3_0.json'));

/** The validator fixtures the official validator's own tests expect to pass (tests/test_validator.py). */
export const GOOD_VALIDATOR_FIXTURES = [
  'simple_video',
  'full_example',
  'choice',
  'collection',
  'collection_of_collections',
  'version2image',
  'annoPage',
  'anno_pointselector',
  'annoPageMultipleMotivations',
  'old_cc_license',
  'rightsstatement_license',
  'extension_anno',
  'multi_bodies',
  'publicdomain',
  'navPlace',
  'anno_source',
  'range_range',
  'accompanyingCanvas',
  'placeholderCanvas',
  'point_selector',
  'annotation_full',
  'content_state',
];

export interface CorpusFile {
  /** Path relative to the corpus, with "/" separators. */
  readonly name: string;
  readonly doc: JsonValue;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return jsonFiles(full);
    return entry.name.endsWith('.json') ? [full] : [];
  });
}

/** Every JSON file under p3/, and any other document in the corpus whose @context claims Presentation 3. */
export function presentation3Files(): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (const file of jsonFiles(corpusRoot)) {
    const name = path.relative(corpusRoot, file).split(path.sep).join('/');
    if (name.startsWith('schema/') || name.startsWith('info/')) continue;
    const doc = JSON.parse(readFileSync(file, 'utf8')) as JsonValue;
    const context = isJsonObject(doc) ? JSON.stringify(doc['@context'] ?? '') : '';
    if (name.startsWith('p3/') || context.includes('iiif.io/api/presentation/3')) files.push({ name, doc });
  }
  return files.sort((a, b) => a.name.localeCompare(b.name));
}

/** The official validator's check: Ajv, draft-07, strict off, formats not checked. */
export function officialSchemaValidator(): (doc: JsonValue) => boolean {
  const require = createRequire(import.meta.url);
  const Ajv = require('ajv') as new (options: object) => {
    compile(schema: unknown): (doc: unknown) => boolean;
  };
  const schema = JSON.parse(readFileSync(path.join(corpusRoot, 'schema', 'iiif_3_0.json'), 'utf8'));
  return new Ajv({ strict: false, validateFormats: false }).compile(schema);
}

/** Lists the official schema's complaints about a document (empty when it passes). */
export function officialSchemaErrors(): (doc: unknown) => string[] {
  const require = createRequire(import.meta.url);
  const Ajv = require('ajv') as new (options: object) => {
    compile(
      schema: unknown,
    ): ((doc: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };
  };
  const schema = JSON.parse(readFileSync(path.join(corpusRoot, 'schema', 'iiif_3_0.json'), 'utf8'));
  const check = new Ajv({ strict: false, validateFormats: false, allErrors: true }).compile(schema);
  return (doc) => (check(doc) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`));
}
