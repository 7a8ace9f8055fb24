/**
 * What the desktop shell adds around the page: native menu commands, files to open (command line, Open Recent),
 * the title bar's unsaved marker and more windows. In the browser these are absent; the app's own shortcuts and toolbar
 * cover the same commands.
 */
import { windowTitle, type MenuEntry } from '../../shared/ipc/shell-events';

interface ShellEvents {
  /** The native menu sends the id of a command of the table (commands/command-table.ts). */
  onMenuCommand(listener: (commandId: string) => void): () => void;
  /** The table's menu entries, which the native menu is built from. */
  setMenuEntries(entries: readonly MenuEntry[]): void;
  onOpenPath(listener: (path: string) => void): () => void;
  setWindowState(state: { name: string; dirty: boolean }): void;
  pathForFile(file: File): Promise<string>;
  rendererReady(): Promise<string[]>;
  /** Another window (File › New Window); with a path, one that opens that file. */
  newWindow(path?: string): void;
}

declare global {
  interface Window {
    tesseraShell?: ShellEvents;
  }
}

export const shell: ShellEvents | null = window.tesseraShell ?? null;

/** While set, main is not told of intermediate states (see holdWindowState). */
let held = false;

export function showWindowState(name: string, dirty: boolean): void {
  document.title = windowTitle(name, dirty);
  if (!held) shell?.setWindowState({ name, dirty });
}

/**
 * Main takes the first report after it asked for a save as that save's outcome (electron/main/unsaved-close.ts):
 * while several documents are saved one after another, the states in between (one saved, the next not yet) must
 * not reach it. The caller reports the final state itself once `hold` is false again.
 */
export function holdWindowState(hold: boolean): void {
  held = hold;
}
