/**
 * The app's open windows (issue 17: several documents, and in the desktop app several windows). Each has an
 * owner token for its recovery records, a flag saying whether its page listens yet, and what the caller keeps
 * with it (its close guard, its handlers). No 'electron' import: it works on the two window events Electron
 * documents (BrowserWindow 'focus': "Emitted when the window gains focus"; 'closed': "Emitted when the window is
 * closed. After you have received this event you should remove the reference to the window"), so the unit
 * tests drive it with plain emitters and the harness with the real bundle.
 *
 * Why remember the order of focus instead of asking BrowserWindow.getFocusedWindow(): files opened from the
 * OS (a second instance, Finder's open-file) arrive while another application has the focus, when Electron's
 * answer is null; they belong in the window the user worked in last.
 */
import { randomUUID } from 'node:crypto';

export interface TrackedWindow {
  on(event: 'focus' | 'closed', listener: () => void): unknown;
  readonly webContents: unknown;
}

export interface WindowEntry<W extends TrackedWindow, T> {
  readonly window: W;
  /** Random per window and per run: never the token of a window of an earlier run (window-records.ts). */
  readonly owner: string;
  /** Set once the page listens for files to open (RENDERER_READY_CHANNEL). */
  ready: boolean;
  readonly data: T;
}

export interface WindowRegistry<W extends TrackedWindow, T> {
  /** Registers a new window; it counts as the most recently focused (a window is focused when shown). */
  add(window: W, data: (owner: string) => T): WindowEntry<W, T>;
  /** The window whose page sent an IPC message (event.sender), or null for a page that is not one of ours. */
  fromSender(sender: unknown): WindowEntry<W, T> | null;
  /** The window the user worked in last, or null when none is open. */
  lastFocused(): WindowEntry<W, T> | null;
  /** The last focused window whose page listens for files, or null when none does yet. */
  lastFocusedReady(): WindowEntry<W, T> | null;
  isOpen(owner: string): boolean;
  all(): readonly WindowEntry<W, T>[];
  /** Calls `listener` after a window closed and left the registry. */
  onClosed(listener: (entry: WindowEntry<W, T>) => void): void;
}

export function createWindowRegistry<W extends TrackedWindow, T>(): WindowRegistry<W, T> {
  /** Most recently focused first. */
  let entries: WindowEntry<W, T>[] = [];
  const closedListeners: ((entry: WindowEntry<W, T>) => void)[] = [];
  return {
    add(window, data) {
      const owner = randomUUID();
      const entry: WindowEntry<W, T> = { window, owner, ready: false, data: data(owner) };
      entries = [entry, ...entries];
      window.on('focus', () => {
        if (!entries.includes(entry)) return;
        entries = [entry, ...entries.filter((e) => e !== entry)];
      });
      window.on('closed', () => {
        if (!entries.includes(entry)) return;
        entries = entries.filter((e) => e !== entry);
        for (const listener of closedListeners) listener(entry);
      });
      return entry;
    },
    fromSender(sender) {
      return entries.find((e) => e.window.webContents === sender) ?? null;
    },
    lastFocused: () => entries[0] ?? null,
    lastFocusedReady: () => entries.find((e) => e.ready) ?? null,
    isOpen: (owner) => entries.some((e) => e.owner === owner),
    all: () => entries,
    onClosed(listener) {
      closedListeners.push(listener);
    },
  };
}
