import { describe, expect, it } from 'vitest';
import {
  addLinkedBody,
  editBody,
  linkedBodyProblem,
  listAnnotations,
  removeBody,
} from '../../../shared/iiif/annotations';
import { getIn } from '../../../shared/iiif/json';
import { annotatedManifest } from './sample';

const PAGE = ['items', 0, 'annotations', 0] as const;
const box = { pagePath: PAGE, index: 0 };
const tag = { pagePath: PAGE, index: 1 };
const link = {
  id: 'https://example.org/people/jerome',
  type: 'Dataset',
  format: 'application/ld+json',
  label: 'St Jerome',
};

describe('linked bodies', () => {
  it('are appended after the bodies already there, as id, type, format and label', () => {
    const doc = annotatedManifest();
    const next = addLinkedBody(doc, { address: box, fields: link });
    expect(getIn(next, [...PAGE, 'items', 0, 'body'])).toEqual([
      { type: 'TextualBody', value: 'A box', language: 'en', format: 'text/plain' },
      {
        id: 'https://example.org/people/jerome',
        type: 'Dataset',
        format: 'application/ld+json',
        label: { none: ['St Jerome'] },
      },
    ]);
    // The other annotation is the same object: it saves unchanged.
    expect(getIn(next, [...PAGE, 'items', 1])).toBe(getIn(doc, [...PAGE, 'items', 1]));
    expect(listAnnotations(next, { canvasIndex: 0 })[0]?.bodies[1]).toEqual({
      kind: 'resource',
      id: link.id,
      type: 'Dataset',
      format: 'application/ld+json',
      label: 'St Jerome',
    });
    const onList = addLinkedBody(doc, {
      address: tag,
      fields: { id: 'https://example.org/x', type: 'Text' },
    });
    expect(getIn(onList, [...PAGE, 'items', 1, 'body', 2])).toEqual({
      id: 'https://example.org/x',
      type: 'Text',
    });
  });

  it('refuse what is not a followable address, a resource type or a media type, with a reason', () => {
    expect(linkedBodyProblem(link)).toBeNull();
    expect(linkedBodyProblem({ ...link, id: '' })).toMatch(/needs an address/);
    expect(linkedBodyProblem({ ...link, id: 'java\tscript:alert(1)' })).toMatch(/never followed/);
    expect(linkedBodyProblem({ ...link, id: 'people/jerome' })).toMatch(/not an http/);
    expect(linkedBodyProblem({ ...link, type: 'Person' })).toMatch(/not a resource type/);
    expect(linkedBodyProblem({ ...link, format: 'html' })).toMatch(/not a media type/);
    expect(() => addLinkedBody(annotatedManifest(), { address: box, fields: { ...link, id: 'x' } })).toThrow(
      /not an http/,
    );
  });

  it('are removed one at a time; the last one takes `body` with it', () => {
    const doc = annotatedManifest();
    const one = removeBody(doc, { address: tag, bodyIndex: 1 });
    expect(getIn(one, [...PAGE, 'items', 1, 'body'])).toEqual([
      { type: 'TextualBody', value: 'tag', purpose: 'tagging' },
    ]);
    const none = removeBody(doc, { address: box, bodyIndex: 0 });
    expect(getIn(none, [...PAGE, 'items', 0])).not.toHaveProperty('body');
    expect(removeBody(doc, { address: box, bodyIndex: 3 })).toBe(doc);
  });
});

describe('text body fields', () => {
  it('set and remove the purpose and language; an unchanged value is no edit', () => {
    const doc = annotatedManifest();
    const tagged = editBody(doc, {
      address: box,
      bodyIndex: 0,
      fields: { purpose: 'tagging', language: 'la' },
    });
    expect(getIn(tagged, [...PAGE, 'items', 0, 'body'])).toEqual({
      type: 'TextualBody',
      value: 'A box',
      language: 'la',
      format: 'text/plain',
      purpose: 'tagging',
    });
    const bare = editBody(tagged, { address: box, bodyIndex: 0, fields: { purpose: '', language: '' } });
    expect(getIn(bare, [...PAGE, 'items', 0, 'body'])).toEqual({
      type: 'TextualBody',
      value: 'A box',
      format: 'text/plain',
    });
    expect(editBody(bare, { address: box, bodyIndex: 0, fields: { purpose: '', language: '' } })).toBe(bare);
  });
});
