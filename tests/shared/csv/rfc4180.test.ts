import { describe, expect, it } from 'vitest';
import { BOM, detectDelimiter, formatCsv, formatCsvField, parseCsv } from '../../../shared/iiif/csv';

const fields = (text: string) => parseCsv(text).records.map((record) => record.fields);

describe('formatCsv', () => {
  it('quotes only fields that need it, doubles quotes, ends every record with CRLF', () => {
    expect(formatCsvField('plain')).toBe('plain');
    expect(formatCsvField('a,b')).toBe('"a,b"');
    expect(formatCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(formatCsvField('two\nlines')).toBe('"two\nlines"');
    expect(formatCsvField('a;b', ';')).toBe('"a;b"');
    expect(
      formatCsv([
        ['id', 'label@en'],
        ['x', 'a, b'],
      ]),
    ).toBe('id,label@en\r\nx,"a, b"\r\n');
  });
});

describe('parseCsv', () => {
  it('reads with or without a BOM, with CRLF, LF or CR line ends', () => {
    const expected = [
      ['a', 'b'],
      ['1', '2'],
    ];
    expect(fields(`${BOM}a,b\r\n1,2\r\n`)).toEqual(expected);
    expect(fields('a,b\n1,2\n')).toEqual(expected);
    expect(fields('a,b\r1,2')).toEqual(expected);
  });

  it('reads quoted fields holding delimiters, line breaks and doubled quotes', () => {
    expect(fields('id,v\r\nx,"a, ""quoted""\r\nsecond line"\r\ny,""\r\n')).toEqual([
      ['id', 'v'],
      ['x', 'a, "quoted"\r\nsecond line'],
      ['y', ''],
    ]);
  });

  it('keeps empty fields and numbers records as spreadsheet rows', () => {
    const parsed = parseCsv('a,b,c\n,,\n"multi\nline",2,3\n');
    expect(parsed.records).toEqual([
      { row: 1, fields: ['a', 'b', 'c'] },
      { row: 2, fields: ['', '', ''] },
      { row: 3, fields: ['multi\nline', '2', '3'] },
    ]);
    expect(parsed.problems).toEqual([]);
  });

  it('reports an unterminated quoted field and keeps its text', () => {
    const parsed = parseCsv('a,b\n1,"never closed\n2,3\n');
    expect(parsed.records[1]?.fields).toEqual(['1', 'never closed\n2,3\n']);
    expect(parsed.problems).toEqual([
      { row: 2, severity: 'error', message: 'A quoted cell is never closed (missing ").' },
    ]);
  });

  it('keeps stray characters around quotes and warns', () => {
    const parsed = parseCsv('a,b\n"x"y,5 "inch"\n');
    expect(parsed.records[1]?.fields).toEqual(['xy', '5 "inch"']);
    expect(parsed.problems.map((problem) => [problem.row, problem.severity])).toEqual([
      [2, 'warning'],
      [2, 'warning'],
    ]);
  });

  it('detects semicolon and tab delimiters from the header line', () => {
    expect(detectDelimiter('id;label@en;"a,b"\n')).toBe(';');
    expect(detectDelimiter('id\tlabel@en\n')).toBe('\t');
    expect(detectDelimiter('id,label@en\n')).toBe(',');
    expect(fields('id;label@fr\r\nx;"Folio; recto"\r\n')).toEqual([
      ['id', 'label@fr'],
      ['x', 'Folio; recto'],
    ]);
  });

  it('returns no records for empty text', () => {
    expect(parseCsv('').records).toEqual([]);
    expect(parseCsv(BOM).records).toEqual([]);
  });
});
