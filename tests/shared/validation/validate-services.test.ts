import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../../../shared/iiif/json';
import { validate } from '../../../shared/iiif/validation/validate';
import { canvas, image, manifest, summary } from './helpers';

function withBodyServices(services: JsonValue): JsonObject {
  return manifest({}, [canvas(1, {}, { ...image(1), service: services })]);
}

const SERVICE_PATH = '$.items[0].items[0].items[0].body.service';

describe('validate: services', () => {
  it('accepts Image API 2 and 3 services in their own forms, with nested auth services', () => {
    const findings = validate(
      withBodyServices([
        {
          '@id': 'https://img.example.org/2/a',
          '@type': 'ImageService2',
          profile: 'http://iiif.io/api/image/2/level1.json',
          service: [
            { '@id': 'https://img.example.org/login', '@type': 'AuthCookieService1', label: 'Log in' },
          ],
        },
        { id: 'https://img.example.org/3/a', type: 'ImageService3', profile: 'level2' },
      ]),
    );
    expect(findings).toEqual([]);
  });

  it('recognises a Presentation 2 image service and offers the conversion', () => {
    const findings = validate(
      withBodyServices([
        {
          '@context': 'http://iiif.io/api/image/2/context.json',
          '@id': 'https://img.example.org/2/a',
          profile: ['http://iiif.io/api/image/2/level2.json', { formats: ['png'] }],
        },
      ]),
    );
    expect(findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.pathText, f.fix])).toEqual([
      ['service-p2-image-shape', `${SERVICE_PATH}[0]`, 'p2-image-service-to-v2'],
    ]);
    expect(summary(findings, 'warning')).toEqual([`service-context@${SERVICE_PATH}[0]["@context"]`]);
  });

  it('reports a missing type, with a fix only when the type is certain', () => {
    const findings = validate(
      withBodyServices([
        { id: 'https://example.org/auth/token', profile: 'http://iiif.io/api/auth/1/token' },
        { id: 'https://example.org/svc', profile: 'https://example.org/profile' },
      ]),
    );
    expect(findings.map((f) => [f.code, f.pathText, f.fix])).toEqual([
      ['service-missing-type', `${SERVICE_PATH}[0]`, 'add-service-type'],
      ['service-missing-type', `${SERVICE_PATH}[1]`, undefined],
    ]);
  });

  it('reports a missing id, a list as profile, mixed keywords and an unknown @type', () => {
    const findings = validate(
      withBodyServices([
        { type: 'Text', profile: 'https://example.org/p' },
        { id: 'https://example.org/s', type: 'ImageService3', profile: ['level1'] },
        { '@id': 'https://example.org/m', type: 'ImageService2', profile: 'level1' },
        { '@id': 'https://example.org/u', '@type': 'iiif:ImageService', profile: 'level1' },
      ]),
    );
    expect(summary(findings)).toEqual([
      `service-missing-id@${SERVICE_PATH}[0]`,
      `service-type-unknown@${SERVICE_PATH}[0].type`,
      `service-profile-not-string@${SERVICE_PATH}[1].profile`,
      `service-mixed-keywords@${SERVICE_PATH}[2]`,
      `service-type-unknown@${SERVICE_PATH}[3]["@type"]`,
    ]);
  });

  it('requires a list of services and language-map labels on current-API services', () => {
    const findings = validate(
      withBodyServices({
        id: 'https://example.org/auth',
        type: 'AuthAccessService2',
        profile: 'active',
        label: 'Log in',
      }),
    );
    expect(findings.map((f) => [f.code, f.pathText, f.fix])).toEqual([
      ['not-an-array', SERVICE_PATH, 'wrap-in-array'],
      ['language-map-not-object', `${SERVICE_PATH}.label`, 'string-to-language-map'],
    ]);
  });
});

describe('validate: thumbnails on level 0 image servers', () => {
  const level0 = (extra: JsonObject = {}) => ({
    id: 'https://img.example.org/3/a',
    type: 'ImageService3',
    profile: 'level0',
    ...extra,
  });
  const thumb = (size: string, service: JsonObject) =>
    manifest({
      thumbnail: [
        { id: `https://img.example.org/3/a/full/${size}/0/default.jpg`, type: 'Image', service: [service] },
      ],
    });

  it('accepts the full image and sizes the server lists', () => {
    expect(validate(thumb('max', level0()))).toEqual([]);
    expect(validate(thumb('200,', level0({ sizes: [{ width: 200, height: 300 }] })))).toEqual([]);
    expect(validate(thumb('200,300', level0({ sizes: [{ width: 200, height: 300 }] })))).toEqual([]);
  });

  it('warns about sizes the server does not list, or cannot be known to have', () => {
    expect(summary(validate(thumb('150,', level0({ sizes: [{ width: 200, height: 300 }] }))))).toEqual([
      'thumbnail-size-not-offered@$.thumbnail[0].id',
    ]);
    expect(summary(validate(thumb('150,', level0())))).toEqual([
      'thumbnail-size-unverified@$.thumbnail[0].id',
    ]);
    expect(summary(validate(thumb('pct:50', level0())))).toEqual([
      'thumbnail-size-not-offered@$.thumbnail[0].id',
    ]);
  });

  it('leaves servers of higher levels alone', () => {
    expect(validate(thumb('150,', { ...level0(), profile: 'level1' }))).toEqual([]);
    expect(
      validate(
        thumb('150,', {
          '@id': 'https://img.example.org/3/a',
          '@type': 'ImageService2',
          profile: 'http://iiif.io/api/image/2/level2.json',
        }),
      ),
    ).toEqual([]);
  });

  it('reads the level of an Image API 2 service from its profile URI', () => {
    const service = {
      '@id': 'https://img.example.org/3/a',
      '@type': 'ImageService2',
      profile: 'http://iiif.io/api/image/2/level0.json',
    };
    expect(summary(validate(thumb('150,', service)))).toEqual([
      'thumbnail-size-unverified@$.thumbnail[0].id',
    ]);
  });
});
