import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../shared/iiif/document';
import type { JsonObject } from '../../../shared/iiif/json';

const P2 = 'http://iiif.io/api/presentation/2/context.json';
const ID = 'https://viewer.test/manifests.json';

function manifestRef(n: number) {
  return { '@id': `https://inst.test/${n}/manifest.json`, '@type': 'sc:Manifest', label: `Book ${n}` };
}

function open(doc: object): JsonObject {
  const read = readDocument(JSON.stringify(doc));
  if (!read.ok) throw new Error(read.error.message);
  return read.doc;
}

describe('Presentation 2 collections whose members share an id', () => {
  it('keeps distinct embedded collections that share one id, each with its own manifests and that id', () => {
    const doc = open({
      '@context': P2,
      '@id': ID,
      '@type': 'sc:Collection',
      label: 'Viewer examples',
      collections: [
        {
          '@id': ID,
          '@type': 'sc:Collection',
          label: 'Library A',
          manifests: [manifestRef(1), manifestRef(2)],
        },
        { '@id': ID, '@type': 'sc:Collection', label: 'Library B', manifests: [manifestRef(3)] },
      ],
    });
    const members = doc['items'] as JsonObject[];
    expect(members.map((m) => m['label'])).toEqual([{ none: ['Library A'] }, { none: ['Library B'] }]);
    expect(members.map((m) => m['id'])).toEqual([ID, ID]);
    expect(members.map((m) => (m['items'] as unknown[]).length)).toEqual([2, 1]);
  });

  it('still lists a member once when P2 named it in both `members` and `manifests`', () => {
    const doc = open({
      '@context': P2,
      '@id': ID,
      '@type': 'sc:Collection',
      label: 'Twice',
      manifests: [manifestRef(1)],
      members: [manifestRef(1), manifestRef(2)],
    });
    expect((doc['items'] as JsonObject[]).map((m) => m['id'])).toEqual([
      'https://inst.test/1/manifest.json',
      'https://inst.test/2/manifest.json',
    ]);
  });
});
