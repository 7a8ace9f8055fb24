/**
 * Presentation 2 transcriptions (cnt:ContentAsText in an embedded otherContent list) come out of the upgrade as
 * TextualBody { value, format, language }: no `chars`, no `Text` type, no id made up under example.org, and the
 * JSON-LD `@language` kept; a publisher's own id stays.
 */
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../shared/iiif/document';
import type { JsonObject } from '../../../shared/iiif/json';

function p2(resources: unknown[]): string {
  return JSON.stringify({
    '@context': 'http://iiif.io/api/presentation/2/context.json',
    '@id': 'https://e.org/manifest',
    '@type': 'sc:Manifest',
    label: 'Transcribed',
    sequences: [
      {
        '@type': 'sc:Sequence',
        canvases: [
          {
            '@id': 'https://e.org/c1',
            '@type': 'sc:Canvas',
            label: 'f. 1r',
            width: 100,
            height: 100,
            images: [
              {
                '@type': 'oa:Annotation',
                motivation: 'sc:painting',
                on: 'https://e.org/c1',
                resource: { '@id': 'https://e.org/i.jpg', '@type': 'dctypes:Image' },
              },
            ],
            otherContent: [{ '@id': 'https://e.org/list/1', '@type': 'sc:AnnotationList', resources }],
          },
        ],
      },
    ],
  });
}

function bodiesOf(text: string): unknown[] {
  const read = readDocument(text);
  if (!read.ok) throw new Error(read.error.message);
  const canvas = (read.doc.items as JsonObject[])[0] as JsonObject;
  const page = (canvas.annotations as JsonObject[])[0] as JsonObject;
  return (page.items as JsonObject[]).map((a) => a.body);
}

describe('Presentation 2 text resources', () => {
  it('become TextualBody with value, format and language, without a made-up id', () => {
    const bodies = bodiesOf(
      p2([
        {
          '@id': 'https://e.org/anno/1',
          '@type': 'oa:Annotation',
          motivation: 'sc:painting',
          on: 'https://e.org/c1#xywh=1,1,50,10',
          resource: {
            '@type': 'cnt:ContentAsText',
            chars: 'In principio <i>erat</i>',
            format: 'text/html',
            language: 'la',
          },
        },
        {
          '@id': 'https://e.org/anno/2',
          '@type': 'oa:Annotation',
          motivation: 'oa:commenting',
          on: 'https://e.org/c1',
          resource: [
            { '@type': 'cnt:ContentAsText', chars: 'une note', '@language': 'fr' },
            {
              '@id': 'https://e.org/text/3',
              '@type': 'cnt:ContentAsText',
              chars: 'with its own id',
              format: 'text/plain',
            },
          ],
        },
      ]),
    );
    expect(bodies).toEqual([
      { type: 'TextualBody', value: 'In principio <i>erat</i>', format: 'text/html', language: 'la' },
      [
        { type: 'TextualBody', value: 'une note', language: 'fr' },
        { id: 'https://e.org/text/3', type: 'TextualBody', value: 'with its own id', format: 'text/plain' },
      ],
    ]);
  });

  it('leaves other bodies as the upgrade makes them', () => {
    const bodies = bodiesOf(
      p2([
        {
          '@id': 'https://e.org/anno/4',
          '@type': 'oa:Annotation',
          motivation: 'oa:linking',
          on: 'https://e.org/c1',
          resource: { '@id': 'https://e.org/elsewhere', '@type': 'dctypes:Text', format: 'text/html' },
        },
      ]),
    );
    expect(bodies[0]).toMatchObject({ id: 'https://e.org/elsewhere' });
    expect(JSON.stringify(bodies)).not.toContain('chars');
  });
});
