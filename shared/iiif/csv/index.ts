export type { CsvColumn } from './columns';
export {
  columnHeader,
  formatCell,
  metadataLabelKey,
  parseCell,
  parseColumnHeader,
  readValues,
  writeValues,
} from './columns';
export type { CsvExportOptions } from './export-csv';
export { canvasCsvColumns, exportCanvasCsv } from './export-csv';
export type { CanvasCsvColumn, CsvChange, CsvImportPlan, ParsedCanvasCsv } from './import-csv';
export { applyCsvImport, parseCanvasCsv, planCsvImport } from './import-csv';
export type { CsvProblem, CsvRecord, ParsedCsv } from './rfc4180';
export { BOM, detectDelimiter, formatCsv, formatCsvField, parseCsv } from './rfc4180';
