import { describe, expect, it } from 'vitest';
import { validate } from '../../../shared/iiif/validation/validate';
import { BASE, CONTEXT, canvas, loadFixture, manifest, summary } from './helpers';

describe('validate: a well-formed Manifest', () => {
  it('reports nothing for a complete book with ranges, comments and mixed image services', () => {
    expect(validate(loadFixture('valid-book'))).toEqual([]);
  });

  it('reports nothing for the test builder', () => {
    expect(validate(manifest())).toEqual([]);
  });
});

describe('validate: required properties', () => {
  it('requires label and items on a Manifest, with paths and the spec section', () => {
    const findings = validate({ '@context': CONTEXT, id: `${BASE}/manifest.json`, type: 'Manifest' });
    expect(summary(findings, 'error')).toEqual(['label-missing@$', 'items-missing@$']);
    expect(findings.find((f) => f.code === 'label-missing')?.specUrl).toBe(
      'https://iiif.io/api/presentation/3.0/#label',
    );
  });

  it('reports an empty label and an empty items list', () => {
    expect(summary(validate(manifest({ label: {}, items: [] })), 'error')).toEqual([
      'label-empty@$.label',
      'manifest-empty@$.items',
    ]);
  });

  it('requires an http(s) id and a type, naming the resource in the finding', () => {
    const findings = validate(manifest({}, [{ ...canvas(1), id: 'urn:x:canvas:1', type: 'canvas' }]));
    expect(summary(findings, 'error')).toContain('id-not-http@$.items[0].id');
    expect(summary(findings, 'error')).toContain('type-case@$.items[0].type');
    const idFinding = findings.find((f) => f.code === 'id-not-http');
    expect(idFinding).toMatchObject({ resourceId: 'urn:x:canvas:1', resourceType: 'canvas' });
  });

  it('only warns about an id with stray spaces around it', () => {
    const findings = validate(manifest({ id: ` ${BASE}/manifest.json ` }));
    expect(summary(findings)).toContain('id-whitespace@$.id');
    expect(summary(findings, 'error')).toEqual([]);
  });

  it('requires Canvases in a Manifest and Annotation Pages in a Canvas', () => {
    const findings = validate(
      manifest({}, [
        { ...canvas(1), items: [{ id: `${BASE}/x`, type: 'Annotation' }] },
        { id: `${BASE}/m2`, type: 'Manifest' },
      ]),
    );
    expect(summary(findings, 'error')).toEqual(
      expect.arrayContaining(['type-unexpected@$.items[0].items[0].type', 'type-unexpected@$.items[1].type']),
    );
  });

  it('forbids a fragment in a Canvas id and two resources with one id', () => {
    const first = canvas(1);
    const findings = validate(manifest({}, [{ ...first, id: `${BASE}/canvas/1#a` }, first, canvas(1)]));
    expect(summary(findings, 'error')).toEqual(
      expect.arrayContaining([
        'canvas-id-fragment@$.items[0].id',
        'duplicate-id@$.items[2].id',
        'duplicate-id@$.items[2].items[0].id',
      ]),
    );
  });
});

describe('validate: Collections', () => {
  const collection = (items: unknown[]) => ({
    '@context': CONTEXT,
    id: `${BASE}/collection.json`,
    type: 'Collection',
    label: { en: ['Books'] },
    items,
  });

  it('accepts referenced Manifests and embedded Collections', () => {
    const findings = validate(
      collection([
        { id: `${BASE}/m1.json`, type: 'Manifest', label: { en: ['One'] } },
        { id: `${BASE}/c2.json`, type: 'Collection', label: { en: ['Sub'] }, items: [] },
      ]) as never,
    );
    expect(summary(findings, 'error')).toEqual([]);
    expect(summary(findings, 'warning')).toEqual(['collection-empty@$.items[1].items']);
  });

  it('refuses Canvases as items, embedded Manifests and unlabelled references', () => {
    const findings = validate(
      collection([
        { id: `${BASE}/canvas/1`, type: 'Canvas', label: { en: ['p'] } },
        Object.fromEntries(Object.entries(manifest()).filter(([key]) => key !== '@context')),
        { id: `${BASE}/m3.json`, type: 'Manifest' },
      ]) as never,
    );
    expect(summary(findings, 'error')).toEqual(
      expect.arrayContaining([
        'type-unexpected@$.items[0].type',
        'manifest-embedded-in-collection@$.items[1].items',
        'label-missing@$.items[2]',
      ]),
    );
  });
});

