/**
 * CSV text per RFC 4180, written strictly and read leniently.
 *
 * Writing: fields with a delimiter, quote, CR or LF are quoted, quotes doubled, records end with CRLF.
 * Reading: a leading BOM is ignored; CRLF, LF and lone CR all end a record; quoted fields may hold delimiters,
 * line breaks and doubled quotes. Spreadsheets in some locales save with ';' or tabs, so the delimiter is
 * detected from the header line. Deviations (a stray quote, an unterminated quoted field) are reported with
 * their record number and parsing carries on, because one bad cell should not hide every other problem.
 */

export interface CsvRecord {
  /** 1-based record number: the spreadsheet row (the header is row 1). */
  readonly row: number;
  readonly fields: readonly string[];
}

export interface CsvProblem {
  readonly row: number;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly column?: string;
}

export interface ParsedCsv {
  readonly records: readonly CsvRecord[];
  readonly delimiter: string;
  readonly problems: readonly CsvProblem[];
}

export const BOM = '\uFEFF';
const CRLF = '\r\n';

export function formatCsvField(field: string, delimiter = ','): string {
  if (field.includes(delimiter) || /["\r\n]/.test(field)) return `"${field.replace(/"/g, '""')}"`;
  return field;
}

export function formatCsv(records: readonly (readonly string[])[], delimiter = ','): string {
  return records
    .map((fields) => fields.map((field) => formatCsvField(field, delimiter)).join(delimiter) + CRLF)
    .join('');
}

/** Picks ',', ';' or tab: whichever occurs most often outside quotes on the first line. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) as number) + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > (counts.get(best) as number)) best = delimiter;
  return best;
}

export function parseCsv(input: string, delimiter?: string): ParsedCsv {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const sep = delimiter ?? detectDelimiter(text);
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let fields: string[] = [];
  let field = '';
  let row = 1;
  let i = 0;
  // True once the current record has any content or delimiter, so a final line break adds no empty record.
  let started = false;

  const endField = () => {
    fields.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push({ row, fields });
    fields = [];
    row += 1;
    started = false;
  };

  while (i < text.length) {
    const char = text[i] as string;
    if (char === '"' && field === '' && !fieldHasContent(text, i, sep)) {
      // Quoted field: read to the closing quote.
      started = true;
      i += 1;
      let closed = false;
      while (i < text.length) {
        const c = text[i] as string;
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          closed = true;
          i += 1;
          break;
        }
        field += c;
        i += 1;
      }
      if (!closed) {
        problems.push({ row, severity: 'error', message: 'A quoted cell is never closed (missing ").' });
        continue;
      }
      // After the closing quote only a delimiter or line break may follow; keep stray text rather than lose it.
      let stray = '';
      while (i < text.length && text[i] !== sep && text[i] !== '\n' && text[i] !== '\r') stray += text[i++];
      if (stray !== '') {
        problems.push({
          row,
          severity: 'warning',
          message: `Text after a closing quote: "${stray}" was kept.`,
        });
        field += stray;
      }
      continue;
    }
    if (char === sep) {
      started = true;
      endField();
      i += 1;
    } else if (char === '\r' || char === '\n') {
      i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
      endRecord();
    } else {
      if (char === '"' && !problems.some((p) => p.row === row && p.message.startsWith('A quote'))) {
        problems.push({
          row,
          severity: 'warning',
          message: 'A quote inside an unquoted cell was kept as text.',
        });
      }
      started = true;
      field += char;
      i += 1;
    }
  }
  if (started || field !== '' || fields.length > 0) endRecord();
  return { records, delimiter: sep, problems };
}

/** A quote opens a quoted field only at the start of a field. */
function fieldHasContent(text: string, index: number, sep: string): boolean {
  if (index === 0) return false;
  const previous = text[index - 1];
  return previous !== sep && previous !== '\n' && previous !== '\r';
}
