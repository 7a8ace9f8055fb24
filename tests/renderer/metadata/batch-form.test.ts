/** The batch form → operation mapping, checked against shared/iiif/batch's own planner (no mocks). */
import { describe, expect, it } from 'vitest';
import { applyBatchEdit, planBatchEdit } from '../../../shared/iiif/batch';
import type { JsonObject } from '../../../shared/iiif/json';
import { BATCH_FIELDS, summariseValue } from '../../../renderer/src/features/batch/batch-fields';
import type { BatchFormState } from '../../../renderer/src/features/batch/batch-form';
import { buildBatchOp, initialBatchForm, withField } from '../../../renderer/src/features/batch/batch-form';

const doc: JsonObject = {
  id: 'https://example.org/m',
  type: 'Manifest',
  label: { en: ['M'] },
  items: [1, 2, 3].map((n) => ({
    id: `https://example.org/c/${n}`,
    type: 'Canvas',
    label: { en: [`p. ${n}`] },
    metadata: [{ label: { en: ['Date'] }, value: { none: ['1850'] } }],
    behavior: ['non-paged'],
    homepage: [{ id: 'https://example.org/h', type: 'Text', label: { en: ['Home'] } }],
  })),
};

/** A form filled in the way a person would for this field and action. */
function filled(field: BatchFormState['field'], action: BatchFormState['action']): BatchFormState {
  const option = BATCH_FIELDS.find((f) => f.field === field)!;
  const base = withField(initialBatchForm('en'), field, option.actions);
  return {
    ...base,
    action,
    map: { en: ['New'], fr: ['Nouveau'] },
    text:
      field === 'rights'
        ? 'https://creativecommons.org/licenses/by/4.0/deed.en'
        : field === 'behavior'
          ? 'facing-pages'
          : ['provider', 'homepage', 'seeAlso', 'rendering', 'thumbnail', 'partOf'].includes(field)
            ? 'https://example.org/new'
            : 'Some text',
    label: field === 'metadata' ? 'Date' : 'A label',
    navDate: '1856-01-01T00:00:00Z',
    behaviors: ['facing-pages'],
    placeKind: 'Polygon',
    placePositions: '12.49, 41.89; 12.5, 41.89\n12.495, 41.9',
  };
}

describe('buildBatchOp', () => {
  for (const { field, actions } of BATCH_FIELDS) {
    for (const action of actions) {
      it(`${action} ${field}: an operation the shared planner accepts and that changes all three canvases or none`, () => {
        const built = buildBatchOp(filled(field, action));
        expect(built).toHaveProperty('op');
        if (!('op' in built)) return;
        const plan = planBatchEdit(doc, [0, 1, 2], built.op);
        expect(plan.error).toBeUndefined();
        expect([0, 3]).toContain(plan.count);
        if (plan.count === 3) expect(applyBatchEdit(doc, plan)).not.toBe(doc);
      });
    }
  }

  it('says what is missing instead of building an empty operation', () => {
    const empty = { ...initialBatchForm('en'), text: '', label: '' };
    expect(buildBatchOp(empty)).toEqual({ missing: expect.stringContaining('label') });
    expect(buildBatchOp({ ...empty, field: 'label', action: 'set', map: {} })).toHaveProperty('missing');
    expect(
      buildBatchOp({ ...empty, field: 'homepage', action: 'append', text: 'javascript:alert(1)' }),
    ).toEqual({
      missing: expect.stringContaining('Only http'),
    });
    expect(buildBatchOp({ ...empty, field: 'navDate', action: 'set' })).toHaveProperty('missing');
    expect(
      buildBatchOp({
        ...empty,
        field: 'navPlace',
        action: 'set',
        placeKind: 'Point',
        placePositions: '41.9, 120',
      }),
    ).toEqual({ missing: expect.stringContaining('longitude first') });
    expect(
      buildBatchOp({
        ...empty,
        field: 'navPlace',
        action: 'set',
        placeKind: 'Polygon',
        placePositions: '1, 2; 3, 4',
      }),
    ).toEqual({ missing: 'A polygon needs at least 3 different positions; 2 were given.' });
  });

  it('gives each canvas its own copy of a typed place, with the context, as one new document', () => {
    const built = buildBatchOp(filled('navPlace', 'set'));
    if (!('op' in built)) throw new Error('expected an operation');
    const withContext: JsonObject = { ...doc, '@context': 'http://iiif.io/api/presentation/3/context.json' };
    const plan = planBatchEdit(withContext, [0, 2], built.op);
    expect(plan.count).toBe(2);
    expect(summariseValue(plan.changes[0]?.after, ['en'])).toBe('polygon “A label”');
    const next = applyBatchEdit(withContext, plan);
    const items = next['items'] as JsonObject[];
    expect((items[0]?.['navPlace'] as JsonObject)['id']).toBe('https://example.org/c/1/feature-collection/1');
    expect((items[2]?.['navPlace'] as JsonObject)['id']).toBe('https://example.org/c/3/feature-collection/1');
    expect(items[1]?.['navPlace']).toBeUndefined();
    expect(buildBatchOp({ ...filled('navPlace', 'set'), placeDate: '1850-01-01T00:00:00Z' })).toMatchObject({
      with: { field: 'navDate', action: 'set', value: '1850-01-01T00:00:00Z' },
    });
    expect(built).not.toHaveProperty('with');
    expect(next['@context']).toEqual([
      'http://iiif.io/api/extension/navplace/context.json',
      'http://iiif.io/api/presentation/3/context.json',
    ]);
  });

  it('normalises a pasted https licence address to the canonical identifier, with a notice', () => {
    const built = buildBatchOp(filled('rights', 'set'));
    if (!('op' in built)) throw new Error('expected an operation');
    const plan = planBatchEdit(doc, 'all', built.op);
    expect(plan.changes[0]?.after).toBe('http://creativecommons.org/licenses/by/4.0/');
    expect(plan.notices.join(' ')).toMatch(/https changed to http/);
  });

  it('sets a required statement on every canvas as one new document', () => {
    const form = { ...initialBatchForm('en'), label: 'Attribution', text: 'Courtesy of X' };
    const built = buildBatchOp(form);
    if (!('op' in built)) throw new Error('expected an operation');
    const next = applyBatchEdit(doc, planBatchEdit(doc, 'all', built.op));
    for (const canvas of next['items'] as JsonObject[]) {
      expect(canvas['requiredStatement']).toEqual({
        label: { en: ['Attribution'] },
        value: { en: ['Courtesy of X'] },
      });
    }
  });
});

describe('summariseValue', () => {
  it('reads every kind of property value as one line', () => {
    expect(summariseValue(undefined, [])).toBe('—');
    expect(summariseValue({ en: ['A'], fr: ['B'] }, ['fr'])).toBe('en: A · fr: B');
    expect(summariseValue({ label: { en: ['Attribution'] }, value: { en: ['X'] } }, [])).toBe(
      'Attribution: X',
    );
    expect(summariseValue(['paged', 'auto-advance'], [])).toBe('paged, auto-advance');
    expect(summariseValue([{ id: 'https://e.org', type: 'Text', label: { en: ['Home'] } }], [])).toBe(
      'Home <https://e.org>',
    );
    expect(summariseValue('http://rightsstatements.org/vocab/InC/1.0/', [])).toBe(
      'http://rightsstatements.org/vocab/InC/1.0/',
    );
  });
});
