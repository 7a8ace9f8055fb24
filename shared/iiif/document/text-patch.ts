/**
 * Format-preserving save: the text as read (or last saved), with only the edits the change needs. The old and
 * new trees are compared structurally; thanks to structural sharing an unchanged subtree is the same object
 * (===) and is skipped without a look, so a one-field edit of a 10,000-canvas manifest compares one path. Each
 * changed value's text range is found lazily (json-locations.ts) and replaced; everything else keeps its
 * bytes: indentation, line breaks, escapes (`\u00e9`, `\/`), number spellings (`1.0`, `1e3`, `1e309`, 30-digit
 * integers), key order and duplicate keys. New content follows the file's own style (text-style.ts).
 *
 * Why not jsonc-parser's modify/applyEdits: each modify re-parses the whole text to find one path, so N changed
 * paths cost N full parses (seconds at 10k canvases after a batch edit), and it has no notion of a moved array
 * element; here the diff finds every change in one walk and a reorder reuses each moved element's own text.
 */
import type { JsonObject, JsonValue } from '../json';
import { isJsonArray, isJsonObject } from '../json';
import type { Member, Span } from './json-locations';
import { JsonLocations } from './json-locations';
import type { TextFormat } from './text-format';
import type { TextStyle } from './text-style';
import { compactText, detectTextStyle, styledText } from './text-style';

/** A text and the tree it parses to: what a save edits. */
export interface TextBase {
  readonly text: string;
  readonly doc: JsonObject;
  readonly format: TextFormat;
  /** Lazily filled on the first save; private to this module. */
  readonly cache: { locations?: JsonLocations; style?: TextStyle };
}

