import { describe, expect, it } from 'vitest';
import { detectImageApiVersion } from '../../../shared/iiif/image-api/version';
import { parseInfoJson } from '../../../shared/iiif/image-api/parse-info-json';

const v3 = (extra: Record<string, unknown> = {}) => ({
  '@context': 'http://iiif.io/api/image/3/context.json',
  id: 'https://images.example.org/iiif/3/abc',
  type: 'ImageService3',
  protocol: 'http://iiif.io/api/image',
  profile: 'level2',
  width: 4000,
  height: 3000,
  ...extra,
});

const v2 = (extra: Record<string, unknown> = {}) => ({
  '@context': 'http://iiif.io/api/image/2/context.json',
  '@id': 'https://images.example.org/iiif/2/abc',
  protocol: 'http://iiif.io/api/image',
  profile: ['http://iiif.io/api/image/2/level1.json'],
  width: 4000,
  height: 3000,
  ...extra,
});

function reasonsOf(input: unknown, sourceUrl?: string): string {
  const result = parseInfoJson(input, sourceUrl);
  if (result.ok) throw new Error(`expected a rejection, got ${JSON.stringify(result.value)}`);
  expect(result.reasons.length).toBeGreaterThan(0);
  return result.reasons.join(' | ');
}

function valueOf(input: unknown, sourceUrl?: string) {
  const result = parseInfoJson(input, sourceUrl);
  if (!result.ok) throw new Error(`expected success, got ${result.reasons.join(' | ')}`);
  return result.value;
}

describe('parseInfoJson: one descriptor for every version', () => {
  it('reads Image API 3 with extras, limits, sizes and tiles', () => {
    const d = valueOf(
      v3({
        maxWidth: 2000,
        maxArea: 3_000_000,
        sizes: [
          { width: 600, height: 450 },
          { width: 150, height: 113 },
        ],
        tiles: [{ width: 512, scaleFactors: [4, 1, 2] }],
        extraFormats: ['png', 'webp'],
        extraQualities: ['gray'],
        extraFeatures: ['mirroring'],
      }),
    );
    expect(d).toMatchObject({
      version: 3,
      id: 'https://images.example.org/iiif/3/abc',
      level: 2,
      width: 4000,
      height: 3000,
      maxWidth: 2000,
      maxArea: 3_000_000,
      sizes: [
        { width: 150, height: 113 },
        { width: 600, height: 450 },
      ],
      tiles: [{ width: 512, height: 512, scaleFactors: [1, 2, 4] }],
      formats: ['jpg', 'png', 'webp'],
      qualities: ['default', 'gray'],
      features: ['mirroring'],
    });
    expect(d.maxHeight).toBeUndefined();
  });

  it('reads Image API 2 profiles as a string, an array with objects, or a lone object', () => {
    expect(valueOf(v2({ profile: 'http://iiif.io/api/image/2/level0.json' })).level).toBe(0);
    const withObject = valueOf(
      v2({
        profile: [
          'http://iiif.io/api/image/2/level2.json',
          { formats: ['png'], qualities: ['bitonal'], supports: ['regionSquare'], maxWidth: 1000 },
        ],
      }),
    );
    expect(withObject).toMatchObject({
      version: 2,
      level: 2,
      formats: ['jpg', 'png'],
      qualities: ['default', 'bitonal'],
      features: ['regionSquare'],
      maxWidth: 1000,
    });
    const lone = valueOf(
      v2({ profile: { '@id': 'http://iiif.io/api/image/2/level1.json', formats: ['gif'] } }),
    );
    expect(lone).toMatchObject({ level: 1, formats: ['jpg', 'gif'] });
  });

  it('reads Image API 1.1 tile_width / scale_factors and native quality', () => {
    const d = valueOf({
      '@context': 'http://library.stanford.edu/iiif/image-api/1.1/context.json',
      '@id': 'http://example.org/prefix/abc',
      width: 6000,
      height: 4000,
      scale_factors: [1, 2, 4],
      tile_width: 1024,
      formats: ['jpg', 'png'],
      qualities: ['native', 'grey'],
      profile: 'http://library.stanford.edu/iiif/image-api/1.1/compliance.html#level1',
    });
    expect(d).toMatchObject({
      version: 1,
      level: 1,
      tiles: [{ width: 1024, height: 1024, scaleFactors: [1, 2, 4] }],
      qualities: ['native', 'grey'],
    });
  });

  it('takes the service URI of Image API 1.0 (a local identifier only) from where it was fetched', () => {
    const doc = {
      identifier: 'abc',
      width: 100,
      height: 80,
      profile: 'http://library.stanford.edu/iiif/image-api/compliance.html#level0',
    };
    expect(valueOf(doc, 'https://example.org/iiif/abc/info.json').id).toBe('https://example.org/iiif/abc');
    const without = valueOf(doc);
    expect(without.id).toBe('abc');
    expect(without.warnings.join(' ')).toMatch(/identifier/);
  });

  it('tolerates a missing @context when the profile names the version, and says so', () => {
    const { '@context': _context, ...rest } = v2();
    const d = valueOf(rest);
    expect(d.version).toBe(2);
    expect(d.warnings.join(' ')).toMatch(/No "@context"/);
  });

  it('normalises the id: no trailing slash or /info.json, with a warning', () => {
    const d = valueOf(v3({ id: 'https://images.example.org/iiif/3/abc/info.json' }));
    expect(d.id).toBe('https://images.example.org/iiif/3/abc');
    expect(d.warnings.length).toBe(1);
  });

  it('accepts the other version’s id key with a warning', () => {
    const { id, ...rest } = v3();
    const d = valueOf({ ...rest, '@id': id });
    expect(d.id).toBe(id);
    expect(d.warnings.join(' ')).toMatch(/"@id"/);
  });

  it('reads a missing profile as level 0, the level that promises least', () => {
    const { profile: _p, ...rest } = v3();
    const d = valueOf(rest);
    expect(d.level).toBe(0);
    expect(d.warnings.join(' ')).toMatch(/level 0/);
  });

  it('parses text, recognising HTML pages and broken JSON', () => {
    expect(valueOf(JSON.stringify(v3())).width).toBe(4000);
    expect(reasonsOf('<!DOCTYPE html><html><body>Sign in</body></html>')).toMatch(/web page \(HTML\)/);
    expect(reasonsOf('  <html><head></head></html>')).toMatch(/HTML/);
    expect(reasonsOf('{"id": ')).toMatch(/not valid JSON/);
  });
});

