import { describe, expect, it } from 'vitest';
import {
  applyCsvImport,
  exportCanvasCsv,
  formatCsv,
  parseCanvasCsv,
  parseColumnHeader,
  parseCsv,
  planCsvImport,
} from '../../../shared/iiif/csv';
import type { JsonObject } from '../../../shared/iiif/json';
import { getIn, setIn } from '../../../shared/iiif/json';
import { canvasId, deepFreeze, itemsOf, makeManifest } from '../batch/manifest-fixture';

const subjectLabel = { en: ['Subject'], fr: ['Sujet'] };

const doc = deepFreeze(
  makeManifest(4, (index) => {
    switch (index) {
      case 0:
        return {
          label: { en: ['Folio 1r'], fr: ['Feuillet 1r'] },
          metadata: [
            { label: { en: ['Date'] }, value: { none: ['1850'] } },
            { label: subjectLabel, value: { en: ['Maps', 'Charts'], fr: ['Cartes'] } },
          ],
          rights: 'http://creativecommons.org/publicdomain/mark/1.0/',
          requiredStatement: { label: { en: ['Attribution'] }, value: { en: ['Example Library'] } },
        };
      case 1:
        return {
          label: 'p. 2',
          metadata: [
            { label: subjectLabel, value: { en: ['first'] } },
            { label: subjectLabel, value: { en: ['second'] } },
            { label: { en: ['Note'] }, value: { en: ['=SUM(A1:A2)', 'line one\nline two'] } },
          ],
          rights: 'https://creativecommons.org/licenses/by/4.0/',
        };
      case 2:
        return {
          label: { '@none': ['p. 3'] },
          summary: { en: ['A "quoted", comma'] },
          metadata: [{ label: { en: ['Size | Format = A@B #1'] }, value: { none: ['-5 cm', "'quoted"] } }],
        };
      default:
        return { label: undefined };
    }
  }),
);

/** Rewrites a CSV the way a spreadsheet might: other delimiter, LF endings, no BOM. */
function resave(csv: string, delimiter: string): string {
  const records = parseCsv(csv).records.map((record) => record.fields);
  return formatCsv(records, delimiter).replace(/\r\n/g, '\n');
}

/** Replaces one cell of an exported CSV, addressed by canvas id and header. */
function editCell(csv: string, id: string, header: string, value: string): string {
  const records = parseCsv(csv).records.map((record) => [...record.fields]);
  const column = records[0]?.indexOf(header) ?? -1;
  const row = records.find((fields) => fields[0] === id);
  if (column === -1 || row === undefined) throw new Error(`no cell ${id} / ${header}`);
  row[column] = value;
  return formatCsv(records);
}

