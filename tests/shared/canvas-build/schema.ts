/**
 * The official Presentation 3 schema (../shared/corpus/schema/iiif_3_0.json beside the project) as a test
 * oracle, checked the way the official validator does: Ajv, strict off, formats not checked. The corpus is not
 * part of the repository: tests that need it skip with a message when it is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';

const schemaPath = path.resolve(import.meta.dirname, '../../../../shared/corpus/schema/iiif_3_0.json');

export const schemaPresent = existsSync(schemaPath);
export const schemaMissingMessage = `the official schema is not at ${schemaPath}: schema checks skipped`;

let compiled: ((doc: unknown) => string[]) | null = null;

/** The schema's complaints about `doc` (empty when it passes). */
export function schemaErrors(doc: unknown): string[] {
  if (!compiled) {
    const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
    const check = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
    compiled = (value) =>
      check(value) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
  }
  return compiled(doc);
}
