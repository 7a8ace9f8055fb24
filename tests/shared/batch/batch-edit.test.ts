import { describe, expect, it } from 'vitest';
import type { BatchOp } from '../../../shared/iiif/batch';
import { applyBatchEdit, planBatchEdit, planBatchEdits } from '../../../shared/iiif/batch';
import type { JsonObject } from '../../../shared/iiif/json';
import { setIn } from '../../../shared/iiif/json';
import { canvasId, deepFreeze, itemsOf, makeManifest } from './manifest-fixture';

const doc = deepFreeze(
  makeManifest(5, (index) =>
    index === 2
      ? {
          label: { en: ['Page three'], fr: ['Page trois'] },
          metadata: [
            { label: { en: ['Date'] }, value: { none: ['1850'] } },
            { label: { en: ['Subject'], fr: ['Sujet'] }, value: { en: ['Maps'] } },
          ],
          behavior: ['non-paged'],
          seeAlso: [{ id: 'https://example.org/a.xml', type: 'Dataset' }],
        }
      : {},
  ),
);

/** Plans, applies, and returns the canvas at `index` of the result. */
function edit(op: BatchOp, indices: readonly number[] | 'all' = [2], index = 2): JsonObject {
  return itemsOf(applyBatchEdit(doc, indices, op))[index] as JsonObject;
}

describe('planBatchEdit', () => {
  it('previews one row per changed canvas in document order', () => {
    const plan = planBatchEdit(doc, [3, 1, 3], { field: 'summary', action: 'set', value: { en: ['Blank'] } });
    expect(plan.count).toBe(2);
    expect(plan.error).toBeUndefined();
    expect(plan.changes).toEqual([
      {
        index: 1,
        canvasId: canvasId(1),
        label: 'p. 2',
        field: 'summary',
        before: undefined,
        after: { en: ['Blank'] },
      },
      {
        index: 3,
        canvasId: canvasId(3),
        label: 'p. 4',
        field: 'summary',
        before: undefined,
        after: { en: ['Blank'] },
      },
    ]);
  });

  it('leaves out canvases the operation would not change', () => {
    const plan = planBatchEdit(doc, 'all', { field: 'label', action: 'remove', language: 'fr' });
    expect(plan.changes.map((change) => change.index)).toEqual([2]);
  });

  it('ignores indices that are out of range', () => {
    expect(planBatchEdit(doc, [-1, 99, 0.5], { field: 'rights', action: 'remove' }).count).toBe(0);
  });

  it.each<[BatchOp, string]>([
    [{ field: 'navDate', action: 'set', value: '1850-01-01' }, 'timezone'],
    [{ field: 'navDate', action: 'set', value: '1850-13-01T00:00:00Z' }, 'timezone'],
    [{ field: 'rights', action: 'set', value: 'All rights reserved' }, 'single URI'],
    [{ field: 'label', action: 'append', language: 'en_GB', value: 'x' }, 'language tag'],
    [{ field: 'label', action: 'set', value: {} }, 'remove'],
    [{ field: 'metadata', action: 'set', label: ' ', language: 'en', value: 'x' }, 'label'],
    [{ field: 'requiredStatement', action: 'set', value: { label: { en: ['A'] }, value: {} } }, 'both'],
    [{ field: 'thumbnail', action: 'append', value: { id: 'https://example.org/t.jpg' } }, '"type"'],
    [{ field: 'behavior', action: 'append', value: ' ' }, 'Empty'],
  ])('reports bad input as an error, not a throw: %j', (op, message) => {
    const plan = planBatchEdit(doc, 'all', op);
    expect(plan.error).toContain(message);
    expect(plan.changes).toEqual([]);
    expect(applyBatchEdit(doc, plan)).toBe(doc);
  });

  it('normalises a rights URI and says so', () => {
    const plan = planBatchEdit(doc, [0], {
      field: 'rights',
      action: 'set',
      value: 'https://creativecommons.org/licenses/by/4.0/deed.en',
    });
    expect(plan.changes[0]?.after).toBe('http://creativecommons.org/licenses/by/4.0/');
    expect(plan.notices[0]).toContain('https changed to http');
  });
});