describe('exportCanvasCsv', () => {
  const csv = exportCanvasCsv(doc);
  const [header, ...rows] = parseCsv(csv).records.map((record) => record.fields);

  it('writes a BOM, CRLF line ends and RFC 4180 quoting', () => {
    expect(csv.startsWith('\uFEFFid,position,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/"[^"]*(?:""[^"]*)*"/g, '').split('\r\n')).toHaveLength(6);
    expect(csv).toContain('"A ""quoted"", comma"');
  });

  it('names every field so that it round-trips, including multilingual and repeated metadata labels', () => {
    expect(header).toEqual([
      'id',
      'position',
      'label@en',
      'label@fr',
      'label@none',
      'summary@en',
      'meta:en=Date@none',
      'meta:en=Subject|fr=Sujet@en',
      'meta:en=Subject|fr=Sujet@fr',
      'meta:en=Subject|fr=Sujet#2@en',
      'meta:en=Note@en',
      'meta:en=Size %7C Format %3D A%40B %231@none',
      'rights',
      'requiredStatement.label@en',
      'requiredStatement.value@en',
    ]);
    expect(parseColumnHeader('meta:en=Size %7C Format %3D A%40B %231@none')).toEqual({
      kind: 'metadata',
      label: { en: ['Size | Format = A@B #1'] },
      loose: false,
      occurrence: 1,
      language: 'none',
    });
  });

  it('writes one row per canvas, several values as lines, and guards formula-like values', () => {
    expect(rows[0]).toEqual([
      canvasId(0),
      '1',
      'Folio 1r',
      'Feuillet 1r',
      '',
      '',
      '1850',
      'Maps\nCharts',
      'Cartes',
      '',
      '',
      '',
      'http://creativecommons.org/publicdomain/mark/1.0/',
      'Attribution',
      'Example Library',
    ]);
    expect(rows[1]?.slice(2, 13)).toEqual([
      '',
      '',
      'p. 2',
      '',
      '',
      'first',
      '',
      'second',
      "'=SUM(A1:A2)\nline one\nline two",
      '',
      'https://creativecommons.org/licenses/by/4.0/',
    ]);
    expect(rows[2]?.[4]).toBe('p. 3');
    expect(rows[2]?.[11]).toBe("'-5 cm\n''quoted");
    expect(rows[3]?.slice(0, 5)).toEqual([canvasId(3), '4', '', '', '']);
  });

  it('writes the requested languages, with empty label columns for translating', () => {
    const [fr] = parseCsv(exportCanvasCsv(doc, { languages: ['fr', 'de'] })).records.map(
      (record) => record.fields,
    );
    expect(fr).toEqual([
      'id',
      'position',
      'label@fr',
      'label@de',
      'meta:en=Date@fr',
      'meta:en=Date@de',
      'meta:en=Subject|fr=Sujet@fr',
      'meta:en=Subject|fr=Sujet@de',
      'meta:en=Subject|fr=Sujet#2@fr',
      'meta:en=Subject|fr=Sujet#2@de',
      'meta:en=Note@fr',
      'meta:en=Note@de',
      'meta:en=Size %7C Format %3D A%40B %231@fr',
      'meta:en=Size %7C Format %3D A%40B %231@de',
      'rights',
    ]);
  });
});

describe('round trip', () => {
  it('an untouched export imports with no changes and no problems', () => {
    expect(planCsvImport(doc, exportCanvasCsv(doc))).toEqual({ changes: [], problems: [], canvasCount: 0 });
    expect(planCsvImport(doc, exportCanvasCsv(doc, { languages: ['fr', 'de'] }))).toEqual({
      changes: [],
      problems: [],
      canvasCount: 0,
    });
  });

  it('survives a spreadsheet re-save: semicolons, LF, no BOM, formula guards dropped', () => {
    const csv = exportCanvasCsv(doc);
    expect(planCsvImport(doc, resave(csv, ';')).changes).toEqual([]);
    expect(planCsvImport(doc, resave(csv, '\t')).changes).toEqual([]);
    const unguarded = editCell(csv, canvasId(1), 'meta:en=Note@en', '=SUM(A1:A2)\r\nline one\r\nline two');
    expect(planCsvImport(doc, unguarded).changes).toEqual([]);
  });
});

describe('planCsvImport and applyCsvImport', () => {
  const csv = exportCanvasCsv(doc);

  it('turns one edited cell into exactly one change and one new document', () => {
    const plan = planCsvImport(doc, editCell(csv, canvasId(0), 'label@fr', 'Feuillet 1 recto'));
    expect(plan.problems).toEqual([]);
    expect(plan.changes).toHaveLength(1);
    expect(plan.changes[0]).toMatchObject({
      row: 2,
      index: 0,
      canvasId: canvasId(0),
      header: 'label@fr',
      before: 'Feuillet 1r',
      after: 'Feuillet 1 recto',
    });
    const next = applyCsvImport(doc, plan);
    const [before0, ...beforeRest] = itemsOf(doc);
    const [after0, ...afterRest] = itemsOf(next);
    expect(after0?.['label']).toEqual({ en: ['Folio 1r'], fr: ['Feuillet 1 recto'] });
    expect(after0?.['metadata']).toBe(before0?.['metadata']);
    expect(after0?.['items']).toBe(before0?.['items']);
    afterRest.forEach((canvas, i) => expect(canvas).toBe(beforeRest[i]));
  });

  it('edits metadata values, several values per cell, and creates pairs from new columns', () => {
    const edited = editCell(csv, canvasId(0), 'meta:en=Subject|fr=Sujet@fr', 'Cartes\nPlans');
    // A column typed by hand in the short form, filled for the last canvas only.
    const records = parseCsv(edited).records.map((record) => [...record.fields]);
    records[0]?.push('meta:Shelfmark@none');
    records.slice(1).forEach((fields, i) => fields.push(i === 3 ? 'MS 4' : ''));
    const plan = planCsvImport(doc, formatCsv(records));
    expect(plan.problems).toEqual([]);
    expect(plan.changes.map((change) => [change.index, change.header, change.after])).toEqual([
      [0, 'meta:en=Subject|fr=Sujet@fr', 'Cartes\nPlans'],
      [3, 'meta:Shelfmark@none', 'MS 4'],
    ]);
    const next = applyCsvImport(doc, plan);
    expect(getIn(next, ['items', 0, 'metadata', 1, 'value'])).toEqual({
      en: ['Maps', 'Charts'],
      fr: ['Cartes', 'Plans'],
    });
    expect(getIn(next, ['items', 3, 'metadata'])).toEqual([
      { label: { none: ['Shelfmark'] }, value: { none: ['MS 4'] } },
    ]);
  });

  it('removes the first of two pairs with the same label and edits the second in one row', () => {
    let edited = editCell(csv, canvasId(1), 'meta:en=Subject|fr=Sujet@en', '');
    edited = editCell(edited, canvasId(1), 'meta:en=Subject|fr=Sujet#2@en', 'second, edited');
    const next = applyCsvImport(doc, planCsvImport(doc, edited));
    expect(getIn(next, ['items', 1, 'metadata'])).toEqual([
      { label: subjectLabel, value: { en: ['second, edited'] } },
      { label: { en: ['Note'] }, value: { en: ['=SUM(A1:A2)', 'line one\nline two'] } },
    ]);
  });

  it('clearing cells removes languages, then the property', () => {
    let edited = editCell(csv, canvasId(0), 'label@en', '');
    let next = applyCsvImport(doc, planCsvImport(doc, edited));
    expect(getIn(next, ['items', 0, 'label'])).toEqual({ fr: ['Feuillet 1r'] });
    edited = editCell(edited, canvasId(0), 'label@fr', '');
    edited = editCell(edited, canvasId(0), 'rights', '');
    next = applyCsvImport(doc, planCsvImport(doc, edited));
    expect(itemsOf(next)[0]).not.toHaveProperty('label');
    expect(itemsOf(next)[0]).not.toHaveProperty('rights');
  });

  it('cleans the HTML that comes in, says what went, and keeps HTML the document already had', () => {
    const old = '<p onclick="steal()">Kept as written<br/></p>';
    const withOld = setIn(doc, ['items', 2, 'summary'], { en: [old] });
    const exported = exportCanvasCsv(withOld);
    expect(planCsvImport(withOld, exported)).toMatchObject({ changes: [], problems: [] });
    const edited = editCell(
      exported,
      canvasId(2),
      'summary@en',
      `${old}\n<p>New<script>alert(1)</script></p>`,
    );
    const plan = planCsvImport(withOld, edited);
    expect(plan.changes.map((change) => change.afterValues)).toEqual([[old, '<p>New</p>']]);
    expect(plan.problems).toEqual([
      {
        row: 4,
        column: 'summary@en',
        severity: 'warning',
        message: 'Disallowed HTML removed as it was imported: script element.',
      },
    ]);
    expect(getIn(applyCsvImport(withOld, plan), ['items', 2, 'summary'])).toEqual({
      en: [old, '<p>New</p>'],
    });
    // Markup with nothing allowed left in it is no value at all.
    const empty = planCsvImport(
      withOld,
      editCell(exported, canvasId(3), 'summary@en', '<script>x()</script>'),
    );
    expect(empty.changes).toEqual([]);
    expect(empty.problems).toMatchObject([{ row: 5, message: expect.stringMatching(/script element/) }]);
  });

  it('normalises a rights URI with a warning and refuses a non-URI', () => {
    let edited = editCell(
      csv,
      canvasId(2),
      'rights',
      'https://rightsstatements.org/page/InC/1.0/?language=en',
    );
    edited = editCell(edited, canvasId(3), 'rights', 'All rights reserved');
    const plan = planCsvImport(doc, edited);
    expect(plan.changes.map((change) => [change.index, change.after])).toEqual([
      [2, 'http://rightsstatements.org/vocab/InC/1.0/'],
    ]);
    expect(plan.problems).toEqual([
      expect.objectContaining({ row: 4, column: 'rights', severity: 'warning' }),
      expect.objectContaining({ row: 5, column: 'rights', severity: 'error' }),
    ]);
  });

  it('reports unknown and duplicate ids, malformed rows, unknown columns and a moved position', () => {
    const records = parseCsv(csv).records.map((record) => [...record.fields]);
    records[0]?.push('colour');
    records.slice(1).forEach((fields) => fields.push(''));
    const row2 = records[2] as string[];
    records.push(['https://example.org/iiif/book1/canvas/p99', ...row2.slice(1)]);
    records.push([...row2]);
    records.push(['too', 'short']);
    (records[3] as string[])[1] = '7';
    const plan = planCsvImport(doc, formatCsv(records) + '\r\n\r\n');
    expect(plan.changes).toEqual([]);
    expect(plan.problems.map((problem) => [problem.row, problem.severity])).toEqual([
      [1, 'warning'],
      [4, 'warning'],
      [6, 'error'],
      [7, 'error'],
      [8, 'error'],
    ]);
    expect(plan.problems.map((problem) => problem.message)).toEqual([
      'Unknown column "colour" is ignored.',
      `Canvas ${canvasId(2)} is at position 3, not 7; order is not changed by an import.`,
      'No canvas has the id https://example.org/iiif/book1/canvas/p99; the row is skipped.',
      `Canvas ${canvasId(1)} already appears in row 3; this row is skipped.`,
      'The row has 2 cells but the header has 16; the row is skipped.',
    ]);
  });

  it('refuses a file without an id column, or an empty one', () => {
    expect(planCsvImport(doc, 'label@en\r\nx\r\n').problems).toEqual([
      {
        row: 1,
        severity: 'error',
        message: 'There is no "id" column, so rows cannot be matched to canvases.',
      },
    ]);
    expect(parseCanvasCsv('').problems[0]?.message).toContain('empty');
  });

  it('does not write an ill-formed language key, and warns about a half-filled required statement', () => {
    const csvText = `id,label@en_GB,requiredStatement.label@en\r\n${canvasId(3)},Cover,Attribution\r\n`;
    const plan = planCsvImport(doc, csvText);
    expect(plan.changes.map((change) => change.header)).toEqual(['requiredStatement.label@en']);
    expect(plan.problems).toEqual([
      expect.objectContaining({ row: 2, column: 'label@en_GB', severity: 'error' }),
      expect.objectContaining({ row: 2, column: 'requiredStatement', severity: 'warning' }),
    ]);
  });

  it('skips changes whose cell changed in the document since the preview', () => {
    const plan = planCsvImport(doc, editCell(csv, canvasId(0), 'label@en', 'Folio one recto'));
    const later = setIn(doc, ['items', 0, 'label', 'en'], ['Edited in the app']) as JsonObject;
    expect(applyCsvImport(later, plan)).toBe(later);
  });
});
