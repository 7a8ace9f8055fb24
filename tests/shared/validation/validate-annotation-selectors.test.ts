import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../../../shared/iiif/json';
import { validate } from '../../../shared/iiif/validation/validate';
import { BASE, canvas, manifest, summary } from './helpers';

const CANVAS = `${BASE}/canvas/1`;

/** Canvas 1 (1000 x 1500) with one commenting annotation on it, targeting `target`. */
function commented(target: JsonValue, body: JsonValue = { type: 'TextualBody', value: 'note' }): JsonObject {
  return manifest({}, [
    canvas(1, {
      annotations: [
        {
          id: `${CANVAS}/comments`,
          type: 'AnnotationPage',
          items: [{ id: `${BASE}/c/1`, type: 'Annotation', motivation: 'commenting', body, target }],
        },
      ],
    }),
  ]);
}

const errors = (target: JsonValue, body?: JsonValue) => summary(validate(commented(target, body)), 'error');
const WHERE = '$.items[0].annotations[0].items[0]';

describe('validate: annotation targets and bodies', () => {
  it('accepts regions, points and outlines on the canvas', () => {
    expect(errors(`${CANVAS}#xywh=0,0,1000,1500`)).toEqual([]);
    expect(
      errors({ type: 'SpecificResource', source: CANVAS, selector: { type: 'PointSelector', x: 10, y: 10 } }),
    ).toEqual([]);
    const svg = '<svg><polygon points="0,0 1000,0 500,1500"/></svg>';
    expect(
      errors({ type: 'SpecificResource', source: CANVAS, selector: { type: 'SvgSelector', value: svg } }),
    ).toEqual([]);
  });

  it('reports targets outside the canvas, in every spelling', () => {
    expect(errors(`${CANVAS}#xywh=900,0,200,10`)).toEqual([`target-outside-canvas@${WHERE}.target`]);
    expect(errors(`${CANVAS}#xywh=percent:50,50,60,10`)).toEqual([`target-outside-canvas@${WHERE}.target`]);
    const point = {
      type: 'SpecificResource',
      source: CANVAS,
      selector: { type: 'PointSelector', x: 1001, y: 5 },
    };
    expect(errors([CANVAS, point])).toEqual([`target-outside-canvas@${WHERE}.target[1]`]);
    const box = {
      type: 'SpecificResource',
      source: { id: CANVAS, type: 'Canvas' },
      selector: { type: 'FragmentSelector', value: 'xywh=0,1400,10,200' },
    };
    expect(errors(box)).toEqual([`target-outside-canvas@${WHERE}.target`]);
    const svg = '<svg><path d="M0,0 L2000,0 L0,10z"/></svg>';
    expect(
      errors({ type: 'SpecificResource', source: CANVAS, selector: { type: 'SvgSelector', value: svg } }),
    ).toEqual([`target-outside-canvas@${WHERE}.target`]);
  });

  it('reports selectors that do not parse', () => {
    expect(errors(`${CANVAS}#xywh=1,2,3`)).toEqual([`selector-invalid@${WHERE}.target`]);
    expect(
      errors({ type: 'SpecificResource', source: CANVAS, selector: { type: 'PointSelector', x: 'left' } }),
    ).toEqual([`selector-invalid@${WHERE}.target`]);
    expect(
      errors({
        type: 'SpecificResource',
        source: CANVAS,
        selector: { type: 'SvgSelector', value: 'a circle' },
      }),
    ).toEqual([`selector-invalid@${WHERE}.target`]);
  });

  it('reports unknown motivations and bodies without value or id', () => {
    const doc = commented(CANVAS);
    const misspelt = JSON.parse(JSON.stringify(doc).replace('"commenting"', '"comenting"')) as JsonObject;
    expect(summary(validate(misspelt), 'warning')).toContain(`motivation-unknown@${WHERE}.motivation`);
    expect(errors(CANVAS, { type: 'TextualBody', format: 'text/plain' })).toEqual([
      `textual-body-value-missing@${WHERE}.body`,
    ]);
    expect(errors(CANVAS, { type: 'Dataset', format: 'application/json' }).join()).toContain(`${WHERE}.body`);
  });
});
