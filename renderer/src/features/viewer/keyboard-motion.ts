/**
 * OpenSeadragon 6 moves the view from the keyboard frame by frame: a tap of = or an arrow key keeps zooming or
 * panning for at least ten frames after the key is released ("virtually held"). A fit asked for during those
 * frames would be undone by them (the view ended a few percent off the canvas). So every fit first stops the
 * motion, as OpenSeadragon itself does when the canvas loses focus. The state is internal to OpenSeadragon; this
 * is the one place that knows its shape, and it does nothing if a later version no longer has it.
 */
import type OpenSeadragon from 'openseadragon';

interface KeyboardMotionState {
  _activeActions?: Record<string, boolean>;
  _navActionVirtuallyHeld?: Record<string, boolean>;
}

export function stopKeyboardMotion(viewer: OpenSeadragon.Viewer): void {
  const state = viewer as unknown as KeyboardMotionState;
  for (const actions of [state._activeActions, state._navActionVirtuallyHeld]) {
    if (!actions) continue;
    for (const action of Object.keys(actions)) actions[action] = false;
  }
}
