import { describe, expect, it } from 'vitest';
import {
  RIGHTS_GROUPS,
  RIGHTS_OPTIONS,
  findRightsOption,
  groupedRightsOptions,
  normaliseRights,
} from '../../../shared/iiif/rights';

describe('RIGHTS_OPTIONS', () => {
  it('lists every CC 4.0 licence, CC0, PDM and every RightsStatements.org statement by its http URI', () => {
    expect(RIGHTS_OPTIONS.map((option) => option.uri)).toEqual([
      'http://creativecommons.org/licenses/by/4.0/',
      'http://creativecommons.org/licenses/by-sa/4.0/',
      'http://creativecommons.org/licenses/by-nd/4.0/',
      'http://creativecommons.org/licenses/by-nc/4.0/',
      'http://creativecommons.org/licenses/by-nc-sa/4.0/',
      'http://creativecommons.org/licenses/by-nc-nd/4.0/',
      'http://creativecommons.org/publicdomain/zero/1.0/',
      'http://creativecommons.org/publicdomain/mark/1.0/',
      'http://rightsstatements.org/vocab/InC/1.0/',
      'http://rightsstatements.org/vocab/InC-OW-EU/1.0/',
      'http://rightsstatements.org/vocab/InC-EDU/1.0/',
      'http://rightsstatements.org/vocab/InC-NC/1.0/',
      'http://rightsstatements.org/vocab/InC-RUU/1.0/',
      'http://rightsstatements.org/vocab/NoC-CR/1.0/',
      'http://rightsstatements.org/vocab/NoC-NC/1.0/',
      'http://rightsstatements.org/vocab/NoC-OKLR/1.0/',
      'http://rightsstatements.org/vocab/NoC-US/1.0/',
      'http://rightsstatements.org/vocab/CNE/1.0/',
      'http://rightsstatements.org/vocab/UND/1.0/',
      'http://rightsstatements.org/vocab/NKC/1.0/',
    ]);
  });

  it('gives each option a title and a known group, and each option is its own canonical form', () => {
    for (const option of RIGHTS_OPTIONS) {
      expect(option.title.length).toBeGreaterThan(3);
      expect(RIGHTS_GROUPS).toContain(option.group);
      expect(normaliseRights(option.uri)).toEqual({
        uri: option.uri,
        status: 'canonical',
        label: option.code,
        option,
      });
    }
    expect(findRightsOption('http://rightsstatements.org/vocab/InC-EDU/1.0/')?.title).toBe(
      'In Copyright - Educational Use Permitted',
    );
  });

  it('groups every option exactly once', () => {
    const grouped = groupedRightsOptions();
    expect(grouped.flatMap((entry) => entry.options)).toHaveLength(RIGHTS_OPTIONS.length);
    expect(grouped.map((entry) => entry.group)).toEqual([
      'Creative Commons',
      'Public domain',
      'In copyright',
      'No copyright',
      'Other',
    ]);
  });
});

