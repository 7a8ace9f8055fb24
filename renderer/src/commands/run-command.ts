/**
 * Runs the commands of the table (command-table.ts) by id, finds the one a key press means, and tells the
 * toolbar whether each is enabled or pressed. Every way in (button, key, menu, palette) goes through
 * runCommand, so a command does the same thing whichever way it was asked for.
 */
import { useSyncExternalStore } from 'react';
import { matchesShortcut, type KeyPress } from '../../../shared/commands/shortcuts';
import type { MenuEntry } from '../../../shared/ipc/shell-events';
import { focusedTextField } from '../features/documents/commands';
import type { Command } from './command';
import { commands, commandStores } from './command-table';

const byId = new Map(commands.map((command) => [command.id, command]));

export function commandById(id: string): Command | undefined {
  return byId.get(id);
}

export function isEnabled(command: Command): boolean {
  return command.enabled?.() ?? true;
}

export function runCommand(id: string): void {
  const command = byId.get(id);
  if (!command) return;
  const field = command.inTextField ? focusedTextField() : null;
  if (field && command.inTextField) return command.inTextField(field);
  if (isEnabled(command)) command.run();
}

/**
 * The command a key press means where it was pressed: in the canvas grid ('grid'), or anywhere in the window.
 * In the desktop app, the keys of commands in the native menu are its accelerators, so the window leaves them
 * to the menu (which sends the command back) and one press never runs a command twice.
 */
export function commandForKey(press: KeyPress, where: 'window' | 'grid', desktop = false): Command | null {
  for (const command of commands) {
    if (!command.keys) continue;
    const here = where === 'grid' ? command.keysIn === 'grid' : command.keysIn === undefined;
    if (!here || (where === 'window' && desktop && command.menu)) continue;
    if (matchesShortcut(command.keys, press)) return command;
  }
  return null;
}

/** The native menu's items, for the desktop shell to build its menu from. */
export function menuEntries(): MenuEntry[] {
  return commands.flatMap((command) =>
    command.menu
      ? [
          {
            id: command.id,
            label: command.label,
            menu: command.menu,
            ...(command.keys ? { keys: command.keys } : {}),
            ...(command.keysIn === 'grid' ? { pageKeys: true } : {}),
          },
        ]
      : [],
  );
}

function subscribe(listener: () => void): () => void {
  const unsubscribes = commandStores.map((store) => store.subscribe(listener));
  return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
}

/** Whether a command is enabled and (for toggles) pressed, following the stores it reads. */
export function useCommandState(command: Command): { enabled: boolean; pressed: boolean | undefined } {
  const key = useSyncExternalStore(subscribe, () => `${isEnabled(command)}|${command.pressed?.() ?? ''}`);
  const [enabled, pressed] = key.split('|');
  return { enabled: enabled === 'true', pressed: pressed === '' ? undefined : pressed === 'true' };
}

/** Which of these commands are enabled now, following the stores (a toolbar's roving tab stop needs them). */
export function useEnabledIds(ids: readonly string[]): readonly string[] {
  const key = useSyncExternalStore(subscribe, () =>
    ids
      .filter((id) => {
        const command = byId.get(id);
        return command !== undefined && isEnabled(command);
      })
      .join(' '),
  );
  return key === '' ? [] : key.split(' ');
}
