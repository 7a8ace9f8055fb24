/**
 * Dragging a tab of the tab bar to another place (DocumentTabs.tsx). The drag carries only its own type, with
 * the document's key: no text/plain or text/uri-list, which the member grid would read as an address to add.
 */
export const TAB_DRAG_MIME = 'application/x-tessera-tab';

export function writeTabDrag(data: DataTransfer, key: string): void {
  data.setData(TAB_DRAG_MIME, key);
  data.effectAllowed = 'move';
}

export function isTabDrag(types: readonly string[]): boolean {
  return types.includes(TAB_DRAG_MIME);
}

/** The key of the dragged tab's document, or null for any other drag. */
export function readTabDrag(data: DataTransfer): string | null {
  const key = data.getData(TAB_DRAG_MIME);
  return key === '' ? null : key;
}

/**
 * The gap a tab dropped at `x` over the tab at `index` (whose box is `box`) goes into: before that tab on its
 * leading half, after it on its trailing half. Gaps count places before the move (0..count).
 */
export function gapOfTabDrop(box: { left: number; width: number }, x: number, index: number): number {
  return x < box.left + box.width / 2 ? index : index + 1;
}
