/**
 * Language maps (label, summary, metadata and requiredStatement labels and values): a JSON object whose keys
 * are BCP 47 language tags or "none" and whose values are lists of strings.
 */
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../../json';
import { at, type Checker, type Site } from '../checker';
import { SPEC } from '../spec-links';
import { describeValue } from '../values';
import { checkLanguageTag, isWellFormedLanguageTag } from '../../language';
import { isHtmlValue, sanitizeValue } from '../../html/sanitize-value';

/** A well-formed BCP 47 tag (RFC 5646 syntax), as the language editor judges it. */
export function isLanguageTag(key: string): boolean {
  return key !== 'none' && isWellFormedLanguageTag(key);
}

/** True for the shapes fixes.ts can turn into a language map without guessing. */
export function isConvertibleToLanguageMap(value: JsonValue): boolean {
  if (typeof value === 'string') return true;
  if (!isJsonArray(value) || value.length === 0) return false;
  return value.every(
    (item) =>
      typeof item === 'string' ||
      (isJsonObject(item) &&
        typeof item['@value'] === 'string' &&
        (item['@language'] === undefined || typeof item['@language'] === 'string')),
  );
}

export function checkLanguageMap(value: JsonValue, site: Site, ctx: Checker, property: string): void {
  if (!isJsonObject(value)) {
    const convertible = isConvertibleToLanguageMap(value);
    ctx.error(
      'language-map-not-object',
      site,
      `"${property}" must be a language map such as { "en": [ "text" ] }, not ${describeValue(value)}.`,
      SPEC.languages,
      convertible ? 'string-to-language-map' : undefined,
    );
    return;
  }
  for (const [key, entries] of Object.entries(value)) {
    const where = at(site, key);
    if (key === '@none') {
      ctx.error(
        'language-key-at-none',
        where,
        `In Presentation 3 text without a language uses the key "none", not "@none" (in "${property}").`,
        SPEC.languages,
        'rename-none-key',
      );
    } else if (key !== 'none') {
      const check = checkLanguageTag(key);
      if (!check.wellFormed) {
        ctx.error(
          'language-key-invalid',
          where,
          `"${key}" is not a language code (${check.error}) in "${property}": use a BCP 47 tag such as "en" or "fr-CA", or "none".`,
          SPEC.languages,
        );
      }
    }
    checkLanguageValues(entries, where, ctx, property);
  }
}

function checkLanguageValues(entries: JsonValue, site: Site, ctx: Checker, property: string): void {
  if (!isJsonArray(entries)) {
    ctx.error(
      'language-value-not-list',
      site,
      `Each language in "${property}" must have a list of texts: wrap ${describeValue(entries)} in [ ].`,
      SPEC.languages,
      typeof entries === 'string' ? 'wrap-in-array' : undefined,
    );
    return;
  }
  entries.forEach((entry, index) => {
    if (typeof entry !== 'string') {
      ctx.error(
        'language-value-not-string',
        at(site, index),
        `Texts in "${property}" must be strings, not ${describeValue(entry)}.`,
        SPEC.languages,
      );
    } else if (isHtmlValue(entry)) {
      // Saving keeps HTML nobody edited as it was (issue 13): what the spec does not allow is reported here,
      // with its removal one click away, and is never shown unsanitised.
      const cleaned = sanitizeValue(entry);
      if (cleaned.changed) {
        ctx.warning(
          'disallowed-html',
          at(site, index),
          `This "${property}" text has HTML that Presentation 3 does not allow (${cleaned.removed.join(', ')}); viewers may drop it or show it differently.`,
          SPEC.html,
          'remove-disallowed-html',
        );
      }
    }
  });
}

/** `label` and `summary` wherever they appear; the HTML rule applies to labels only. */
export function checkTextProperties(node: JsonObject, site: Site, ctx: Checker): void {
  const label = node.label;
  if (label !== undefined) {
    checkLanguageMap(label, at(site, 'label'), ctx, 'label');
    if (isJsonObject(label)) checkNoHtml(label, at(site, 'label'), ctx);
  }
  if (node.summary !== undefined) checkLanguageMap(node.summary, at(site, 'summary'), ctx, 'summary');
  if (node.metadata !== undefined) checkMetadata(node.metadata, at(site, 'metadata'), ctx);
  if (node.requiredStatement !== undefined) {
    checkLabelValuePair(node.requiredStatement, at(site, 'requiredStatement'), ctx, 'requiredStatement');
  }
}

function checkNoHtml(label: JsonObject, site: Site, ctx: Checker): void {
  for (const [key, entries] of Object.entries(label)) {
    if (!isJsonArray(entries)) continue;
    entries.forEach((entry, index) => {
      // The specification's own test for HTML: the string starts with '<' and ends with '>'.
      if (typeof entry === 'string' && entry.startsWith('<') && entry.endsWith('>')) {
        ctx.warning(
          'html-in-label',
          at(site, key, index),
          'Labels must be plain text: HTML markup is only allowed in summary and metadata values.',
          SPEC.html,
        );
      }
    });
  }
}

function checkMetadata(value: JsonValue, site: Site, ctx: Checker): void {
  if (!isJsonArray(value)) {
    ctx.error(
      'not-an-array',
      site,
      '"metadata" must be a list of { "label": ..., "value": ... } entries.',
      SPEC.metadata,
      isJsonObject(value) ? 'wrap-in-array' : undefined,
    );
    if (isJsonObject(value)) checkLabelValuePair(value, site, ctx, 'metadata');
    return;
  }
  value.forEach((entry, index) => checkLabelValuePair(entry, at(site, index), ctx, 'metadata'));
}

function checkLabelValuePair(entry: JsonValue, site: Site, ctx: Checker, property: string): void {
  const specUrl = property === 'metadata' ? SPEC.metadata : SPEC.requiredStatement;
  if (!isJsonObject(entry)) {
    ctx.error(
      `${property === 'metadata' ? 'metadata-entry' : 'required-statement'}-invalid`,
      site,
      `Each "${property}" entry must be an object with a "label" and a "value", not ${describeValue(entry)}.`,
      specUrl,
    );
    return;
  }
  for (const part of ['label', 'value'] as const) {
    const text = entry[part];
    if (text === undefined) {
      ctx.error(
        `${property === 'metadata' ? 'metadata-entry' : 'required-statement'}-incomplete`,
        site,
        `This "${property}" entry has no "${part}": both a label and a value are required.`,
        specUrl,
      );
    } else {
      checkLanguageMap(text, at(site, part), ctx, `${property} ${part}`);
    }
  }
}

/** Reports a missing or empty label where the specification requires or recommends one. */
export function requireLabel(
  node: JsonObject,
  site: Site,
  ctx: Checker,
  severity: 'error' | 'warning' | 'info',
  what: string,
): void {
  const label = node.label;
  const empty = isJsonObject(label) && Object.keys(label).length === 0;
  if (label !== undefined && !empty) return;
  const must = severity === 'error';
  ctx.report(
    severity,
    empty ? 'label-empty' : 'label-missing',
    empty ? at(site, 'label') : site,
    `${what} ${must ? 'must' : 'should'} have a label${empty ? ' with at least one entry' : ''}.`,
    SPEC.label,
  );
}
