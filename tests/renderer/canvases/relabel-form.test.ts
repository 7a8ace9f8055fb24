import { describe, expect, it } from 'vitest';
import { initialForm, relabelOptionsOf } from '../../../renderer/src/features/relabel/relabel-form';

describe('relabel form', () => {
  it('relabels the selection when two or more canvases are selected, else all', () => {
    expect(initialForm(0).scope).toBe('all');
    expect(initialForm(1).scope).toBe('all');
    expect(initialForm(2).scope).toBe('selected');
  });

  it('starts in the language of the labels it relabels, "none" when they have none', () => {
    expect(initialForm(2, 'en').language).toBe('en');
    expect(initialForm(2).language).toBe('none');
  });

  it('turns the form into relabel options', () => {
    const form = { ...initialForm(0), scheme: 'foliation' as const, start: ' 5 ', startSide: 'v' as const };
    expect(relabelOptionsOf({ ...form, keepOtherLanguages: true, language: 'la' })).toEqual({
      options: {
        scheme: 'foliation',
        start: 5,
        startSide: 'v',
        prefix: '',
        suffix: '',
        language: 'la',
        mode: 'language',
      },
    });
    expect(relabelOptionsOf({ ...form, language: '  ' })).toMatchObject({ options: { language: 'none' } });
  });

  it('refuses a start that is not a whole number, except for text-only labels', () => {
    expect(relabelOptionsOf({ ...initialForm(0), start: '1.5' })).toHaveProperty('error');
    expect(relabelOptionsOf({ ...initialForm(0), start: '' })).toHaveProperty('error');
    expect(
      relabelOptionsOf({ ...initialForm(0), scheme: 'plain', start: '', prefix: 'Blank' }),
    ).toHaveProperty('options');
  });
});
