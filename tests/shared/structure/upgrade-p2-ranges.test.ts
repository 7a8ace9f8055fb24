import { describe, expect, it } from 'vitest';
import { upgradePresentation2 } from '../../../shared/iiif/document/upgrade';
import type { JsonObject, JsonValue } from '../../../shared/iiif/json';
import { structureView } from '../../../shared/iiif/structure';

const X = 'https://x.example';

function p2(structures: JsonValue[]): JsonObject {
  return {
    '@context': 'http://iiif.io/api/presentation/2/context.json',
    '@id': `${X}/m`,
    '@type': 'sc:Manifest',
    label: 'M',
    sequences: [
      {
        '@type': 'sc:Sequence',
        canvases: [1, 2, 3, 4].map((i) => ({
          '@id': `${X}/c${i}`,
          '@type': 'sc:Canvas',
          label: `p${i}`,
          width: 10,
          height: 10,
          images: [],
        })),
      },
    ],
    structures,
  };
}

function upgradedStructures(structures: JsonValue[]): JsonValue {
  const result = upgradePresentation2(JSON.parse(JSON.stringify(p2(structures))) as JsonObject);
  if (!result.ok) throw new Error(result.message);
  return result.doc['structures'] as JsonValue;
}

function outline(structures: JsonValue): string[] {
  const doc = { type: 'Manifest', structures } as JsonObject;
  return structureView(doc).nodes.map(
    (n) => `${'  '.repeat(n.depth - 1)}${String(n.range.id).replace(`${X}/`, '')}${n.full ? '' : ' (ref)'}`,
  );
}

const range = (id: string, extra: JsonObject): JsonObject => ({
  '@id': `${X}/${id}`,
  '@type': 'sc:Range',
  label: id,
  ...extra,
});

describe('Presentation 2 Ranges upgraded', () => {
  it('nests by ranges, members (in order) and within, and drops the "top" hint', () => {
    const structures = upgradedStructures([
      range('r0', { viewingHint: 'top', ranges: [`${X}/r1`, `${X}/r2`] }),
      range('r1', { canvases: [`${X}/c1`, `${X}/c2#xywh=0,0,5,5`] }),
      range('r2', {
        members: [
          { '@id': `${X}/c3`, '@type': 'sc:Canvas' },
          { '@id': `${X}/r3`, '@type': 'sc:Range' },
        ],
      }),
      range('r3', { canvases: [`${X}/c4`] }),
      range('r4', { within: `${X}/r1`, canvases: [`${X}/c4`] }),
    ]);
    expect(outline(structures)).toEqual(['r0', '  r1', '    r4', '  r2', '    r3']);
    const r0 = (structures as JsonObject[])[0] as JsonObject;
    expect(r0['behavior']).toBeUndefined();
    expect(r0['label']).toEqual({ none: ['r0'] });
    const r2 = ((r0['items'] as JsonObject[])[1] as JsonObject)['items'];
    expect(r2).toEqual([
      { id: `${X}/c3`, type: 'Canvas' },
      expect.objectContaining({ id: `${X}/r3`, items: [{ id: `${X}/c4`, type: 'Canvas' }] }),
    ]);
    const r1 = (r0['items'] as JsonObject[])[0] as JsonObject;
    expect((r1['items'] as JsonValue[])[1]).toEqual({ id: `${X}/c2#xywh=0,0,5,5`, type: 'Canvas' });
  });

  it('keeps both Ranges of a cycle, the back edge as a reference', () => {
    const structures = upgradedStructures([
      range('r1', { viewingHint: 'top', ranges: [`${X}/r2`] }),
      range('r2', { ranges: [`${X}/r1`], canvases: [`${X}/c1`] }),
    ]);
    expect(outline(structures)).toEqual(['r1', '  r2', '    r1 (ref)']);
  });

  it('keeps a cycle with no top Range, and a flat list of viewing hints', () => {
    const structures = upgradedStructures([
      range('a', { ranges: [`${X}/b`], viewingHint: ['top', 'paged'] }),
      range('b', { ranges: [`${X}/a`] }),
    ]);
    expect(outline(structures)).toEqual(['a', '  b', '    a (ref)']);
    expect((structures as JsonObject[])[0]?.['behavior']).toEqual(['paged']);
  });

  it('puts unreferenced Ranges at the top and keeps references to missing ones', () => {
    const structures = upgradedStructures([
      range('a', { ranges: [`${X}/missing`], canvases: [`${X}/c1`] }),
      range('b', { canvases: [`${X}/c2`], contentLayer: `${X}/layer` }),
    ]);
    expect(outline(structures)).toEqual(['a', '  missing (ref)', 'b']);
    expect((structures as JsonObject[])[1]?.['supplementary']).toEqual({
      id: `${X}/layer`,
      type: 'AnnotationCollection',
    });
  });

  it('rebuilds 3,000 levels of within without overflowing the stack', () => {
    const chain = Array.from({ length: 3000 }, (_, i) =>
      range(`r${i}`, { canvases: [`${X}/c1`], ...(i > 0 ? { within: `${X}/r${i - 1}` } : {}) }),
    );
    const structures = upgradedStructures(chain);
    const view = structureView({ type: 'Manifest', structures } as JsonObject);
    expect(view.countsByDepth).toHaveLength(3000);
  });
});
