/**
 * The outline of an SvgSelector, read without a DOM (shared/ has none): the first `<polygon points>`,
 * `<polyline points>`, `<rect>` or `<path d>` with straight segments only (M, L, H, V, Z, absolute or relative).
 * That covers what annotation tools write (Annotorious, Mirador, the cookbook). A path with curves, or markup
 * that names no shape, is not an outline we can draw: `undefined`, and the selector is kept as written.
 */
export type Point = readonly [number, number];

const NUMBER = /[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g;

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tag);
  return match ? (match[1] ?? match[2]) : undefined;
}

function numbers(text: string): number[] {
  return (text.match(NUMBER) ?? []).map(Number);
}

function pairs(values: readonly number[]): Point[] | undefined {
  if (values.length < 6 || values.length % 2 !== 0) return undefined;
  const points: Point[] = [];
  for (let i = 0; i < values.length; i += 2) points.push([values[i] as number, values[i + 1] as number]);
  return points;
}

/** Straight-line path data to its vertices; undefined when it curves (C, S, Q, T, A) or is malformed. */
function pathPoints(d: string): Point[] | undefined {
  const tokens = d.match(/[a-zA-Z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g) ?? [];
  const points: Point[] = [];
  let command = '';
  let x = 0;
  let y = 0;
  let i = 0;
  const next = (): number | undefined => {
    const token = tokens[i];
    if (token === undefined || /[a-zA-Z]/.test(token)) return undefined;
    i += 1;
    return Number(token);
  };
  while (i < tokens.length) {
    const token = tokens[i] as string;
    if (/[a-zA-Z]/.test(token)) {
      command = token;
      i += 1;
      if (command === 'z' || command === 'Z') continue;
      if (!/[MmLlHhVv]/.test(command)) return undefined;
    } else if (command === '' || command === 'z' || command === 'Z') return undefined;
    const relative = command === command.toLowerCase();
    const kind = command.toUpperCase();
    if (kind === 'H' || kind === 'V') {
      const value = next();
      if (value === undefined) return undefined;
      if (kind === 'H') x = relative ? x + value : value;
      else y = relative ? y + value : value;
    } else {
      const a = next();
      const b = next();
      if (a === undefined || b === undefined) return undefined;
      x = relative ? x + a : a;
      y = relative ? y + b : b;
      // Later pairs after an M are implicit line-tos (SVG 1.1 §8.3.2).
      if (kind === 'M') command = relative ? 'l' : 'L';
    }
    points.push([x, y]);
  }
  return points.length >= 3 ? points : undefined;
}

/** The vertices of the first shape in `svg`, in the order written. */
export function svgOutline(svg: string): Point[] | undefined {
  const tag = /<(polygon|polyline|path|rect)\b[^>]*>/i.exec(svg);
  if (!tag) return undefined;
  const [markup, name] = tag as unknown as [string, string];
  switch (name.toLowerCase()) {
    case 'polygon':
    case 'polyline': {
      const points = attribute(markup, 'points');
      return points === undefined ? undefined : pairs(numbers(points));
    }
    case 'path': {
      const d = attribute(markup, 'd');
      return d === undefined ? undefined : pathPoints(d);
    }
    default: {
      const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((n) => Number(attribute(markup, n) ?? NaN));
      if (![x, y, w, h].every((v) => Number.isFinite(v))) return undefined;
      const [px, py, pw, ph] = [x, y, w, h] as [number, number, number, number];
      return [
        [px, py],
        [px + pw, py],
        [px + pw, py + ph],
        [px, py + ph],
      ];
    }
  }
}

/**
 * A polygon as an SvgSelector value, the way the Web Annotation model's examples write it. Numbers are written
 * exactly (a shape must read back as it was given); the drawing layer rounds what a pointer produced.
 */
export function polygonSvg(points: readonly Point[]): string {
  const list = points.map(([x, y]) => `${x},${y}`).join(' ');
  return `<svg xmlns="http://www.w3.org/2000/svg"><polygon points="${list}"/></svg>`;
}

/** The smallest box around the points. */
export function boundsOf(points: readonly Point[]): { x: number; y: number; w: number; h: number } {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
}
