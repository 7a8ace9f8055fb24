/**
 * The canvas commands as a toolbar: one tab stop, arrow keys move between buttons (WAI-ARIA toolbar pattern).
 * The buttons are the command table's (commands/command-table.ts): names, shortcuts (aria-keyshortcuts and
 * the tooltip) and enabled states come from there. Disabled buttons are skipped.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import { CommandButton } from '../../commands/CommandButton';
import { useEnabledIds } from '../../commands/run-command';
import './canvases.css';

/** The commands on the toolbar, in order. */
export const CANVAS_TOOLBAR = [
  'select-all',
  'select-none',
  'move-up',
  'move-down',
  'send-to-start',
  'send-to-end',
  'move-to',
  'cut',
  'copy',
  'paste',
  'duplicate',
  'delete',
  'reverse',
  'sort',
  'relabel',
] as const;

export function CanvasToolbar() {
  const [active, setActive] = useState<string>(CANVAS_TOOLBAR[0]);
  const ref = useRef<HTMLDivElement>(null);
  // One tab stop: the last focused button while it is enabled, else the first enabled one.
  const enabled = useEnabledIds(CANVAS_TOOLBAR);
  const tabStop = enabled.includes(active) ? active : enabled[0];

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = {
      ArrowRight: at + 1,
      ArrowDown: at + 1,
      ArrowLeft: at - 1,
      ArrowUp: at - 1,
      Home: 0,
      End: buttons.length - 1,
    }[event.key];
    if (next === undefined || buttons.length === 0) return;
    event.preventDefault();
    buttons[(next + buttons.length) % buttons.length]?.focus();
  };

  return (
    <div
      ref={ref}
      className="canvas-toolbar"
      role="toolbar"
      aria-label="Canvas actions"
      aria-controls="canvas-listbox"
      onKeyDown={onKeyDown}
    >
      {CANVAS_TOOLBAR.map((id) => (
        <CommandButton
          key={id}
          id={id}
          data-action={id}
          tabIndex={id === tabStop ? 0 : -1}
          onFocus={() => setActive(id)}
        />
      ))}
    </div>
  );
}
