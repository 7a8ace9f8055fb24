// The renderer's postcss (vite.config.ts aliases the package here). sanitize-html requires postcss to parse
// style attributes, which it does only with parseStyleAttributes on; shared/iiif/html/sanitize-value.ts turns it
// off (style attributes are dropped, never parsed), so the 55 kB parser need not ship to the renderer.
export function parse() {
  throw new Error(
    'postcss is not bundled in the renderer: sanitize-html must run with parseStyleAttributes: false.',
  );
}