describe('applyBatchEdit', () => {
  it('builds one new document that shares every untouched canvas', () => {
    const next = applyBatchEdit(doc, [1, 3], {
      field: 'navDate',
      action: 'set',
      value: '1850-01-01T00:00:00Z',
    });
    expect(next).not.toBe(doc);
    const before = itemsOf(doc);
    const after = itemsOf(next);
    expect(after[0]).toBe(before[0]);
    expect(after[2]).toBe(before[2]);
    expect(after[4]).toBe(before[4]);
    expect(after[1]?.['navDate']).toBe('1850-01-01T00:00:00Z');
    expect(after[1]?.['items']).toBe(before[1]?.['items']);
    expect(next['label']).toBe(doc['label']);
  });

  it('returns the same document when nothing changes', () => {
    expect(applyBatchEdit(doc, [2], { field: 'behavior', action: 'append', value: 'non-paged' })).toBe(doc);
    expect(applyBatchEdit(doc, [0], { field: 'label', action: 'set', value: { none: ['p. 1'] } })).toBe(doc);
  });

  it('applies only the rows left in a plan (the user unticked the others)', () => {
    const plan = planBatchEdit(doc, 'all', {
      field: 'rights',
      action: 'set',
      value: 'http://rightsstatements.org/vocab/InC/1.0/',
    });
    const next = applyBatchEdit(doc, {
      ...plan,
      changes: plan.changes.filter((change) => change.index !== 0),
    });
    expect(itemsOf(next).map((canvas) => canvas['rights'] ?? null)).toEqual([
      null,
      'http://rightsstatements.org/vocab/InC/1.0/',
      'http://rightsstatements.org/vocab/InC/1.0/',
      'http://rightsstatements.org/vocab/InC/1.0/',
      'http://rightsstatements.org/vocab/InC/1.0/',
    ]);
  });

  it('skips rows whose canvas changed since the preview, and follows canvases that moved', () => {
    const plan = planBatchEdit(doc, [0, 1], {
      field: 'summary',
      action: 'append',
      language: 'en',
      value: 'Recto',
    });
    let later = setIn(doc, ['items', 0, 'summary'], { en: ['Edited meanwhile'] }) as JsonObject;
    const [first, second, ...rest] = itemsOf(later) as [JsonObject, JsonObject, ...JsonObject[]];
    later = setIn(later, ['items'], [second, first, ...rest]) as JsonObject;
    const next = applyBatchEdit(later, plan);
    expect(itemsOf(next)[1]?.['summary']).toEqual({ en: ['Edited meanwhile'] });
    expect(itemsOf(next)[0]?.['id']).toBe(canvasId(1));
    expect(itemsOf(next)[0]?.['summary']).toEqual({ en: ['Recto'] });
  });
});

