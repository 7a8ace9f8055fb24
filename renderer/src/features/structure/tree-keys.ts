/**
 * The structure tree's keyboard, as the WAI-ARIA tree pattern describes it, plus moves: what a key press
 * means, as a command. Kept apart from the component so that the mapping is plain data to read and test.
 */
export type TreeCommand =
  | { kind: 'cursor'; to: 'next' | 'previous' | 'first' | 'last' }
  | { kind: 'expand' }
  | { kind: 'collapse' }
  | { kind: 'select' }
  | { kind: 'rename' }
  | { kind: 'remove' }
  | { kind: 'move'; direction: 'up' | 'down' | 'in' | 'out' }
  | { kind: 'type'; char: string };

export interface KeyLike {
  readonly key: string;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
}

const MOVES: Record<string, 'up' | 'down' | 'in' | 'out'> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowRight: 'in',
  ArrowLeft: 'out',
};

export function treeCommandFor(event: KeyLike): TreeCommand | null {
  if (event.ctrlKey || event.metaKey) return null;
  if (event.altKey) {
    const direction = MOVES[event.key];
    return direction ? { kind: 'move', direction } : null;
  }
  switch (event.key) {
    case 'ArrowDown':
      return { kind: 'cursor', to: 'next' };
    case 'ArrowUp':
      return { kind: 'cursor', to: 'previous' };
    case 'Home':
      return { kind: 'cursor', to: 'first' };
    case 'End':
      return { kind: 'cursor', to: 'last' };
    case 'ArrowRight':
      return { kind: 'expand' };
    case 'ArrowLeft':
      return { kind: 'collapse' };
    case ' ':
      return { kind: 'select' };
    case 'Enter':
    case 'F2':
      return { kind: 'rename' };
    case 'Delete':
      return { kind: 'remove' };
    default:
      return event.key.length === 1 ? { kind: 'type', char: event.key } : null;
  }
}

/**
 * Type-ahead: the first row after `from` (wrapping round) whose label starts with `prefix`, ignoring case;
 * when the prefix is one letter typed again, the search starts after the current row.
 */
export function typeAheadMatch(labels: readonly string[], from: number, prefix: string): number | null {
  const wanted = prefix.toLocaleLowerCase();
  const start = wanted.length === 1 ? from + 1 : from;
  for (let k = 0; k < labels.length; k += 1) {
    const i = (start + k) % labels.length;
    if ((labels[i] ?? '').toLocaleLowerCase().startsWith(wanted)) return i;
  }
  return null;
}
