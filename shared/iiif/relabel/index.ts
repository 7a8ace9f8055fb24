export type { FolioSide, RelabelScheme } from './numbering';
export { ROMAN_MAX, folioLabel, schemeText, toRoman } from './numbering';
export type { RelabelChange, RelabelOptions, RelabelPlan } from './relabel';
export { applyRelabel, labelLanguageOf, planRelabel } from './relabel';
export { compareNatural, sortCanvasesByLabel } from './natural-order';
