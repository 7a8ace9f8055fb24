/**
 * The official Presentation 3 schema lives in ../shared/corpus, which not every machine has. A schema check
 * folded into a long e2e test would pass silently there; instead each file collects the documents it wrote and
 * checks them in a test of its own, which shows as skipped, with the reason in its name, where the schema is absent.
 */
import { expect, it } from 'vitest';
import { corpusPresent, officialSchemaErrors } from '../shared/validation/official-corpus';

export interface SchemaChecks {
  /** Remembers a document a test wrote, to be checked against the official schema. */
  add(what: string, doc: unknown): void;
  /** Registers the check as a test: call it last in the describe, so it runs after the tests that add. */
  test(subject: string): void;
}

export function officialSchemaChecks(): SchemaChecks {
  const documents: [string, unknown][] = [];
  return {
    add: (what, doc) => {
      documents.push([what, doc]);
    },
    test: (subject) =>
      it.skipIf(!corpusPresent)(
        `${subject}: valid by the official Presentation 3 schema (skipped where ../shared/corpus is absent)`,
        () => {
          // An empty list would pass without checking anything: the tests above must have produced documents.
          expect(documents.length).toBeGreaterThan(0);
          const errorsOf = officialSchemaErrors();
          for (const [what, doc] of documents) expect(errorsOf(doc), what).toEqual([]);
        },
      ),
  };
}
