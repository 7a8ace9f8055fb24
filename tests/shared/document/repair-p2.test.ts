/**
 * The repair pass before the Presentation 2 upgrade (issue 14.1), on the shapes Internet Archive's archivelab
 * manifests and other real publishers produce: each opens, comes out as the Presentation 3 it means, and every
 * repair is a notice saying what changed and where. Each case below was refused before the pass existed.
 */
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../shared/iiif/document';
import type { JsonObject } from '../../../shared/iiif/json';
import { validate } from '../../../shared/iiif/validation';

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
