/**
 * A referenced annotation page (issue 16): a canvas's or the manifest's `annotations` may name a page by its
 * address only. Remote pages come through the remote service (policy, limits, the offline disk cache, like a
 * source manifest); a local page (a path, a `file:` URL, or a reference relative to the open document's file) is
 * read from disk under the path policy, so that edits to it can be saved back to its own file.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../../../shared/iiif/json';
import { UserFacingError } from '../../../shared/ipc/result';
import type { PathPolicy } from '../files/path-policy';
import { readTextFile } from '../files/text-files';
import type { Initiator } from '../remote/address-policy';
import type { RemoteService } from '../remote/remote-service';

export interface FetchedAnnotationPage {
  /** What was asked for. */
  readonly location: string;
  /** The URL after redirects; null for a file. */
  readonly finalUrl: string | null;
  /** The absolute path of a local page (saved back there); null for a remote one. */
  readonly path: string | null;
  readonly page: JsonObject;
  readonly fromCache: boolean;
  /** Served from the offline cache because the server could not be reached. */
  readonly stale: boolean;
  readonly origin: Initiator;
  /**
   * A local page's file as read (its text and stamp): its edits are saved back over that text, keeping its
   * layout, and refused as a conflict when the file changed on disk meanwhile. Null for a remote page.
   */
  readonly file: {
    readonly text: string;
    readonly mtimeMs: number;
    readonly size: number;
    readonly hash: string;
  } | null;
}

export interface AnnotationPageRequest {
  /** 'public' when the document naming the page came from the internet (address-policy.ts). */
  readonly initiator?: Initiator;
  /** The open document's file, against which a relative reference is resolved. */
  readonly documentPath?: string;
}

export async function fetchAnnotationPage(
  deps: { remote?: RemoteService | undefined; policy: PathPolicy },
  location: string,
  request: AnnotationPageRequest = {},
): Promise<FetchedAnnotationPage> {
  const trimmed = location.trim();
  if (/^https?:\/\//i.test(trimmed)) {
    if (!deps.remote)
      throw new UserFacingError('unavailable', 'Fetching from the web is not set up in this shell.');
    const result = await deps.remote.fetchJson(trimmed, { initiator: request.initiator ?? 'local' });
    return {
      location: trimmed,
      finalUrl: result.finalUrl,
      path: null,
      page: asAnnotationPage(result.json, trimmed),
      fromCache: result.fromCache,
      stale: result.stale,
      origin: result.origin,
      file: null,
    };
  }
  const file = await deps.policy.resolve(localPathOf(trimmed, request.documentPath), 'read');
  const snapshot = await readTextFile(file);
  let json: JsonValue;
  try {
    json = JSON.parse(snapshot.text.replace(/^\uFEFF/, '')) as JsonValue;
  } catch {
    throw new UserFacingError('not-json', `The annotation page ${trimmed} is not valid JSON.`);
  }
  return {
    location: trimmed,
    finalUrl: null,
    path: snapshot.path,
    page: asAnnotationPage(json, trimmed),
    fromCache: false,
    stale: false,
    origin: 'local',
    file: { text: snapshot.text, mtimeMs: snapshot.mtimeMs, size: snapshot.size, hash: snapshot.hash },
  };
}

/** A `file:` URL, an absolute path, or a path relative to the document's folder; other schemes are refused. */
function localPathOf(location: string, documentPath: string | undefined): string {
  if (/^file:/i.test(location)) {
    try {
      return fileURLToPath(location);
    } catch {
      throw new UserFacingError('refused', `${location} is not a usable file address.`);
    }
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(location) && !/^[a-z]:[\\/]/i.test(location))
    throw new UserFacingError(
      'refused',
      'Annotation pages are fetched from http(s) addresses or read from files.',
    );
  if (path.isAbsolute(location) || documentPath === undefined) return location;
  return path.resolve(path.dirname(documentPath), location);
}

/** Checks the answer is an AnnotationPage with a list of items, and says what it is otherwise. */
export function asAnnotationPage(json: JsonValue, location: string): JsonObject {
  if (!isJsonObject(json))
    throw new UserFacingError('not-annotation-page', `${location} does not hold an annotation page.`);
  const type =
    typeof json['type'] === 'string'
      ? json['type']
      : typeof json['@type'] === 'string'
        ? json['@type']
        : undefined;
  if (type !== 'AnnotationPage')
    throw new UserFacingError(
      'not-annotation-page',
      `${location} is ${type === undefined ? 'JSON without a type' : `a ${type}`}, not an AnnotationPage.`,
    );
  if (!isJsonArray(json['items']))
    throw new UserFacingError(
      'not-annotation-page',
      `The annotation page ${location} has no list of annotations (items).`,
    );
  return json;
}
