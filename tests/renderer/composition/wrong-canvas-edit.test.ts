/**
 * Issue 12 item 1: a manifest whose `items` holds something that is not a canvas before the focused canvas.
 * The grid numbers cells by their place in `items`, so clicking c1's cell focuses index 1; the editor must
 * show c1 and its edits must change c1 only. Before the fix the editor was handed the second *object* (c2)
 * while edits wrote to `['items', 1]` (c1): one canvas shown, another edited.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEXT_FORMAT } from '../../../shared/iiif/document/text-format';
import { paintedItems } from '../../../shared/iiif/document/painted-items';
import type { JsonObject, JsonValue } from '../../../shared/iiif/json';
import { canvasAt } from '../../../shared/iiif/canvases';
import { compositionActions } from '../../../renderer/src/features/composition/composition-actions';
import { useAppStore } from '../../../renderer/src/store/store';

const BASE = 'https://e.org/iiif/wrong';

function canvas(n: number): JsonObject {
  const id = `${BASE}/canvas/${n}`;
  return {
    id,
    type: 'Canvas',
    label: { en: [`c${n}`] },
    width: 1000,
    height: 1000,
    items: [
      {
        id: `${id}/page`,
        type: 'AnnotationPage',
        items: [
          {
            id: `${id}/anno`,
            type: 'Annotation',
            motivation: 'painting',
            body: { id: `https://img.org/${n}.jpg`, type: 'Image', format: 'image/jpeg' },
            target: `${id}#xywh=0,0,1000,1000`,
          },
        ],
      },
    ],
  };
}

/** What the app hands the canvas editor for the focused cell (App.tsx). */
function editorProps(doc: JsonObject, focus: number): { canvas: JsonObject | null; canvasIndex: number } {
  return { canvas: canvasAt(doc, focus), canvasIndex: focus };
}

describe.each<[string, JsonValue]>([
  ['a string', 'not a canvas'],
  ['null', null],
])('a manifest with %s before the canvases', (_, junk) => {
  it('shows and edits the same canvas', () => {
    const c1 = canvas(1);
    const c2 = canvas(2);
    const doc: JsonObject = {
      id: `${BASE}/manifest`,
      type: 'Manifest',
      label: { en: ['m'] },
      items: [junk, c1, c2],
    };
    const store = useAppStore.getState();
    store.loadDocument({ doc, format: DEFAULT_TEXT_FORMAT, file: null });
    // The grid's cell for c1 is the second cell: a click there focuses index 1.
    useAppStore.getState().selectOnly(1);
    const focus = useAppStore.getState().focus ?? -1;

    const { canvas: shown, canvasIndex } = editorProps(doc, focus);
    // The editor's move of the (only) image, as CanvasEditor builds its actions from the canvas it shows.
    const items = shown ? paintedItems(shown) : [];
    const actions = compositionActions({
      canvasIndex,
      size: { width: 1000, height: 1000 },
      items,
      selected: items[0] ?? null,
      desc: null,
      region: null,
      rotation: 0,
      mirror: false,
      preferred: 'selector',
      nudgeSession: 0,
      doc: null,
      select: () => {},
      stopCropping: () => {},
    });
    const item = items[0];
    expect(item).toBeDefined();
    if (item) actions.moveTo(item, { x: 100, y: 100, width: 500, height: 500 }, 'Move image');

    const after = useAppStore.getState().doc?.['items'] as JsonValue[];
    expect(after[0]).toEqual(junk);
    const edited = after[1] as JsonObject;
    expect(edited['id']).toBe(c1['id']);
    expect(JSON.stringify(edited)).toContain(`${BASE}/canvas/1#xywh=100,100,500,500`);
    expect(after[2]).toBe(c2);
    expect(shown).toBe(c1);
  });
});
