/**
 * Opening another manifest or collection as a source to take canvases from: from the web (through the remote
 * service: per-host limits, disk cache, offline copy) or from a file the path policy lets us read. Presentation 2
 * is upgraded on the way (readDocument), so the renderer always browses Presentation 3. Opening a source is not
 * opening a document: it does not touch the recent files list.
 */
import { readDocument } from '../../../shared/iiif/document/read';
import type { JsonObject } from '../../../shared/iiif/json';
import { UserFacingError } from '../../../shared/ipc/result';
import type { PathPolicy } from '../files/path-policy';
import { readTextFile } from '../files/text-files';
import type { Initiator } from '../remote/address-policy';
import type { RemoteService } from '../remote/remote-service';

export interface OpenedSource {
  /** What was asked for: a URL or a path. */
  readonly location: string;
  /** The URL after redirects, or null for a file. */
  readonly finalUrl: string | null;
  readonly kind: 'Manifest' | 'Collection';
  readonly doc: JsonObject;
  readonly sourceVersion: 2 | 3;
  readonly notices: string[];
  readonly fromCache: boolean;
  /** Served from the offline cache because the server could not be reached. */
  readonly stale: boolean;
  /** 'public' when it came from the internet: what it references is then fetched under address-policy.ts. */
  readonly origin: Initiator;
}

export async function openSource(
  deps: { remote: RemoteService; policy: PathPolicy },
  location: string,
  /** 'public' when a document from the internet named this address (a collection's member). */
  initiator: Initiator = 'local',
): Promise<OpenedSource> {
  const trimmed = location.trim();
  if (/^https?:\/\//i.test(trimmed)) {
    const result = await deps.remote.fetchJson(trimmed, { initiator });
    return read(result.text, {
      location: trimmed,
      finalUrl: result.finalUrl,
      fromCache: result.fromCache,
      stale: result.stale,
      origin: result.origin,
    });
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^[a-z]:[\\/]/i.test(trimmed)) {
    throw new UserFacingError('refused', 'Sources are opened from http(s) addresses or files.');
  }
  const file = await readTextFile(await deps.policy.resolve(trimmed, 'read'));
  return read(file.text, {
    location: file.path,
    finalUrl: null,
    fromCache: false,
    stale: false,
    origin: 'local',
  });
}

/** Presentation 2 sources keep their licence: readDocument carries it to `rights` (document/carry-license). */
function read(
  text: string,
  meta: Pick<OpenedSource, 'location' | 'finalUrl' | 'fromCache' | 'stale' | 'origin'>,
): OpenedSource {
  const result = readDocument(text);
  if (!result.ok) throw new UserFacingError(result.error.code, result.error.message);
  const doc = result.doc;
  return {
    ...meta,
    kind: result.kind,
    doc,
    sourceVersion: result.sourceVersion,
    notices: result.notices.map((n) => n.message),
  };
}

/** A document's text from the web, unread: File › Open URL reads it in the renderer as it reads files. */
export async function fetchDocumentText(
  remote: RemoteService,
  location: string,
  /** 'public' when a document from the internet named this address (a collection's member). */
  initiator: Initiator = 'local',
) {
  const trimmed = location.trim();
  if (!/^https?:\/\//i.test(trimmed))
    throw new UserFacingError('refused', 'Give an http:// or https:// address.');
  const result = await remote.fetchJson(trimmed, { initiator });
  return {
    location: trimmed,
    finalUrl: result.finalUrl,
    text: result.text,
    fromCache: result.fromCache,
    stale: result.stale,
    origin: result.origin,
  };
}
