/**
 * Turns what people paste into the `rights` field into the URI the spec requires.
 *
 * Publishers copy the address bar: `https://creativecommons.org/licenses/by/4.0/deed.en`,
 * `https://rightsstatements.org/page/InC/1.0/?language=en`. Only the `http://` vocabulary URIs are the
 * identifiers Presentation 3 accepts (§3.1 rights, and its note on machine-actionable URIs), so those forms are
 * rewritten and the rewrite is explained. URIs from other hosts may be legitimate (the extension mechanism)
 * and are kept, with a warning. Anything that is not an http(s) URI is invalid.
 */
import type { RightsOption } from './rights-options';
import { findRightsOption, RIGHTS_STATEMENT_IDS } from './rights-options';

export type RightsStatus = 'canonical' | 'normalised' | 'unknown' | 'invalid';

export interface NormalisedRights {
  /** The URI to store: canonical when recognised, else the trimmed input. */
  readonly uri: string;
  readonly status: RightsStatus;
  /** Why the value was changed, or what is wrong with it; absent for a canonical value. */
  readonly notice?: string;
  /** Picklist entry, when the URI is one of the offered licences/statements. */
  readonly option?: RightsOption;
  /** Short name for any recognised CC/RS URI, including older CC versions not on the picklist. */
  readonly label?: string;
}

