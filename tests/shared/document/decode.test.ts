import { describe, expect, it } from 'vitest';
import { decodeDocumentBytes, readDocument } from '../../../shared/iiif/document';

const text = '{"type":"Manifest","label":{"fr":["Été 😀"]}}';

function utf16(value: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(value.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < value.length; i += 1) view.setUint16(i * 2, value.charCodeAt(i), littleEndian);
  return bytes;
}

function decodedText(bytes: Uint8Array): string {
  const result = decodeDocumentBytes(bytes);
  if (!result.ok) throw new Error(result.error.message);
  return result.text;
}

describe('decodeDocumentBytes', () => {
  it('reads UTF-8, and keeps a UTF-8 BOM so saving can write it back', () => {
    const utf8 = new TextEncoder().encode(text);
    expect(decodeDocumentBytes(utf8)).toEqual({ ok: true, text, encoding: 'utf-8' });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    expect(decodedText(withBom)).toBe('\uFEFF' + text);
    const read = readDocument(decodedText(withBom));
    expect(read.ok && read.format.bom).toBe(true);
  });

  it('reads UTF-16 in both byte orders, with or without a BOM', () => {
    expect(decodedText(new Uint8Array([0xff, 0xfe, ...utf16(text, true)]))).toBe(text);
    expect(decodedText(new Uint8Array([0xfe, 0xff, ...utf16(text, false)]))).toBe(text);
    expect(decodeDocumentBytes(utf16(text, true))).toEqual({ ok: true, text, encoding: 'utf-16le' });
    expect(decodeDocumentBytes(utf16(text, false))).toEqual({ ok: true, text, encoding: 'utf-16be' });
  });

  it('recognises likely Windows-1252 text, says where UTF-8 breaks, and opens it as such only when asked', () => {
    // "Été" in Latin-1 / Windows-1252: 0xC9 followed by an ASCII byte is not UTF-8.
    const latin1 = new Uint8Array([0x7b, 0x22, 0xc9, 0x74, 0xe9, 0x22, 0x7d]);
    const result = decodeDocumentBytes(latin1);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('single-byte');
      expect(result.error.message).toMatch(/not UTF-8.*offset 2.*Windows-1252.*saved as UTF-8/);
    }
    expect(decodeDocumentBytes(latin1, undefined, { encoding: 'windows-1252' })).toEqual({
      ok: true,
      text: '{"Été"}',
      encoding: 'windows-1252',
    });
  });

  it('reads the bytes Windows-1252 adds to Latin-1 (curly quotes, euro, dashes) as Windows-1252 does', () => {
    // ü, ’, €, – and “ ” in a label.
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('{"label":"'),
      0xfc,
      0x92,
      0x80,
      0x96,
      0x93,
      0x94,
      ...new TextEncoder().encode('"}'),
    ]);
    const result = decodeDocumentBytes(bytes, undefined, { encoding: 'windows-1252' });
    expect(result.ok && result.text).toBe('{"label":"ü’€–“”"}');
  });

  it('keeps reading UTF-8 and UTF-16 as such when Windows-1252 is asked for', () => {
    const utf8 = new TextEncoder().encode(text);
    expect(decodeDocumentBytes(utf8, undefined, { encoding: 'windows-1252' })).toEqual({
      ok: true,
      text,
      encoding: 'utf-8',
    });
    expect(decodeDocumentBytes(utf16(text, true), undefined, { encoding: 'windows-1252' })).toMatchObject({
      encoding: 'utf-16le',
    });
  });

  it('refuses bytes that are neither UTF-8 nor plausible Windows-1252 text, even when asked', () => {
    for (const bytes of [
      new Uint8Array([0x7b, 0x22, 0xe9, 0x01, 0x22, 0x7d]), // a control character
      new Uint8Array([0x7b, 0x22, 0xe9, 0x81, 0x22, 0x7d]), // a byte Windows-1252 leaves undefined
      new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d, 0x00, 0x00, 0x00]), // NULs: binary
    ]) {
      const result = decodeDocumentBytes(bytes, undefined, { encoding: 'windows-1252' });
      expect(!result.ok && result.error.code).toBe('encoding');
      expect(!result.ok && result.error.message).toMatch(/not valid UTF-8.*does not look like Windows-1252/);
    }
  });

  it('refuses overlong and surrogate encodings that a lax decoder would accept', () => {
    expect(decodeDocumentBytes(new Uint8Array([0x22, 0xc0, 0xaf, 0x22])).ok).toBe(false);
    expect(decodeDocumentBytes(new Uint8Array([0x22, 0xed, 0xa0, 0x80, 0x22])).ok).toBe(false);
  });

  it('refuses UTF-32', () => {
    const result = decodeDocumentBytes(new Uint8Array([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0]));
    expect(!result.ok && result.error.message).toMatch(/UTF-32/);
  });

  it('refuses more bytes than the limit', () => {
    const result = decodeDocumentBytes(new Uint8Array(11), 10);
    expect(!result.ok && result.error.code).toBe('too-large');
  });
});
