/**
 * BCP 47 language tags, checked for being *well-formed* per RFC 5646 §2.1 (syntax), not *valid* (that would
 * need the IANA subtag registry, which changes and is too large to ship for a picker). Presentation 3 keys
 * language maps by BCP 47 tags plus the special key "none".
 *
 *   langtag       = language ["-" script] ["-" region] *("-" variant) *("-" extension) ["-" privateuse]
 *   language      = 2*3ALPHA ["-" extlang] / 4ALPHA / 5*8ALPHA ;  extlang = 3ALPHA *2("-" 3ALPHA)
 *   script        = 4ALPHA ;  region = 2ALPHA / 3DIGIT
 *   variant       = 5*8alphanum / (DIGIT 3alphanum)
 *   extension     = singleton 1*("-" (2*8alphanum)) ;  singleton = any alphanum but "x"
 *   privateuse    = "x" 1*("-" (1*8alphanum))
 *   grandfathered = irregular / regular (fixed lists below)
 *
 * The tag is parsed subtag by subtag rather than with one opaque expression, so a failure can say which
 * subtag is wrong.
 */

export type LanguageTagKind = 'none' | 'langtag' | 'privateuse' | 'grandfathered';

export type LanguageTagCheck =
  | { readonly wellFormed: true; readonly kind: LanguageTagKind; readonly warnings: readonly string[] }
  | { readonly wellFormed: false; readonly error: string };

const IRREGULAR = [
  'en-GB-oed',
  'i-ami',
  'i-bnn',
  'i-default',
  'i-enochian',
  'i-hak',
  'i-klingon',
  'i-lux',
  'i-mingo',
  'i-navajo',
  'i-pwn',
  'i-tao',
  'i-tay',
  'i-tsu',
  'sgn-BE-FR',
  'sgn-BE-NL',
  'sgn-CH-DE',
];
const REGULAR = [
  'art-lojban',
  'cel-gaulish',
  'no-bok',
  'no-nyn',
  'zh-guoyu',
  'zh-hakka',
  'zh-min',
  'zh-min-nan',
  'zh-xiang',
];
const GRANDFATHERED = new Set([...IRREGULAR, ...REGULAR].map((tag) => tag.toLowerCase()));

const ALPHA = /^[a-z]+$/;
const DIGIT = /^[0-9]+$/;
const ALPHANUM = /^[a-z0-9]+$/;

const isAlpha = (s: string, min: number, max: number) => ALPHA.test(s) && s.length >= min && s.length <= max;
const isAlphanum = (s: string, min: number, max: number) =>
  ALPHANUM.test(s) && s.length >= min && s.length <= max;
const isVariant = (s: string) =>
  isAlphanum(s, 5, 8) || (s.length === 4 && /^[0-9]/.test(s) && isAlphanum(s, 4, 4));
const isRegion = (s: string) => isAlpha(s, 2, 2) || (s.length === 3 && DIGIT.test(s));

export function checkLanguageTag(tag: string): LanguageTagCheck {
  if (tag === 'none') return { wellFormed: true, kind: 'none', warnings: [] };
  if (tag.trim() !== tag || tag === '') return { wellFormed: false, error: 'empty or surrounded by spaces' };
  const lower = tag.toLowerCase();
  if (GRANDFATHERED.has(lower)) return { wellFormed: true, kind: 'grandfathered', warnings: [] };
  if (lower === '@none') return { wellFormed: false, error: '"@none" is the JSON-LD keyword; use "none"' };

  const subtags = lower.split('-');
  for (const subtag of subtags) {
    if (subtag === '')
      return { wellFormed: false, error: 'empty subtag (two hyphens, or a hyphen at an end)' };
    if (!ALPHANUM.test(subtag))
      return { wellFormed: false, error: `"${subtag}" has characters other than A–Z, 0–9` };
    if (subtag.length > 8) return { wellFormed: false, error: `"${subtag}" is longer than 8 characters` };
  }

  let i = 0;
  const at = () => subtags[i];
  if (at() === 'x') return checkPrivateUse(subtags, 0, 'privateuse', []);

  const language = at() as string;
  if (!isAlpha(language, 2, 8))
    return { wellFormed: false, error: `"${language}" is not a language subtag (2–8 letters)` };
  i++;
  if (language.length <= 3) {
    for (let n = 0; n < 3 && at() !== undefined && isAlpha(at() as string, 3, 3); n++) i++;
  }
  if (at() !== undefined && isAlpha(at() as string, 4, 4)) i++; // script
  if (at() !== undefined && isRegion(at() as string)) i++; // region

  const warnings: string[] = [];
  // "NONE" is a well-formed (reserved 4-letter) tag, but IIIF's special key is exactly lower-case "none".
  if (lower === 'none') warnings.push(`"${tag}" is not the special key "none": keys are case-sensitive`);
  const variants = new Set<string>();
  while (at() !== undefined && isVariant(at() as string)) {
    const variant = at() as string;
    if (variants.has(variant)) warnings.push(`variant "${variant}" repeated`);
    variants.add(variant);
    i++;
  }

  const singletons = new Set<string>();
  while (at() !== undefined && (at() as string).length === 1 && at() !== 'x') {
    const singleton = at() as string;
    if (singletons.has(singleton)) warnings.push(`extension "${singleton}" repeated`);
    singletons.add(singleton);
    i++;
    let count = 0;
    while (at() !== undefined && isAlphanum(at() as string, 2, 8)) {
      i++;
      count++;
    }
    if (count === 0)
      return { wellFormed: false, error: `extension "${singleton}" needs at least one subtag` };
  }

  if (at() === 'x') return checkPrivateUse(subtags, i, 'langtag', warnings);
  if (at() !== undefined)
    return { wellFormed: false, error: `"${at() as string}" is not allowed at this position` };
  return { wellFormed: true, kind: 'langtag', warnings };
}

function checkPrivateUse(
  subtags: readonly string[],
  start: number,
  kind: LanguageTagKind,
  warnings: readonly string[],
): LanguageTagCheck {
  // Every subtag was already checked to be 1–8 alphanumerics, which is all private use asks for.
  if (start + 1 >= subtags.length)
    return { wellFormed: false, error: 'private use "x" needs at least one subtag' };
  return { wellFormed: true, kind, warnings };
}

/** Well-formed per RFC 5646, or the special Presentation 3 key "none". */
export function isWellFormedLanguageTag(tag: string): boolean {
  return checkLanguageTag(tag).wellFormed;
}

/**
 * The conventional case of RFC 5646 §2.1.1: language lower case, script title case ("Latn"), region upper
 * case ("GB"); subtags after a singleton stay lower case. Tags compare case-insensitively, so this is only
 * for tidy display and consistent keys.
 */
export function formatLanguageTag(tag: string): string {
  if (tag === 'none') return tag;
  const lower = tag.toLowerCase();
  for (const known of [...IRREGULAR, ...REGULAR]) if (known.toLowerCase() === lower) return known;
  const subtags = lower.split('-');
  let afterSingleton = false;
  return subtags
    .map((subtag, index) => {
      if (index === 0 || afterSingleton) return subtag;
      if (subtag.length === 1) {
        afterSingleton = true;
        return subtag;
      }
      if (subtag.length === 2 && ALPHA.test(subtag)) return subtag.toUpperCase();
      if (subtag.length === 4 && ALPHA.test(subtag)) return subtag[0]?.toUpperCase() + subtag.slice(1);
      return subtag;
    })
    .join('-');
}
