/**
 * React keys for cells that follow the canvas, not its position: after a reorder React moves the existing
 * cell (and its loaded <img>) instead of re-creating it, so nothing flickers or reloads. Canvases are
 * immutable objects whose identity survives moves, so identity is the key; a serial per object gives a
 * string for it without touching the object.
 */
const serials = new WeakMap<object, number>();
let nextSerial = 1;

export function cellKeyOf(canvas: unknown, index: number): string {
  if (typeof canvas !== 'object' || canvas === null) return `item-${index}`;
  let serial = serials.get(canvas);
  if (serial === undefined) {
    serial = nextSerial++;
    serials.set(canvas, serial);
  }
  return `c${serial}`;
}
