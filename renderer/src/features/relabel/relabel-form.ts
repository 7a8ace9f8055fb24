/**
 * The relabel dialog's form, as plain data, and its translation into shared/iiif/relabel options. Kept apart
 * from the component so that "what the form means" is unit-tested without rendering anything.
 */
import type { FolioSide, RelabelOptions, RelabelScheme } from '../../../../shared/iiif/relabel';

export type RelabelScope = 'all' | 'selected';

export interface RelabelForm {
  readonly scope: RelabelScope;
  readonly scheme: RelabelScheme;
  /** As typed: validated when turned into options. */
  readonly start: string;
  readonly startSide: FolioSide;
  readonly prefix: string;
  readonly suffix: string;
  readonly language: string;
  /** Replace only the chosen language's values, keeping translations in other languages. */
  readonly keepOtherLanguages: boolean;
}

export const SCHEMES: readonly { value: RelabelScheme; name: string; example: string }[] = [
  { value: 'pagination', name: 'Pagination', example: '1, 2, 3' },
  { value: 'foliation', name: 'Foliation', example: '1r, 1v, 2r' },
  { value: 'roman-lower', name: 'Roman numerals', example: 'i, ii, iii' },
  { value: 'roman-upper', name: 'Capital roman numerals', example: 'I, II, III' },
  { value: 'plain', name: 'Text only', example: 'prefix and suffix' },
];

/** Relabel a selection when there is one worth relabelling (two or more), else everything. */
export function initialScope(selectedCount: number): RelabelScope {
  return selectedCount >= 2 ? 'selected' : 'all';
}

/**
 * The form as the dialog opens. `labelLanguage` is the language the labels to relabel are in (see
 * labelLanguageOf): new labels go there, so replacing them never drops the language they were written in.
 */
export function initialForm(selectedCount: number, labelLanguage = 'none'): RelabelForm {
  return {
    scope: initialScope(selectedCount),
    scheme: 'pagination',
    start: '1',
    startSide: 'r',
    prefix: '',
    suffix: '',
    language: labelLanguage,
    keepOtherLanguages: false,
  };
}

export function relabelOptionsOf(form: RelabelForm): { options: RelabelOptions } | { error: string } {
  const trimmed = form.start.trim();
  if (form.scheme !== 'plain' && !/^\d+$/.test(trimmed)) {
    return { error: 'The start number must be a whole number, 0 or more.' };
  }
  const language = form.language.trim() || 'none';
  return {
    options: {
      scheme: form.scheme,
      start: form.scheme === 'plain' ? 1 : Number(trimmed),
      startSide: form.startSide,
      prefix: form.prefix,
      suffix: form.suffix,
      language,
      mode: form.keepOtherLanguages ? 'language' : 'replace',
    },
  };
}
