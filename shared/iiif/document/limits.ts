/**
 * The largest document Tessera opens: 64 MiB. A 10k-canvas manifest is about 13 MB and the largest real ones we
 * know of are far smaller; beyond this size parsing, indexing and undo snapshots stop feeling instant, and a file
 * this big is more likely a mistake (a data dump, a binary) than a manifest. The same number bounds both the bytes
 * of a file (decodeDocumentBytes) and the UTF-16 length of a text (readDocument).
 */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

export function describeSize(size: number): string {
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}
