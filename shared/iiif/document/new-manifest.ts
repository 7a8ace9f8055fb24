/** A new, empty Presentation 3 manifest: the smallest document that is valid apart from having no canvases yet. */
import type { LanguageMap } from '../language/language-map';
import type { JsonObject } from '../json';

export const PRESENTATION_3_CONTEXT = 'http://iiif.io/api/presentation/3/context.json';

export interface NewManifestOptions {
  /** The label: a plain string (stored under `language`) or a complete language map. */
  readonly label: string | LanguageMap;
  /**
   * Where the project will be published, e.g. "https://example.org/iiif/book1". The manifest's id becomes
   * `${baseUri}/manifest.json`, and new ids are minted under baseUri (see mint-ids: the base is read back from
   * the manifest id, so it is stored in exactly one place, one that travels with the file).
   */
  readonly baseUri: string;
  /** BCP 47 tag for a string label; defaults to "none" (the spec's "no language"). */
  readonly language?: string;
}

/** The label of a new document (manifest or collection): a string goes under its language, else "none". */
export function newDocumentLabel(options: Pick<NewManifestOptions, 'label' | 'language'>): LanguageMap {
  return typeof options.label === 'string'
    ? { [options.language?.trim() || 'none']: [options.label] }
    : options.label;
}

/** The base URI without trailing slashes: ids are `${base}/...`. */
export function trimmedBase(baseUri: string): string {
  return baseUri.trim().replace(/\/+$/, '');
}

export function newManifest(options: NewManifestOptions): JsonObject {
  const base = trimmedBase(options.baseUri);
  const label = newDocumentLabel(options);
  return {
    '@context': PRESENTATION_3_CONTEXT,
    id: `${base}/manifest.json`,
    type: 'Manifest',
    label,
    items: [],
  };
}
