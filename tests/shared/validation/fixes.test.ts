import { describe, expect, it } from 'vitest';
import { getIn, type JsonObject } from '../../../shared/iiif/json';
import { applyAllFixes, applyAllOfKind, applyFix, describeFix } from '../../../shared/iiif/validation/fixes';
import { validate } from '../../../shared/iiif/validation/validate';
import type { Finding } from '../../../shared/iiif/validation/types';
import { loadFixture, manifest } from './helpers';

function fixOf(doc: JsonObject, code: string): Finding {
  const finding = validate(doc).find((f) => f.code === code);
  if (finding === undefined) throw new Error(`no ${code} finding`);
  return finding;
}

describe('fixes on a corpus-like Manifest', () => {
  const problems = loadFixture('real-world-problems');
  const fixableCodes = [
    ...new Set(
      validate(problems)
        .filter((f) => f.fix !== undefined)
        .map((f) => f.code),
    ),
  ];

  it('has the problems real institutions publish', () => {
    expect(fixableCodes.sort()).toEqual([
      'context-not-p3',
      'language-key-at-none',
      'language-map-not-object',
      'language-value-not-list',
      'logo-not-on-agent',
      'not-an-array',
      'rights-not-canonical',
      'service-missing-type',
      'service-p2-image-shape',
    ]);
  });

  it.each(fixableCodes)('applyAllOfKind removes every "%s" finding and touches nothing else', (code) => {
    const fixed = applyAllOfKind(problems, code);
    expect(validate(fixed).filter((f) => f.code === code)).toEqual([]);
    const otherBefore = validate(problems)
      .filter((f) => f.code !== code && f.fix === undefined)
      .map((f) => f.code);
    const otherAfter = validate(fixed)
      .filter((f) => f.code !== code && f.fix === undefined)
      .map((f) => f.code);
    expect(otherAfter.filter((c) => c !== 'service-context' && c !== 'recommended-missing')).toEqual(
      otherBefore.filter((c) => c !== 'service-context' && c !== 'recommended-missing'),
    );
  });

  it('applyAllFixes leaves no error, and the input is not modified', () => {
    const before = JSON.stringify(problems);
    const fixed = applyAllFixes(problems);
    expect(validate(fixed).filter((f) => f.severity === 'error')).toEqual([]);
    expect(JSON.stringify(problems)).toBe(before);
  });

  it('shares every part of the document a fix does not touch', () => {
    const fixed = applyFix(problems, fixOf(problems, 'rights-not-canonical')) as JsonObject;
    expect(fixed.rights).toBe('http://creativecommons.org/publicdomain/zero/1.0/');
    expect(fixed.items).toBe(problems.items);
    expect(fixed.metadata).toBe(problems.metadata);
  });
});

