/**
 * A spreadsheet back into the document: parse, plan (a preview of every changed cell plus every problem), apply.
 *
 * Only cells that differ from what export would write for the current document produce changes, so exporting
 * and importing an untouched file changes nothing, even where a cell cannot hold a value exactly (a value with
 * a line break, a value the formula guard prefixed). Rows are matched by canvas id, never by position.
 * HTML that comes in is cleaned as it comes (a warning names what went); values already in the document, even
 * in an edited cell, stay as they were written.
 */
import type { JsonObject, JsonValue } from '../json';
import { sanitizeValue } from '../html';
import { isJsonObject } from '../json';
import { isWellFormedLanguageTag, sameStrings } from '../language';
import { normaliseRights } from '../rights';
import { locateCanvas } from '../batch/batch-edit';
import { replaceCanvases } from '../batch/canvas-list';
import { canvasItems, canvasIdOf, canvasLabel } from '../canvases';
import type { CsvColumn } from './columns';
import { columnIdentity, formatCell, parseCell, parseColumnHeader, readValues, writeValues } from './columns';
import type { CsvProblem, CsvRecord } from './rfc4180';
import { parseCsv } from './rfc4180';

export interface CanvasCsvColumn {
  readonly header: string;
  /** Undefined for a column that is not imported (unknown or duplicate header). */
  readonly column?: CsvColumn;
}

export interface ParsedCanvasCsv {
  readonly columns: readonly CanvasCsvColumn[];
  /** Data rows with as many cells as the header; malformed rows are left out and reported. */
  readonly rows: readonly CsvRecord[];
  readonly problems: readonly CsvProblem[];
}

export interface CsvChange {
  readonly row: number;
  readonly index: number;
  readonly canvasId: string;
  readonly canvasLabel: string;
  readonly header: string;
  readonly column: CsvColumn;
  /** Values as a person reads them (several values one per line). */
  readonly before: string;
  readonly after: string;
  readonly beforeValues: readonly string[];
  readonly afterValues: readonly string[];
}

export interface CsvImportPlan {
  readonly changes: readonly CsvChange[];
  readonly problems: readonly CsvProblem[];
  /** Number of canvases that change. */
  readonly canvasCount: number;
}

export function parseCanvasCsv(text: string): ParsedCanvasCsv {
  const parsed = parseCsv(text);
  const problems: CsvProblem[] = [...parsed.problems];
  const [header, ...data] = parsed.records;
  if (header === undefined || header.fields.every((field) => field.trim() === '')) {
    problems.push({
      row: 1,
      severity: 'error',
      message: 'The file is empty: the first row must name the columns.',
    });
    return { columns: [], rows: [], problems };
  }
  const seen = new Set<string>();
  const columns = header.fields.map((field): CanvasCsvColumn => {
    const column = parseColumnHeader(field);
    if (column === undefined) {
      if (field.trim() !== '') {
        problems.push({
          row: 1,
          column: field,
          severity: 'warning',
          message: `Unknown column "${field}" is ignored.`,
        });
      }
      return { header: field };
    }
    const identity = columnIdentity(column);
    if (seen.has(identity)) {
      problems.push({
        row: 1,
        column: field,
        severity: 'warning',
        message: `Column "${field}" appears twice; the second is ignored.`,
      });
      return { header: field };
    }
    seen.add(identity);
    return { header: field, column };
  });
  if (!columns.some((entry) => entry.column?.kind === 'id')) {
    problems.push({
      row: 1,
      severity: 'error',
      message: 'There is no "id" column, so rows cannot be matched to canvases.',
    });
  }
  const rows = data.filter((record) => {
    if (record.fields.every((field) => field.trim() === '')) return false; // blank line
    if (record.fields.length === columns.length) return true;
    problems.push({
      row: record.row,
      severity: 'error',
      message: `The row has ${record.fields.length} cells but the header has ${columns.length}; the row is skipped.`,
    });
    return false;
  });
  return { columns, rows, problems };
}

