/**
 * New ids for resources the user creates or copies. Deterministic (same document, same ids: tests and diffs stay
 * stable, no clock or randomness in shared/) and unique (checked against every id already in the document).
 *
 * Where the base comes from: the manifest's own id. A manifest id is required, is the URL the manifest will be
 * published at, and travels with the file, so deriving the base from it needs no second place to keep in sync:
 * no app setting that another machine lacks, no extension property in the published JSON. New manifests get the
 * id `${baseUri}/manifest.json` (see newManifest), which gives the base back exactly.
 */
import type { JsonObject } from '../json';
import { documentIds } from './id-index';

/** Returns a fresh id for a resource of `kind` ('canvas', 'page', 'annotation', ...), under `parent` or the base. */
export type MintId = (kind: string, parent?: string) => string;

/** Used when a document has no usable id yet; example.org marks it as a placeholder that publishing replaces. */
export const PLACEHOLDER_BASE_URI = 'https://example.org/unpublished';

/**
 * Ids are `${parent ?? base}/${kind}/${n}`, with n the smallest positive integer giving an id that is neither
 * in `taken` nor minted before by this minter. Children minted under a fresh parent id are therefore readable
 * and unique: `.../canvas/7/page/1/annotation/1`.
 */
export function createIdMinter(base: string, taken: ReadonlySet<string>): MintId {
  const root = base.replace(/\/+$/, '');
  const issued = new Set<string>();
  const next = new Map<string, number>();
  return (kind, parent) => {
    const prefix = `${(parent ?? root).replace(/\/+$/, '')}/${kind}/`;
    let n = next.get(prefix) ?? 1;
    while (taken.has(`${prefix}${n}`) || issued.has(`${prefix}${n}`)) n += 1;
    const id = `${prefix}${n}`;
    issued.add(id);
    next.set(prefix, n + 1);
    return id;
  };
}

/**
 * The base URI new ids go under: the manifest id without its file name when it ends in manifest(.json) or
 * collection(.json), else the id itself (so `https://x.org/iiif/book1` mints `https://x.org/iiif/book1/canvas/1`,
 * never a sibling that another manifest in the same folder might use). Query and fragment are dropped.
 */
export function documentBaseUri(doc: JsonObject): string {
  const id = doc['id'];
  if (typeof id !== 'string' || id.trim() === '') return PLACEHOLDER_BASE_URI;
  const bare = id.trim().replace(/[?#].*$/, '');
  return (
    bare.replace(/\/(?:manifest|collection)(?:\.json)?$/i, '').replace(/\/+$/, '') || PLACEHOLDER_BASE_URI
  );
}

/** A minter for new resources in `doc`. */
export function idMinterFor(doc: JsonObject): MintId {
  return createIdMinter(documentBaseUri(doc), documentIds(doc));
}
