/**
 * The check after publishing: every published JSON document is fetched back from where it is served and
 * parsed, and every URI the publication wrote is looked for in what came back.
 */
import { isJsonArray, isJsonObject, type JsonValue } from '../../../shared/iiif/json';
import type { PublishedFiles } from './last-publication';
import { collectionsOf } from './plan-collections';
import type { PublicationPlan } from './publish';

export interface PublicationCheck {
  /** Where the documents were fetched from (a loopback URL, a clone of the remote). */
  readonly from: string;
  readonly documents: number;
  /** Documents that came back and parse as JSON. */
  readonly parsed: number;
  /** URIs the publication names (Manifests, Canvases, pages, annotations, Ranges, the collection). */
  readonly uris: number;
  /** Of those, the ones found in the documents fetched back. */
  readonly resolved: number;
  /** Documents that did not come back or did not parse. */
  readonly failures: readonly string[];
}

function collectIds(value: JsonValue, into: Set<string>): void {
  if (isJsonArray(value)) for (const item of value) collectIds(item, into);
  else if (isJsonObject(value)) {
    // Presentation 3 says id; a 2.1 publication says @id.
    if (typeof value.id === 'string') into.add(value.id);
    if (typeof value['@id'] === 'string') into.add(value['@id']);
    for (const child of Object.values(value)) collectIds(child, into);
  }
}

export async function checkPublished(
  plan: PublicationPlan,
  files: PublishedFiles,
  from: string,
): Promise<PublicationCheck> {
  const collections = collectionsOf(plan);
  const documents = [...plan.manifests, ...collections];
  const found = new Set<string>();
  const failures: string[] = [];
  let parsed = 0;
  for (const { file } of documents) {
    const text = await files.read(file).catch(() => undefined);
    try {
      collectIds(JSON.parse(text ?? '') as JsonValue, found);
      parsed += 1;
    } catch {
      failures.push(file);
    }
  }
  // The URIs the written documents carry: Presentation 2.1 has no place for some (a canvas's painting
  // annotation pages), and a URI never written cannot be expected back.
  const uris = [
    ...plan.manifests.flatMap((m) => {
      const written = new Set<string>();
      collectIds(JSON.parse(m.text) as JsonValue, written);
      return m.resources.map((r) => r.published).filter((uri) => written.has(uri));
    }),
    ...collections.map((c) => c.url),
  ];
  return {
    from,
    documents: documents.length,
    parsed,
    uris: uris.length,
    resolved: uris.filter((uri) => found.has(uri)).length,
    failures,
  };
}
