/**
 * Issue 16's validation items: a referenced annotation page that could not be fetched is a finding at its
 * reference (the caller says which failed; the validator never fetches), and a motivation written in another
 * case is fixed with certainty.
 */
import { describe, expect, it } from 'vitest';
import { getIn, type JsonObject } from '../../../shared/iiif/json';
import { applyAllOfKind, applyFix } from '../../../shared/iiif/validation';
import { validate } from '../../../shared/iiif/validation/validate';
import { runDocumentJob } from '../../../renderer/src/features/background/document-jobs';
import { annotatedManifest } from '../annotations/sample';

const REMOTE = 'https://example.org/page/remote';

describe('validate: referenced annotation pages', () => {
  it('reports a page the caller could not fetch, at its reference, and nothing otherwise', () => {
    const doc = annotatedManifest();
    expect(validate(doc).filter((f) => f.code === 'annotation-page-unreachable')).toEqual([]);
    const findings = validate(doc, {
      unreachablePages: new Map([[REMOTE, 'The server could not be reached.']]),
    });
    const unreachable = findings.filter((f) => f.code === 'annotation-page-unreachable');
    expect(unreachable).toHaveLength(1);
    expect(unreachable[0]).toMatchObject({
      severity: 'warning',
      pathText: '$.items[0].annotations[1]',
      resourceId: REMOTE,
      resourceType: 'AnnotationPage',
    });
    expect(unreachable[0]?.message).toContain('(The server could not be reached)');
    // An embedded page of the same address is no reference: its annotations are here.
    const embedded = validate(doc, {
      unreachablePages: new Map([['https://example.org/page/1', 'gone']]),
    });
    expect(embedded.filter((f) => f.code === 'annotation-page-unreachable')).toEqual([]);
  });

  it('is reported by the background validation job with the failures it is given', () => {
    const result = runDocumentJob(annotatedManifest(), {
      kind: 'validate',
      unreachablePages: [[REMOTE, 'Not found (404).']],
    });
    if (result.kind !== 'validate') throw new Error(result.kind);
    expect(result.findings.map((f) => f.code)).toContain('annotation-page-unreachable');
  });
});

describe('validate: motivations written in another case', () => {
  function withMotivation(motivation: string): JsonObject {
    const doc = annotatedManifest();
    return JSON.parse(
      JSON.stringify(doc).replace('"motivation":"commenting"', `"motivation":${JSON.stringify(motivation)}`),
    ) as JsonObject;
  }
  const PATH = ['items', 0, 'annotations', 0, 'items', 0, 'motivation'];

  it('are a warning with a certain fix, which writes the term as the specification does', () => {
    const doc = withMotivation(' Commenting');
    const finding = validate(doc).find((f) => f.code === 'motivation-unknown');
    expect(finding?.fix).toBe('canonical-motivation');
    expect(finding?.message).toContain('"commenting"');
    expect(getIn(applyFix(doc, finding!) as JsonObject, PATH)).toBe('commenting');
    expect(
      getIn(applyAllOfKind(withMotivation('contentstate'), 'motivation-unknown') as JsonObject, PATH),
    ).toBe('contentState');
  });

  it('offer no fix for a misspelling, which is only a guess', () => {
    const finding = validate(withMotivation('comenting')).find((f) => f.code === 'motivation-unknown');
    expect(finding?.fix).toBeUndefined();
  });
});
