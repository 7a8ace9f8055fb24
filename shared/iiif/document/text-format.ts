/**
 * How a document's text was laid out, so that saving writes it back the way it was read: a one-line diff for a
 * one-field edit, not a reformatted file. JSON.stringify can only produce "standard" layouts (one value per line
 * with a fixed indent, or none), so that is what we record; other layouts come back JSON-equal, not byte-equal.
 */
export interface TextFormat {
  /** One level of indentation: '' (minified), '  ', '    ', '\t', ... (any run of spaces, or one tab). */
  readonly indent: string;
  readonly newline: '\n' | '\r\n';
  /** Whether the text ends with a line break. */
  readonly finalNewline: boolean;
  /** Whether the text started with a byte order mark (U+FEFF). */
  readonly bom: boolean;
}

/** The layout of new documents: what most IIIF publishers and JSON.stringify(x, null, 2) produce. */
export const DEFAULT_TEXT_FORMAT: TextFormat = {
  indent: '  ',
  newline: '\n',
  finalNewline: true,
  bom: false,
};

const BOM = '\uFEFF';

/** True when the text starts with a byte order mark. */
export function hasBom(text: string): boolean {
  return text.charCodeAt(0) === 0xfeff;
}

export function stripBom(text: string): string {
  return hasBom(text) ? text.slice(1) : text;
}

/**
 * Reads the layout from the text. Only the first indented line is looked at: raw line breaks cannot occur
 * inside JSON strings, so the first line break followed by whitespace is structural and, in any standard
 * layout, opens depth 1, whose leading whitespace is exactly one indent. Cheap on a 60 MB file.
 */
export function detectTextFormat(text: string): TextFormat {
  const bom = hasBom(text);
  const firstBreak = text.indexOf('\n');
  const newline = firstBreak > 0 && text.charCodeAt(firstBreak - 1) === 13 ? '\r\n' : '\n';
  const finalNewline = text.endsWith('\n');
  return { indent: detectIndent(text, firstBreak), newline, finalNewline, bom };
}

function detectIndent(text: string, firstBreak: number): string {
  // Search only the first few kilobytes: a pretty-printed document indents its second line.
  const window = text.slice(Math.max(firstBreak, 0), Math.max(firstBreak, 0) + 4096);
  const match = /\n([ \t]+)[^ \t\r\n]/.exec(window);
  const lead = match?.[1];
  if (lead === undefined) return '';
  if (lead.startsWith('\t')) return '\t';
  // Mixed leading whitespace: keep the spaces up to the first tab, the best JSON.stringify can do.
  const spaces = /^ */.exec(lead)?.[0] ?? '';
  // JSON.stringify caps indentation at 10 characters.
  return spaces.slice(0, 10);
}

/** Applies line endings, final newline and BOM to the output of JSON.stringify (which uses bare \n). */
export function applyTextFormat(json: string, format: TextFormat): string {
  let text = json;
  if (format.newline === '\r\n' && format.indent !== '') {
    // Safe as a plain replace: JSON.stringify escapes line breaks inside strings, so every \n is structural.
    text = text.replaceAll('\n', '\r\n');
  }
  if (format.finalNewline) text += format.newline;
  if (format.bom) text = BOM + text;
  return text;
}