describe('validate: Ranges and start', () => {
  it('reports start and Range items that name Canvases the Manifest does not have', () => {
    const findings = validate(
      manifest({
        start: { id: `${BASE}/canvas/9`, type: 'Canvas' },
        structures: [
          {
            id: `${BASE}/range/1`,
            type: 'Range',
            label: { en: ['All'] },
            items: [
              { id: `${BASE}/canvas/1`, type: 'Canvas' },
              { type: 'SpecificResource', source: `${BASE}/canvas/7#xywh=0,0,10,10` },
              { id: `${BASE}/range/2`, type: 'Range', items: [] },
            ],
          },
        ],
      }),
    );
    expect(summary(findings, 'error')).toEqual([
      'range-empty@$.structures[0].items[2].items',
      'range-canvas-missing@$.structures[0].items[1]',
      'start-canvas-missing@$.start',
    ]);
  });

  it('accepts a start that selects part of a Canvas, and a Range spelled out twice only warns', () => {
    const range = {
      id: `${BASE}/range/r`,
      type: 'Range',
      label: { en: ['R'] },
      items: [{ id: `${BASE}/canvas/2`, type: 'Canvas' }],
    };
    const findings = validate(
      manifest({
        start: {
          id: `${BASE}/start`,
          type: 'SpecificResource',
          source: { id: `${BASE}/canvas/2`, type: 'Canvas' },
        },
        structures: [
          range,
          { id: `${BASE}/range/top`, type: 'Range', label: { en: ['Top'] }, items: [range] },
        ],
      }),
    );
    expect(summary(findings, 'error')).toEqual([]);
    expect(summary(findings, 'warning')).toEqual(['range-repeated@$.structures[1].items[0].id']);
  });

  it('keeps "sequence" Ranges at the top of structures', () => {
    const inner = {
      id: `${BASE}/range/s`,
      type: 'Range',
      behavior: ['sequence'],
      items: [{ id: `${BASE}/canvas/1`, type: 'Canvas' }],
    };
    const findings = validate(
      manifest({ structures: [{ id: `${BASE}/range/t`, type: 'Range', items: [inner] }] }),
    );
    expect(summary(findings, 'error')).toEqual(['sequence-range-nested@$.structures[0].items[0].behavior']);
  });
});

describe('validate: document level', () => {
  it('requires the Presentation 3 context, last in a list', () => {
    expect(
      summary(
        validate(Object.fromEntries(Object.entries(manifest()).filter(([key]) => key !== '@context'))),
        'error',
      ),
    ).toEqual(['context-missing@$']);
    const reversed = validate(manifest({ '@context': [CONTEXT, 'http://example.org/ext.json'] }));
    expect(summary(reversed, 'error')).toEqual(['context-not-p3@$["@context"]']);
    expect(reversed[0]?.fix).toBe('canonical-context');
  });

  it('stops at a Presentation 2 document instead of listing hundreds of findings', () => {
    const findings = validate({
      '@context': 'http://iiif.io/api/presentation/2/context.json',
      '@id': 'x',
      '@type': 'sc:Manifest',
    });
    expect(summary(findings)).toEqual(['presentation-2-document@$["@context"]']);
  });

  it('rejects values that are not IIIF documents', () => {
    expect(summary(validate([]))).toEqual(['document-invalid@$']);
    expect(summary(validate({ '@context': CONTEXT, id: `${BASE}/c`, type: 'Canvas' }))).toEqual([
      'document-type-unknown@$',
    ]);
  });

  it('validates a 10,000-Canvas Manifest in one linear pass', () => {
    const canvases = Array.from({ length: 10_000 }, (_, i) => canvas(i + 1));
    const findings = validate(manifest({}, canvases));
    expect(findings).toEqual([]);
  });
});
