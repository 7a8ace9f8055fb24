import { describe, expect, it } from 'vitest';
import { isJsonObject } from '../../shared/iiif/json';
import { rewriteIds } from '../../shared/iiif/publish/rewrite-ids';
import { validate } from '../../shared/iiif/validation/validate';
import {
  corpusPresent,
  corpusRoot,
  officialSchemaValidator,
  presentation3Files,
} from '../shared/validation/official-corpus';

if (!corpusPresent) {
  console.log(`Skipping the publication conformance run: no corpus at ${corpusRoot}.`);
}

describe.skipIf(!corpusPresent)('publishing real Manifests keeps them valid', () => {
  it('rewrites the ids of every valid corpus Manifest without creating an error or a schema failure', () => {
    const schemaAccepts = officialSchemaValidator();
    const manifests = presentation3Files().filter((f) => isJsonObject(f.doc) && f.doc.type === 'Manifest');
    let checked = 0;
    for (const file of manifests) {
      const errorsBefore = validate(file.doc).filter((f) => f.severity === 'error').length;
      if (errorsBefore > 0 || !schemaAccepts(file.doc)) continue;
      checked += 1;
      const { doc, mapping } = rewriteIds(file.doc, { toBase: 'https://publish.example.org/corpus/item' });
      const errors = validate(doc).filter((f) => f.severity === 'error');
      expect({
        file: file.name,
        errors: errors.map((f) => `${f.code} at ${f.pathText}`),
        schema: schemaAccepts(doc),
      }).toEqual({
        file: file.name,
        errors: [],
        schema: true,
      });
      const newIds = Object.values(mapping);
      expect(new Set(newIds).size).toBe(newIds.length);
      expect(
        JSON.stringify(rewriteIds(file.doc, { toBase: 'https://publish.example.org/corpus/item' }).doc),
      ).toBe(JSON.stringify(doc));
    }
    console.log(`valid corpus Manifests republished under a new base: ${checked}`);
    expect(checked).toBeGreaterThan(50);
  });
});
