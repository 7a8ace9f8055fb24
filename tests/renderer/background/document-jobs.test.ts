import { describe, expect, it } from 'vitest';
import { writeDocument } from '../../../shared/iiif/document/write';
import { validate } from '../../../shared/iiif/validation/validate';
import {
  createDocumentWorkerState,
  handleRequests,
  type WorkerRequest,
} from '../../../renderer/src/features/background/document-jobs';
import { createTreeEncoder, mirrorElement } from '../../../renderer/src/features/background/tree-mirror';
import { manifest, relabel } from './fixtures';

const fourSpaces = { indent: '    ', newline: '\r\n', finalNewline: true, bom: false } as const;

describe("the background worker's message handling", () => {
  it('validates and writes the document it mirrors, as the main thread would', () => {
    const encoder = createTreeEncoder();
    const doc = relabel(manifest(3), 1, '<b>HTML in a label</b>');
    const { elements, document } = encoder.encode(doc);
    const replies = handleRequests(createDocumentWorkerState(), [
      { type: 'elements', elements: elements.map(mirrorElement) },
      { type: 'job', seq: 1, document, job: { kind: 'validate' } },
      {
        type: 'job',
        seq: 2,
        document: encoder.encode(doc).document,
        job: { kind: 'write', format: fourSpaces },
      },
    ]);
    expect(replies).toEqual([
      { type: 'done', seq: 1, result: { kind: 'validate', findings: validate(doc) } },
      { type: 'done', seq: 2, result: { kind: 'write', text: writeDocument(doc, fourSpaces) } },
    ]);
    expect(validate(doc).map((f) => f.code)).toContain('html-in-label');
  });

  it('runs only the latest job of a kind among those that arrived together', () => {
    const encoder = createTreeEncoder();
    const first = manifest(3);
    const second = relabel(first, 0, '<i>x</i>');
    const one = encoder.encode(first);
    const two = encoder.encode(second);
    const batch: WorkerRequest[] = [
      { type: 'elements', elements: one.elements.map(mirrorElement) },
      { type: 'job', seq: 1, document: one.document, job: { kind: 'validate' } },
      { type: 'elements', elements: two.elements.map(mirrorElement) },
      { type: 'job', seq: 2, document: two.document, job: { kind: 'validate' } },
    ];
    expect(handleRequests(createDocumentWorkerState(), batch)).toEqual([
      { type: 'superseded', seq: 1 },
      { type: 'done', seq: 2, result: { kind: 'validate', findings: validate(second) } },
    ]);
  });

  it('answers "failed" when its copy is out of step, and starts afresh on reset', () => {
    const state = createDocumentWorkerState();
    const encoder = createTreeEncoder();
    const doc = manifest(2);
    const { elements, document } = encoder.encode(doc);
    handleRequests(state, [{ type: 'elements', elements: elements.map(mirrorElement) }]);
    const [failed] = handleRequests(state, [
      { type: 'reset' },
      { type: 'job', seq: 7, document, job: { kind: 'validate' } },
    ]);
    expect(failed).toMatchObject({ type: 'failed', seq: 7 });
  });
});
