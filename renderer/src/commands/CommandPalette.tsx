/**
 * The command palette (Ctrl/Cmd+Shift+P): every command of the table, searchable by words of its label, each
 * with its shortcut. A combobox over a listbox (WAI-ARIA combobox pattern): typing filters, Up/Down move the
 * active option, Enter runs it, Escape closes. The dialog closes before the command runs, so the focus is back
 * where it was (a command that acts on a text field or opens a dialog finds things as the user left them).
 */
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { shortcutText } from '../../../shared/commands/shortcuts';
import { Dialog } from '../components/Dialog';
import type { Command } from './command';
import { commands } from './command-table';
import { closePalette, usePalette } from './palette-store';
import { isEnabled, runCommand } from './run-command';
import './command-palette.css';

/** The commands whose label holds every word of the query, in table order. */
export function paletteMatches(query: string): readonly Command[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return commands.filter((command) => {
    const label = command.label.toLowerCase();
    return words.every((word) => label.includes(word));
  });
}

export function CommandPalette() {
  const open = usePalette((s) => s.open);
  return open ? <PaletteDialog /> : null;
}

function PaletteDialog() {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const matches = paletteMatches(query);
  // Enabled states are read when the palette opens or the query changes: nothing else changes while it is open.
  const enabled = new Set(matches.filter(isEnabled).map((command) => command.id));
  const current = Math.min(active, matches.length - 1);
  const optionId = (index: number) => `${listId}-${index}`;
  const activeId = current >= 0 ? optionId(current) : undefined;
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView?.({ block: 'nearest' });
  }, [activeId]);

  const choose = (command: Command | undefined) => {
    if (!command || !enabled.has(command.id)) return;
    closePalette();
    // After the dialog has gone and given the focus back.
    requestAnimationFrame(() => runCommand(command.id));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (step !== undefined && matches.length > 0) {
      event.preventDefault();
      setActive((current + step + matches.length) % matches.length);
    } else if (event.key === 'Home' && event.ctrlKey) setActive(0);
    else if (event.key === 'End' && event.ctrlKey) setActive(matches.length - 1);
    else if (event.key === 'Enter') {
      event.preventDefault();
      choose(matches[current]);
    }
  };

  return (
    <Dialog title="Commands" onCancel={closePalette} className="command-palette">
      <input
        type="text"
        role="combobox"
        aria-label="Command"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        placeholder="Type a command"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        autoComplete="off"
        spellCheck={false}
      />
      <ul id={listId} role="listbox" aria-label="Commands" className="command-palette-list">
        {matches.map((command, index) => (
          <li
            key={command.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === current}
            aria-disabled={!enabled.has(command.id)}
            data-command={command.id}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(command)}
          >
            <span className="command-label">{command.label}</span>
            {command.keys ? (
              <kbd className="command-keys" aria-keyshortcuts={command.keys}>
                {shortcutText(command.keys)}
              </kbd>
            ) : null}
          </li>
        ))}
      </ul>
      {matches.length === 0 ? <p role="status">No command matches.</p> : null}
    </Dialog>
  );
}
