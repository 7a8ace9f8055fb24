import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../shared/iiif/json';
import { readDocument } from '../../../shared/iiif/document';

function notices(source: object): { code: string; message: string }[] {
  const read = readDocument(JSON.stringify(source));
  if (!read.ok) throw new Error(read.error.message);
  return read.notices.filter((n) => n.code !== 'upgraded').map(({ code, message }) => ({ code, message }));
}

const canvas = (n: number, extra: object = {}) => ({
  '@id': `https://x.test/canvas/${n}`,
  '@type': 'sc:Canvas',
  label: `${n}`,
  width: 10,
  height: 10,
  images: [
    {
      '@type': 'oa:Annotation',
      motivation: 'sc:painting',
      on: `https://x.test/canvas/${n}`,
      resource: { '@id': `https://x.test/${n}.jpg` },
    },
  ],
  ...extra,
});

const p2 = (extra: object = {}, canvases: object[] = [canvas(1)]) => ({
  '@context': 'http://iiif.io/api/presentation/2/context.json',
  '@id': 'https://x.test/manifest.json',
  '@type': 'sc:Manifest',
  label: 'Book',
  sequences: [{ '@type': 'sc:Sequence', canvases }],
  ...extra,
});

describe('notices about the Presentation 2 source', () => {
  it('are absent for a clean source', () => {
    expect(notices(p2())).toEqual([]);
  });

  it('name each problem that Presentation 3 validation will report', () => {
    const source = p2(
      {
        '@id': 'info:book',
        label: undefined,
        viewingHint: 'top',
        structures: [{ '@id': 'https://x.test/range/1', '@type': 'sc:Range', canvases: [] }],
      },
      [
        canvas(1, { service: { profile: 'http://iiif.io/api/annex/services/physdim' } }),
        canvas(2, { width: 0, images: [] }),
      ],
    );
    const found = notices(source);
    expect(found.map((n) => n.code)).toEqual([
      'source-no-label',
      'source-id-not-http',
      'source-canvas-no-size',
      'source-canvas-no-images',
      'source-empty-range',
      'source-service-no-id',
      'source-viewing-hint',
    ]);
    expect(found.find((n) => n.code === 'source-canvas-no-size')?.message).toMatch(
      /^1 canvas in the source has .*canvas\/2/,
    );
    expect(found.find((n) => n.code === 'source-viewing-hint')?.message).toMatch(/"top"/);
  });

  it('say when a collection is paged, a P2 feature P3 lacks', () => {
    const codes = notices({
      '@context': 'http://iiif.io/api/presentation/2/context.json',
      '@id': 'https://x.test/top',
      '@type': 'sc:Collection',
      label: 'Top',
      first: 'https://x.test/top?page=1',
      total: 100,
    }).map((n) => n.code);
    expect(codes).toEqual(['source-paged-collection']);
  });
});

describe('upgrading never throws', () => {
  const repairable: [string, object, string][] = [
    [
      'a null sequence',
      p2({ sequences: [null, { '@type': 'sc:Sequence', canvases: [canvas(1)] }] }),
      'sequences[0]',
    ],
    ['a null canvas', p2({}, [null as unknown as object, canvas(1)]), 'sequences[0].canvases[0]'],
    ['a null range', p2({ structures: [null] }), 'structures[0]'],
  ];
  it.each(repairable)('repairs %s, and says where', (_name, source, where) => {
    const read = readDocument(JSON.stringify(source));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const repaired = read.notices.filter((n) => n.code.startsWith('repaired-'));
    expect(repaired.map((n) => n.message).join(' ')).toContain(`was dropped (1 place: ${where})`);
  });

  it('refuses sequences that are not a list, naming the place and not the upgrader', () => {
    const read = readDocument(JSON.stringify(p2({ sequences: 'x' })));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.code).toBe('upgrade-failed');
    expect(read.error.message).toMatch(/could not be upgraded to Presentation 3/);
    expect(read.error.message).toContain('"sequences" is the text "x", not a list');
    expect(read.error.message).not.toMatch(/is not a function|Cannot|undefined/);
  });

  it('turns every truncation of a manifest into a document or a syntax message', () => {
    const text = JSON.stringify(p2(), null, 2);
    for (let end = 0; end < text.length; end += 3) {
      const read = readDocument(text.slice(0, end));
      if (!read.ok) expect(['empty', 'not-json']).toContain(read.error.code);
      else expect((read.doc as JsonObject)['type']).toBe('Manifest');
    }
  });
});
