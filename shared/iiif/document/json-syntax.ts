/**
 * Where and why a text is not valid JSON. JSON.parse's messages differ between engines and versions ("at
 * position N", "line 3 column 7", or no position at all), so on failure we re-scan the text with this small
 * checker, which always knows the offset. It runs only on the error path, so it favours clarity over speed.
 */
export interface JsonSyntaxError {
  /** Offset (UTF-16 code units) of the offending character; text.length for an unexpected end. */
  readonly offset: number;
  /** What was expected or found, as a phrase: "expected ',' or '}' after a property value". */
  readonly problem: string;
}

export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

/** 1-based line and column of an offset. A \r\n pair is one line break; columns count UTF-16 code units. */
export function lineColumnAt(text: string, offset: number): LineColumn {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** Scans `text` as JSON (RFC 8259) and returns the first syntax error, or null when it is valid. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  let i = 0;
  const n = text.length;
  // What each open container expects next; an explicit stack so deep nesting cannot overflow the call stack.
  const stack: ('array' | 'object')[] = [];

  const skipWs = () => {
    while (i < n && WS.has(text.charCodeAt(i))) i += 1;
  };
  const fail = (problem: string): JsonSyntaxError => ({ offset: i, problem });
  const found = () => (i >= n ? 'the text ended' : `found ${describeChar(text, i)}`);

  const scanString = (): JsonSyntaxError | null => {
    i += 1; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i += 1;
        return null;
      }
      if (c < 0x20)
        return fail('a line break or control character inside a string (strings must be on one line)');
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === undefined) break;
        if ('"\\/bfnrt'.includes(e)) i += 2;
        else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else return fail(`an invalid escape sequence \\${e} in a string`);
      } else i += 1;
    }
    return fail('a string that is never closed (missing ")');
  };

  const scanNumber = (): JsonSyntaxError | null => {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
    if (!match || match[0] === '-' || match[0] === '') return fail(`an invalid number`);
    i += match[0].length;
    return null;
  };

  // Scans one value; containers push themselves and return, their contents are handled by the loop below.
  const scanValue = (): JsonSyntaxError | null => {
    skipWs();
    if (i >= n) return fail('the text ended where a value was expected');
    const c = text[i] as string;
    if (c === '"') return scanString();
    if (c === '{' || c === '[') {
      stack.push(c === '{' ? 'object' : 'array');
      i += 1;
      return null;
    }
    if (c === '-' || (c >= '0' && c <= '9')) return scanNumber();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return null;
      }
    }
    return fail(`expected a value (a string, number, object, array, true, false or null) but ${found()}`);
  };

  let error = scanValue();
  if (error) return error;
  // After a container opens, `fresh` says no member has been read yet (so a closing bracket is allowed).
  let fresh = stack.length > 0;
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    skipWs();
    if (top === 'object') {
      if (fresh && text[i] === '}') {
        stack.pop();
        i += 1;
        fresh = false;
        continue;
      }
      if (!fresh) {
        if (text[i] === '}') {
          stack.pop();
          i += 1;
          continue;
        }
        if (text[i] !== ',') return fail(`expected ',' or '}' after a property value but ${found()}`);
        i += 1;
        skipWs();
      }
      if (text[i] !== '"') {
        const trailing = !fresh && text[i] === '}';
        return fail(
          trailing
            ? "a trailing comma before '}' (JSON allows none)"
            : `expected a property name in double quotes but ${found()}`,
        );
      }
      error = scanString();
      if (error) return error;
      skipWs();
      if (text[i] !== ':') return fail(`expected ':' after a property name but ${found()}`);
      i += 1;
    } else {
      if (fresh && text[i] === ']') {
        stack.pop();
        i += 1;
        fresh = false;
        continue;
      }
      if (!fresh) {
        if (text[i] === ']') {
          stack.pop();
          i += 1;
          continue;
        }
        if (text[i] !== ',') return fail(`expected ',' or ']' after an array element but ${found()}`);
        i += 1;
        skipWs();
        if (text[i] === ']') return fail("a trailing comma before ']' (JSON allows none)");
      }
    }
    const depth = stack.length;
    error = scanValue();
    if (error) return error;
    // A value that opened a container starts fresh; any other value completes a member of the current one.
    fresh = stack.length > depth;
  }
  skipWs();
  if (i < n) return fail(`unexpected ${describeChar(text, i)} after the end of the JSON value`);
  return null;
}

function describeChar(text: string, offset: number): string {
  const c = text.codePointAt(offset) ?? 0;
  if (c < 0x20 || c === 0x7f)
    return `the control character U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  return `'${String.fromCodePoint(c)}'`;
}
