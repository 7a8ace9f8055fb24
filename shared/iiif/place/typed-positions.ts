/**
 * Positions typed as text, the keyboard's way to place a point, a line or a polygon: one position per line or
 * separated by ";", each "longitude latitude" or "longitude, latitude". Untrusted text: every refusal says which
 * position is wrong and why.
 */
import type { Position } from './geometry';
import { positionProblem } from './geometry';

export type TypedPositions = { readonly positions: readonly Position[] } | { readonly error: string };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

export function parsePositions(text: string): TypedPositions {
  const parts = text
    .split(/[;\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length === 0) return { error: 'Type at least one position: longitude, latitude.' };
  const positions: Position[] = [];
  for (const [index, part] of parts.entries()) {
    const numbers = part.split(/\s*,\s*|\s+/).filter((n) => n !== '');
    const where = `Position ${index + 1} (“${part}”)`;
    if (numbers.length !== 2)
      return { error: `${where}: expected two numbers, longitude then latitude, such as “2.35, 48.85”.` };
    const bad = numbers.find((n) => !NUMBER.test(n));
    if (bad !== undefined)
      return { error: `${where}: “${bad}” is not a number (use a point as decimal mark).` };
    const position: Position = [Number(numbers[0]), Number(numbers[1])];
    const problem = positionProblem(position);
    if (problem !== null) return { error: `${where}: ${problem}.` };
    positions.push(position);
  }
  return { positions };
}

/** The text `parsePositions` reads back to the same positions: one "lon, lat" per line. */
export function formatPositions(positions: readonly Position[]): string {
  return positions.map(([lon, lat]) => `${lon}, ${lat}`).join('\n');
}
