import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyAllFixes } from '../../shared/iiif/validation/fixes';
import { validate } from '../../shared/iiif/validation/validate';
import type { Finding } from '../../shared/iiif/validation/types';
import {
  corpusPresent,
  corpusRoot,
  GOOD_VALIDATOR_FIXTURES,
  officialSchemaValidator,
  presentation3Files,
} from '../shared/validation/official-corpus';

const errorsOf = (findings: readonly Finding[]) => findings.filter((f) => f.severity === 'error');
const describeErrors = (findings: readonly Finding[]) =>
  errorsOf(findings).map((f) => `${f.code} at ${f.pathText}`);

if (!corpusPresent) {
  console.log(`Skipping the validation conformance run: no corpus at ${corpusRoot}.`);
}

describe.skipIf(!corpusPresent)('validation conformance over the IIIF corpus', () => {
  const files = corpusPresent ? presentation3Files() : [];
  const schemaAccepts = corpusPresent ? officialSchemaValidator() : () => true;
  const results = files.map((file) => ({
    ...file,
    schemaOk: schemaAccepts(file.doc),
    findings: validate(file.doc),
  }));

  it('reports an error for every file the official schema rejects', () => {
    const rejected = results.filter((r) => !r.schemaOk);
    const flagged = rejected.filter((r) => errorsOf(r.findings).length > 0);
    const goodFixtures = results.filter(
      (r) =>
        GOOD_VALIDATOR_FIXTURES.includes(path.basename(r.name, '.json')) &&
        r.name.startsWith('p3/validator-fixtures/'),
    );
    const goodClean = goodFixtures.filter((r) => errorsOf(r.findings).length === 0);
    const cookbook = results.filter((r) => r.name.startsWith('p3/cookbook/'));
    const cookbookClean = cookbook.filter((r) => errorsOf(r.findings).length === 0);
    console.log(
      [
        `files checked: ${results.length}`,
        `rejected by the official schema: ${rejected.length}, of those flagged with errors by us: ${flagged.length}`,
        `good validator fixtures with zero errors: ${goodClean.length} of ${goodFixtures.length}`,
        `cookbook recipes with zero errors: ${cookbookClean.length} of ${cookbook.length}`,
      ].join('\n'),
    );
    expect(rejected.filter((r) => errorsOf(r.findings).length === 0).map((r) => r.name)).toEqual([]);
    expect(rejected.length).toBeGreaterThan(0);
  });

  it('gives no error to the 22 fixtures the official validator calls good', () => {
    const good = results.filter(
      (r) =>
        r.name.startsWith('p3/validator-fixtures/') &&
        GOOD_VALIDATOR_FIXTURES.includes(path.basename(r.name, '.json')),
    );
    expect(good).toHaveLength(22);
    expect(Object.fromEntries(good.map((r) => [r.name, describeErrors(r.findings)]))).toEqual(
      Object.fromEntries(good.map((r) => [r.name, []])),
    );
  });

  it('gives no error to the 88 cookbook recipes (they all pass the schema)', () => {
    const cookbook = results.filter((r) => r.name.startsWith('p3/cookbook/'));
    expect(cookbook).toHaveLength(88);
    expect(cookbook.filter((r) => !r.schemaOk).map((r) => r.name)).toEqual([]);
    expect(Object.fromEntries(cookbook.map((r) => [r.name, describeErrors(r.findings)]))).toEqual(
      Object.fromEntries(cookbook.map((r) => [r.name, []])),
    );
  });

  it('applying every certain fix removes those findings and never makes a file worse', () => {
    let nowSchemaValid = 0;
    for (const r of results) {
      const fixed = applyAllFixes(r.doc);
      const after = validate(fixed);
      expect({ file: r.name, fixable: after.filter((f) => f.fix !== undefined).map((f) => f.code) }).toEqual({
        file: r.name,
        fixable: [],
      });
      const newErrorCodes = errorsOf(after).filter((f) => !r.findings.some((b) => b.code === f.code));
      expect({ file: r.name, newErrors: newErrorCodes.map((f) => f.code) }).toEqual({
        file: r.name,
        newErrors: [],
      });
      const schemaOkAfter = schemaAccepts(fixed);
      if (r.schemaOk) expect({ file: r.name, schemaOkAfter }).toEqual({ file: r.name, schemaOkAfter: true });
      else if (schemaOkAfter) nowSchemaValid += 1;
    }
    console.log(`schema-rejected files that the certain fixes alone make schema-valid: ${nowSchemaValid}`);
  });
});