describe('normaliseRights', () => {
  it.each([
    [
      'https://creativecommons.org/licenses/by/4.0/',
      'http://creativecommons.org/licenses/by/4.0/',
      'https changed to http',
    ],
    [
      'http://creativecommons.org/licenses/by/4.0',
      'http://creativecommons.org/licenses/by/4.0/',
      'trailing slash added',
    ],
    [
      'https://creativecommons.org/licenses/by-nc/4.0/deed.en',
      'http://creativecommons.org/licenses/by-nc/4.0/',
      '"/deed.en" removed',
    ],
    [
      'https://creativecommons.org/licenses/by-sa/4.0/legalcode',
      'http://creativecommons.org/licenses/by-sa/4.0/',
      '"/legalcode" removed',
    ],
    [
      'https://creativecommons.org/licenses/by-nd/4.0/legalcode.fr',
      'http://creativecommons.org/licenses/by-nd/4.0/',
      '"/legalcode.fr" removed',
    ],
    [
      'https://creativecommons.org/publicdomain/zero/1.0/deed.de',
      'http://creativecommons.org/publicdomain/zero/1.0/',
      'removed',
    ],
    [
      'HTTPS://WWW.CreativeCommons.org/Licenses/BY-NC-SA/4.0/',
      'http://creativecommons.org/licenses/by-nc-sa/4.0/',
      'case corrected',
    ],
    [
      'creativecommons.org/publicdomain/mark/1.0',
      'http://creativecommons.org/publicdomain/mark/1.0/',
      '"http://" added',
    ],
    [
      ' http://creativecommons.org/licenses/by/4.0/ ',
      'http://creativecommons.org/licenses/by/4.0/',
      'surrounding spaces removed',
    ],
    [
      'https://rightsstatements.org/page/InC-EDU/1.0/?language=en',
      'http://rightsstatements.org/vocab/InC-EDU/1.0/',
      '"/page/" address converted',
    ],
    [
      'https://rightsstatements.org/vocab/NoC-US/1.0',
      'http://rightsstatements.org/vocab/NoC-US/1.0/',
      'trailing slash added',
    ],
    [
      'http://rightsstatements.org/vocab/inc-ow-eu/1.0/',
      'http://rightsstatements.org/vocab/InC-OW-EU/1.0/',
      '"inc-ow-eu" corrected to "InC-OW-EU"',
    ],
    [
      'https://rightsstatements.org/data/NKC/1.0.json',
      'http://rightsstatements.org/vocab/NKC/1.0/',
      '"/data/" address converted',
    ],
    [
      'http://rightsstatements.org/vocab/CNE/1.0/#top',
      'http://rightsstatements.org/vocab/CNE/1.0/',
      'fragment removed',
    ],
  ])('%j → %s', (input, uri, why) => {
    const result = normaliseRights(input);
    expect(result.uri).toBe(uri);
    expect(result.status).toBe('normalised');
    expect(result.notice).toContain(why);
    expect(result.option?.uri).toBe(uri);
  });

  it('recognises older and ported Creative Commons licences that are not on the picklist', () => {
    expect(normaliseRights('http://creativecommons.org/licenses/by-sa/3.0/')).toEqual({
      uri: 'http://creativecommons.org/licenses/by-sa/3.0/',
      status: 'canonical',
      label: 'CC BY-SA 3.0',
    });
    expect(normaliseRights('https://creativecommons.org/licenses/by/3.0/de/deed.de')).toMatchObject({
      uri: 'http://creativecommons.org/licenses/by/3.0/de/',
      status: 'normalised',
      label: 'CC BY 3.0 (de)',
    });
    expect(normaliseRights('http://creativecommons.org/licenses/by-nd-nc/1.0/').status).toBe('canonical');
  });

  it('keeps well-formed URIs from elsewhere, with a warning', () => {
    const result = normaliseRights('https://en.wikipedia.org/wiki/License');
    expect(result).toMatchObject({ uri: 'https://en.wikipedia.org/wiki/License', status: 'unknown' });
    expect(result.notice).toContain('extension');
  });

  it('does not guess at unknown paths on the two known hosts', () => {
    expect(normaliseRights('http://creativecommons.org/licenses/by-xx/4.0/').status).toBe('unknown');
    expect(normaliseRights('http://creativecommons.org/licenses/by-nc-nd/4.0/de/').status).toBe('unknown');
    expect(normaliseRights('http://rightsstatements.org/vocab/InC/2.0/').status).toBe('unknown');
    expect(normaliseRights('http://rightsstatements.org/vocab/PD/1.0/').notice).toContain(
      'RightsStatements.org',
    );
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['In copyright', 'spaces'],
    ['CC-BY', 'must be a URI'],
    ['urn:example:rights', 'http(s)'],
    ['javascript:alert(1)', 'http(s)'],
    ['ftp://example.org/licence', 'http(s)'],
    ['http://', 'no host'],
    ['//creativecommons.org/licenses/by/4.0/', 'must be a URI'],
  ])('%j is invalid (%s)', (input, why) => {
    const result = normaliseRights(input);
    expect(result.status).toBe('invalid');
    expect(result.notice).toContain(why);
  });
});
