import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../shared/iiif/document';
import { validate } from '../../../shared/iiif/validation/validate';
import { fixtureText } from './fixtures';

describe('the Presentation 2 upgrade writes no behavior its own validator rejects (issue 13 item 4)', () => {
  it('drops "top" from ranges and hints not allowed where they stand, keeping the valid ones', () => {
    const source = JSON.parse(fixtureText('p2-manifest.json')) as Record<string, unknown>;
    const canvases = ((source['sequences'] as Record<string, unknown>[])[0] as Record<string, unknown>)[
      'canvases'
    ] as Record<string, unknown>[];
    source['viewingHint'] = 'paged';
    (canvases[0] as Record<string, unknown>)['viewingHint'] = 'paged';
    source['structures'] = [
      {
        '@id': 'https://x.test/range/top',
        '@type': 'sc:Range',
        label: 'Contents',
        viewingHint: 'top',
        canvases: [(canvases[0] as Record<string, unknown>)['@id']],
      },
    ];
    const read = readDocument(JSON.stringify(source));
    if (!read.ok) throw new Error(read.error.message);
    expect(read.doc['behavior']).toEqual(['paged']);
    const range = (read.doc['structures'] as Record<string, unknown>[])[0] as Record<string, unknown>;
    expect(range['behavior']).toBeUndefined();
    expect(validate(read.doc).filter((f) => f.code.startsWith('behavior'))).toEqual([]);
  });
});
