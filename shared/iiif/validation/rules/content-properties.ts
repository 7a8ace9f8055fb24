/** Properties of content and other external resources: `format`, `language`, `profile`. */
import { isJsonArray, type JsonObject } from '../../json';
import { at, type Checker, type Site } from '../checker';
import { SPEC } from '../spec-links';
import { describeValue } from '../values';
import { isLanguageTag } from './language-maps';

/** A media type: type "/" subtype, optionally followed by parameters (RFC 6838 token characters). */
const MEDIA_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*(\s*;.*)?$/;

export function checkFormat(node: JsonObject, site: Site, ctx: Checker): void {
  const format = node.format;
  if (format === undefined) return;
  if (typeof format !== 'string' || !MEDIA_TYPE.test(format)) {
    ctx.error(
      'format-invalid',
      at(site, 'format'),
      `"format" must be a media type such as "image/jpeg", not ${describeValue(format)}.`,
      SPEC.format,
    );
  }
}

/**
 * `language` on external resources is a list of language codes. Annotation bodies follow the Web Annotation
 * model instead, where a single string is allowed (§4.7, term collisions).
 */
export function checkLanguageProperty(
  node: JsonObject,
  site: Site,
  ctx: Checker,
  allowString: boolean,
): void {
  const language = node.language;
  if (language === undefined) return;
  const where = at(site, 'language');
  if (typeof language === 'string') {
    if (!allowString) {
      ctx.error(
        'not-an-array',
        where,
        `"language" must be a list of language codes: wrap "${language}" in [ ].`,
        SPEC.language,
        'wrap-in-array',
      );
    }
    checkTag(language, where, ctx);
    return;
  }
  if (!isJsonArray(language)) {
    ctx.error(
      'language-invalid',
      where,
      `"language" must be a list of language codes, not ${describeValue(language)}.`,
      SPEC.language,
    );
    return;
  }
  language.forEach((tag, index) => {
    if (typeof tag !== 'string') {
      ctx.error(
        'language-invalid',
        at(where, index),
        `Language codes must be strings, not ${describeValue(tag)}.`,
        SPEC.language,
      );
    } else {
      checkTag(tag, at(where, index), ctx);
    }
  });
}

function checkTag(tag: string, site: Site, ctx: Checker): void {
  if (!isLanguageTag(tag)) {
    ctx.warning(
      'language-invalid',
      site,
      `"${tag}" is not a BCP 47 language code such as "en" or "fr-CA".`,
      SPEC.language,
    );
  }
}

export function checkProfile(node: JsonObject, site: Site, ctx: Checker): void {
  const profile = node.profile;
  if (profile !== undefined && typeof profile !== 'string') {
    ctx.error(
      'profile-not-string',
      at(site, 'profile'),
      `"profile" must be a single string, not ${describeValue(profile)}.`,
      SPEC.profile,
    );
  }
}
