import { describe, expect, it } from 'vitest';
import { sanitizeDocument } from '../../../shared/iiif/html';
import type { JsonObject } from '../../../shared/iiif/json';
import { documentHtmlWarnings } from '../../../renderer/src/features/metadata/html-cleaning';

const canvas = (n: number, label: string) => ({
  id: `https://e.org/c/${n}`,
  type: 'Canvas',
  label: { en: [label] },
});

describe('documentHtmlWarnings', () => {
  it('reports exactly what sanitizeDocument reports, with paths at the canvases’ current positions', () => {
    const doc: JsonObject = {
      id: 'https://e.org/m',
      type: 'Manifest',
      label: { en: ['<p>ok <script>alert(1)</script></p>'] },
      items: [canvas(1, 'plain'), canvas(2, '<p><img src="x" onerror="alert(2)"></p>'), canvas(3, 'plain')],
    };
    expect(documentHtmlWarnings(doc)).toEqual(sanitizeDocument(doc).warnings);
    const items = doc['items'] as JsonObject[];
    const moved: JsonObject = {
      ...doc,
      items: [items[1] as JsonObject, items[0] as JsonObject, items[2] as JsonObject],
    };
    expect(documentHtmlWarnings(moved)).toEqual(sanitizeDocument(moved).warnings);
    expect(documentHtmlWarnings(moved).map((w) => w.path.slice(0, 2))).toContainEqual(['items', 0]);
  });
});