export function createTextBase(text: string, doc: JsonObject, format: TextFormat): TextBase {
  return { text, doc, format, cache: {} };
}

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function hasOwn(object: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

function applyEdits(text: string, edits: Edit[], from: number, to: number): string {
  if (edits.length === 0) return text.slice(from, to);
  // Stable: of two edits at one offset, an insertion (empty range) goes before a removal that starts there.
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  // Concatenation, not join: the engine keeps the result as a rope of slices instead of copying megabytes.
  let result = '';
  let cursor = from;
  for (const edit of edits) {
    result += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return result + text.slice(cursor, to);
}

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

/** The indentation that follows the last line break of a separator, if it has one. */
function indentAfterBreak(separator: string): string | null {
  const at = separator.lastIndexOf('\n');
  return at === -1 ? null : separator.slice(at + 1);
}

class Patcher {
  private readonly text: string;

  constructor(
    private readonly locations: JsonLocations,
    private readonly style: TextStyle,
  ) {
    this.text = locations.text;
  }

  /** The text of `next`, made from the text of `old` at `span`. */
  render(old: JsonValue, next: JsonValue, span: Span): string {
    if (old === next) return this.text.slice(span.start, span.end);
    const edits: Edit[] = [];
    this.diff(edits, old, next, span);
    return applyEdits(this.text, edits, span.start, span.end);
  }

  /** Adds the edits that turn the text of `old` at `span` into a text of `next`. */
  diff(edits: Edit[], old: JsonValue, next: JsonValue, span: Span): void {
    if (old === next) return;
    if (isJsonObject(old) && isJsonObject(next)) {
      if (!this.patchObject(edits, old, next, span))
        edits.push({ ...span, text: this.rebuildObject(old, next, span) });
      return;
    }
    if (isJsonArray(old) && isJsonArray(next)) {
      if (!this.patchArray(edits, old, next, span))
        edits.push({ ...span, text: this.rebuildArray(old, next, span) });
      return;
    }
    edits.push({ ...span, text: this.fresh(next, span, isJsonArray(old) || isJsonObject(old)) });
  }

  /** New text for a value at `span`: one line where a container stood on one line, else the file's style. */
  private fresh(value: JsonValue, span: Span, replacesContainer: boolean): string {
    if (replacesContainer && this.style.indent !== '') {
      const lineBreak = this.text.indexOf('\n', span.start);
      if (lineBreak === -1 || lineBreak >= span.end) return compactText(value, this.style);
    }
    return styledText(value, this.locations.lineIndentAt(span.start), this.style);
  }

  private memberSeparator(members: readonly Member[], span: Span): string {
    const [first, second] = members as [Member, Member | undefined];
    return second
      ? this.text.slice(first.end, second.keyStart)
      : `,${this.text.slice(span.start + 1, first.keyStart)}`;
  }

  private memberText(key: string, value: JsonValue, colon: string, separator: string): string {
    const indent = indentAfterBreak(separator);
    const valueText =
      indent === null ? compactText(value, this.style) : styledText(value, indent, this.style);
    return `${JSON.stringify(key)}${colon}${valueText}`;
  }

  /** Edits an object in place (changed values, removed and added keys); false when its keys were reordered. */
  private patchObject(edits: Edit[], old: JsonObject, next: JsonObject, span: Span): boolean {
    const members = this.locations.objectMembers(span.start);
    if (members.length === 0) return false;
    const nextKeys = Object.keys(next);
    const kept = nextKeys.filter((k) => hasOwn(old, k));
    if (
      kept.length === 0 ||
      !sameOrder(
        kept,
        Object.keys(old).filter((k) => hasOwn(next, k)),
      )
    )
      return false;
    // JSON.parse keeps the last of duplicate keys; the earlier ones stay in the text as they were.
    const lastOf = new Map<string, number>();
    members.forEach((m, i) => lastOf.set(m.key, i));
    if (Object.keys(old).some((k) => !lastOf.has(k))) return false;

    for (const key of kept) {
      const member = members[lastOf.get(key) as number] as Member;
      this.diff(edits, old[key] as JsonValue, next[key] as JsonValue, member);
    }

    const keep = members.map((m) => hasOwn(next, m.key));
    const firstKept = keep.indexOf(true);
    const first = members[0] as Member;
    const firstKeptMember = members[firstKept] as Member;
    if (firstKept > 0) edits.push({ start: first.keyStart, end: firstKeptMember.keyStart, text: '' });
    for (let i = firstKept + 1; i < members.length; i += 1) {
      if (!keep[i]) {
        edits.push({ start: (members[i - 1] as Member).end, end: (members[i] as Member).end, text: '' });
      }
    }

    const separator = this.memberSeparator(members, span);
    const colon = this.text.slice(first.keyEnd, first.start);
    let anchor: string | null = null;
    const head: string[] = [];
    const after = new Map<string, string[]>();
    for (const key of nextKeys) {
      if (hasOwn(old, key)) {
        anchor = key;
        continue;
      }
      const text = this.memberText(key, next[key] as JsonValue, colon, separator);
      if (anchor === null) head.push(text);
      else after.set(anchor, [...(after.get(anchor) ?? []), text]);
    }
    if (head.length > 0) {
      const at = firstKeptMember.keyStart;
      edits.push({ start: at, end: at, text: head.map((t) => t + separator).join('') });
    }
    for (const [key, texts] of after) {
      const at = (members[lastOf.get(key) as number] as Member).end;
      edits.push({ start: at, end: at, text: texts.map((t) => separator + t).join('') });
    }
    return true;
  }

  /** An object whose keys were reordered: its members in the new order, each with its own text. */
  private rebuildObject(old: JsonObject, next: JsonObject, span: Span): string {
    const members = this.locations.objectMembers(span.start);
    const keys = Object.keys(next);
    if (members.length === 0 || keys.length === 0) return this.fresh(next, span, true);
    const lastOf = new Map<string, Member>();
    for (const m of members) lastOf.set(m.key, m);
    const first = members[0] as Member;
    const last = members[members.length - 1] as Member;
    const separator = this.memberSeparator(members, span);
    const colon = this.text.slice(first.keyEnd, first.start);
    const parts = keys.map((key) => {
      const member = hasOwn(old, key) ? lastOf.get(key) : undefined;
      if (!member) return this.memberText(key, next[key] as JsonValue, colon, separator);
      const value = this.render(old[key] as JsonValue, next[key] as JsonValue, member);
      return this.text.slice(member.keyStart, member.start) + value;
    });
    const open = this.text.slice(span.start + 1, first.keyStart);
    const close = this.text.slice(last.end, span.end - 1);
    return `{${open}${parts.join(separator)}${close}}`;
  }

  /** Edits an array element by element; false when elements moved, were added or removed. */
  private patchArray(edits: Edit[], old: readonly JsonValue[], next: readonly JsonValue[], span: Span) {
    if (old.length !== next.length || old.length === 0) return false;
    const present = new Set<JsonValue>(old);
    for (let i = 0; i < next.length; i += 1) {
      if (old[i] !== next[i] && present.has(next[i] as JsonValue)) return false;
    }
    const items = this.locations.arrayItems(span.start);
    for (let i = 0; i < next.length; i += 1) {
      if (old[i] !== next[i]) this.diff(edits, old[i] as JsonValue, next[i] as JsonValue, items[i] as Span);
    }
    return true;
  }

  /**
   * An array whose elements moved, came or went: each element that was there before keeps its own text (found
   * by identity, else by `id`, then edited), so a reorder changes only the moved elements' lines.
   */
  private rebuildArray(old: readonly JsonValue[], next: readonly JsonValue[], span: Span): string {
    if (next.length === 0) return '[]';
    const items = this.locations.arrayItems(span.start);
    const [first, second] = items as [Span | undefined, Span | undefined];
    if (!first) return this.fresh(next, span, false);
    const last = items[items.length - 1] as Span;
    const separator = second
      ? this.text.slice(first.end, second.start)
      : `,${this.text.slice(span.start + 1, first.start)}`;
    const indent = indentAfterBreak(separator);

    const used = new Uint8Array(old.length);
    const byValue = new Map<JsonValue, number[]>();
    const byId = new Map<string, number[]>();
    old.forEach((value, i) => {
      byValue.set(value, [...(byValue.get(value) ?? []), i]);
      const id = isJsonObject(value) ? value['id'] : undefined;
      if (typeof id === 'string') byId.set(id, [...(byId.get(id) ?? []), i]);
    });
    const take = (candidates: number[] | undefined): number | undefined => {
      const found = candidates?.find((i) => used[i] === 0);
      if (found !== undefined) used[found] = 1;
      return found;
    };

    const parts = next.map((value) => {
      const same = take(byValue.get(value));
      if (same !== undefined) {
        const at = items[same] as Span;
        return this.text.slice(at.start, at.end);
      }
      const id = isJsonObject(value) ? value['id'] : undefined;
      const edited = typeof id === 'string' ? take(byId.get(id)) : undefined;
      if (edited !== undefined) return this.render(old[edited] as JsonValue, value, items[edited] as Span);
      return indent === null ? compactText(value, this.style) : styledText(value, indent, this.style);
    });
    const open = this.text.slice(span.start + 1, first.start);
    const close = this.text.slice(last.end, span.end - 1);
    return `[${open}${parts.join(separator)}${close}]`;
  }
}

/**
 * The text of `doc`, made by editing `base.text`: byte-identical where nothing changed. `doc` must be
 * `base.doc` or an edit of it (sharing its unchanged subtrees); any tree works, but unshared ones diff deeper.
 */
export function writeDocumentOver(base: TextBase, doc: JsonObject): string {
  if (doc === base.doc) return base.text;
  const locations = (base.cache.locations ??= new JsonLocations(base.text));
  const style = (base.cache.style ??= detectTextStyle(base.text, base.format));
  const patcher = new Patcher(locations, style);
  const edits: Edit[] = [];
  patcher.diff(edits, base.doc, doc, locations.root());
  return applyEdits(base.text, edits, 0, base.text.length);
}
