/**
 * HTML in property values, per Presentation 3 §4.5.
 *
 * - A value is HTML only if its first character is '<' and its last is '>'; anything else is plain text and
 *   must be escaped when displayed, never interpreted.
 * - Clients must remove script-like tags, every attribute except `href` on `a` and `src`/`alt` on `img`, links
 *   whose scheme is not http/https/mailto, CDATA, comments and processing instructions; they should keep only
 *   a, b, br, i, img, p, small, span, sub, sup.
 *
 * The parsing and filtering are done by sanitize-html (htmlparser2 underneath), never by our own regexes. This
 * module is the only importer of sanitize-html: its type declarations need only htmlparser2's types (no Node
 * or DOM types, checked under shared/'s `"types": []`), and at run time it is plain JavaScript. Style parsing
 * (its one Node-leaning dependency, postcss) is switched off because no style attribute survives anyway.
 */
import sanitizeHtml from 'sanitize-html';

export const ALLOWED_TAGS: readonly string[] = [
  'a',
  'b',
  'br',
  'i',
  'img',
  'p',
  'small',
  'span',
  'sub',
  'sup',
];
const ALLOWED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = { a: ['href'], img: ['src', 'alt'] };
const LINK_SCHEMES = ['http', 'https', 'mailto'];
const IMAGE_SCHEMES = ['http', 'https'];

export interface SanitizedValue {
  /** The value to store: the input itself when nothing had to go, else the cleaned HTML. */
  readonly text: string;
  readonly changed: boolean;
  /** What was stripped, for people: "script element", "onerror attribute", "javascript: link". */
  readonly removed: readonly string[];
}

/** The spec's test (§4.5): no whitespace around, first character '<', last character '>'. */
export function isHtmlValue(text: string): boolean {
  return text.length >= 2 && text.startsWith('<') && text.endsWith('>');
}

/** Escapes plain text for inclusion in HTML (element content or a quoted attribute). */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Cleans one language-map value. Plain text is returned untouched (it is escaped at display time instead).
 * When the sanitiser removes nothing, the publisher's exact string is kept (the document model is lossless);
 * otherwise the sanitiser's output replaces it.
 */
export function sanitizeValue(text: string): SanitizedValue {
  if (!isHtmlValue(text)) return { text, changed: false, removed: [] };
  if (text.length < REMEMBER_FROM) return sanitizeNow(text);
  const known = remembered.get(text);
  if (known) return known;
  const result = sanitizeNow(text);
  if (remembered.size >= REMEMBERED) remembered.delete(remembered.keys().next().value as string);
  remembered.set(text, result);
  return result;
}

/**
 * Long values are remembered: validation, its fixes (up to eight validations) and the panels ask about the same
 * value again and again, and sanitising a megabyte of markup twice over (strict, then permissive) takes seconds
 * (the fuzz gate's slowest case). Short ones cost less to sanitise than to look up.
 */
const REMEMBER_FROM = 4096;
const REMEMBERED = 32;
const remembered = new Map<string, SanitizedValue>();

function sanitizeNow(text: string): SanitizedValue {
  const removed: string[] = [];
  const clean = sanitizeHtml(text, strictOptions(removed));
  removed.push(...describeMarkupDeclarations(text));
  if (removed.length === 0) {
    // Nothing was named, but make sure nothing was dropped either: the same parser and serialiser with every
    // tag and attribute allowed must give the same string. If not, something unsafe went that the hooks did
    // not see; say so rather than keep it.
    if (clean === sanitizeHtml(text, PERMISSIVE_OPTIONS)) return { text, changed: false, removed: [] };
    removed.push('unsafe markup');
  }
  return { text: clean, changed: true, removed: dedupe(removed) };
}

/**
 * HTML that is safe to put into the page for any value: sanitised markup for HTML values, escaped text for
 * plain ones. Always the sanitiser's output, never the original string, so what the browser parses is what the
 * sanitiser produced.
 */
export function valueToSafeHtml(text: string): string {
  return isHtmlValue(text) ? sanitizeHtml(text, strictOptions([])) : escapeHtml(text);
}

function strictOptions(removed: string[]): sanitizeHtml.IOptions {
  return {
    allowedTags: [...ALLOWED_TAGS],
    allowedAttributes: { a: ['href'], img: ['src', 'alt'] },
    allowedSchemes: LINK_SCHEMES,
    allowedSchemesByTag: { img: IMAGE_SCHEMES },
    allowedSchemesAppliedToAttributes: ['href', 'src'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    parseStyleAttributes: false,
    // Sees every tag as parsed (names lower-cased, entities in attributes decoded) before filtering, so the
    // report uses the same view of the markup as the filter.
    onOpenTag: (name, attribs) => describeTag(name, attribs, removed),
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: withSafeUrl(attribs, 'href', LINK_SCHEMES) }),
      img: (tagName, attribs) => ({ tagName, attribs: withSafeUrl(attribs, 'src', IMAGE_SCHEMES) }),
    },
    // An image whose source was removed shows nothing useful.
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs['src'],
  };
}

/** Same parser and serialiser, nothing filtered: the reference for "did the strict pass drop anything?". */
const PERMISSIVE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: false,
  allowedAttributes: false,
  allowedSchemesAppliedToAttributes: [],
  allowVulnerableTags: true,
  parseStyleAttributes: false,
};

/**
 * sanitize-html lets relative URLs through; the spec allows only the listed schemes, so anything else is
 * dropped here. Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:"),
 * so they are removed before the check.
 */
function withSafeUrl(
  attribs: sanitizeHtml.Attributes,
  name: string,
  schemes: readonly string[],
): sanitizeHtml.Attributes {
  const value = attribs[name];
  if (value === undefined || schemes.includes(urlScheme(value))) return attribs;
  const next = { ...attribs };
  delete next[name];
  return next;
}

/** The URL's scheme in lower case, or '' for a relative URL. */
function urlScheme(url: string): string {
  // eslint-disable-next-line no-control-regex
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, '');
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  return match ? (match[1] as string).toLowerCase() : '';
}

function describeTag(name: string, attribs: sanitizeHtml.Attributes, removed: string[]): void {
  if (!ALLOWED_TAGS.includes(name)) {
    removed.push(`${name} element`);
    return;
  }
  const allowed = ALLOWED_ATTRIBUTES[name] ?? [];
  for (const attribute of Object.keys(attribs)) {
    if (!allowed.includes(attribute)) {
      removed.push(`${attribute} attribute`);
      continue;
    }
    if (attribute !== 'href' && attribute !== 'src') continue;
    const scheme = urlScheme(attribs[attribute] ?? '');
    const schemes = name === 'img' ? IMAGE_SCHEMES : LINK_SCHEMES;
    if (!schemes.includes(scheme)) {
      const what = name === 'img' ? 'image source' : 'link';
      removed.push(scheme === '' ? `relative ${what}` : `${scheme}: ${what}`);
    }
  }
}

/**
 * Comments, CDATA sections and processing instructions never reach a sanitize-html hook (it simply drops
 * them), so they are named from the text. This only feeds the report; the removal itself is the sanitiser's.
 */
function describeMarkupDeclarations(text: string): string[] {
  const found: string[] = [];
  if (text.includes('<!--')) found.push('comment');
  if (/<!\[CDATA\[/i.test(text)) found.push('CDATA section');
  if (text.includes('<?')) found.push('processing instruction');
  if (/<!(?!--|\[CDATA\[)/i.test(text)) found.push('markup declaration');
  return found;
}

function dedupe(items: readonly string[]): string[] {
  return [...new Set(items)];
}
