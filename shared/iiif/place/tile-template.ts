/**
 * A tile address the user may give for a richer base map when online, in the usual XYZ form
 * (`https://tiles.example.org/{z}/{x}/{y}.png`). Typed text, so it is checked here with clear messages: http(s)
 * only, all three placeholders, nothing else in braces (no `{s}` host rotation: one host, one per-host limit).
 */

export type TileTemplateCheck = { readonly template: string } | { readonly error: string };

export function checkTileTemplate(text: string): TileTemplateCheck {
  const template = text.trim();
  if (template === '') return { error: 'Type a tile address, or leave it empty for the built-in world map.' };
  // shared/ has no URL class (no DOM, no Node): a scheme and a host name are what a tile server needs.
  const address = /^([a-z][a-z0-9+.-]*):\/\/([^/?#\s]+)[^\s]*$/i.exec(template);
  if (!address) return { error: `“${template}” is not a web address.` };
  const scheme = (address[1] ?? '').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https')
    return { error: 'A tile address starts with https:// (or http://).' };
  const missing = ['{z}', '{x}', '{y}'].filter((p) => !template.includes(p));
  if (missing.length > 0)
    return { error: `A tile address needs ${missing.join(', ')}: such as https://host/{z}/{x}/{y}.png.` };
  const other = /\{(?![xyz]\})[^}]*\}/.exec(template);
  if (other) return { error: `${other[0]} is not supported: use {z}, {x} and {y} only, and one host name.` };
  return { template };
}

/** The address of one tile. */
export function tileAddress(template: string, z: number, x: number, y: number): string {
  return template.replace(/\{z\}/g, String(z)).replace(/\{x\}/g, String(x)).replace(/\{y\}/g, String(y));
}
