/**
 * A toolbar button for a command of the table: its label as the accessible name (shorter visible text where
 * the table gives one), its shortcut in aria-keyshortcuts and the tooltip, disabled while the command cannot
 * run, aria-pressed for toggles. Children replace the visible text (a toggle that shows counts).
 */
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { shortcutText } from '../../../shared/commands/shortcuts';
import { Icon } from '../components/icons';
import { commandById, runCommand, useCommandState } from './run-command';

interface Props extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onClick' | 'disabled' | 'children'> {
  id: string;
  children?: ReactNode;
}

export function CommandButton({ id, children, ...rest }: Props) {
  const command = commandById(id);
  if (!command) throw new Error(`No command "${id}" in the command table.`);
  const { enabled, pressed } = useCommandState(command);
  const shortcut = command.keys ? shortcutText(command.keys) : '';
  return (
    <button
      type="button"
      {...rest}
      disabled={!enabled}
      aria-pressed={pressed}
      // Children carry their own visible name (which contains the label); otherwise the label names it.
      aria-label={children ? undefined : command.label}
      aria-keyshortcuts={command.keys}
      title={shortcut ? `${command.label} (${shortcut})` : command.label}
      onClick={() => runCommand(id)}
    >
      {children ?? (
        <>
          {command.icon ? <Icon name={command.icon} /> : null}
          {command.icon ? ' ' : null}
          {command.text ?? command.label}
        </>
      )}
    </button>
  );
}
