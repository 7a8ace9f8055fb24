/**
 * Issue 13, item 4 leftovers: upgrading wrote a Presentation 3 @context into embedded annotations
 * (`context-in-embedded`) and contradicting behaviors (manifest "individuals" + sequence "paged",
 * `behavior-conflict`), both findings of Tessera's own validator.
 */
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../shared/iiif/document';
import { withoutConflicts } from '../../../shared/iiif/document/resolve-behavior-conflicts';
import { stripEmbeddedContexts } from '../../../shared/iiif/document/strip-embedded-contexts';
import type { JsonObject } from '../../../shared/iiif/json';
import { validate } from '../../../shared/iiif/validation/validate';
import { fixtureText } from './fixtures';

type Json = Record<string, unknown>;

function p2(edit: (source: Json, canvases: Json[]) => void): Json {
  const source = JSON.parse(fixtureText('p2-manifest.json')) as Json;
  const canvases = ((source['sequences'] as Json[])[0] as Json)['canvases'] as Json[];
  edit(source, canvases);
  const read = readDocument(JSON.stringify(source));
  if (!read.ok) throw new Error(read.error.message);
  return { doc: read.doc, notices: read.notices };
}

const codes = (doc: unknown) => validate(doc as never).map((f) => f.code);

describe('the Presentation 2 upgrade', () => {
  it('puts the Presentation 3 context only at the top', () => {
    const { doc } = p2((_, canvases) => {
      for (const canvas of canvases)
        for (const image of (canvas['images'] as Json[] | undefined) ?? [])
          image['@context'] = 'http://iiif.io/api/presentation/2/context.json';
    });
    expect(JSON.stringify(doc).match(/presentation\/3\/context\.json/g)).toHaveLength(1);
    expect(codes(doc)).not.toContain('context-in-embedded');
    // Nothing else changes: the same file without those contexts upgrades to the same document.
    expect(doc).toEqual(p2(() => {}).doc);
  });

  it('keeps the sequence’s hint when it contradicts the manifest’s, and says so', () => {
    const { doc, notices } = p2((source) => {
      source['viewingHint'] = 'individuals';
      ((source['sequences'] as Json[])[0] as Json)['viewingHint'] = 'paged';
    });
    expect((doc as Json)['behavior']).toEqual(['paged']);
    expect(codes(doc)).not.toContain('behavior-conflict');
    const said = (notices as { code: string; message: string }[]).find(
      (n) => n.code === 'behavior-conflict-resolved',
    );
    expect(said?.message).toMatch(/kept "paged".*dropped "individuals"/);
  });

  it('resolves each contradiction and leaves compatible values alone', () => {
    expect(withoutConflicts(['individuals', 'auto-advance', 'paged', 'no-auto-advance'])).toEqual({
      behavior: ['paged', 'no-auto-advance'],
      choices: [
        { kept: 'no-auto-advance', dropped: ['auto-advance'] },
        { kept: 'paged', dropped: ['individuals'] },
      ],
    });
    expect(withoutConflicts(['paged', 'unordered'])).toMatchObject({ behavior: ['unordered'] });
    expect(withoutConflicts(['paged', 'no-nav']).choices).toEqual([]);
  });

  it('removes only the Presentation 3 context below the top', () => {
    const P3 = 'http://iiif.io/api/presentation/3/context.json';
    const doc: JsonObject = {
      '@context': P3,
      items: [
        { '@context': ['http://www.w3.org/ns/anno.jsonld', P3], type: 'Annotation' },
        { '@context': 'https://iiif.io/api/presentation/3/context.json', type: 'Annotation' },
        { service: [{ '@context': 'http://iiif.io/api/image/2/context.json', '@id': 'https://x.test/s' }] },
      ],
    };
    expect(stripEmbeddedContexts(doc)).toBe(2);
    expect(doc).toEqual({
      '@context': P3,
      items: [
        { '@context': ['http://www.w3.org/ns/anno.jsonld'], type: 'Annotation' },
        { type: 'Annotation' },
        { service: [{ '@context': 'http://iiif.io/api/image/2/context.json', '@id': 'https://x.test/s' }] },
      ],
    });
  });
});
