/**
 * Scrolling the grid while a drag hovers near its top or bottom edge, so a canvas can travel from 9,000 to 10
 * in one drag. The speed grows with how deep into the edge zone the pointer is and with how long it has been
 * held there (from a few pixels a frame to many screens a second), so a short hover nudges and a long one
 * crosses thousands of rows.
 *
 * Runs on requestAnimationFrame, not on dragover, because browsers stop sending dragover while the pointer
 * rests; `onScroll` lets the grid recompute the gap under the (still) pointer as the content moves under it.
 */

/** Height of the zone at each edge where scrolling starts, at most a quarter of the viewport. */
const EDGE_ZONE = 56;
const MIN_SPEED = 4;
const MAX_BASE_SPEED = 36;
/** The base speed is multiplied by up to this factor after about three seconds at the edge. */
const MAX_ACCELERATION = 60;

/** Pixels to scroll this frame: negative up, positive down, 0 outside the edge zones. */
export function autoScrollStep(pointerY: number, top: number, height: number, heldMs: number): number {
  const zone = Math.min(EDGE_ZONE, height / 4);
  const fromTop = pointerY - top;
  const fromBottom = top + height - pointerY;
  let depth = 0;
  let direction = 0;
  if (fromTop < zone) {
    depth = (zone - Math.max(0, fromTop)) / zone;
    direction = -1;
  } else if (fromBottom < zone) {
    depth = (zone - Math.max(0, fromBottom)) / zone;
    direction = 1;
  }
  if (direction === 0) return 0;
  const seconds = heldMs / 1000;
  const acceleration = Math.min(MAX_ACCELERATION, 1 + seconds * seconds * 7);
  return direction * Math.round((MIN_SPEED + (MAX_BASE_SPEED - MIN_SPEED) * depth * depth) * acceleration);
}

export interface AutoScroller {
  /** The pointer is at `clientY` (from dragover). */
  update(clientY: number): void;
  stop(): void;
}

export function createAutoScroller(element: HTMLElement, onScroll: () => void): AutoScroller {
  let pointerY: number | null = null;
  let frame = 0;
  let heldSince: number | null = null;

  const tick = (now: number) => {
    frame = 0;
    if (pointerY === null) return;
    const box = element.getBoundingClientRect();
    const step = autoScrollStep(pointerY, box.top, box.height, heldSince === null ? 0 : now - heldSince);
    if (step === 0) {
      heldSince = null;
      return;
    }
    heldSince ??= now;
    const before = element.scrollTop;
    element.scrollTop = before + step;
    if (element.scrollTop !== before) onScroll();
    frame = requestAnimationFrame(tick);
  };

  return {
    update(clientY) {
      pointerY = clientY;
      if (frame === 0) frame = requestAnimationFrame(tick);
    },
    stop() {
      pointerY = null;
      heldSince = null;
      if (frame !== 0) cancelAnimationFrame(frame);
      frame = 0;
    },
  };
}
