/**
 * The canvas grid's own keys, as data: moving the cursor and toggling the selection. A key press becomes a
 * navigation, or null when it is a command of the table (commands/command-table.ts: Alt+arrows move canvases,
 * Ctrl+X cuts, Escape cancels a cut or clears the selection, …) or not the grid's at all (Tab, typing).
 *
 *   Arrows, Home, End, PageUp/Down   move the cursor and select that canvas (Shift extends, Ctrl keeps the selection)
 *   Space (or Ctrl+Space)            toggle the focused canvas in the selection
 *
 * Ctrl+Shift+PageUp/PageDown are not the grid's: they move the document's tab (command table), from anywhere.
 */
import type { KeyPress } from '../../../../shared/commands/shortcuts';

export type FocusStep = 'previous' | 'next' | 'up' | 'down' | 'page-up' | 'page-down' | 'first' | 'last';

export type GridNavigation =
  { kind: 'focus'; step: FocusStep; extend: boolean; keepSelection: boolean } | { kind: 'toggle-focused' };

const FOCUS_KEYS: Readonly<Record<string, FocusStep>> = {
  ArrowLeft: 'previous',
  ArrowRight: 'next',
  ArrowUp: 'up',
  ArrowDown: 'down',
  PageUp: 'page-up',
  PageDown: 'page-down',
  Home: 'first',
  End: 'last',
};

export function navigationFor(press: KeyPress): GridNavigation | null {
  if (press.altKey) return null;
  const mod = press.ctrlKey || press.metaKey;
  const step = FOCUS_KEYS[press.key];
  if (mod && press.shiftKey && (press.key === 'PageUp' || press.key === 'PageDown')) return null;
  if (step) return { kind: 'focus', step, extend: press.shiftKey, keepSelection: mod && !press.shiftKey };
  if (press.key === ' ' && !press.shiftKey) return { kind: 'toggle-focused' };
  return null;
}
