/**
 * The Edit menu's Cut, Copy and Paste for the canvas grid. In Electron they are native roles (so that they keep
 * working in every text field), and a role reaches the page as a clipboard event, not as a key press. Chromium
 * fires that event at the element holding the text selection, or at the document element when there is none,
 * which is the usual case in the grid (nothing in it is text to select), so a listener on the grid itself would
 * miss it. Hence one listener on the document that takes the event only while the grid has the keyboard focus:
 * with the focus in a text field the event is left alone and the field copies, cuts and pastes text natively.
 *
 * Keyboard Ctrl+X/C/V in the grid never get here: the grid's key handler runs them and cancels the key press,
 * which also stops the menu accelerator, so one gesture never acts twice.
 */
import { useEffect, type RefObject } from 'react';
import { copySelection, cutSelection, pasteAfterFocus } from './canvas-actions';

const ACTIONS = { cut: cutSelection, copy: copySelection, paste: pasteAfterFocus } as const;
const EVENT_TYPES = Object.keys(ACTIONS) as (keyof typeof ACTIONS)[];

export function useGridClipboardEvents(gridRef: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const onClipboardEvent = (event: Event) => {
      const grid = gridRef.current;
      const active = document.activeElement;
      if (event.defaultPrevented || !grid || !active || !grid.contains(active)) return;
      // Cancelled so that the browser neither copies the page's text nor pastes the system clipboard here.
      event.preventDefault();
      ACTIONS[event.type as keyof typeof ACTIONS]();
    };
    for (const type of EVENT_TYPES) document.addEventListener(type, onClipboardEvent);
    return () => {
      for (const type of EVENT_TYPES) document.removeEventListener(type, onClipboardEvent);
    };
  }, [gridRef]);
}
