/**
 * A resource that must be an object and is not: one finding saying what it must be and what it is, at its
 * place, and nothing checked inside it. One rule (requireObject) for Canvases, Ranges, Annotation Pages and
 * Annotations; the page's message hints at how a reference is written.
 */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../shared/iiif/json';
import { validate } from '../../../shared/iiif/validation/validate';
import { canvas, manifest } from './helpers';

const notObjects = (doc: JsonObject) =>
  validate(doc)
    .filter((f) => f.code.endsWith('-invalid'))
    .map((f) => [f.code, f.path.join('.'), f.message]);

describe('resources that are not objects', () => {
  it('names what each must be, and the value it is', () => {
    const broken = manifest(
      {
        structures: [7],
      },
      [
        'a canvas',
        canvas(2, {
          annotations: [
            'https://example.org/page/1',
            { id: 'https://example.org/page/2', type: 'AnnotationPage', items: [null] },
          ],
        }),
      ],
    );
    expect(notObjects(broken)).toEqual([
      ['canvas-invalid', 'items.0', 'A Canvas must be an object, not "a canvas".'],
      [
        'annotation-page-invalid',
        'items.1.annotations.0',
        'An Annotation Page must be an object, not "https://example.org/page/1" (a reference is written { "id": ..., "type": "AnnotationPage" }).',
      ],
      ['annotation-invalid', 'items.1.annotations.1.items.0', 'An Annotation must be an object, not null.'],
      ['range-invalid', 'structures.0', 'A Range must be an object, not 7.'],
    ]);
  });
});