export function planCsvImport(
  doc: JsonValue,
  text: string,
  preferredLanguages: readonly string[] = [],
): CsvImportPlan {
  const parsed = parseCanvasCsv(text);
  const problems: CsvProblem[] = [...parsed.problems];
  const idColumn = parsed.columns.findIndex((entry) => entry.column?.kind === 'id');
  if (idColumn === -1) return { changes: [], problems, canvasCount: 0 };
  const positionColumn = parsed.columns.findIndex((entry) => entry.column?.kind === 'position');

  const canvases = canvasItems(doc);
  const byId = new Map<string, number>();
  canvases.forEach((canvas, index) => {
    const id = canvasIdOf(canvas);
    if (isJsonObject(canvas) && id !== '' && !byId.has(id)) byId.set(id, index);
  });

  const changes: CsvChange[] = [];
  const firstRowOf = new Map<string, number>();
  for (const record of parsed.rows) {
    const row = record.row;
    const id = (parseCell(record.fields[idColumn] ?? '')[0] ?? '').trim();
    if (id === '') {
      problems.push({ row, severity: 'error', message: 'The row has no canvas id; it is skipped.' });
      continue;
    }
    const earlier = firstRowOf.get(id);
    if (earlier !== undefined) {
      problems.push({
        row,
        severity: 'error',
        message: `Canvas ${id} already appears in row ${earlier}; this row is skipped.`,
      });
      continue;
    }
    firstRowOf.set(id, row);
    const index = byId.get(id);
    if (index === undefined) {
      problems.push({ row, severity: 'error', message: `No canvas has the id ${id}; the row is skipped.` });
      continue;
    }
    const canvas = canvases[index] as JsonObject;
    const position = positionColumn === -1 ? '' : (record.fields[positionColumn] ?? '').trim();
    if (position !== '' && position !== String(index + 1)) {
      problems.push({
        row,
        severity: 'warning',
        message: `Canvas ${id} is at position ${index + 1}, not ${position}; order is not changed by an import.`,
      });
    }
    const rowChanges: CsvChange[] = [];
    parsed.columns.forEach(({ header, column }, cellIndex) => {
      if (column === undefined || column.kind === 'id' || column.kind === 'position') return;
      const cell = record.fields[cellIndex] ?? '';
      const current = readValues(canvas, column);
      // Unchanged as exported, or as a spreadsheet re-saves it (formula guards dropped): not an edit.
      const text = cell.replace(/\r\n?/g, '\n');
      if (text === formatCell(current) || text === current.join('\n')) return;
      const asked = cellValues(column, cell, current, { row, header }, problems);
      const next = asked === undefined ? undefined : withCleanHtml(asked, current, { row, header }, problems);
      if (next === undefined || sameStrings(next, current)) return;
      if ('language' in column && !isWellFormedLanguageTag(column.language)) {
        problems.push({
          row,
          column: header,
          severity: 'error',
          message: `"${column.language}" is not a well-formed language tag; the cell is not imported.`,
        });
        return;
      }
      rowChanges.push({
        row,
        index,
        canvasId: id,
        canvasLabel: canvasLabel(canvas, preferredLanguages),
        header,
        column,
        before: current.join('\n'),
        after: next.join('\n'),
        beforeValues: current,
        afterValues: next,
      });
    });
    checkRequiredStatement(applyRowChanges(canvas, rowChanges), row, problems);
    changes.push(...rowChanges);
  }
  // Row order reads best in the preview; sort is stable, so problems of one row keep their order.
  problems.sort((a, b) => a.row - b.row);
  return { changes, problems, canvasCount: new Set(changes.map((change) => change.canvasId)).size };
}

