/**
 * Presentation 2's `license` becomes Presentation 3's `rights` when it names a Creative Commons licence or a
 * RightsStatements.org statement (the only values `rights` allows), written in the canonical http:// form.
 * Any other licence URI is kept as a "License" metadata pair, so a curator's rights information is never
 * dropped silently. IIIF-Commons' upgrader loses `license` today, hence this step.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../json';
import { normaliseRights } from '../rights/normalise-rights';
import { notice, type Notice } from './notices';

/** The licence URIs of a P2 resource, read before the upgrader consumes it. */
export function licensesOf(source: JsonObject): string[] {
  const value = source['license'];
  const list: readonly JsonValue[] = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const uris: string[] = [];
  for (const entry of list) {
    const uri = typeof entry === 'string' ? entry : isJsonObject(entry) ? entry['@id'] : undefined;
    if (typeof uri === 'string' && uri.trim() !== '') uris.push(uri.trim());
  }
  return uris;
}

export function carryLicenses(
  doc: JsonObject,
  licenses: readonly string[],
): { doc: JsonObject; notices: Notice[] } {
  if (licenses.length === 0) return { doc, notices: [] };
  let next = doc;
  const kept: string[] = [];
  const notices: Notice[] = [];
  for (const uri of licenses) {
    const rights = normaliseRights(uri);
    const known = rights.status === 'canonical' || rights.status === 'normalised';
    if (known && next['rights'] === undefined) {
      next = { ...next, rights: rights.uri };
      notices.push(
        notice('license-to-rights', 'info', `The Presentation 2 license ${uri} became rights ${rights.uri}.`),
      );
    } else if (next['rights'] !== rights.uri) kept.push(uri);
  }
  if (kept.length > 0) {
    const metadata = Array.isArray(next['metadata']) ? next['metadata'] : [];
    next = { ...next, metadata: [...metadata, { label: { en: ['License'] }, value: { none: kept } }] };
    notices.push(
      notice(
        'license-to-metadata',
        'info',
        `Presentation 3 rights only take Creative Commons or RightsStatements.org URIs; the license ${kept.join(', ')} was kept as a "License" metadata entry.`,
      ),
    );
  }
  return { doc: next, notices };
}
