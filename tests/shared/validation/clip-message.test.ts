/**
 * Findings quote the document's values; a megabyte value must not come back a megabyte long (it cost the
 * validation panel 30 s of layout per file in the fuzz sample, and flooded `tessera validate`'s terminal).
 */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../shared/iiif/json';
import { validate } from '../../../shared/iiif/validation';
import { clipMessage } from '../../../shared/iiif/validation/values';

describe('clipMessage', () => {
  it('keeps short messages and short quoted values as they are', () => {
    const message = 'This Annotation must be a Annotation, but its type is "Anotation".';
    expect(clipMessage(message)).toBe(message);
  });

  it('shortens each long quoted value to its start and an ellipsis', () => {
    const long = 'x'.repeat(5_000);
    const clipped = clipMessage(`The id "${long}" is bad; so is "${long}".`);
    expect(clipped).toBe(`The id "${'x'.repeat(77)}..." is bad; so is "${'x'.repeat(77)}...".`);
  });

  it('clips a quoted value of several megabytes without overflowing the stack', () => {
    const huge = 'a'.repeat(3_000_000);
    expect(clipMessage(`The id "${huge}" is not a URI.`)).toBe(`The id "${'a'.repeat(77)}..." is not a URI.`);
  });

  it('keeps a lone quote and what follows it', () => {
    expect(clipMessage(`Say "${'x'.repeat(100)} and stop`)).toBe(`Say "${'x'.repeat(100)} and stop`);
  });

  it('cuts a message that is long for any other reason', () => {
    expect(clipMessage(`Texts: ${'word '.repeat(1_000)}`)).toHaveLength(1_000);
  });
});

describe('a finding about a megabyte value', () => {
  it('quotes only its start', () => {
    const huge = '𝔄'.repeat(500_000);
    const doc: JsonObject = {
      '@context': 'http://iiif.io/api/presentation/3/context.json',
      id: 'https://example.org/m',
      type: 'Manifest',
      label: { en: ['m'] },
      items: [
        {
          id: 'https://example.org/c',
          type: 'Canvas',
          width: 10,
          height: 10,
          items: [
            {
              id: 'https://example.org/p',
              type: 'AnnotationPage',
              items: [
                {
                  id: 'https://example.org/a',
                  type: huge,
                  motivation: 'painting',
                  target: 'https://example.org/c',
                  body: { id: 'https://example.org/i.jpg', type: 'Image' },
                },
              ],
            },
          ],
        },
      ],
    };
    const findings = validate(doc);
    const typeFinding = findings.find((f) => f.message.includes('its type is'));
    expect(typeFinding).toBeDefined();
    for (const finding of findings) expect(finding.message.length).toBeLessThanOrEqual(1_000);
  });
});
