/**
 * Bytes -> text for documents read from disk or the network. JSON is UTF-8 by definition (RFC 8259), but
 * editors on Windows still write UTF-16, and some tools add a BOM; all of those are readable, so we read them.
 * Anything else is refused rather than guessed: a wrong guess would silently corrupt every accented label on
 * save. A file that is most likely Windows-1252 (Western European; a superset of Latin-1's printable characters)
 * is refused with code 'single-byte' and opened as such only when the caller asks (the user confirmed, or the CLI
 * was given --encoding windows-1252); it is saved back as UTF-8.
 */
import { MAX_DOCUMENT_BYTES, describeSize } from './limits';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** The single-byte encodings a user may choose to open a file as. */
export type SingleByteEncoding = 'windows-1252';

export interface DecodeOptions {
  /** Read bytes that are not UTF-8 or UTF-16 as this encoding instead of refusing them. */
  readonly encoding?: SingleByteEncoding;
}

/** The question the open flow asks when a file looks like Windows-1252 (one wording for the dialog and tests). */
export const WINDOWS_1252_QUESTION =
  'This file is not UTF-8; it looks like Windows-1252 (Western European). Open it as such? It will be saved as UTF-8.';

export type DecodeResult =
  | {
      readonly ok: true;
      /** The text. A UTF-8 BOM is kept (readDocument records it and writeDocument writes it back). */
      readonly text: string;
      /** The encoding found. Documents are always saved as UTF-8: UTF-16 input comes back as UTF-8 on save. */
      readonly encoding: TextEncodingName;
    }
  | {
      readonly ok: false;
      readonly error: {
        /** 'single-byte': most likely Windows-1252; decoding again with `{ encoding: 'windows-1252' }` opens it. */
        readonly code: 'too-large' | 'encoding' | 'single-byte';
        readonly message: string;
      };
    };

// TextDecoder is a web standard present in every runtime we ship to (browsers, Node, Electron), but it is not
// in the ES library that shared/ compiles against, so we reach it through globalThis with a minimal type.
interface TextDecoderLike {
  decode(input: Uint8Array): string;
}
type TextDecoderConstructor = new (
  label: string,
  options?: { fatal?: boolean; ignoreBOM?: boolean },
) => TextDecoderLike;

function decoder(label: TextEncodingName): TextDecoderLike {
  const ctor = (globalThis as { TextDecoder?: TextDecoderConstructor }).TextDecoder;
  if (!ctor) throw new Error('TextDecoder is not available in this runtime');
  return new ctor(label, { fatal: true, ignoreBOM: true });
}

/**
 * Windows-1252's characters for 0x80-0x9F (the rest is Latin-1, byte = code point). Decoded here rather than by
 * TextDecoder('windows-1252'), which Node decodes as plain Latin-1, turning curly quotes into C1 controls.
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    let chunk = '';
    for (const b of bytes.subarray(start, start + CHUNK))
      chunk += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
    parts.push(chunk);
  }
  return parts.join('');
}

/** Bytes Windows-1252 leaves undefined: a file holding them is not Windows-1252 text. */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * Whether bytes that are not UTF-8 are plausibly Windows-1252 text: no NUL (binary, or UTF-16/32 without a
 * signature), none of the five bytes Windows-1252 leaves undefined, and no control characters other than tab, line
 * feed, carriage return and form feed (JSON allows no others outside strings, and a text file has none inside).
 */
export function looksLikeWindows1252(bytes: Uint8Array): boolean {
  for (const b of bytes) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return false;
    if (b === 0x7f || CP1252_UNDEFINED.has(b)) return false;
  }
  return true;
}

function refuse(message: string): DecodeResult {
  return { ok: false, error: { code: 'encoding', message } };
}

export function decodeDocumentBytes(
  bytes: Uint8Array,
  maxBytes: number = MAX_DOCUMENT_BYTES,
  options: DecodeOptions = {},
): DecodeResult {
  if (bytes.length > maxBytes) {
    return {
      ok: false,
      error: {
        code: 'too-large',
        message: `This file is ${describeSize(bytes.length)}; Tessera opens documents up to ${describeSize(maxBytes)}.`,
      },
    };
  }
  const [b0, b1, b2, b3] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (
    (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) ||
    (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0)
  ) {
    return refuse('This file is UTF-32 text, which Tessera does not read. Save it as UTF-8 and try again.');
  }
  try {
    if (b0 === 0xff && b1 === 0xfe) return decoded(decoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le');
    if (b0 === 0xfe && b1 === 0xff) return decoded(decoder('utf-16be').decode(bytes.subarray(2)), 'utf-16be');
    // No BOM: JSON text starts with an ASCII character, so a zero in the first two bytes is the signature of
    // UTF-16 (RFC 4627 §3). Big-endian puts the zero first.
    if (bytes.length >= 2 && b0 === 0 && b1 !== 0)
      return decoded(decoder('utf-16be').decode(bytes), 'utf-16be');
    if (bytes.length >= 2 && b0 !== 0 && b1 === 0)
      return decoded(decoder('utf-16le').decode(bytes), 'utf-16le');
  } catch {
    return refuse(
      'This file starts like UTF-16 text but is not valid UTF-16. Save it as UTF-8 and try again.',
    );
  }
  try {
    return decoded(decoder('utf-8').decode(bytes), 'utf-8');
  } catch {
    const at = firstInvalidUtf8(bytes);
    if (!looksLikeWindows1252(bytes)) {
      return refuse(
        `This file is not valid UTF-8 (the first invalid byte is at offset ${at}), and it does not look like ` +
          'Windows-1252 or Latin-1 text either. Save it as UTF-8 and try again.',
      );
    }
    if (options.encoding === 'windows-1252') return decoded(decodeWindows1252(bytes), 'windows-1252');
    return {
      ok: false,
      error: {
        code: 'single-byte',
        message: `This file is not UTF-8 (the first invalid byte is at offset ${at}); it looks like Windows-1252 (Western European) text. It can be opened as Windows-1252 and will then be saved as UTF-8.`,
      },
    };
  }
}

function decoded(text: string, encoding: TextEncodingName): DecodeResult {
  return { ok: true, text, encoding };
}

/** Offset of the first byte that breaks UTF-8 (only computed on the error path, for the message). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i += 1;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k += 1) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are invalid too.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return bytes.length;
}
