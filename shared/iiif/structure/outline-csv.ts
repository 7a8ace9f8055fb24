/**
 * A table of contents as a spreadsheet: one row per Range with its label, its first canvas and its level
 * (1 at the top), comma- or tab-separated (RFC 4180 text from ../csv/rfc4180). The export writes the first
 * canvas as its position (1, 2, …), the import also takes a canvas id or a canvas label, so a person can type
 * whichever they see. Exporting a table of contents read from an outline gives that outline back.
 */
import { displayStringOf } from '../language';
import { formatCsv, parseCsv } from '../csv/rfc4180';
import { isJsonArray, isJsonObject, type JsonObject } from '../json';
import { canvasIdsOf, outlineProblems, type OutlineEntry } from './outline';
import { canvasIdsInRange, structureView } from './structure-view';

export const OUTLINE_COLUMNS = ['label', 'first canvas', 'level'] as const;

export interface OutlineRowProblem {
  /** The spreadsheet row (the header is row 1). */
  readonly row: number;
  readonly message: string;
}

export interface ParsedOutline {
  readonly entries: OutlineEntry[];
  readonly problems: OutlineRowProblem[];
}

/** The Ranges given in full, in reading order, as outline entries; Ranges that hold no canvas are left out. */
export function outlineFromStructures(
  doc: JsonObject,
  languages: readonly string[] = [],
): { entries: OutlineEntry[]; skipped: number } {
  const canvasIndex = new Map<string, number>();
  canvasIdsOf(doc).forEach((id, i) => {
    if (id !== '' && !canvasIndex.has(id)) canvasIndex.set(id, i);
  });
  const entries: OutlineEntry[] = [];
  let skipped = 0;
  for (const node of structureView(doc).nodes) {
    const first = node.full
      ? canvasIdsInRange(node)
          .map((id) => canvasIndex.get(id))
          .find((i) => i !== undefined)
      : undefined;
    if (first === undefined) skipped += 1;
    else entries.push({ label: displayStringOf(node.json['label'], languages), level: node.depth, first });
  }
  return { entries, skipped };
}

/** The outline as CSV (or TSV with delimiter '\t'), with a header row. */
export function formatOutlineCsv(entries: readonly OutlineEntry[], delimiter = ','): string {
  return formatCsv(
    [[...OUTLINE_COLUMNS], ...entries.map((e) => [e.label, String(e.first + 1), String(e.level)])],
    delimiter,
  );
}

/** Which field holds each column: from a header row when there is one, else the order of OUTLINE_COLUMNS. */
function columnsOf(header: readonly string[]): { label: number; first: number; level: number } | null {
  const names = header.map((h) => h.trim().toLocaleLowerCase());
  const label = names.indexOf('label');
  const level = names.indexOf('level');
  const first = names.findIndex((n) => n === 'first canvas' || n === 'canvas' || n === 'first');
  return label >= 0 && level >= 0 && first >= 0 ? { label, first, level } : null;
}

/**
 * Reads an outline for `doc`. Every row that cannot be used says why (with its row number); nothing is
 * built from an outline with problems, so a half-read file never becomes half a table of contents.
 */
export function parseOutlineCsv(
  text: string,
  doc: JsonObject,
  languages: readonly string[] = [],
): ParsedOutline {
  const parsed = parseCsv(text);
  const problems: OutlineRowProblem[] = parsed.problems
    .filter((p) => p.severity === 'error')
    .map((p) => ({ row: p.row, message: p.message }));
  const records = parsed.records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  const header = records[0] ? columnsOf(records[0].fields) : null;
  const body = header === null ? records : records.slice(1);
  const columns = header ?? { label: 0, first: 1, level: 2 };

  const ids = canvasIdsOf(doc);
  const byId = new Map<string, number>();
  const byLabel = new Map<string, number[]>();
  const items = isJsonArray(doc['items']) ? doc['items'] : [];
  ids.forEach((id, i) => {
    if (id !== '' && !byId.has(id)) byId.set(id, i);
    const canvas = items[i];
    const label = isJsonObject(canvas) ? displayStringOf(canvas['label'], languages).trim() : '';
    if (label !== '') byLabel.set(label, [...(byLabel.get(label) ?? []), i]);
  });
  const canvasAt = (cell: string): number | string => {
    const value = cell.trim();
    if (/^\d+$/.test(value)) {
      const n = Number(value);
      return n >= 1 && n <= ids.length ? n - 1 : `there is no canvas ${n} (the manifest has ${ids.length}).`;
    }
    const found = byId.get(value);
    if (found !== undefined) return found;
    const labelled = byLabel.get(value) ?? [];
    if (labelled.length === 1) return labelled[0] as number;
    if (labelled.length > 1)
      return `${labelled.length} canvases are labelled “${value}”: give its position or id.`;
    return value === '' ? 'the first canvas is missing.' : `no canvas has the id or label “${value}”.`;
  };

  const entries: OutlineEntry[] = [];
  const rows: number[] = [];
  for (const record of body) {
    const cell = (i: number) => record.fields[i] ?? '';
    const label = cell(columns.label).trim();
    const levelText = cell(columns.level).trim();
    const first = canvasAt(cell(columns.first));
    const level = /^\d+$/.test(levelText) ? Number(levelText) : NaN;
    const wrong: string[] = [];
    if (label === '') wrong.push('the label is empty');
    if (typeof first === 'string') wrong.push(first.replace(/\.$/, ''));
    if (!(level >= 1)) wrong.push(`the level “${levelText}” is not a whole number from 1`);
    if (wrong.length > 0) {
      problems.push({ row: record.row, message: `Row ${record.row}: ${wrong.join('; ')}.` });
      continue;
    }
    entries.push({ label, level, first: first as number });
    rows.push(record.row);
  }
  if (problems.length === 0) {
    for (const problem of outlineProblems(entries, ids.length)) {
      const row = rows[problem.entry] as number;
      problems.push({ row, message: `Row ${row}: ${problem.message}` });
    }
  }
  if (body.length === 0) problems.push({ row: 1, message: 'The outline has no rows.' });
  return { entries, problems };
}