describe('operations', () => {
  it('label and summary: set, append, remove a language, remove all', () => {
    expect(edit({ field: 'label', action: 'set', value: { de: ['Seite 3'] } })['label']).toEqual({
      de: ['Seite 3'],
    });
    expect(edit({ field: 'label', action: 'append', language: 'en', value: 'Recto' })['label']).toEqual({
      en: ['Page three', 'Recto'],
      fr: ['Page trois'],
    });
    expect(edit({ field: 'label', action: 'remove', language: 'en' })['label']).toEqual({
      fr: ['Page trois'],
    });
    expect(edit({ field: 'label', action: 'remove' })).not.toHaveProperty('label');
    const onlyFr = itemsOf(
      applyBatchEdit(applyBatchEdit(doc, [2], { field: 'label', action: 'remove', language: 'en' }), [2], {
        field: 'label',
        action: 'remove',
        language: 'fr',
      }),
    )[2];
    expect(onlyFr).not.toHaveProperty('label');
  });

  it('label: normalises a non-conformant string label when it edits it', () => {
    const stringLabel = setIn(doc, ['items', 0, 'label'], 'p. 1') as JsonObject;
    const next = applyBatchEdit(stringLabel, [0], {
      field: 'label',
      action: 'append',
      language: 'en',
      value: 'Cover',
    });
    expect(itemsOf(next)[0]?.['label']).toEqual({ none: ['p. 1'], en: ['Cover'] });
    expect(applyBatchEdit(stringLabel, [0], { field: 'label', action: 'remove', language: 'de' })).toBe(
      stringLabel,
    );
  });

  it('metadata: set updates one language of an existing pair and keeps the rest', () => {
    const canvas = edit({
      field: 'metadata',
      action: 'set',
      label: 'Subject',
      language: 'en',
      value: 'Charts',
      valueLanguage: 'en',
    });
    expect(canvas['metadata']).toEqual([
      { label: { en: ['Date'] }, value: { none: ['1850'] } },
      { label: { en: ['Subject'], fr: ['Sujet'] }, value: { en: ['Charts'] } },
    ]);
    const byFrenchLabel = edit({
      field: 'metadata',
      action: 'set',
      label: 'Sujet',
      language: 'fr',
      value: 'Cartes',
    });
    expect((byFrenchLabel['metadata'] as JsonObject[])[1]?.['value']).toEqual({
      en: ['Maps'],
      fr: ['Cartes'],
    });
  });

  it('metadata: set and append create the pair when absent; append adds values', () => {
    expect(
      edit({ field: 'metadata', action: 'set', label: 'Date', language: 'en', value: '1851' }, [0], 0)[
        'metadata'
      ],
    ).toEqual([{ label: { en: ['Date'] }, value: { en: ['1851'] } }]);
    const appended = edit({
      field: 'metadata',
      action: 'append',
      label: 'Date',
      language: 'en',
      value: 'c. 1850',
      valueLanguage: 'none',
    });
    expect((appended['metadata'] as JsonObject[])[0]?.['value']).toEqual({ none: ['1850', 'c. 1850'] });
  });

  it('metadata: remove deletes matching pairs, and the property with the last one', () => {
    expect(edit({ field: 'metadata', action: 'remove', label: 'Sujet' })['metadata']).toEqual([
      { label: { en: ['Date'] }, value: { none: ['1850'] } },
    ]);
    expect(
      planBatchEdit(doc, [2], { field: 'metadata', action: 'remove', label: 'Sujet', language: 'en' }).count,
    ).toBe(0);
    const once = applyBatchEdit(doc, [2], { field: 'metadata', action: 'remove', label: 'Date' });
    expect(
      itemsOf(applyBatchEdit(once, [2], { field: 'metadata', action: 'remove', label: 'Subject' }))[2],
    ).not.toHaveProperty('metadata');
  });

  it('requiredStatement: set, append (creating with the given label), remove', () => {
    const statement = { label: { en: ['Attribution'] }, value: { en: ['Example Library'] } };
    expect(
      edit({ field: 'requiredStatement', action: 'set', value: statement })['requiredStatement'],
    ).toEqual(statement);
    const created = edit({
      field: 'requiredStatement',
      action: 'append',
      language: 'en',
      value: 'Example Library',
      label: { en: ['Attribution'] },
    });
    expect(created['requiredStatement']).toEqual(statement);
    const withStatement = applyBatchEdit(doc, [2], {
      field: 'requiredStatement',
      action: 'set',
      value: statement,
    });
    const appended = itemsOf(
      applyBatchEdit(withStatement, [2], {
        field: 'requiredStatement',
        action: 'append',
        language: 'fr',
        value: 'Bibliothèque',
        label: {},
      }),
    )[2];
    expect(appended?.['requiredStatement']).toEqual({
      label: statement.label,
      value: { en: ['Example Library'], fr: ['Bibliothèque'] },
    });
    expect(
      itemsOf(applyBatchEdit(withStatement, [2], { field: 'requiredStatement', action: 'remove' }))[2],
    ).not.toHaveProperty('requiredStatement');
  });

  it('rights and navDate: set and remove', () => {
    const withRights = applyBatchEdit(doc, 'all', {
      field: 'rights',
      action: 'set',
      value: 'http://creativecommons.org/publicdomain/mark/1.0/',
    });
    expect(
      itemsOf(withRights).every(
        (canvas) => canvas['rights'] === 'http://creativecommons.org/publicdomain/mark/1.0/',
      ),
    ).toBe(true);
    expect(
      itemsOf(applyBatchEdit(withRights, [4], { field: 'rights', action: 'remove' }))[4],
    ).not.toHaveProperty('rights');
    expect(edit({ field: 'navDate', action: 'set', value: '1850-06-01T12:00:00+01:00' })['navDate']).toBe(
      '1850-06-01T12:00:00+01:00',
    );
  });

  it('resource lists: set, append without duplicating an id, remove by id or entirely', () => {
    const provider = { id: 'https://example.org/about', type: 'Agent', label: { en: ['Example'] } };
    for (const field of ['provider', 'homepage', 'seeAlso', 'rendering', 'thumbnail', 'partOf'] as const) {
      expect(edit({ field, action: 'set', value: [provider] }, [0], 0)[field]).toEqual([provider]);
      expect(edit({ field, action: 'append', value: provider }, [0], 0)[field]).toEqual([provider]);
    }
    const second = { id: 'https://example.org/b.xml', type: 'Dataset' };
    expect(edit({ field: 'seeAlso', action: 'append', value: second })['seeAlso']).toEqual([
      { id: 'https://example.org/a.xml', type: 'Dataset' },
      second,
    ]);
    expect(
      planBatchEdit(doc, [2], {
        field: 'seeAlso',
        action: 'append',
        value: { id: 'https://example.org/a.xml', type: 'Dataset' },
      }).count,
    ).toBe(0);
    expect(edit({ field: 'seeAlso', action: 'remove', id: 'https://example.org/a.xml' })).not.toHaveProperty(
      'seeAlso',
    );
    expect(
      planBatchEdit(doc, [2], { field: 'seeAlso', action: 'remove', id: 'https://example.org/other' }).count,
    ).toBe(0);
    expect(edit({ field: 'seeAlso', action: 'remove' })).not.toHaveProperty('seeAlso');
  });

  it('behavior: set, append, remove one value or all', () => {
    expect(edit({ field: 'behavior', action: 'set', value: ['facing-pages'] })['behavior']).toEqual([
      'facing-pages',
    ]);
    expect(edit({ field: 'behavior', action: 'append', value: 'facing-pages' })['behavior']).toEqual([
      'non-paged',
      'facing-pages',
    ]);
    expect(edit({ field: 'behavior', action: 'remove', value: 'non-paged' })).not.toHaveProperty('behavior');
    expect(edit({ field: 'behavior', action: 'remove' })).not.toHaveProperty('behavior');
  });
});

