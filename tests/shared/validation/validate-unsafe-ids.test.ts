/**
 * Ids that run code or read local files are errors wherever they are (issue 20.9): in resources that must be
 * http(s), in links where the spec allows any scheme, in content resources and services. Publishing refuses
 * them even with errors allowed (isUnpublishable).
 */
import { describe, expect, it } from 'vitest';
import { hasErrors, isUnpublishable, validate } from '../../../shared/iiif/validation';
import type { JsonObject } from '../../../shared/iiif/json';

const C = 'https://example.org/c1';

function manifestWith(ids: {
  homepage?: string;
  thumbnail?: string;
  body?: string;
  service?: string;
  canvas?: string;
}): JsonObject {
  const canvas = ids.canvas ?? C;
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: 'https://example.org/m',
    type: 'Manifest',
    label: { en: ['x'] },
    homepage: [
      {
        id: ids.homepage ?? 'https://example.org/home',
        type: 'Text',
        label: { en: ['h'] },
        format: 'text/html',
      },
    ],
    thumbnail: [{ id: ids.thumbnail ?? 'https://example.org/t.jpg', type: 'Image', format: 'image/jpeg' }],
    items: [
      {
        id: canvas,
        type: 'Canvas',
        label: { en: ['p1'] },
        width: 10,
        height: 10,
        items: [
          {
            id: `${C}/p`,
            type: 'AnnotationPage',
            items: [
              {
                id: `${C}/a`,
                type: 'Annotation',
                motivation: 'painting',
                target: canvas,
                body: {
                  id: ids.body ?? 'https://example.org/1.jpg',
                  type: 'Image',
                  format: 'image/jpeg',
                  width: 10,
                  height: 10,
                  service: [
                    {
                      id: ids.service ?? 'https://example.org/iiif/1',
                      type: 'ImageService3',
                      profile: 'level0',
                    },
                  ],
                },
              },
            ],
          },
        ],
      },
    ],
  };
}

const errorsOf = (doc: JsonObject) =>
  validate(doc)
    .filter((f) => f.severity === 'error')
    .map((f) => `${f.code}@${f.pathText}`);

describe('unsafe ids', () => {
  it('finds nothing in the safe manifest', () => {
    expect(hasErrors(validate(manifestWith({})))).toBe(false);
  });

  it.each([
    ['homepage', '$.homepage[0].id'],
    ['thumbnail', '$.thumbnail[0].id'],
    ['body', '$.items[0].items[0].items[0].body.id'],
    ['service', '$.items[0].items[0].items[0].body.service[0].id'],
  ] as const)(
    'reports a javascript: id on the %s once, as an error that is never published',
    (where, pathText) => {
      const findings = validate(manifestWith({ [where]: 'javascript:alert(1)' }));
      const errors = findings.filter((f) => f.severity === 'error');
      expect(errors.map((f) => `${f.code}@${f.pathText}`)).toEqual([`id-unsafe-scheme@${pathText}`]);
      expect(errors.every(isUnpublishable)).toBe(true);
    },
  );

  it.each(['data:image/png;base64,AAAA', 'file:///etc/passwd', 'java\tscript:alert(1)', 'VBScript:x'])(
    'treats %j as unsafe',
    (id) => {
      expect(errorsOf(manifestWith({ body: id }))).toEqual([
        'id-unsafe-scheme@$.items[0].items[0].items[0].body.id',
      ]);
    },
  );

  it('makes other non-http(s) content and service ids errors, which errors-allowed publishing may keep', () => {
    const findings = validate(manifestWith({ body: 'urn:example:1', service: 'urn:example:service' }));
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.code).sort()).toEqual(['content-id-not-http', 'service-id-not-http']);
    expect(errors.some(isUnpublishable)).toBe(false);
  });

  it('reports a javascript: canvas id once', () => {
    expect(
      errorsOf(manifestWith({ canvas: 'javascript:alert(1)' })).filter((e) => e.endsWith('$.items[0].id')),
    ).toEqual(['id-unsafe-scheme@$.items[0].id']);
  });
});
