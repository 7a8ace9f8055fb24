/**
 * Text -> document. Opening is JSON.parse plus a look at the top-level type, no model of our own: the tree
 * that comes out is the document, unmodified, so everything we do not understand survives to the next save.
 * Only Presentation 2 input is rewritten, by the upgrader, and the user is told so.
 */
import type { JsonObject, JsonPath, JsonValue } from '../json';
import { isJsonArray, isJsonObject } from '../json';
import type { DocumentKind } from './classify';
import { classifyJson } from './classify';
import { findJsonSyntaxError, lineColumnAt } from './json-syntax';
import { MAX_DOCUMENT_BYTES, describeSize } from './limits';
import { describeExcessNesting, isIndexKey, MAX_NESTING, surveyParsedTree } from './nesting';
import type { Notice } from './notices';
import { notice } from './notices';
import type { TextFormat } from './text-format';
import { detectTextFormat, stripBom } from './text-format';
import { upgradePresentation2 } from './upgrade';

export interface ReadOptions {
  /** Longest text accepted, in UTF-16 code units. Defaults to MAX_DOCUMENT_BYTES (64 MiB). */
  readonly maxLength?: number;
}

export type ReadErrorCode = 'too-large' | 'empty' | 'not-json' | 'too-deep' | 'not-iiif' | 'upgrade-failed';

export interface ReadSuccess {
  readonly ok: true;
  readonly doc: JsonObject;
  readonly format: TextFormat;
  readonly kind: DocumentKind;
  /** The Presentation version of the text that was read; `doc` is always Presentation 3. */
  readonly sourceVersion: 2 | 3;
  /** True when `doc` differs from the text because it was upgraded (so it is unsaved from the start). */
  readonly upgraded: boolean;
  readonly notices: readonly Notice[];
}

export interface ReadFailure {
  readonly ok: false;
  readonly error: { readonly code: ReadErrorCode; readonly message: string };
}

export type ReadResult = ReadSuccess | ReadFailure;

function failure(code: ReadErrorCode, message: string): ReadFailure {
  return { ok: false, error: { code, message } };
}

export function readDocument(text: string, options: ReadOptions = {}): ReadResult {
  const maxLength = options.maxLength ?? MAX_DOCUMENT_BYTES;
  if (text.length > maxLength) {
    return failure(
      'too-large',
      `This text is ${describeSize(text.length)}; Tessera opens documents up to ${describeSize(maxLength)}.`,
    );
  }
  const format = detectTextFormat(text);
  const body = stripBom(text);
  if (!/\S/.test(body)) return failure('empty', 'The file is empty: there is no JSON in it.');

  let parsed: JsonValue;
  try {
    parsed = JSON.parse(body) as JsonValue;
  } catch (error) {
    return failure('not-json', describeSyntaxError(body, error));
  }
  // Before anything recursive (classify, the upgrader, validation, the renderer) sees the tree.
  // The tree is ours alone here, so its repeated short strings are shared as it is walked (heap, issue 16).
  const survey = surveyParsedTree(parsed, MAX_NESTING, new Map());
  if (survey.tooDeep) return failure('too-deep', describeExcessNesting());

  const classification = classifyJson(parsed);
  if (!classification.ok) return failure('not-iiif', classification.message);
  const root = parsed as JsonObject;

  if (classification.version === 2) {
    const result = upgradePresentation2(root);
    if (!result.ok) return failure('upgrade-failed', result.message);
    return {
      ok: true,
      doc: result.doc,
      format,
      kind: classification.kind,
      sourceVersion: 2,
      upgraded: true,
      notices: result.notices,
    };
  }
  return {
    ok: true,
    doc: root,
    format,
    kind: classification.kind,
    sourceVersion: 3,
    upgraded: false,
    notices: survey.indexKeys ? numericKeyNotices(root) : [],
  };
}

function describeSyntaxError(body: string, error: unknown): string {
  const first = /\S/.exec(body)?.[0];
  if (first === '<') return "This is not JSON: it starts with '<', like an HTML or XML page.";
  const found = findJsonSyntaxError(body);
  if (found) {
    const { line, column } = lineColumnAt(body, found.offset);
    return `This is not valid JSON: ${found.problem}, at line ${line}, column ${column}.`;
  }
  // Our checker accepted what the engine refused; fall back to the engine's own words.
  return `This is not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * JavaScript objects list integer-like keys ("0", "42") first, in numeric order, whatever order the text had,
 * so such keys are the one case where saving can reorder properties. They are rare in IIIF; the walk that
 * checks nesting notices them in passing, and only then do we walk the tree again to say where.
 */
function numericKeyNotices(root: JsonObject): Notice[] {
  const paths = findIntegerKeys(root).slice(0, 3);
  if (paths.length === 0) return [];
  const where = paths.map((p) => (p.length === 0 ? 'the top level' : p.join('.'))).join('; ');
  return [
    notice(
      'numeric-keys',
      'info',
      `Some property names are whole numbers (at ${where}). Saving keeps them, but may move them to the start ` +
        'of their object, because JSON tools order such names first.',
    ),
  ];
}

function findIntegerKeys(root: JsonValue): JsonPath[] {
  const found: JsonPath[] = [];
  const stack: [JsonValue, JsonPath][] = [[root, []]];
  while (stack.length > 0 && found.length < 3) {
    const [node, path] = stack.pop() as [JsonValue, JsonPath];
    if (isJsonArray(node)) node.forEach((item, i) => stack.push([item, [...path, i]]));
    else if (isJsonObject(node)) {
      const keys = Object.keys(node);
      if (keys.some(isIndexKey)) found.push(path);
      for (const k of keys) stack.push([node[k] as JsonValue, [...path, k]]);
    }
  }
  return found;
}