describe('planBatchEdits: a place and a date set together', () => {
  const place = {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [2.35, 48.85] } }],
  };
  const ops: [BatchOp, BatchOp] = [
    { field: 'navPlace', action: 'set', value: place },
    { field: 'navDate', action: 'set', value: '1856-01-01T00:00:00Z' },
  ];

  it('previews both properties per canvas and applies them as one new document', () => {
    const plan = planBatchEdits(doc, [1, 3], ops);
    expect(plan.count).toBe(2);
    expect(plan.changes.map((c) => [c.index, c.field])).toEqual([
      [1, 'navPlace'],
      [1, 'navDate'],
      [3, 'navPlace'],
      [3, 'navDate'],
    ]);
    const next = applyBatchEdit(doc, plan);
    const items = itemsOf(next);
    expect(items[1]?.['navDate']).toBe('1856-01-01T00:00:00Z');
    expect((items[3]?.['navPlace'] as JsonObject)['id']).toBe(`${canvasId(3)}/feature-collection/1`);
    expect(items[0]).toBe(itemsOf(doc)[0]);
  });

  it('refuses the pair when either is refused', () => {
    const plan = planBatchEdits(doc, 'all', [ops[0], { field: 'navDate', action: 'set', value: '1856' }]);
    expect(plan.error).toMatch(/timezone/);
    expect(plan.changes).toEqual([]);
  });
});
