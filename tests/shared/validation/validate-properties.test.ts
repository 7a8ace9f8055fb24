import { describe, expect, it } from 'vitest';
import { validate } from '../../../shared/iiif/validation/validate';
import { canvas, manifest, summary } from './helpers';

describe('validate: language maps', () => {
  it('offers certain fixes for "@none", plain strings, lists and bare values', () => {
    const findings = validate(
      manifest({
        label: 'Plain title',
        summary: { '@none': ['x'] },
        metadata: [{ label: ['Date'], value: { en: 'Paris' } }],
      }),
    );
    expect(findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.pathText, f.fix])).toEqual([
      ['language-map-not-object', '$.label', 'string-to-language-map'],
      ['language-key-at-none', '$.summary["@none"]', 'rename-none-key'],
      ['language-map-not-object', '$.metadata[0].label', 'string-to-language-map'],
      ['language-value-not-list', '$.metadata[0].value.en', 'wrap-in-array'],
    ]);
  });

  it('rejects non-string texts and malformed language keys, without a fix', () => {
    const findings = validate(manifest({ label: { en_GB: ['x'], fr: [true], none: [1] } }));
    expect(findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.pathText, f.fix])).toEqual([
      ['language-key-invalid', '$.label.en_GB', undefined],
      ['language-value-not-string', '$.label.fr[0]', undefined],
      ['language-value-not-string', '$.label.none[0]', undefined],
    ]);
  });

  it('accepts script and region subtags such as zh-Hant-TW and es-419', () => {
    expect(validate(manifest({ label: { 'zh-Hant-TW': ['書'], 'es-419': ['libro'] } }))).toEqual([]);
  });

  it('requires label and value in metadata and requiredStatement', () => {
    const findings = validate(
      manifest({ metadata: [{ label: { en: ['x'] } }, 'text'], requiredStatement: { value: { en: ['y'] } } }),
    );
    expect(summary(findings, 'error')).toEqual([
      'metadata-entry-incomplete@$.metadata[0]',
      'metadata-entry-invalid@$.metadata[1]',
      'required-statement-incomplete@$.requiredStatement',
    ]);
  });

  it('warns about HTML in a label', () => {
    expect(summary(validate(manifest({ label: { en: ['<b>Title</b>'] } })), 'warning')).toEqual([
      'html-in-label@$.label.en[0]',
    ]);
  });
});

describe('validate: rights', () => {
  const rightsFindings = (rights: unknown) =>
    validate(manifest({ rights: rights as never })).filter((f) => f.code.startsWith('rights'));

  it('accepts Creative Commons and RightsStatements.org identifiers', () => {
    expect(rightsFindings('http://creativecommons.org/licenses/by-nc/4.0/')).toEqual([]);
    expect(rightsFindings('http://creativecommons.org/publicdomain/mark/1.0/')).toEqual([]);
    expect(rightsFindings('http://rightsstatements.org/vocab/InC/1.0/')).toEqual([]);
  });

  it('makes https and page addresses errors with the canonical fix, a missing slash a warning', () => {
    expect(
      rightsFindings('https://creativecommons.org/licenses/by/4.0/').map((f) => [f.severity, f.fix]),
    ).toEqual([['error', 'canonical-rights']]);
    expect(rightsFindings('https://rightsstatements.org/page/NoC-US/1.0/?language=en')[0]?.severity).toBe(
      'error',
    );
    expect(
      rightsFindings('http://creativecommons.org/licenses/by/4.0').map((f) => [f.severity, f.fix]),
    ).toEqual([['warning', 'canonical-rights']]);
  });

  it('rejects other URIs unless an extension context may define them', () => {
    expect(rightsFindings('https://en.wikipedia.org/wiki/License').map((f) => f.severity)).toEqual(['error']);
    const withExtension = validate(
      manifest({
        '@context': [
          'https://example.org/rights-extension.json',
          'http://iiif.io/api/presentation/3/context.json',
        ],
        rights: 'https://example.org/rights/local',
      }),
    );
    expect(summary(withExtension)).toEqual(['rights-unrecognised@$.rights']);
    expect(withExtension[0]?.severity).toBe('warning');
    expect(rightsFindings(['http://creativecommons.org/licenses/by/4.0/']).map((f) => f.code)).toEqual([
      'rights-not-string',
    ]);
  });
});

describe('validate: navDate', () => {
  const navDate = (value: unknown) => summary(validate(manifest({ navDate: value as never })), 'error');
  it('accepts an xsd:dateTime with Z or an offset', () => {
    expect(navDate('1856-01-01T00:00:00Z')).toEqual([]);
    expect(navDate('2001-12-31T23:59:59.5+01:00')).toEqual([]);
  });
  it('rejects a missing timezone, a bare date and impossible values', () => {
    for (const value of ['1856-01-01T00:00:00', '1856-01-01', '1856-13-01T00:00:00Z', 1856]) {
      expect(navDate(value)).toEqual(['nav-date-invalid@$.navDate']);
    }
  });
  it('is not allowed on Annotations', () => {
    const page = canvas(1);
    const withDate = JSON.parse(JSON.stringify(page));
    withDate.items[0].items[0].navDate = '1856-01-01T00:00:00Z';
    expect(summary(validate(manifest({}, [withDate])), 'error')).toEqual([
      'property-not-allowed@$.items[0].items[0].items[0].navDate',
    ]);
  });
});

