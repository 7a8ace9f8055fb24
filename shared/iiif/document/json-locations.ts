/**
 * Where each value of a JSON text sits, found lazily: the format-preserving save (text-patch.ts) needs the text
 * range of only the values an edit changed, so a container's members are scanned the first time they are asked
 * for and kept, and everything else is skipped at the speed of a bracket count. Opening stays JSON.parse; a
 * 10,000-canvas manifest whose label changed is scanned once, at the top level, on its first save.
 *
 * The text must be valid JSON (it is: the document was parsed from it). Offsets are UTF-16 code units.
 */

/** A value's range: text.slice(start, end) is the value's own text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** One member of an object: the key's range (with its quotes) and the value's range. */
export interface Member extends Span {
  readonly key: string;
  readonly keyStart: number;
  readonly keyEnd: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

/** A whole string, or one bracket. Module-level so that it is compiled once; skipValue never nests. */
const TOKENS = /"(?:[^"\\]|\\.)*"|[[\]{}]/g;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

export function skipSpace(text: string, i: number): number {
  let j = i;
  while (j < text.length && isSpace(text.charCodeAt(j))) j += 1;
  return j;
}

/** `i` is at an opening quote; returns the offset just past the closing one. */
function skipString(text: string, i: number): number {
  let j = text.indexOf('"', i + 1);
  for (;;) {
    if (j === -1) throw new Error('json-locations: unterminated string');
    // The quote is escaped when an odd number of backslashes precede it.
    let backslashes = 0;
    while (text.charCodeAt(j - 1 - backslashes) === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return j + 1;
    j = text.indexOf('"', j + 1);
  }
}

/** `i` is at the first character of a value; returns the offset just past its end. */
export function skipValue(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === QUOTE) return skipString(text, i);
  if (c === OPEN_BRACE || c === OPEN_BRACKET) {
    // A depth count without a stack: in valid JSON brackets balance. One native regex step per string or
    // bracket (a string is matched whole, brackets inside it never count) is several times faster than a loop
    // over every character, which matters when the container is a 60 MB manifest's list of canvases.
    TOKENS.lastIndex = i;
    let depth = 0;
    for (let m = TOKENS.exec(text); m !== null; m = TOKENS.exec(text)) {
      const d = text.charCodeAt(m.index);
      if (d === OPEN_BRACE || d === OPEN_BRACKET) depth += 1;
      else if (d !== QUOTE) {
        depth -= 1;
        if (depth === 0) return m.index + 1;
      }
    }
    throw new Error('json-locations: unbalanced brackets');
  }
  // A number, true, false or null: runs until a delimiter.
  let j = i + 1;
  while (j < text.length) {
    const d = text.charCodeAt(j);
    if (d === COMMA || d === CLOSE_BRACE || d === CLOSE_BRACKET || isSpace(d)) break;
    j += 1;
  }
  return j;
}

function decodeKey(raw: string): string {
  return raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
}

/** Lazily computed locations of one text, cached per container (by its start offset). */
export class JsonLocations {
  private readonly members = new Map<number, readonly Member[]>();
  private readonly items = new Map<number, readonly Span[]>();
  private rootSpan: Span | null = null;

  constructor(readonly text: string) {}

  /** The top-level value, after any byte order mark and white space. */
  root(): Span {
    if (!this.rootSpan) {
      const bom = this.text.charCodeAt(0) === 0xfeff ? 1 : 0;
      const start = skipSpace(this.text, bom);
      // Valid JSON ends with its value and white space: no need to scan the whole text for the end.
      let end = this.text.length;
      while (end > start && isSpace(this.text.charCodeAt(end - 1))) end -= 1;
      this.rootSpan = { start, end };
    }
    return this.rootSpan;
  }

  /** The members of the object that starts at `start`, in text order (a duplicate key appears twice). */
  objectMembers(start: number): readonly Member[] {
    const cached = this.members.get(start);
    if (cached) return cached;
    const { text } = this;
    const found: Member[] = [];
    let i = skipSpace(text, start + 1);
    if (text.charCodeAt(i) !== CLOSE_BRACE) {
      for (;;) {
        const keyStart = i;
        const keyEnd = skipString(text, i);
        i = skipSpace(text, keyEnd);
        if (text.charCodeAt(i) !== COLON) throw new Error('json-locations: expected a colon');
        const valueStart = skipSpace(text, i + 1);
        // An array member is scanned element by element (the same work as skipping it): an edit inside the
        // canvases then needs no second pass over them.
        const valueEnd =
          text.charCodeAt(valueStart) === OPEN_BRACKET
            ? this.arrayEnd(valueStart)
            : skipValue(text, valueStart);
        found.push({
          key: decodeKey(text.slice(keyStart, keyEnd)),
          keyStart,
          keyEnd,
          start: valueStart,
          end: valueEnd,
        });
        i = skipSpace(text, valueEnd);
        if (text.charCodeAt(i) !== COMMA) break;
        i = skipSpace(text, i + 1);
      }
    }
    this.members.set(start, found);
    return found;
  }

  /** The elements of the array that starts at `start`, in order. */
  arrayItems(start: number): readonly Span[] {
    const cached = this.items.get(start);
    if (cached) return cached;
    const { text } = this;
    const found: Span[] = [];
    let i = skipSpace(text, start + 1);
    if (text.charCodeAt(i) !== CLOSE_BRACKET) {
      for (;;) {
        const end = skipValue(text, i);
        found.push({ start: i, end });
        i = skipSpace(text, end);
        if (text.charCodeAt(i) !== COMMA) break;
        i = skipSpace(text, i + 1);
      }
    }
    this.items.set(start, found);
    return found;
  }

  private arrayEnd(start: number): number {
    const items = this.arrayItems(start);
    const last = items[items.length - 1];
    return skipSpace(this.text, last ? last.end : start + 1) + 1;
  }

  /** The white space at the start of the line that holds `offset`. */
  lineIndentAt(offset: number): string {
    const lineStart = this.text.lastIndexOf('\n', offset - 1) + 1;
    let j = lineStart;
    while (j < offset && (this.text.charCodeAt(j) === 0x20 || this.text.charCodeAt(j) === 0x09)) j += 1;
    return this.text.slice(lineStart, j);
  }
}
