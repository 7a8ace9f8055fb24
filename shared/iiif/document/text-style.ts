/**
 * How a file writes the JSON it holds, beyond what JSON.stringify can reproduce: whether arrays of plain values
 * sit on one line (`"en": ["x"]`), what follows a colon and a comma there. New content written into a file by
 * the format-preserving save (text-patch.ts) follows these, so that an added value looks like its neighbours.
 */
import type { JsonValue } from '../json';
import { isJsonArray, isJsonObject } from '../json';
import { skipValue } from './json-locations';
import type { TextFormat } from './text-format';

export interface TextStyle {
  /** One level of indentation; '' writes everything on one line. */
  readonly indent: string;
  readonly newline: string;
  /** Text between a key and its value: ': ' or ':'. */
  readonly colon: string;
  /** Whether arrays of strings, numbers, booleans and nulls are written on one line. */
  readonly inlineScalarArrays: boolean;
  /** Text between the elements of a one-line array: ', ' or ','. */
  readonly inlineSeparator: string;
}

/** Reads the style from the first few matches in the text: cheap, whatever the file's size. */
export function detectTextStyle(text: string, format: TextFormat): TextStyle {
  const colon = /"\s*:( ?)/.exec(text)?.[1] === ' ' ? ': ' : ':';
  if (format.indent === '') {
    return { indent: '', newline: format.newline, colon, inlineScalarArrays: true, inlineSeparator: ',' };
  }
  const firstScalarArray = /\[(\s*)["\d\-tfn]/.exec(text);
  const inlineScalarArrays = firstScalarArray !== null && !firstScalarArray[1]?.includes('\n');
  let inlineSeparator = ', ';
  if (firstScalarArray && inlineScalarArrays) {
    const array = text.slice(firstScalarArray.index, skipValue(text, firstScalarArray.index));
    if (/,\S/.test(array.replace(/"(?:[^"\\]|\\.)*"/g, '""'))) inlineSeparator = ',';
  }
  return { indent: format.indent, newline: format.newline, colon, inlineScalarArrays, inlineSeparator };
}

function scalarText(value: JsonValue): string {
  // JSON.stringify writes a non-finite number as null; no edit makes one, but never write `undefined`.
  return JSON.stringify(value) ?? 'null';
}

function isScalar(value: JsonValue): boolean {
  return !isJsonArray(value) && !isJsonObject(value);
}

/** One-line text of `value`, with the style's separators. */
export function compactText(value: JsonValue, style: TextStyle, separator = style.inlineSeparator): string {
  if (isJsonArray(value)) return `[${value.map((v) => compactText(v, style, separator)).join(separator)}]`;
  if (isJsonObject(value)) {
    const members = Object.keys(value).map(
      (k) => `${JSON.stringify(k)}${style.colon}${compactText(value[k] as JsonValue, style, separator)}`,
    );
    return `{${members.join(separator)}}`;
  }
  return scalarText(value);
}

/** Text of `value` written at a line indented by `lineIndent`, in the file's style. */
export function styledText(value: JsonValue, lineIndent: string, style: TextStyle): string {
  if (style.indent === '') return compactText(value, style);
  if (isJsonArray(value)) {
    if (value.length === 0) return '[]';
    if (style.inlineScalarArrays && value.every(isScalar)) return compactText(value, style);
    const inner = lineIndent + style.indent;
    const items = value.map((v) => inner + styledText(v, inner, style));
    return `[${style.newline}${items.join(`,${style.newline}`)}${style.newline}${lineIndent}]`;
  }
  if (isJsonObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) return '{}';
    const inner = lineIndent + style.indent;
    const members = keys.map(
      (k) => `${inner}${JSON.stringify(k)}${style.colon}${styledText(value[k] as JsonValue, inner, style)}`,
    );
    return `{${style.newline}${members.join(`,${style.newline}`)}${style.newline}${lineIndent}}`;
  }
  return scalarText(value);
}
