/**
 * IIIF Content State API 1.0 §6 "content-state-encoding": encodeURIComponent, then base64url without padding.
 * shared/ has neither atob nor TextDecoder (no DOM, no Node), so base64url and UTF-8 are decoded by hand here.
 * Decoding is lenient about one common mistake: a publisher that skipped the encodeURIComponent step and
 * base64url-encoded the UTF-8 JSON directly; both forms decode.
 */
import { describeExcessNesting, nestsDeeperThan } from '../document/nesting';
import { isJsonObject, type JsonObject } from '../json';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

export function base64UrlToBytes(text: string): Uint8Array | null {
  const clean = text.trim().replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  if (!BASE64URL.test(clean) || clean.length % 4 === 1) return null;
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    buffer = (buffer << 6) | ALPHABET.indexOf(char);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return Uint8Array.from(bytes);
}

export function bytesToBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let c = 0; c < chars; c++) out += ALPHABET[(chunk >> (18 - 6 * c)) & 63];
  }
  return out;
}

/** UTF-8 bytes → string via percent-decoding, which rejects malformed UTF-8 (returns null). */
function utf8Decode(bytes: Uint8Array): string | null {
  let percent = '';
  for (const byte of bytes) percent += `%${byte.toString(16).padStart(2, '0')}`;
  try {
    return decodeURIComponent(percent);
  } catch {
    return null;
  }
}

export function encodeContentState(plain: string): string {
  // encodeURIComponent leaves only ASCII, so its UTF-8 bytes are its char codes.
  const ascii = encodeURIComponent(plain);
  return bytesToBase64Url(Uint8Array.from(ascii, (char) => char.charCodeAt(0)));
}

export type DecodedContentState =
  | { readonly ok: true; readonly kind: 'json'; readonly value: JsonObject }
  | { readonly ok: true; readonly kind: 'uri'; readonly value: string }
  | { readonly ok: false; readonly reason: string };

/** Decodes a content-state-encoded string to the JSON object (or, leniently, the URI) it carries. */
export function decodeContentState(encoded: string): DecodedContentState {
  const bytes = base64UrlToBytes(encoded);
  if (!bytes) return { ok: false, reason: 'This is not base64url text.' };
  const utf8 = utf8Decode(bytes);
  if (utf8 === null) return { ok: false, reason: 'The decoded content state is not UTF-8 text.' };
  let plain = utf8;
  try {
    plain = decodeURIComponent(utf8);
  } catch {
    // Not URI-encoded: accept raw UTF-8 JSON from encoders that skipped that step.
  }
  return readPlainContentState(plain);
}

/** A content state given unencoded: JSON (an Annotation, or its target) or a plain http(s) URI. */
export function readPlainContentState(plain: string): DecodedContentState {
  const text = plain.trim();
  if (/^https?:\/\/\S+$/i.test(text)) return { ok: true, kind: 'uri', value: text };
  try {
    const value: unknown = JSON.parse(text);
    if (nestsDeeperThan(value)) return { ok: false, reason: describeExcessNesting() };
    if (isContentStateJson(value)) return { ok: true, kind: 'json', value };
    return {
      ok: false,
      reason: 'The JSON is neither a content state Annotation nor a IIIF resource reference.',
    };
  } catch {
    return { ok: false, reason: 'The content state is neither JSON nor a URI.' };
  }
}

const TARGET_TYPES = new Set(['Manifest', 'Collection', 'Canvas', 'Range', 'SpecificResource']);

/**
 * A full content state Annotation (type Annotation, motivation contentState — or any Annotation with a
 * target), or the target body form: a resource reference with `id` and one of the IIIF types.
 */
export function isContentStateJson(value: unknown): value is JsonObject {
  if (!isJsonObject(value)) return false;
  if (value['type'] === 'Annotation') return value['target'] !== undefined;
  return (
    typeof value['id'] === 'string' && typeof value['type'] === 'string' && TARGET_TYPES.has(value['type'])
  );
}
