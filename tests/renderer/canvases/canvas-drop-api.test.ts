import { afterEach, describe, expect, it } from 'vitest';
import {
  CANVAS_DRAG_MIME,
  externalDropHandlerFor,
  readCanvasDrag,
  registerCanvasDropHandler,
  writeCanvasDrag,
} from '../../../renderer/src/features/canvases/canvas-drop-api';

/** jsdom has no DataTransfer: a minimal one, holding strings by type as browsers do. */
function dataTransfer(): DataTransfer {
  const data = new Map<string, string>();
  return {
    effectAllowed: 'none',
    get types() {
      return [...data.keys()];
    },
    setData: (type: string, value: string) => void data.set(type, value),
    getData: (type: string) => data.get(type) ?? '',
  } as unknown as DataTransfer;
}

const unregister: (() => void)[] = [];
afterEach(() => unregister.splice(0).forEach((off) => off()));

describe('the canvas drag payload', () => {
  it('round-trips the document key and indices, and offers the ids as text', () => {
    const transfer = dataTransfer();
    writeCanvasDrag(transfer, { documentKey: 'doc-1', indices: [4, 5] }, [
      'https://e.org/c5',
      'https://e.org/c6',
    ]);
    expect(transfer.types).toContain(CANVAS_DRAG_MIME);
    expect(transfer.effectAllowed).toBe('move');
    expect(readCanvasDrag(transfer)).toEqual({ documentKey: 'doc-1', indices: [4, 5] });
    expect(transfer.getData('text/plain')).toBe('https://e.org/c5\nhttps://e.org/c6');
  });

  it('ignores data that is absent or not ours', () => {
    expect(readCanvasDrag(dataTransfer())).toBeNull();
    const junk = dataTransfer();
    junk.setData(CANVAS_DRAG_MIME, '{"indices": "all"}');
    expect(readCanvasDrag(junk)).toBeNull();
  });
});

describe('drop handlers for drags from outside the grid', () => {
  it('finds the handler that accepts the drag, the latest registered first, until unregistered', () => {
    const images = { accepts: (t: readonly string[]) => t.includes('x-images'), drop: () => undefined };
    const files = { accepts: (t: readonly string[]) => t.includes('Files'), drop: () => undefined };
    const newer = { accepts: (t: readonly string[]) => t.includes('x-images'), drop: () => undefined };
    unregister.push(registerCanvasDropHandler(images), registerCanvasDropHandler(files));
    expect(externalDropHandlerFor(['x-images'])).toBe(images);
    expect(externalDropHandlerFor(['Files'])).toBe(files);
    expect(externalDropHandlerFor(['text/uri-list'])).toBeNull();
    const off = registerCanvasDropHandler(newer);
    expect(externalDropHandlerFor(['x-images'])).toBe(newer);
    off();
    expect(externalDropHandlerFor(['x-images'])).toBe(images);
  });
});
