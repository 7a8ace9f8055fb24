/**
 * The repair pass before the Presentation 2 upgrade (issue 14.1), on the shapes Internet Archive's archivelab
 * manifests and other real publishers produce: each opens, comes out as the Presentation 3 it means, and every
 * repair is a notice saying what changed and where. Each case below was refused before the pass existed.
 */
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../shared/iiif/document';
import type { JsonObject } from '../../../shared/iiif/json';
import { validate } from '../../../shared/iiif/validation';
import { archivelabShaped } from '../../fixtures/archivelab-shaped';

const M = 'https://archive.example.org/iiif/book';

const image = (n: number) => ({
  '@type': 'oa:Annotation',
  motivation: 'sc:painting',
  on: `${M}/canvas/${n}`,
  resource: { '@id': `${M}/${n}.jpg`, '@type': 'dctypes:Image', width: 10, height: 10 },
});

const canvas = (n: number, extra: object = {}) => ({
  '@id': `${M}/canvas/${n}`,
  '@type': 'sc:Canvas',
  label: `p${n}`,
  width: 10,
  height: 10,
  images: [image(n)],
  ...extra,
});

const p2 = (extra: object) => ({
  '@context': 'http://iiif.io/api/presentation/2/context.json',
  '@id': `${M}/manifest.json`,
  '@type': 'sc:Manifest',
  label: 'Book',
  ...extra,
});

function open(source: object): { doc: JsonObject; repairs: string[] } {
  const read = readDocument(JSON.stringify(source));
  if (!read.ok) throw new Error(read.error.message);
  return {
    doc: read.doc,
    repairs: read.notices.filter((n) => n.code.startsWith('repaired-')).map((n) => n.message),
  };
}

function paintings(doc: JsonObject): { canvas: string; target: unknown; body: unknown }[] {
  return (doc['items'] as JsonObject[]).map((c) => {
    const annotation = ((c['items'] as JsonObject[])[0]?.['items'] as JsonObject[])[0] as JsonObject;
    return {
      canvas: c['id'] as string,
      target: annotation['target'],
      body: (annotation['body'] as JsonObject)['id'],
    };
  });
}

