/**
 * The largest image Tessera decodes (issue 20 item 15): 100 megapixels. A 16000×16000 PNG is only a few kB of
 * header and zeros but decodes to about 1 GB of pixels, and sharp (libvips) would try. Every sharp() that
 * decodes a user's or a server's image passes SHARP_INPUT, and the size from the header (sharp's metadata(),
 * which decodes no pixels and would refuse under the limit without saying the size) is checked first, so the
 * user is told which image is too large, and by how much, instead of the machine running out of memory.
 */
import { UserFacingError } from '../../../shared/ipc/result';

export const MAX_INPUT_PIXELS = 100_000_000;

/** sharp's own guard, on every decode: reading pixels past the limit fails inside libvips. */
export const SHARP_INPUT = { limitInputPixels: MAX_INPUT_PIXELS } as const;

/** Refuses an image whose header declares more pixels than Tessera decodes; `name` is its file or address. */
export function checkPixelCount(name: string, width: number | undefined, height: number | undefined): void {
  if (!width || !height || width * height <= MAX_INPUT_PIXELS) return;
  const megapixels = Math.round((width * height) / 1_000_000);
  throw new UserFacingError(
    'image-too-large',
    `"${name}" is ${width} × ${height} pixels (${megapixels} megapixels); Tessera reads images up to ` +
      `${MAX_INPUT_PIXELS / 1_000_000} megapixels. Make a smaller copy of it in an image editor and add that.`,
  );
}