/** The values a cell asks for, or undefined when the cell cannot be imported (reported). */
function cellValues(
  column: CsvColumn,
  cell: string,
  current: readonly string[],
  where: { row: number; header: string },
  problems: CsvProblem[],
): readonly string[] | undefined {
  if (column.kind !== 'rights') return parseCell(cell);
  const text = parseCell(cell)[0]?.trim() ?? '';
  if (text === '') return [];
  const rights = normaliseRights(text);
  if (rights.status === 'invalid') {
    problems.push({
      ...where,
      column: where.header,
      severity: 'error',
      message: `Rights not imported: ${rights.notice ?? ''}`,
    });
    return undefined;
  }
  if (rights.notice !== undefined && rights.uri !== current[0]) {
    problems.push({
      ...where,
      column: where.header,
      severity: 'warning',
      message: `Rights ${text}: ${rights.notice}`,
    });
  }
  return [rights.uri];
}

/** New values with disallowed HTML cleaned (reported); values the document already holds are kept as written. */
function withCleanHtml(
  values: readonly string[],
  current: readonly string[],
  where: { row: number; header: string },
  problems: CsvProblem[],
): readonly string[] {
  const removed = new Set<string>();
  const cleaned = values.flatMap((value) => {
    if (current.includes(value)) return [value];
    const result = sanitizeValue(value);
    for (const what of result.removed) removed.add(what);
    // Markup with nothing allowed left in it is no value at all.
    return result.changed && result.text.trim() === '' ? [] : [result.text];
  });
  if (removed.size === 0) return values;
  problems.push({
    row: where.row,
    column: where.header,
    severity: 'warning',
    message: `Disallowed HTML removed as it was imported: ${[...removed].join(', ')}.`,
  });
  return cleaned;
}

function checkRequiredStatement(canvas: JsonObject, row: number, problems: CsvProblem[]): void {
  const statement = canvas['requiredStatement'];
  if (!isJsonObject(statement)) return;
  const empty = (part: JsonValue | undefined) =>
    !isJsonObject(part) ||
    Object.values(part).every((values) => Array.isArray(values) && values.length === 0);
  if (empty(statement['label']) || empty(statement['value'])) {
    problems.push({
      row,
      column: 'requiredStatement',
      severity: 'warning',
      message: 'The required statement will have a label without a value or a value without a label.',
    });
  }
}

/**
 * Applies one row's changes to its canvas. Metadata pairs that may disappear are handled last and from the
 * highest occurrence down, so removing "Subject" #1 does not make #2 look like #1 to the next change.
 */
function applyRowChanges(canvas: JsonObject, changes: readonly CsvChange[]): JsonObject {
  const phase = (change: CsvChange) =>
    change.column.kind === 'metadata' && change.afterValues.length === 0 ? 1 : 0;
  const occurrence = (change: CsvChange) =>
    change.column.kind === 'metadata' ? change.column.occurrence : 0;
  const ordered = [...changes].sort(
    (a, b) =>
      phase(a) - phase(b) || (phase(a) === 1 ? occurrence(b) - occurrence(a) : occurrence(a) - occurrence(b)),
  );
  let next = canvas;
  for (const change of ordered) {
    // Stale: the document changed since the preview, so this cell was never confirmed against it.
    if (!sameStrings(readValues(next, change.column), change.beforeValues)) continue;
    next = writeValues(next, change.column, change.afterValues);
  }
  return next;
}

/** Applies the (possibly filtered) changes of a plan as one new document. */
export function applyCsvImport<T extends JsonValue>(doc: T, plan: CsvImportPlan): T {
  const canvases = canvasItems(doc);
  const byCanvas = new Map<number, CsvChange[]>();
  for (const change of plan.changes) {
    const index = locateCanvas(canvases, change.index, change.canvasId);
    if (index === undefined) continue;
    byCanvas.set(index, [...(byCanvas.get(index) ?? []), change]);
  }
  const replacements = new Map<number, JsonObject>();
  for (const [index, changes] of byCanvas)
    replacements.set(index, applyRowChanges(canvases[index] as JsonObject, changes));
  return replaceCanvases(doc, replacements);
}
