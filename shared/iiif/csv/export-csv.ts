/**
 * Canvas metadata out to a spreadsheet. UTF-8 text starting with a BOM (so Excel detects the encoding),
 * RFC 4180 quoting, CRLF line endings. Column scheme: see columns.ts.
 */
import type { JsonObject, JsonValue } from '../json';
import { isJsonArray, isJsonObject, own } from '../json';
import type { LanguageMap } from '../language';
import { normaliseLanguageMap } from '../language';
import { canvasItems, canvasIdOf } from '../canvases';
import type { CsvColumn } from './columns';
import { columnHeader, columnIdentity, formatCell, metadataLabelKey, readValues } from './columns';
import { BOM, formatCsv } from './rfc4180';

export interface CsvExportOptions {
  /**
   * Languages to export. Label columns are written for each of them even when empty (for translating);
   * metadata pairs get a column per language. Default: every language present, in order of appearance.
   */
  readonly languages?: readonly string[];
}

/** Languages with at least one value, in order of first appearance. */
function collectLanguages(maps: readonly LanguageMap[]): string[] {
  const seen = new Set<string>();
  for (const map of maps)
    for (const key of Object.keys(map)) if ((own(map, key)?.length ?? 0) > 0) seen.add(key);
  return [...seen];
}

const mapOf = (value: JsonValue | undefined) => normaliseLanguageMap(value).map;

export function canvasCsvColumns(doc: JsonValue, options: CsvExportOptions = {}): CsvColumn[] {
  const canvases = canvasItems(doc).filter(isJsonObject);
  const explicit = options.languages;
  const wanted = (present: readonly string[]) =>
    explicit === undefined
      ? present
      : explicit.filter((language) => present.some((key) => key.toLowerCase() === language.toLowerCase()));

  const labels = collectLanguages(canvases.map((canvas) => mapOf(canvas['label'])));
  const labelLanguages = explicit ?? (labels.length > 0 ? labels : ['none']);
  const summaryLanguages = wanted(collectLanguages(canvases.map((canvas) => mapOf(canvas['summary']))));
  const statements = canvases.map((canvas) => canvas['requiredStatement']).filter(isJsonObject);
  const statementLabels = wanted(collectLanguages(statements.map((s) => mapOf(s['label']))));
  const statementValues = wanted(collectLanguages(statements.map((s) => mapOf(s['value']))));

  const columns: CsvColumn[] = [{ kind: 'id' }, { kind: 'position' }];
  for (const language of labelLanguages) columns.push({ kind: 'label', language });
  for (const language of summaryLanguages) columns.push({ kind: 'summary', language });
  columns.push(...metadataColumns(canvases, explicit));
  columns.push({ kind: 'rights' });
  for (const language of statementLabels) columns.push({ kind: 'requiredStatement.label', language });
  for (const language of statementValues) columns.push({ kind: 'requiredStatement.value', language });
  return columns;
}

/** One column per (pair label, occurrence on a canvas, value language), in order of first appearance. */
function metadataColumns(
  canvases: readonly JsonObject[],
  explicit: readonly string[] | undefined,
): CsvColumn[] {
  const columns = new Map<string, CsvColumn>();
  for (const canvas of canvases) {
    const metadata = canvas['metadata'];
    if (!isJsonArray(metadata)) continue;
    const occurrences = new Map<string, number>();
    for (const entry of metadata) {
      if (!isJsonObject(entry)) continue;
      const label = mapOf(entry['label']);
      const key = metadataLabelKey(label);
      if (key === '') continue; // a pair without a label cannot be named in a header
      const occurrence = (occurrences.get(key) ?? 0) + 1;
      occurrences.set(key, occurrence);
      const present = collectLanguages([mapOf(entry['value'])]);
      for (const language of explicit ?? present) {
        const column: CsvColumn = { kind: 'metadata', label, loose: false, occurrence, language };
        const identity = columnIdentity(column);
        if (!columns.has(identity)) columns.set(identity, column);
      }
    }
  }
  return [...columns.values()];
}

export function exportCanvasCsv(doc: JsonValue, options: CsvExportOptions = {}): string {
  const columns = canvasCsvColumns(doc, options);
  const records: string[][] = [columns.map(columnHeader)];
  canvasItems(doc).forEach((canvas, index) => {
    if (!isJsonObject(canvas)) return;
    records.push(
      columns.map((column) => {
        if (column.kind === 'id') return formatCell([canvasIdOf(canvas)]);
        if (column.kind === 'position') return String(index + 1);
        return formatCell(readValues(canvas, column));
      }),
    );
  });
  return BOM + formatCsv(records);
}
