/**
 * The canvas actions as a toolbar: one tab stop, arrow keys move between buttons (WAI-ARIA toolbar pattern),
 * each button names its keyboard shortcut in aria-keyshortcuts and its tooltip. Buttons that have nothing
 * to act on are disabled and skipped.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import { Icon, type IconName } from '../../components/icons';
import { useAppStore } from '../../store/store';
import {
  copySelection,
  cutSelection,
  deleteSelection,
  duplicateSelection,
  moveSelectionBy,
  pasteAfterFocus,
  reverseOrder,
  selectAllCanvases,
  selectNoCanvases,
  sendSelectionToEnd,
  sendSelectionToStart,
  sortByLabel,
} from './canvas-actions';
import { canPaste, useCanvasClipboard } from './canvas-clipboard';
import { openCanvasDialog } from './canvas-dialogs';
import { SHORTCUTS } from './canvas-keys';

type Needs = 'canvases' | 'targets' | 'selection' | 'clipboard';

interface Action {
  readonly key: keyof typeof SHORTCUTS;
  /** The visible text; the accessible name `name` contains it (WCAG 2.5.3, label in name). */
  readonly text: string;
  readonly name: string;
  readonly icon?: IconName;
  readonly needs: Needs;
  readonly run: () => void;
}

const ACTIONS: readonly Action[] = [
  { key: 'select-all', text: 'Select all', name: 'Select all', needs: 'canvases', run: selectAllCanvases },
  { key: 'select-none', text: 'Select none', name: 'Select none', needs: 'selection', run: selectNoCanvases },
  {
    key: 'move-up',
    text: 'Up',
    name: 'Move up',
    icon: 'move-up',
    needs: 'targets',
    run: () => moveSelectionBy(-1),
  },
  {
    key: 'move-down',
    text: 'Down',
    name: 'Move down',
    icon: 'move-down',
    needs: 'targets',
    run: () => moveSelectionBy(1),
  },
  {
    key: 'send-to-start',
    text: 'Start',
    name: 'Send to start',
    icon: 'send-to-start',
    needs: 'targets',
    run: sendSelectionToStart,
  },
  {
    key: 'send-to-end',
    text: 'End',
    name: 'Send to end',
    icon: 'send-to-end',
    needs: 'targets',
    run: sendSelectionToEnd,
  },
  {
    key: 'move-to',
    text: 'Move to…',
    name: 'Move to position…',
    needs: 'targets',
    run: () => openCanvasDialog('move-to'),
  },
  { key: 'cut', text: 'Cut', name: 'Cut', needs: 'targets', run: cutSelection },
  { key: 'copy', text: 'Copy', name: 'Copy', needs: 'targets', run: copySelection },
  {
    key: 'paste',
    text: 'Paste',
    name: 'Paste after focused canvas',
    needs: 'clipboard',
    run: pasteAfterFocus,
  },
  { key: 'duplicate', text: 'Duplicate', name: 'Duplicate', needs: 'targets', run: duplicateSelection },
  { key: 'delete', text: 'Delete', name: 'Delete', needs: 'targets', run: deleteSelection },
  { key: 'reverse', text: 'Reverse', name: 'Reverse order', needs: 'canvases', run: reverseOrder },
  { key: 'sort', text: 'Sort', name: 'Sort by label', needs: 'canvases', run: sortByLabel },
  {
    key: 'relabel',
    text: 'Relabel…',
    name: 'Relabel…',
    needs: 'canvases',
    run: () => openCanvasDialog('relabel'),
  },
];

export function CanvasToolbar({ count }: { count: number }) {
  const hasSelection = useAppStore((s) => s.selected.size > 0);
  const hasFocus = useAppStore((s) => s.focus !== null && s.focus < count);
  const pasteable = useCanvasClipboard(canPaste);
  const [active, setActive] = useState<string>(ACTIONS[0]?.key ?? '');
  const ref = useRef<HTMLDivElement>(null);

  const enabled = (needs: Needs) =>
    needs === 'canvases'
      ? count > 0
      : needs === 'selection'
        ? hasSelection
        : needs === 'clipboard'
          ? pasteable
          : count > 0 && (hasSelection || hasFocus);
  const enabledKeys = ACTIONS.filter((a) => enabled(a.needs)).map((a) => a.key as string);
  const tabStop = enabledKeys.includes(active) ? active : enabledKeys[0];

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
      {ACTIONS.map((action) => (
        <button
          key={action.key}
          type="button"
          tabIndex={action.key === tabStop ? 0 : -1}
          disabled={!enabled(action.needs)}
          aria-label={action.name}
          aria-keyshortcuts={SHORTCUTS[action.key]}
          title={`${action.name} (${SHORTCUTS[action.key].replace('Control', 'Ctrl')})`}
          data-action={action.key}
          onFocus={() => setActive(action.key)}
          onClick={action.run}
        >
          {action.icon ? (
            <>
              <Icon name={action.icon} /> {action.text}
            </>
          ) : (
            action.text
          )}
        </button>
      ))}
    </div>
  );
}
