import { describe, expect, it } from 'vitest';
import { classifyUrl } from '../../../shared/iiif/image-api/classify-url';
import {
  base64UrlToBytes,
  bytesToBase64Url,
  decodeContentState,
  encodeContentState,
} from '../../../shared/iiif/image-api/content-state';

// The worked example of IIIF Content State API 1.0 §6.3: the condensed JSON and its published encoding.
const SPEC_PLAIN =
  '{"id":"https://example.org/object1/canvas7#xywh=1000,2000,1000,2000","type":"Canvas","partOf":[{"id":"https://example.org/object1/manifest","type":"Manifest"}]}';
const SPEC_ENCODED =
  'JTdCJTIyaWQlMjIlM0ElMjJodHRwcyUzQSUyRiUyRmV4YW1wbGUub3JnJTJGb2JqZWN0MSUyRmNhbnZhczclMjN4eXdoJTNEMTAwMCUyQzIwMDAlMkMxMDAwJTJDMjAwMCUyMiUyQyUyMnR5cGUlMjIlM0ElMjJDYW52YXMlMjIlMkMlMjJwYXJ0T2YlMjIlM0ElNUIlN0IlMjJpZCUyMiUzQSUyMmh0dHBzJTNBJTJGJTJGZXhhbXBsZS5vcmclMkZvYmplY3QxJTJGbWFuaWZlc3QlMjIlMkMlMjJ0eXBlJTIyJTNBJTIyTWFuaWZlc3QlMjIlN0QlNUQlN0Q';

describe('content state encoding (IIIF Content State API 1.0 §6)', () => {
  it('matches the specification’s worked example both ways', () => {
    expect(encodeContentState(SPEC_PLAIN)).toBe(SPEC_ENCODED);
    const decoded = decodeContentState(SPEC_ENCODED);
    expect(decoded).toEqual({ ok: true, kind: 'json', value: JSON.parse(SPEC_PLAIN) });
  });

  it('round-trips non-ASCII text (UTF-8)', () => {
    const annotation = {
      type: 'Annotation',
      motivation: ['contentState'],
      target: { id: 'https://example.org/m/ü/canvas/1', type: 'Canvas', label: { de: ['Blätter ✓'] } },
    };
    const encoded = encodeContentState(JSON.stringify(annotation));
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeContentState(encoded)).toEqual({ ok: true, kind: 'json', value: annotation });
  });

  it('also accepts base64url of raw UTF-8 JSON (publishers that skip the URI-encoding step)', () => {
    const raw = JSON.stringify({ id: 'https://example.org/manifest/é', type: 'Manifest' });
    const bytes = Uint8Array.from(unescape(encodeURIComponent(raw)), (c) => c.charCodeAt(0));
    expect(decodeContentState(bytesToBase64Url(bytes))).toMatchObject({ ok: true, kind: 'json' });
  });

  it('refuses text that is not base64url, or decodes to something other than a content state', () => {
    expect(decodeContentState('not base64!')).toMatchObject({ ok: false });
    expect(decodeContentState(bytesToBase64Url(Uint8Array.from([0xff, 0xfe, 0xfd])))).toMatchObject({
      ok: false,
    });
    expect(decodeContentState(encodeContentState('{"hello":"world"}'))).toMatchObject({ ok: false });
  });

  it('base64url decoding agrees with Node’s', () => {
    for (const text of ['', 'a', 'ab', 'abc', 'abcd', 'hello wörld', '\u{1F600} emoji']) {
      const encoded = Buffer.from(text, 'utf8').toString('base64url');
      expect(Buffer.from(base64UrlToBytes(encoded) ?? []).toString('utf8')).toBe(text);
      expect(bytesToBase64Url(new Uint8Array(Buffer.from(text, 'utf8')))).toBe(encoded);
    }
    expect(base64UrlToBytes('abcde')).toBeNull(); // length 5 ≡ 1 (mod 4) cannot be base64
  });
});

describe('classifyUrl', () => {
  it.each([
    ['https://iiif.example.org/iiif/2/abc/info.json', 'info.json'],
    ['http://127.0.0.1:8182/iiif/2/IMG_1707.JPG/info.json', 'info.json'],
    ['https://iiif.example.org/iiif/3/abc/full/max/0/default.jpg', 'image'],
    ['https://iiif.example.org/iiif/2/abc/0,0,512,512/256,/0/default.jpg', 'image'],
    ['https://iiif.example.org/iiif/2/abc/full/!200,200/90/gray.png', 'image'],
    ['https://ids.example.org/iiif/25286610/full/200,/0/native.jpg', 'image'],
    ['https://www.example.org/photos/cat.jpeg', 'image'],
    ['https://iiif.example.org/iiif/2/abc', 'image-service-base'],
    ['https://iiif.example.org/iiif/3/abc/', 'image-service-base'],
    ['http://127.0.0.1:8182/iiif/2/IMG_1707.JPG', 'image-service-base'],
    ['http://libimages.example.edu/loris2/pudl0033%2F2007%2F00000001.jp2', 'image-service-base'],
    ['https://iiif.example.org/presentation/b18035723/manifest', 'manifest-or-collection'],
    ['https://example.org/iiif/collection/top', 'manifest-or-collection'],
    ['https://example.org/data/book1.json', 'manifest-or-collection'],
    ['https://viewer.example.org/?iiif-content=https://example.org/manifest.json', 'content-state'],
    [`https://viewer.example.org/view?foo=1&iiif-content=${SPEC_ENCODED}`, 'content-state'],
    [SPEC_ENCODED, 'content-state'],
    [SPEC_PLAIN, 'content-state'],
    [
      '  {"type":"Annotation","motivation":"contentState","target":{"id":"https://e.org/c1","type":"Canvas"}}  ',
      'content-state',
    ],
    ['{"type":"Manifest"}', 'unknown'],
    ['{"broken": ', 'unknown'],
    ['https://www.example.org/about-us', 'unknown'],
    ['file:///etc/passwd', 'unknown'],
    ['javascript:alert(1)', 'unknown'],
    ['', 'unknown'],
    ['hello world', 'unknown'],
  ])('%s → %s', (input, kind) => {
    expect(classifyUrl(input)).toBe(kind);
  });
});
