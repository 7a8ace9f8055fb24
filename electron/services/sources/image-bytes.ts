/**
 * What kind of image a byte buffer really is, by its magic numbers. The server's Content-Type is not trusted:
 * an image route that believed it could be made to serve HTML or SVG (script) from Tessera's own origin.
 * Only raster formats a browser shows are recognised; SVG is deliberately not an image here.
 */
const SIGNATURES: readonly { type: string; test: (b: Buffer) => boolean }[] = [
  { type: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    type: 'image/png',
    test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { type: 'image/gif', test: (b) => /^GIF8[79]a$/.test(b.subarray(0, 6).toString('latin1')) },
  {
    type: 'image/webp',
    test: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  {
    type: 'image/avif',
    test: (b) =>
      b.subarray(4, 8).toString('latin1') === 'ftyp' &&
      /^avi[fs]$/.test(b.subarray(8, 12).toString('latin1')),
  },
  { type: 'image/bmp', test: (b) => b[0] === 0x42 && b[1] === 0x4d && b.length > 26 },
];

/** Formats a browser can display, as served to the page. */
export function sniffDisplayableImage(bytes: Buffer): string | null {
  for (const signature of SIGNATURES) if (signature.test(bytes)) return signature.type;
  return null;
}

/** Formats the imaging service can turn into tiles (sharp: JPEG, PNG, TIFF). */
export function sniffTileableImage(bytes: Buffer): 'image/jpeg' | 'image/png' | 'image/tiff' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (sniffDisplayableImage(bytes) === 'image/png') return 'image/png';
  const head = bytes.subarray(0, 4).toString('latin1');
  if (head === 'II*\0' || head === 'MM\0*') return 'image/tiff';
  return null;
}