describe('individual fixes', () => {
  it('renames "@none" in place, merging with an existing "none"', () => {
    const doc = manifest({ label: { en: ['a'], '@none': ['b'], none: ['c'] } });
    const fixed = applyFix(doc, fixOf(doc, 'language-key-at-none'));
    expect(getIn(fixed, ['label'])).toEqual({ en: ['a'], none: ['c', 'b'] });
  });

  it('turns strings, string lists and JSON-LD value lists into language maps', () => {
    const cases: [unknown, unknown][] = [
      ['Title', { none: ['Title'] }],
      [['One', 'Two'], { none: ['One', 'Two'] }],
      [
        [
          { '@value': 'Titre', '@language': 'fr' },
          { '@value': 'Title', '@language': 'en' },
          { '@value': '?' },
        ],
        { fr: ['Titre'], en: ['Title'], none: ['?'] },
      ],
    ];
    for (const [label, expected] of cases) {
      const doc = manifest({ label: label as never });
      expect(getIn(applyFix(doc, fixOf(doc, 'language-map-not-object')), ['label'])).toEqual(expected);
    }
  });

  it('gives canonical rights identifiers for https, deed and slash-less variants', () => {
    const cases: [string, string][] = [
      ['https://creativecommons.org/licenses/by-sa/4.0/', 'http://creativecommons.org/licenses/by-sa/4.0/'],
      ['http://creativecommons.org/licenses/by/3.0/deed.fr', 'http://creativecommons.org/licenses/by/3.0/'],
      ['http://creativecommons.org/licenses/by/4.0', 'http://creativecommons.org/licenses/by/4.0/'],
      [
        'https://rightsstatements.org/page/InC/1.0/?language=en',
        'http://rightsstatements.org/vocab/InC/1.0/',
      ],
    ];
    for (const [input, expected] of cases) {
      const doc = manifest({ rights: input });
      expect(getIn(applyFix(doc, fixOf(doc, 'rights-not-canonical')), ['rights'])).toBe(expected);
    }
  });

  it('moves a logo into an existing provider without duplicating it', () => {
    const logo = { id: 'https://example.org/logo.png', type: 'Image' };
    const doc = manifest({
      logo: [logo, { id: 'https://example.org/logo2.png', type: 'Image' }],
      provider: [{ id: 'https://example.org/about', type: 'Agent', label: { en: ['Ex'] }, logo: [logo] }],
    });
    const fixed = applyFix(doc, fixOf(doc, 'logo-not-on-agent')) as JsonObject;
    expect(fixed.logo).toBeUndefined();
    expect(getIn(fixed, ['provider', 0, 'logo'])).toEqual([
      logo,
      { id: 'https://example.org/logo2.png', type: 'Image' },
    ]);
  });

  it('creates a provider named after the Manifest when there is none', () => {
    const { provider: _omit, ...rest } = manifest({
      logo: [{ id: 'https://example.org/logo.png', type: 'Image' }],
    });
    const fixed = applyFix(rest, fixOf(rest, 'logo-not-on-agent')) as JsonObject;
    expect(fixed.provider).toEqual([
      {
        id: 'https://example.org/iiif/t/manifest.json#provider',
        type: 'Agent',
        label: { none: ['example.org'] },
        logo: [{ id: 'https://example.org/logo.png', type: 'Image' }],
      },
    ]);
    expect(validate(fixed).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('adds the Presentation 3 context first when it is missing, and moves it last in a list', () => {
    const { '@context': _c, ...bare } = manifest();
    const added = applyFix(bare, fixOf(bare, 'context-missing')) as JsonObject;
    expect(Object.keys(added)[0]).toBe('@context');
    const listed = manifest({
      '@context': ['https://iiif.io/api/presentation/3/context.json', 'https://example.org/ext.json'],
    });
    expect(getIn(applyFix(listed, fixOf(listed, 'context-not-p3')), ['@context'])).toEqual([
      'https://example.org/ext.json',
      'http://iiif.io/api/presentation/3/context.json',
    ]);
  });

  it('does nothing when the finding no longer matches the document', () => {
    const doc = manifest({ rights: 'https://creativecommons.org/licenses/by/4.0/' });
    const finding = fixOf(doc, 'rights-not-canonical');
    const elsewhere = manifest();
    expect(applyFix(elsewhere, { ...finding, path: ['items', 99, 'rights'] })).toBe(elsewhere);
    expect(applyFix(doc, { ...finding, fix: undefined } as Finding)).toBe(doc);
  });

  it('describes every fix for the interface', () => {
    expect(describeFix('move-logo-to-provider')).toMatch(/provider/);
  });
});

describe('disallowed HTML (issue 13 item 2: saved as it was, reported, removed in one click)', () => {
  const dirty = '<p>See <a href="https://x.test/" target="_top" onclick="steal()">this</a><br/>now</p>';

  it('is a warning on the value, whose fix leaves only what the sanitiser keeps', () => {
    const doc = manifest({ summary: { en: [dirty] } });
    const finding = fixOf(doc, 'disallowed-html');
    expect(finding.severity).toBe('warning');
    expect(finding.path).toEqual(['summary', 'en', 0]);
    expect(finding.message).toMatch(/onclick/);
    const fixed = applyFix(doc, finding) as JsonObject;
    expect(getIn(fixed, ['summary', 'en', 0])).not.toMatch(/onclick|target/);
    expect(validate(fixed).filter((f) => f.code === 'disallowed-html')).toEqual([]);
  });

  it('is not reported for HTML the specification allows', () => {
    const doc = manifest({ summary: { en: ['<p>A <b>bold</b> <a href="https://x.test/">link</a></p>'] } });
    expect(validate(doc).filter((f) => f.code === 'disallowed-html')).toEqual([]);
  });
});