describe('validate: behavior and viewingDirection', () => {
  it('checks values, where they are valid, and disjoint pairs', () => {
    const findings = validate(
      manifest({ behavior: ['paged', 'continuous', 'facing-pages', 'pagd'] }, [
        canvas(1, { behavior: ['repeat', 'non-paged'] }),
      ]),
    );
    expect(summary(findings, 'error')).toEqual([
      'behavior-not-allowed@$.items[0].behavior[0]',
      'behavior-not-allowed@$.behavior[2]',
      'behavior-unknown@$.behavior[3]',
      'behavior-conflict@$.behavior',
      'behavior-conflict@$.behavior',
    ]);
    expect(findings.find((f) => f.code === 'behavior-unknown')?.message).toContain('"paged"');
  });

  it('tolerates unknown behaviors when an extension context may define them', () => {
    const findings = validate(
      manifest({
        '@context': ['https://example.org/ext.json', 'http://iiif.io/api/presentation/3/context.json'],
        behavior: ['w-6'],
      }),
    );
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['behavior-unknown', 'info']]);
  });

  it('wraps a single behavior string in a list and checks viewingDirection', () => {
    const findings = validate(manifest({ behavior: 'paged', viewingDirection: 'right-to-lft' }));
    expect(findings.map((f) => [f.code, f.fix])).toEqual([
      ['not-an-array', 'wrap-in-array'],
      ['viewing-direction-invalid', undefined],
    ]);
    expect(
      summary(validate(manifest({}, [canvas(1, { viewingDirection: 'left-to-right' })])), 'error'),
    ).toEqual(['property-not-allowed@$.items[0].viewingDirection']);
  });
});

describe('validate: dimensions', () => {
  it('requires a Canvas extent, both width and height, and positive whole numbers', () => {
    const without = (n: number, keys: string[]) =>
      Object.fromEntries(Object.entries(canvas(n)).filter(([key]) => !keys.includes(key)));
    const findings = validate(
      manifest({}, [
        without(1, ['width', 'height']),
        without(2, ['height']),
        canvas(3, { width: 0, duration: -1 }),
      ]),
    );
    expect(summary(findings, 'error')).toEqual([
      'canvas-extent-missing@$.items[0]',
      'canvas-dimension-incomplete@$.items[1]',
      'dimension-invalid@$.items[2].width',
      'duration-invalid@$.items[2].duration',
    ]);
  });

  it('forbids width, height and duration on Annotation Pages', () => {
    const page = JSON.parse(JSON.stringify(canvas(1)));
    page.items[0].width = 10;
    page.items[0].height = 10;
    expect(summary(validate(manifest({}, [page])), 'error')).toEqual([
      'property-not-allowed@$.items[0].items[0].width',
      'property-not-allowed@$.items[0].items[0].height',
    ]);
  });
});

describe('validate: linking properties', () => {
  it('requires id, type and (for homepage and rendering) label', () => {
    const findings = validate(
      manifest({
        homepage: [{ id: 'https://example.org/h', type: 'Text' }],
        rendering: { id: 'https://example.org/r.pdf', type: 'Text', label: { en: ['PDF'] }, format: 'pdf' },
        seeAlso: ['https://example.org/data.xml'],
        partOf: [{ id: 'https://example.org/c' }],
      }),
    );
    expect(findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.pathText])).toEqual([
      ['link-label-missing', '$.homepage[0]'],
      ['not-an-array', '$.rendering'],
      ['format-invalid', '$.rendering.format'],
      ['link-invalid', '$.seeAlso[0]'],
      ['link-type-missing', '$.partOf[0]'],
    ]);
  });

  it('requires Agents to have id, type Agent and label, and logos to be Images', () => {
    const findings = validate(
      manifest({
        provider: [
          {
            id: 'https://example.org/a',
            type: 'Organization',
            logo: [{ id: 'https://example.org/l.mp4', type: 'Video' }],
          },
        ],
      }),
    );
    expect(summary(findings, 'error')).toEqual([
      'type-unexpected@$.provider[0].type',
      'label-missing@$.provider[0]',
      'logo-not-image@$.provider[0].logo[0].type',
    ]);
  });

  it('moves a Manifest logo into a provider, and names Presentation 2 leftovers', () => {
    const findings = validate(
      manifest({
        logo: [{ id: 'https://example.org/l.png', type: 'Image' }],
        attribution: 'Courtesy',
        within: 'x',
      }),
    );
    expect(findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.pathText, f.fix])).toEqual([
      ['logo-not-on-agent', '$.logo', 'move-logo-to-provider'],
      ['p2-property', '$.attribution', undefined],
      ['p2-property', '$.within', undefined],
    ]);
  });

  it('warns about properties no context defines', () => {
    expect(summary(validate(manifest({ myNote: 'x' })))).toEqual(['unknown-property@$.myNote']);
  });
});