describe('parseInfoJson: refuses bad input with reasons, never throws', () => {
  it.each([
    ['null', null, /JSON object/],
    ['a number', 42, /JSON object/],
    ['an array', [v3()], /JSON object/],
    ['no width', v3({ width: undefined }), /"width" is missing/],
    ['zero width', v3({ width: 0 }), /"width" must be a whole number/],
    ['negative height', v3({ height: -5 }), /"height" must be a whole number/],
    ['width as text', v3({ width: '4000' }), /"width" must be a whole number.*text/],
    ['fractional height', v3({ height: 10.5 }), /"height"/],
    ['no id', v3({ id: undefined }), /"id"\) is missing/],
    ['empty id', v3({ id: ' ' }), /non-empty string/],
    ['id as a number', v2({ '@id': 7 }), /"@id"\) must be a non-empty string/],
    [
      'a presentation manifest',
      { '@context': 'http://iiif.io/api/presentation/3/context.json', id: 'x', type: 'Manifest' },
      /Presentation document/,
    ],
    ['tiles not a list', v3({ tiles: { width: 512 } }), /"tiles" must be a list/],
    ['tile without scaleFactors', v3({ tiles: [{ width: 512 }] }), /scaleFactors/],
    ['extraFormats not strings', v3({ extraFormats: [1, 2] }), /"extraFormats" must be a list of strings/],
    ['maxWidth zero', v3({ maxWidth: 0 }), /"maxWidth"/],
    [
      'v2 profile of unknown level',
      v2({ profile: 'http://iiif.io/api/image/2/level7.json' }),
      /unknown compliance level/,
    ],
    [
      'v1 profile that is not a compliance URI',
      {
        '@context': 'http://library.stanford.edu/iiif/image-api/1.1/context.json',
        '@id': 'http://x.org/a',
        width: 1,
        height: 1,
        profile: 'level1',
      },
      /Image API 1 compliance/,
    ],
    [
      'no context and nothing to go by',
      { width: 10, height: 10, '@id': 'http://x.org/a' },
      /which IIIF Image API version/,
    ],
    ['context of the wrong type', v3({ '@context': 3 }), /must be a URI/],
  ])('%s', (_name, input, reason) => {
    expect(() => parseInfoJson(input)).not.toThrow();
    expect(reasonsOf(input)).toMatch(reason);
  });

  it('collects several problems at once', () => {
    const reasons = reasonsOf(v3({ width: 0, height: undefined, id: undefined }));
    expect(reasons.split(' | ').length).toBe(3);
  });
});

describe('detectImageApiVersion', () => {
  it('uses the context, accepting https spellings and v3 extension contexts placed first', () => {
    expect(detectImageApiVersion({ '@context': 'https://iiif.io/api/image/2/context.json' })).toMatchObject({
      ok: true,
      version: 2,
    });
    expect(
      detectImageApiVersion({
        '@context': ['http://example.org/ext.json', 'http://iiif.io/api/image/3/context.json'],
      }),
    ).toMatchObject({ ok: true, version: 3 });
    expect(
      detectImageApiVersion({
        '@context': ['http://iiif.io/api/image/3/context.json', 'http://example.org/ext.json'],
      }),
    ).toMatchObject({
      ok: false,
    });
  });

  it('infers the version from shape when there is no context', () => {
    expect(detectImageApiVersion({ type: 'ImageService3', profile: 'level1' })).toMatchObject({
      ok: true,
      version: 3,
    });
    expect(detectImageApiVersion({ identifier: 'x', scale_factors: [1] })).toMatchObject({
      ok: true,
      version: 1,
    });
  });
});

describe('parseInfoJson: only http(s) service ids (issue 20.9)', () => {
  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'vbscript:msgbox(1)',
    'images/abc',
    'https://',
  ])('refuses the id %j with a clear reason, in Image API 2 and 3', (id) => {
    expect(reasonsOf(v3({ id }))).toMatch(/is not an http\(s\) address, so Tessera will not add the image/);
    expect(reasonsOf(v2({ '@id': id }))).toMatch(/is not an http\(s\) address/);
  });

  it('quotes at most 80 characters of a long hostile id', () => {
    const reasons = reasonsOf(v3({ id: `javascript:${'a'.repeat(5000)}` }));
    expect(reasons.length).toBeLessThan(300);
  });

  it("accepts the desktop app's own app://tessera/ tiles (the sample and local images)", () => {
    const id = 'app://tessera/sample-images/psalter-1';
    expect(valueOf(v3({ id })).id).toBe(id);
    expect(reasonsOf(v3({ id: 'app://elsewhere/x' }))).toMatch(/is not an http\(s\) address/);
  });

  it('still accepts http and https ids', () => {
    expect(valueOf(v3({ id: 'http://images.example.org/iiif/abc' })).id).toBe(
      'http://images.example.org/iiif/abc',
    );
    expect(valueOf(v2()).id).toBe('https://images.example.org/iiif/2/abc');
  });
});
