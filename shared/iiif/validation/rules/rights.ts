/**
 * `rights`: a Creative Commons license or RightsStatements.org statement URI, in the http form those
 * vocabularies define (their https pages are for people; the identifiers are http), or an extension's URI.
 */
import type { JsonObject } from '../../json';
import { at, type Checker, type Site } from '../checker';
import { SPEC } from '../spec-links';
import { describeValue, isUri } from '../values';
import { normaliseRights } from '../../rights';

/**
 * The identifier for a Creative Commons or RightsStatements.org address given in any common variant (https,
 * www, missing trailing slash, deed or legalcode page, /page/ form), or undefined when it is neither. The
 * rights editor's normaliser decides, so the validator and the editor never disagree.
 */
export function canonicalRightsUri(value: string): string | undefined {
  const normalised = normaliseRights(value);
  return normalised.status === 'canonical' || normalised.status === 'normalised' ? normalised.uri : undefined;
}

/** The prefixes the official schema accepts: the http identifier spaces of the two vocabularies. */
function inHttpIdentifierSpace(value: string): boolean {
  return (
    value.startsWith('http://creativecommons.org/licenses/') ||
    value.startsWith('http://creativecommons.org/publicdomain/') ||
    value.startsWith('http://rightsstatements.org/vocab/')
  );
}

export function checkRights(node: JsonObject, site: Site, ctx: Checker): void {
  const value = node.rights;
  if (value === undefined) return;
  const where = at(site, 'rights');
  if (typeof value !== 'string') {
    ctx.error(
      'rights-not-string',
      where,
      `"rights" must be a single URI string, not ${describeValue(value)}.`,
      SPEC.rights,
    );
    return;
  }
  const canonical = canonicalRightsUri(value);
  if (canonical !== undefined) {
    if (canonical === value) return;
    // An https address is not the license's identifier: an error. An http address that only lacks the trailing
    // slash, or names the license's deed page, is still understood by everyone, so it is a warning.
    const severity = inHttpIdentifierSpace(value) ? 'warning' : 'error';
    const reason = /^https:/i.test(value)
      ? 'the https address is the page for people; the identifier uses http'
      : /deed|legalcode/i.test(value)
        ? 'that is the page describing it, not its identifier'
        : 'the identifier is written exactly like this';
    ctx.report(
      severity,
      'rights-not-canonical',
      where,
      `Use the identifier ${canonical} rather than ${value}: ${reason}.`,
      SPEC.rights,
      'canonical-rights',
    );
    return;
  }
  if (/creativecommons\.org|rightsstatements\.org/i.test(value)) {
    ctx.error(
      'rights-unrecognised',
      where,
      `${value} is not a Creative Commons license or RightsStatements.org statement address.`,
      SPEC.rights,
    );
    return;
  }
  const message = `${isUri(value) ? value : `"${value}"`} is not a Creative Commons or RightsStatements.org URI; ${
    ctx.hasExtensionContext
      ? 'it is only valid if one of the extensions in @context defines it'
      : 'no extension in @context defines other rights values'
  }. Put other rights texts in requiredStatement.`;
  if (ctx.hasExtensionContext && isUri(value))
    ctx.warning('rights-unrecognised', where, message, SPEC.rights);
  else ctx.error('rights-unrecognised', where, message, SPEC.rights);
}
