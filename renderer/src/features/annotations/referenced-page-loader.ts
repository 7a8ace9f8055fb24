/**
 * Loads referenced annotation pages on demand through the fetchAnnotationPage channel (main side: offline cache
 * for remote pages, the path policy for local ones), once per address this session: switching back to a canvas
 * shows what was loaded without asking again (a page that failed is asked again, and every page once the
 * document is reopened). The results live here, never in the document.
 */
import { useEffect, useState } from 'react';
import type { JsonObject, JsonValue } from '../../../../shared/iiif/json';
import { api } from '../../api';

export type PageLoad =
  | { readonly state: 'loading' }
  | {
      readonly state: 'loaded';
      readonly page: JsonObject;
      /** The page's own file when local (editable there); null when remote (read-only). */
      readonly path: string | null;
      /** The host a remote page came from. */
      readonly host: string | null;
      readonly fromCache: boolean;
      readonly stale: boolean;
      /** A local page's file as read (text and stamp), for saving its edits back; null when remote. */
      readonly file: { text: string; mtimeMs: number; size: number; hash: string } | null;
    }
  | { readonly state: 'failed'; readonly code: string; readonly message: string };

export interface PageRequest {
  readonly location: string;
  readonly documentPath?: string;
  readonly initiator: 'local' | 'public';
  /** The open document's session: reopening asks again, so a page edited on disk meanwhile is read anew. */
  readonly documentKey: string;
}

const loads = new Map<string, PageLoad>();
const listeners = new Set<() => void>();
/** Loads belong to one open document: another one's are dropped, so reopening does not grow the map. */
let loadsOf: string | null = null;

function keyOf(request: PageRequest): string {
  return JSON.stringify([
    request.location,
    request.documentPath ?? null,
    request.initiator,
    request.documentKey,
  ]);
}

function hostOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

async function load(request: PageRequest, key: string): Promise<void> {
  loads.set(key, { state: 'loading' });
  const result = await api.fetchAnnotationPage({
    location: request.location,
    initiator: request.initiator,
    ...(request.documentPath ? { documentPath: request.documentPath } : {}),
  });
  loads.set(
    key,
    result.ok
      ? {
          state: 'loaded',
          page: result.value.page as JsonObject,
          path: result.value.path,
          host: hostOf(result.value.finalUrl),
          fromCache: result.value.fromCache,
          stale: result.value.stale,
          file: result.value.file ?? null,
        }
      : { state: 'failed', code: result.error.code, message: result.error.message },
  );
  unreachable = failedLocations();
  listeners.forEach((listener) => listener());
}

/** The addresses whose last load failed, with the reason: validation reports them (rules/referenced-pages). */
function failedLocations(): ReadonlyMap<string, string> {
  const failed = new Map<string, string>();
  for (const [key, value] of loads) {
    if (value.state !== 'failed') continue;
    const [location] = JSON.parse(key) as [string];
    failed.set(location, value.message);
  }
  // The same map while nothing failed anew, so validation is not run again for nothing.
  const same = failed.size === unreachable.size && [...failed].every(([k, v]) => unreachable.get(k) === v);
  return same ? unreachable : failed;
}

let unreachable: ReadonlyMap<string, string> = new Map();

/** The referenced pages that could not be fetched this session, by address; re-renders when that changes. */
export function useUnreachablePages(): ReadonlyMap<string, string> {
  const [, setTick] = useState(0);
  useEffect(() => {
    const listener = () => setTick((t) => t + 1);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  return unreachable;
}

/** Forgets every load (tests start from nothing). */
export function forgetPageLoads(): void {
  loads.clear();
  unreachable = new Map();
  listeners.forEach((listener) => listener());
}

/** Starts the loads not yet asked for (or failed), after dropping another document's. */
function startLoads(requests: readonly PageRequest[], keys: readonly string[]): void {
  const documentKey = requests[0]?.documentKey;
  if (documentKey !== undefined && documentKey !== loadsOf) {
    loads.clear();
    unreachable = new Map();
    loadsOf = documentKey;
  }
  requests.forEach((request, i) => {
    const key = keys[i] as string;
    // A page that failed is asked again when it comes back into view: the server may be back.
    if (!loads.has(key) || loads.get(key)?.state === 'failed') void load(request, key);
  });
}

/** The loads of `requests`, starting those not yet asked for; re-renders as they finish. */
export function usePageLoads(requests: readonly PageRequest[]): PageLoad[] {
  const [, setTick] = useState(0);
  useEffect(() => {
    const listener = () => setTick((t) => t + 1);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  const keys = requests.map(keyOf);
  useEffect(() => {
    startLoads(requests, keys);
    // keys is the identity of the requests
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [keys.join('\n')]);
  return keys.map((key) => loads.get(key) ?? { state: 'loading' });
}

/**
 * A page at an address the person typed (the annotation panel's import), fetched by the main side (size limits,
 * the private-network policy, the offline cache) as a source is: their own request, so a server on this machine
 * may answer it.
 */
export async function fetchTypedPage(
  location: string,
): Promise<{ ok: true; page: JsonValue } | { ok: false; message: string }> {
  const result = await api.fetchAnnotationPage({ location, initiator: 'local' });
  return result.ok
    ? { ok: true, page: result.value.page as JsonValue }
    : { ok: false, message: `${location}: ${result.error.message}` };
}
