/**
 * Test helper: the token sequence of a JSON text, with whitespace dropped, strings decoded and numbers read as
 * numbers. Two texts with equal token sequences are JSON-equal with the same key order, judged on the text
 * itself. (Comparing JSON.parse results cannot see key order changes that JSON.parse itself makes.)
 */
export type JsonToken = string | number | boolean | null | { punct: string };

export function jsonTokens(text: string): JsonToken[] {
  const tokens: JsonToken[] = [];
  const re = /\s*(?:("(?:[^"\\]|\\.)*")|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(true|false|null)|([{}[\]:,]))/y;
  const body = text.replace(/^\uFEFF/, '');
  let pos = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body)) !== null) {
    pos = re.lastIndex;
    if (m[1] !== undefined) tokens.push(JSON.parse(m[1]) as string);
    else if (m[2] !== undefined) tokens.push(Number(m[2]));
    else if (m[3] !== undefined) tokens.push(JSON.parse(m[3]) as boolean | null);
    else tokens.push({ punct: m[4] as string });
    if (pos >= body.length) break;
  }
  if (body.slice(pos).trim() !== '') throw new Error(`jsonTokens: cannot read JSON at offset ${pos}`);
  return tokens;
}

/** Index of the first differing token, or -1 when the sequences are equal. */
export function firstTokenDifference(a: readonly JsonToken[], b: readonly JsonToken[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i += 1) {
    if (JSON.stringify(a[i]) !== JSON.stringify(b[i])) return i;
  }
  return -1;
}