describe('repairing Presentation 2 before the upgrade', () => {
  it('wraps a sequences object in a list', () => {
    const { doc, repairs } = open(
      p2({ sequences: { '@type': 'sc:Sequence', canvases: [canvas(1), canvas(2)] } }),
    );
    expect((doc['items'] as JsonObject[]).length).toBe(2);
    expect(repairs).toEqual([
      'Repaired before upgrading: "sequences" was one object, not a list; it was put in a list (1 place: sequences).',
    ]);
  });

  it('wraps canvases and images objects in lists', () => {
    const single = { ...canvas(1), images: image(1) };
    const { doc, repairs } = open(p2({ sequences: [{ '@type': 'sc:Sequence', canvases: single }] }));
    expect(paintings(doc)).toEqual([
      { canvas: `${M}/canvas/1`, target: `${M}/canvas/1`, body: `${M}/1.jpg` },
    ]);
    expect(repairs.join(' ')).toContain('"canvases" was one object');
    expect(repairs.join(' ')).toContain(
      '"images" was one object, not a list; it was put in a list (1 place: sequences[0].canvases[0].images)',
    );
  });

  it('gives annotations, sequences and canvases their missing @type, and annotations their missing on', () => {
    const { '@type': _a, on: _on, ...untyped } = image(1);
    const { '@type': _c, ...bareCanvas } = canvas(1, { images: [untyped] });
    const { doc, repairs } = open(p2({ sequences: [{ canvases: [bareCanvas] }] }));
    expect(paintings(doc)).toEqual([
      { canvas: `${M}/canvas/1`, target: `${M}/canvas/1`, body: `${M}/1.jpg` },
    ]);
    const text = repairs.join(' ');
    expect(text).toContain('a sequence without "@type" was given "sc:Sequence" (1 place: sequences[0])');
    expect(text).toContain('a canvas without "@type" was given "sc:Canvas"');
    expect(text).toContain(
      'an image annotation without "@type" was given "oa:Annotation" (1 place: sequences[0].canvases[0].images[0])',
    );
    expect(text).toContain('an image annotation without "on" was targeted at the canvas it sits on');
  });

  it('makes an image given as its URI an image resource', () => {
    const annotation = { ...image(1), resource: `${M}/1.jpg` };
    const { doc, repairs } = open(
      p2({ sequences: [{ '@type': 'sc:Sequence', canvases: [canvas(1, { images: [annotation] })] }] }),
    );
    expect(paintings(doc)[0]?.body).toBe(`${M}/1.jpg`);
    expect(repairs.join(' ')).toContain('an image given as its URI was made an image resource');
  });

  it('derives a missing canvas @id from the manifest and the position', () => {
    const { '@id': _id, ...anonymous } = canvas(2);
    const { doc, repairs } = open(
      p2({ sequences: [{ '@type': 'sc:Sequence', canvases: [canvas(1), anonymous] }] }),
    );
    expect((doc['items'] as JsonObject[]).map((c) => c['id'])).toEqual([`${M}/canvas/1`, `${M}/canvas/2`]);
    expect(repairs.join(' ')).toContain(
      'a canvas without "@id" was given one from the manifest\'s @id and its position (1 place: sequences[0].canvases[1])',
    );
  });

  it('makes collection members given as URIs references', () => {
    const collection = {
      '@context': 'http://iiif.io/api/presentation/2/context.json',
      '@id': 'https://archive.example.org/iiif/all',
      '@type': 'sc:Collection',
      label: 'All',
      manifests: [`${M}/manifest.json`, { '@id': 'https://archive.example.org/iiif/b2/manifest.json' }],
    };
    const { doc, repairs } = open(collection);
    expect((doc['items'] as JsonObject[]).map((m) => [m['id'], m['type']])).toEqual([
      [`${M}/manifest.json`, 'Manifest'],
      ['https://archive.example.org/iiif/b2/manifest.json', 'Manifest'],
    ]);
    expect(repairs.join(' ')).toContain('an entry in "manifests" was given as its URI');
  });

  it('reports 500 repairs of one kind as one notice with a count', () => {
    const canvases = Array.from({ length: 500 }, (_, i) => {
      const { '@type': _t, ...rest } = image(i + 1);
      return canvas(i + 1, { images: rest });
    });
    const { doc, repairs } = open(p2({ sequences: { canvases } }));
    expect((doc['items'] as JsonObject[]).length).toBe(500);
    const annotationRepair = repairs.find((r) => r.includes('"oa:Annotation"')) ?? '';
    expect(annotationRepair).toMatch(
      /\(500 places: sequences\[0\]\.canvases\[0\]\.images\[0\], .* and 497 more\)/,
    );
    expect(validate(doc).filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('repairing values the upgrader cannot read', () => {
  const sequence = (canvases: object[]) => ({ sequences: [{ '@type': 'sc:Sequence', canvases }] });

  it('drops nulls inside descriptive and linking lists', () => {
    const { doc, repairs } = open(
      p2({
        label: ['Book', null],
        description: [null, 'About'],
        metadata: [{ label: 'a', value: 'b' }, null],
        seeAlso: ['https://example.org/a', null],
        related: [null],
        ...sequence([canvas(1, { service: [{ '@id': `${M}/s`, profile: 'x' }, null] })]),
      }),
    );
    expect(doc['metadata']).toHaveLength(1);
    expect(repairs.join(' ')).toContain(
      'empty (null) entries in a list were dropped (6 places: label, description, metadata and 3 more)',
    );
  });

  it('puts one metadata object in a list and drops metadata that is not label and value pairs', () => {
    const one = open(p2({ metadata: { label: 'a', value: 'b' }, ...sequence([canvas(1)]) }));
    expect(one.doc['metadata']).toHaveLength(1);
    expect(one.repairs.join(' ')).toContain('"metadata" was one object, not a list; it was put in a list');
    const text = open(
      p2({ metadata: 'a note', ...sequence([canvas(1, { metadata: ['x', { label: 'a', value: 'b' }] })]) }),
    );
    expect(text.repairs.join(' ')).toContain(
      '"metadata" that was not a list of label and value pairs was dropped',
    );
    expect(text.repairs.join(' ')).toContain(
      'metadata entries that were not label and value pairs were dropped (1 place: sequences[0].canvases[0].metadata)',
    );
  });

  it('drops an @id, @type, format, license or motivation that is not text, saying where', () => {
    const annotation = { ...image(1), motivation: 7 } as Record<string, unknown>;
    (annotation['resource'] as Record<string, unknown>)['format'] = { mime: 'image/jpeg' };
    (annotation['resource'] as Record<string, unknown>)['@id'] = 12;
    const { doc, repairs } = open(
      p2(
        sequence([
          canvas(1, {
            '@type': { x: 1 },
            license: { '@id': 'https://creativecommons.org/licenses/by/4.0/' },
            images: [annotation],
          }),
        ]),
      ),
    );
    const text = repairs.join(' ');
    expect(text).toContain(
      '"@type" that was an object, not a text, was dropped (1 place: sequences[0].canvases[0].@type)',
    );
    expect(text).toContain('a canvas without "@type" was given "sc:Canvas"');
    expect(text).toContain('"format" that was an object, not a text, was dropped');
    expect(text).toContain('"@id" that was the number 12, not a text, was dropped');
    expect(text).toContain('"motivation" that was the number 7, not a text, was dropped');
    expect(text).toContain('a "license" given as an object was replaced by its @id');
    expect((doc['items'] as JsonObject[])[0]?.['type']).toBe('Canvas');
  });

  it('targets an image annotation whose on is null at its canvas', () => {
    const { doc, repairs } = open(p2(sequence([canvas(1, { images: [{ ...image(1), on: null }] })])));
    expect(paintings(doc)[0]?.target).toBe(`${M}/canvas/1`);
    expect(repairs.join(' ')).toContain(
      'an image annotation whose "on" was not a target (null, a number) was targeted at the canvas it sits on (1 place: sequences[0].canvases[0].images[0].on)',
    );
  });

  it('names the first place the upgrader still cannot read, not its own words', () => {
    const read = readDocument(
      JSON.stringify(
        p2(sequence([canvas(1), canvas(2, { images: [{ ...image(2), resource: [`${M}/2.jpg`, null] }] })])),
      ),
    );
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.message).toContain(
      'the first such place found is "sequences[0].canvases[1].images[0]"',
    );
    expect(read.error.message).not.toMatch(/could not repair|is not a function|Cannot/);
  });

  it('opens an archivelab-shaped manifest of 400 canvases, saying what it repaired', () => {
    const { doc, repairs } = open(archivelabShaped(400));
    expect((doc['items'] as JsonObject[]).length).toBe(400);
    expect(paintings(doc)[3]?.target).toBe((doc['items'] as JsonObject[])[3]?.['id']);
    const text = repairs.join(' ');
    expect(text).toContain('"sequences" was one object, not a list');
    expect(text).toContain('an image annotation without "@type" was given "oa:Annotation" (400 places:');
    expect(text).toContain('empty (null) entries in a list were dropped (2 places: description, metadata)');
    expect(text).toContain('whose "on" was not a target');
    expect(validate(doc).filter((f) => f.severity === 'error')).toEqual([]);
  });
});
