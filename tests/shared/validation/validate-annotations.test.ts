import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../shared/iiif/json';
import { validate } from '../../../shared/iiif/validation/validate';
import { BASE, canvas, image, manifest, summary } from './helpers';

/** The first Canvas's painting Annotation, changed. */
function withAnnotation(
  change: (annotation: Record<string, unknown>) => void,
  extra: JsonObject = {},
): JsonObject {
  const first = JSON.parse(JSON.stringify(canvas(1, extra)));
  change(first.items[0].items[0]);
  return manifest({}, [first, canvas(2)]);
}

describe('validate: Annotations', () => {
  it('requires a target', () => {
    const findings = validate(withAnnotation((a) => delete a.target));
    expect(summary(findings, 'error')).toEqual(['annotation-missing-target@$.items[0].items[0].items[0]']);
  });

  it('suggests the motivation meant by a misspelling', () => {
    const findings = validate(withAnnotation((a) => (a.motivation = ['painting', 'comenting'])));
    expect(summary(findings, 'warning')).toEqual([
      'motivation-unknown@$.items[0].items[0].items[0].motivation[1]',
    ]);
    expect(findings[0]?.message).toContain('"commenting"');
  });

  it('quotes a megabyte-long motivation in a few words (found by the fuzz gate)', () => {
    const findings = validate(withAnnotation((a) => (a.motivation = ['painting', 'x'.repeat(1_000_000)])));
    const unknown = findings.find((f) => f.code === 'motivation-unknown');
    expect(unknown?.message).toMatch(/^"x+\.\.\." is not a known motivation/);
    expect(unknown?.message.length).toBeLessThan(200);
  });

  it('keeps painting in items and everything else in annotations', () => {
    const commenting = withAnnotation((a) => (a.motivation = 'commenting'));
    expect(summary(validate(commenting), 'error')).toEqual([
      'non-painting-in-items@$.items[0].items[0].items[0].motivation',
    ]);
    const noMotivation = withAnnotation((a) => delete a.motivation);
    expect(summary(validate(noMotivation), 'error')).toEqual([
      'painting-motivation-missing@$.items[0].items[0].items[0]',
    ]);
    const paintingComment = canvas(1, {
      annotations: [
        {
          id: `${BASE}/canvas/1/comments`,
          type: 'AnnotationPage',
          items: [
            {
              id: `${BASE}/c/1`,
              type: 'Annotation',
              motivation: 'painting',
              body: image(9),
              target: `${BASE}/canvas/1`,
            },
          ],
        },
      ],
    });
    expect(summary(validate(manifest({}, [paintingComment])), 'error')).toEqual([
      'painting-in-annotations@$.items[0].annotations[0].items[0].motivation',
    ]);
  });

  it('warns when a painting Annotation targets another resource than its Canvas', () => {
    const findings = validate(withAnnotation((a) => (a.target = `${BASE}/canvas/2`)));
    expect(summary(findings)).toEqual(['painting-target-mismatch@$.items[0].items[0].items[0].target']);
  });

  it('keeps regions inside the Canvas and time segments on Canvases with a duration', () => {
    const outside = validate(withAnnotation((a) => (a.target = `${BASE}/canvas/1#xywh=900,0,200,100`)));
    expect(summary(outside, 'error')).toEqual(['target-outside-canvas@$.items[0].items[0].items[0].target']);
    const timed = validate(withAnnotation((a) => (a.target = `${BASE}/canvas/1#t=0,10`)));
    expect(summary(timed, 'error')).toEqual(['target-outside-canvas@$.items[0].items[0].items[0].target']);
  });

  it('accepts a SpecificResource target with a selector', () => {
    const findings = validate(
      withAnnotation(
        (a) =>
          (a.target = {
            type: 'SpecificResource',
            source: { id: `${BASE}/canvas/1`, type: 'Canvas' },
            selector: { type: 'FragmentSelector', value: 'xywh=0,0,10,10' },
          }),
      ),
    );
    expect(summary(findings)).toEqual([]);
  });

  it('warns when a painted image would be stretched, and only notes a uniform scale', () => {
    const stretched = validate(manifest({}, [canvas(1, {}, image(1, 1000, 1000))]));
    expect(summary(stretched)).toEqual(['painting-size-mismatch@$.items[0].items[0].items[0].body']);
    const scaled = validate(manifest({}, [canvas(1, {}, image(1, 2000, 3000))]));
    expect(scaled.map((f) => [f.code, f.severity])).toEqual([['painting-scaled', 'info']]);
  });

  it('does not compare sizes when the image paints a region of the Canvas', () => {
    const findings = validate(
      manifest({}, [
        (() => {
          const c = JSON.parse(JSON.stringify(canvas(1, {}, image(1, 500, 500))));
          c.items[0].items[0].target = `${BASE}/canvas/1#xywh=0,0,500,500`;
          return c;
        })(),
      ]),
    );
    expect(summary(findings)).toEqual([]);
  });

  it('refuses timed content on a Canvas without a duration', () => {
    const video = {
      id: 'https://example.org/v.mp4',
      type: 'Video',
      format: 'video/mp4',
      width: 1000,
      height: 1500,
      duration: 10,
    };
    expect(summary(validate(manifest({}, [canvas(1, {}, video)])), 'error')).toEqual([
      'painting-dimension-undefined@$.items[0].items[0].items[0].body',
    ]);
  });

  it('checks bodies: ids, types, TextualBody values, Choice items and image ids', () => {
    const body: JsonObject = {
      type: 'Choice',
      items: [
        { type: 'Image', format: 'image/jpeg' },
        { id: 'https://example.org/a.mp3', type: 'Audio', format: 'audio/mpeg' },
        {
          id: 'https://images.example.org/iiif/x',
          type: 'Image',
          service: [{ id: 'https://images.example.org/iiif/x', type: 'ImageService3', profile: 'level0' }],
        },
      ],
    };
    const findings = validate(manifest({}, [canvas(1, {}, body)]));
    expect(summary(findings, 'error')).toEqual([
      'id-missing@$.items[0].items[0].items[0].body.items[0]',
      'image-id-is-service@$.items[0].items[0].items[0].body.items[2].id',
    ]);
    expect(summary(findings, 'warning')).toEqual([
      'content-type-unusual@$.items[0].items[0].items[0].body.items[1].type',
    ]);
    const textual = validate(withAnnotation((a) => (a.body = { type: 'TextualBody', format: 'text/plain' })));
    expect(summary(textual, 'error')).toEqual([
      'textual-body-value-missing@$.items[0].items[0].items[0].body',
    ]);
  });

  it('validates a standalone Annotation Page without Canvas rules', () => {
    const page: JsonObject = {
      '@context': 'http://iiif.io/api/presentation/3/context.json',
      id: `${BASE}/annotations/1`,
      type: 'AnnotationPage',
      items: [
        {
          id: `${BASE}/annotations/1/a`,
          type: 'Annotation',
          motivation: 'commenting',
          body: { type: 'TextualBody', value: 'x' },
          target: `${BASE}/canvas/1`,
        },
        { id: `${BASE}/annotations/1/b`, type: 'Annotation', body: { type: 'TextualBody', value: 'y' } },
      ],
    };
    expect(summary(validate(page))).toEqual([
      'motivation-missing@$.items[1]',
      'annotation-missing-target@$.items[1]',
    ]);
  });
});