// RFC 3986 appendix B: splits any URI reference into its parts without judging it.
const URI_PARTS = /^(?:([^:/?#]+):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/;
const SCHEME = /^[a-z][a-z0-9+.-]*$/i;

const CC_CODES = new Set(['by', 'by-sa', 'by-nd', 'by-nc', 'by-nc-sa', 'by-nc-nd']);
// Version 1.0 licences had other element orders and licences without BY; they are still CC licence URIs.
const CC_LEGACY_CODES = new Set(['by-nd-nc', 'nd', 'nc', 'sa', 'nd-nc', 'nc-sa']);
const CC_VERSION = /^[1-4]\.[0-9]$/;
/** Human-readable variants of a licence page: deed.en, legalcode, legalcode.fr, rdf. */
const CC_DOCUMENT_SUFFIX = /^(deed(\.[a-z_-]+)?|legalcode(\.[a-z_-]+)?|rdf)$/i;
const RS_VERSION = /^1\.0(\.(json|jsonld|ttl|rdf|xml|html))?$/i;

interface Recognised {
  readonly canonical: string;
  readonly label: string;
  readonly changes: string[];
}

export function normaliseRights(input: string): NormalisedRights {
  const trimmed = input.trim();
  const changes: string[] = [];
  if (trimmed !== input) changes.push('surrounding spaces removed');
  if (trimmed === '')
    return { uri: '', status: 'invalid', notice: 'Rights must be a URI; the value is empty.' };
  if (/\s/.test(trimmed)) {
    return {
      uri: trimmed,
      status: 'invalid',
      notice: 'Rights must be a single URI; the value contains spaces.',
    };
  }

  let text = trimmed;
  // "creativecommons.org/licenses/by/4.0/" without a scheme is unambiguous enough to repair.
  if (/^(www\.)?(creativecommons|rightsstatements)\.org\//i.test(text)) {
    text = `http://${text}`;
    changes.push('"http://" added');
  }
  const parts = URI_PARTS.exec(text);
  const scheme = parts?.[1];
  const authority = parts?.[2];
  if (parts === null || scheme === undefined || !SCHEME.test(scheme)) {
    return {
      uri: trimmed,
      status: 'invalid',
      notice: 'Rights must be a URI such as http://rightsstatements.org/vocab/InC/1.0/.',
    };
  }
  if (!/^https?$/i.test(scheme)) {
    return { uri: trimmed, status: 'invalid', notice: `Rights must be an http(s) URI, not "${scheme}:".` };
  }
  if (authority === undefined || authority === '' || authority.startsWith('@')) {
    return { uri: trimmed, status: 'invalid', notice: 'Rights URI has no host.' };
  }

  const host = authority
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/:80$/, '');
  const path = parts[3] ?? '';
  const recognised =
    host === 'creativecommons.org'
      ? recogniseCreativeCommons(path)
      : host === 'rightsstatements.org'
        ? recogniseRightsStatement(path)
        : undefined;

  if (recognised === undefined) {
    if (host === 'creativecommons.org' || host === 'rightsstatements.org') {
      return {
        uri: trimmed,
        status: 'unknown',
        notice: `Not a ${host === 'creativecommons.org' ? 'Creative Commons licence' : 'RightsStatements.org statement'} URI that Tessera recognises; check the address.`,
      };
    }
    return {
      uri: trimmed,
      status: 'unknown',
      notice:
        'Not a Creative Commons or RightsStatements.org URI. Presentation 3 allows other rights URIs only through an extension; viewers may ignore it.',
    };
  }

  if (scheme.toLowerCase() === 'https')
    changes.push('https changed to http (the spec uses the http identifiers)');
  else if (scheme !== 'http') changes.push('scheme case corrected');
  if (authority !== host) changes.push(`host "${authority}" changed to "${host}"`);
  changes.push(...recognised.changes);
  if (parts[4] !== undefined) changes.push('query string removed');
  if (parts[5] !== undefined) changes.push('fragment removed');

  const option = findRightsOption(recognised.canonical);
  const base = { uri: recognised.canonical, label: recognised.label, ...(option ? { option } : {}) };
  if (recognised.canonical === input) return { ...base, status: 'canonical' };
  return { ...base, status: 'normalised', notice: `Normalised: ${changes.join('; ')}.` };
}

function recogniseCreativeCommons(path: string): Recognised | undefined {
  const { segments, trailingSlash } = splitPath(path);
  const changes: string[] = [];
  const [kind, ...rest] = segments;
  if (kind === undefined) return undefined;
  if (kind !== kind.toLowerCase()) changes.push('case corrected');

  if (kind.toLowerCase() === 'publicdomain') {
    const [tool, version, ...tail] = rest;
    const toolName = tool?.toLowerCase();
    if ((toolName !== 'zero' && toolName !== 'mark') || version !== '1.0') return undefined;
    if (tool !== toolName) changes.push('case corrected');
    if (!describeSuffix(tail, trailingSlash, changes)) return undefined;
    return {
      canonical: `http://creativecommons.org/publicdomain/${toolName}/1.0/`,
      label: toolName === 'zero' ? 'CC0 1.0' : 'PDM 1.0',
      changes: dedupe(changes),
    };
  }

  if (kind.toLowerCase() !== 'licenses') return undefined;
  const [code, version, ...tail] = rest;
  const licence = code?.toLowerCase();
  if (licence === undefined || version === undefined || !CC_VERSION.test(version)) return undefined;
  if (!CC_CODES.has(licence) && !(CC_LEGACY_CODES.has(licence) && version === '1.0')) return undefined;
  if (code !== licence) changes.push('case corrected');
  // Versions before 4.0 were "ported" to jurisdictions: /licenses/by/3.0/de/ is its own licence URI.
  let jurisdiction = '';
  if (tail[0] !== undefined && !CC_DOCUMENT_SUFFIX.test(tail[0]) && version !== '4.0') {
    const port = tail.shift() as string;
    if (!/^[a-z]{2,10}$/i.test(port)) return undefined;
    if (port !== port.toLowerCase()) changes.push('case corrected');
    jurisdiction = `${port.toLowerCase()}/`;
  }
  if (!describeSuffix(tail, trailingSlash, changes)) return undefined;
  return {
    canonical: `http://creativecommons.org/licenses/${licence}/${version}/${jurisdiction}`,
    label: `CC ${licence.toUpperCase()} ${version}${jurisdiction ? ` (${jurisdiction.slice(0, -1)})` : ''}`,
    changes: dedupe(changes),
  };
}

function recogniseRightsStatement(path: string): Recognised | undefined {
  const { segments, trailingSlash } = splitPath(path);
  const changes: string[] = [];
  const [kind, id, version, ...tail] = segments;
  const form = kind?.toLowerCase();
  if (form !== 'vocab' && form !== 'page' && form !== 'data') return undefined;
  const canonicalId = RIGHTS_STATEMENT_IDS.find((known) => known.toLowerCase() === id?.toLowerCase());
  if (canonicalId === undefined || version === undefined || !RS_VERSION.test(version)) return undefined;
  if (tail.length > 0) return undefined;
  if (form !== 'vocab') changes.push(`"/${kind}/" address converted to the "/vocab/" statement URI`);
  else if (kind !== form) changes.push('case corrected');
  if (id !== canonicalId) changes.push(`"${id}" corrected to "${canonicalId}"`);
  if (version !== '1.0') changes.push(`"${version}" changed to "1.0/"`);
  else if (!trailingSlash) changes.push('trailing slash added');
  return {
    canonical: `http://rightsstatements.org/vocab/${canonicalId}/1.0/`,
    label: canonicalId,
    changes,
  };
}

function splitPath(path: string): { segments: string[]; trailingSlash: boolean } {
  return { segments: path.split('/').filter((segment) => segment !== ''), trailingSlash: path.endsWith('/') };
}

/** Accepts nothing or one document suffix (deed.en, legalcode) after the licence; records what goes. */
function describeSuffix(tail: readonly string[], trailingSlash: boolean, changes: string[]): boolean {
  if (tail.length > 1) return false;
  const [suffix] = tail;
  if (suffix === undefined) {
    if (!trailingSlash) changes.push('trailing slash added');
    return true;
  }
  if (!CC_DOCUMENT_SUFFIX.test(suffix)) return false;
  changes.push(`"/${suffix}" removed`);
  return true;
}

function dedupe(items: readonly string[]): string[] {
  return [...new Set(items)];
}
