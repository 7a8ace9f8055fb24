import { describe, expect, it } from 'vitest';
import { sanitizeDocument } from '../../../shared/iiif/html';
import type { JsonObject } from '../../../shared/iiif/json';
import { getIn } from '../../../shared/iiif/json';
import { deepFreeze, itemsOf, makeManifest } from '../batch/manifest-fixture';

function hostileManifest(): JsonObject {
  const doc = makeManifest(3, (index) =>
    index === 1
      ? {
          summary: { en: ['<p>Fine <script>alert(1)</script></p>', 'plain <script> text stays'] },
          metadata: [
            {
              label: { en: ['Source'] },
              value: { none: ['<span><a href="javascript:alert(1)">link</a></span>'] },
            },
            { label: { en: ['Date'] }, value: { none: ['1850'] } },
          ],
          annotations: [
            {
              id: 'https://example.org/anno-page',
              type: 'AnnotationPage',
              items: [
                {
                  id: 'https://example.org/anno',
                  type: 'Annotation',
                  motivation: 'commenting',
                  // A textual body is not a language map, but text/html says it is HTML: cleaned too.
                  body: { type: 'TextualBody', value: '<p onclick="x()">comment</p>', format: 'text/html' },
                  target: 'https://example.org/iiif/book1/canvas/p2',
                },
              ],
            },
          ],
        }
      : {},
  );
  return deepFreeze({
    ...doc,
    requiredStatement: {
      label: { en: ['Attribution'] },
      value: { en: ['<span>Provided by <img src="https://example.org/logo.png" onerror="alert(1)"></span>'] },
    },
    provider: [
      {
        id: 'https://example.org/about',
        type: 'Agent',
        label: { en: ['<b onmouseover="x()">Example</b>'] },
        homepage: [{ id: 'https://example.org/', type: 'Text', label: '<i style="x">Home</i>' }],
      },
    ],
  });
}

describe('sanitizeDocument', () => {
  it('cleans every language-map value and reports where', () => {
    const doc = hostileManifest();
    const { doc: clean, warnings } = sanitizeDocument(doc);
    expect(warnings).toEqual([
      { path: ['items', 1, 'summary', 'en', 0], removed: ['script element'] },
      { path: ['items', 1, 'metadata', 0, 'value', 'none', 0], removed: ['javascript: link'] },
      { path: ['items', 1, 'annotations', 0, 'items', 0, 'body', 'value'], removed: ['onclick attribute'] },
      { path: ['requiredStatement', 'value', 'en', 0], removed: ['onerror attribute'] },
      { path: ['provider', 0, 'label', 'en', 0], removed: ['onmouseover attribute'] },
      { path: ['provider', 0, 'homepage', 0, 'label'], removed: ['style attribute'] },
    ]);
    expect(getIn(clean, ['items', 1, 'summary', 'en'])).toEqual([
      '<p>Fine </p>',
      'plain <script> text stays',
    ]);
    expect(getIn(clean, ['items', 1, 'metadata', 0, 'value', 'none', 0])).toBe('<span><a>link</a></span>');
    expect(getIn(clean, ['requiredStatement', 'value', 'en', 0])).toBe(
      '<span>Provided by <img src="https://example.org/logo.png" /></span>',
    );
  });

  it('shares every untouched subtree with the input', () => {
    const doc = hostileManifest();
    const { doc: clean } = sanitizeDocument(doc);
    expect(clean).not.toBe(doc);
    const [before0, before1, before2] = itemsOf(doc);
    const [after0, after1, after2] = itemsOf(clean);
    expect(after0).toBe(before0);
    expect(after2).toBe(before2);
    expect(after1).not.toBe(before1);
    expect(after1?.['items']).toBe(before1?.['items']);
    expect(getIn(clean, ['items', 1, 'annotations', 0, 'items', 0, 'target'])).toBe(
      getIn(doc, ['items', 1, 'annotations', 0, 'items', 0, 'target']),
    );
    expect(getIn(clean, ['items', 1, 'metadata', 1])).toBe(getIn(doc, ['items', 1, 'metadata', 1]));
    expect(getIn(clean, ['requiredStatement', 'label'])).toBe(getIn(doc, ['requiredStatement', 'label']));
    expect(clean['label']).toBe(doc['label']);
  });

  it('cleans text/html annotation bodies and reports where, leaving plain-text bodies alone', () => {
    const { doc: clean, warnings } = sanitizeDocument(hostileManifest());
    const bodyPath = ['items', 1, 'annotations', 0, 'items', 0, 'body', 'value'];
    expect(getIn(clean, bodyPath)).toBe('<p>comment</p>');
    expect(warnings.find((w) => w.path.join('/') === bodyPath.join('/'))?.removed).toEqual([
      'onclick attribute',
    ]);
    const plain = deepFreeze({
      type: 'Annotation',
      body: { type: 'TextualBody', value: '<script>x</script>', format: 'text/plain' },
    });
    expect(sanitizeDocument(plain).doc).toBe(plain);
  });

  it('returns a clean document itself, with no warnings', () => {
    const doc = deepFreeze(
      makeManifest(2, () => ({
        summary: { en: ['<p>Short <b>summary</b></p>'] },
        metadata: [{ label: { en: ['Link'] }, value: { none: ['<a href="https://example.org/">x</a>'] } }],
      })),
    );
    const result = sanitizeDocument(doc);
    expect(result.doc).toBe(doc);
    expect(result.warnings).toEqual([]);
  });
});
