/**
 * Names in a publication of several Manifests. Each Manifest's folder is named after its file, so a curator
 * recognises it in the output, and made unique in the order given; the collection's label is plain text.
 */
import type { JsonObject } from '../json';

/**
 * "Book of Hours (1).json" → "book-of-hours-1": letters and digits only, as publish() accepts for a folder.
 * Accents are dropped rather than turned into dashes; a name with no letter or digit becomes "manifest".
 */
export function folderNameOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return (
    base
      .replace(/\.json$/i, '')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'manifest'
  );
}

/** One folder per file name, in order; a name already taken gets "-2", "-3", ... */
export function uniqueFolderNames(fileNames: readonly string[]): string[] {
  const taken = new Set<string>();
  return fileNames.map((fileName) => {
    const wanted = folderNameOf(fileName);
    let candidate = wanted;
    for (let n = 2; taken.has(candidate); n++) candidate = `${wanted}-${n}`;
    taken.add(candidate);
    return candidate;
  });
}

/** The collection's label text: what the curator typed; without it, `fallback` (the output folder's name). */
export function collectionLabelText(text: string | undefined, fallback: string): string {
  return text?.trim() || fallback.trim() || 'Collection';
}

/** The same as a language map: plain text says nothing about its language, so it goes under "none". */
export function collectionLabelOf(text: string | undefined, fallback: string): JsonObject {
  return { none: [collectionLabelText(text, fallback)] };
}
