/** What a command is: one entry of the command table (command-table.ts), which says why each field is there. */
import type { MenuName } from '../../../shared/ipc/shell-events';
import type { IconName } from '../components/icons';

export interface Command {
  /** Kebab-case, unique: what the native menu sends back and what code refers to the command by. */
  readonly id: string;
  /** The one name: menu item, palette option, and the accessible name of its toolbar buttons. */
  readonly label: string;
  /** Shorter visible text for a toolbar button; `label` must contain it (WCAG 2.5.3, label in name). */
  readonly text?: string;
  readonly icon?: IconName;
  /** aria-keyshortcuts syntax, alternatives separated by spaces; "Control" is Ctrl, or Cmd on macOS. */
  readonly keys?: string;
  /**
   * Where the keys work. Unset: anywhere in the window. 'grid': while the canvas grid has the focus (Escape,
   * Delete and the arrows mean other things elsewhere). 'menu': only as the desktop menu's accelerator, the
   * browser keeping its own meaning for them (Ctrl+W closes the tab, Ctrl+= zooms the page).
   */
  readonly keysIn?: 'grid' | 'menu';
  /** The desktop's native menu that lists it, if any. */
  readonly menu?: MenuName;
  /** Whether it can run now (read from the stores; disabled buttons, greyed palette options). Default: yes. */
  readonly enabled?: () => boolean;
  /** For toggles: whether it is on now (aria-pressed). */
  readonly pressed?: () => boolean;
  /** What it does instead while a text field has the focus (Undo undoes the typing), whatever `enabled` says. */
  readonly inTextField?: (field: HTMLElement) => void;
  readonly run: () => void;
}
