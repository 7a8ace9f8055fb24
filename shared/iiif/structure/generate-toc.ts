/**
 * A table of contents from canvas labels: one Range per run of Canvases whose labels name the same thing, such
 * as "Chapter 3" or a quire signature ("b" in "b1r", "b2v", ...). A Canvas whose label matches the pattern with
 * a new key starts a Range; one whose label does not match (an unnumbered plate, "p. 14") stays in the Range
 * it follows. Canvases before the first match are in no Range. The result is an outline (outline.ts), so the
 * person sees it before anything changes and it becomes Ranges in one step.
 */
import type { OutlineEntry } from './outline';

export interface TocPattern {
  /** A regular expression (JavaScript syntax) found anywhere in the label. */
  readonly source: string;
  readonly flags?: string;
  /**
   * The Range's label, from the first Canvas of the run: `$&` is the whole match, `$1`… its groups. The run's
   * key is group 1 when the pattern has one, else the whole match.
   */
  readonly label: string;
}

export const TOC_PATTERNS = {
  chapter: {
    name: 'Chapter N',
    pattern: { source: String.raw`\b(?:chapter|chap\.|ch\.)\s*(\d+|[ivxlcdm]+)\b`, flags: 'iu', label: '$&' },
  },
  quire: {
    name: 'Quire signature (a1r, a2v, b1r…)',
    pattern: { source: String.raw`^\s*(\p{L}{1,4})\s*\d`, flags: 'u', label: 'Quire $1' },
  },
} as const satisfies Record<string, { name: string; pattern: TocPattern }>;

export type GeneratedToc =
  | { readonly ok: true; readonly entries: OutlineEntry[]; readonly unmatched: number }
  | { readonly ok: false; readonly message: string };

/** The pattern as a RegExp, or why it is not one. */
export function compileTocPattern(pattern: TocPattern): RegExp | string {
  if (pattern.source.trim() === '') return 'Give a pattern to look for in the canvas labels.';
  try {
    // Never global or sticky: each label is matched from its start, independently.
    return new RegExp(pattern.source, (pattern.flags ?? '').replace(/[gy]/g, ''));
  } catch (error) {
    return `The pattern is not a regular expression: ${(error as Error).message}`;
  }
}

function expand(template: string, match: RegExpExecArray): string {
  return template.replace(/\$(&|\d)/g, (_, group: string) =>
    group === '&' ? match[0] : (match[Number(group)] ?? ''),
  );
}

/**
 * The outline of one level that `pattern` finds in `labels` (one per Canvas, in manifest order). `unmatched`
 * counts the Canvases before the first match, which no Range will hold.
 */
export function generateToc(labels: readonly string[], pattern: TocPattern): GeneratedToc {
  const regex = compileTocPattern(pattern);
  if (typeof regex === 'string') return { ok: false, message: regex };
  const entries: OutlineEntry[] = [];
  let key: string | undefined;
  let unmatched = 0;
  labels.forEach((label, index) => {
    const match = regex.exec(label);
    if (match === null || match[0] === '') {
      if (key === undefined) unmatched += 1;
      return;
    }
    const next = match.length > 1 && match[1] !== undefined ? match[1] : match[0];
    if (next === key) return;
    key = next;
    entries.push({ label: expand(pattern.label, match).trim() || next, level: 1, first: index });
  });
  if (entries.length === 0) return { ok: false, message: 'No canvas label matches the pattern.' };
  return { ok: true, entries, unmatched };
}
