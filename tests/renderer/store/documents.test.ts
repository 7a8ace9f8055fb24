/**
 * Several open documents (issue 17) against the real store: tabs keep their own document, history, unsaved
 * state and selection; canvases carried between documents are one undo step in each.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { readDocument } from '../../../shared/iiif/document/read';
import { createTextBase } from '../../../shared/iiif/document/text-patch';
import { writeDocument } from '../../../shared/iiif/document/write';
import type { JsonObject } from '../../../shared/iiif/json';
import {
  copySelection,
  cutSelection,
  pasteAfterFocus,
} from '../../../renderer/src/features/canvases/canvas-actions';
import { carryCanvases } from '../../../renderer/src/features/documents/canvas-transfer';
import { closeTab } from '../../../renderer/src/features/documents/document-service';
import { prepareNewTab, windowState } from '../../../renderer/src/features/documents/document-tabs';
import { isDirty } from '../../../renderer/src/store/document-slice';
import { allDocuments, documentByKey } from '../../../renderer/src/store/documents-slice';
import { useAppStore } from '../../../renderer/src/store/store';

const format = { indent: '  ', newline: '\n', finalNewline: true, bom: false } as const;
const store = useAppStore;

function manifest(name: string, count: number): JsonObject {
  return {
    id: `https://example.org/${name}/manifest.json`,
    type: 'Manifest',
    label: { en: [name] },
    items: Array.from({ length: count }, (_, i) => ({
      id: `https://example.org/${name}/canvas/${i + 1}`,
      type: 'Canvas',
      label: { none: [`${name} ${i + 1}`] },
    })),
  };
}

/** Opens `name` in a new tab, as Open… does, and returns its key. */
function open(name: string, count: number): string {
  prepareNewTab();
  store.getState().loadDocument({
    doc: manifest(name, count),
    format,
    file: { path: `/w/${name}.json`, name: `${name}.json`, mtimeMs: 1 },
  });
  return store.getState().documentKey;
}

/** The active document with a new manifest label: an edit. */
const relabel = (label: JsonObject): JsonObject => ({ ...(store.getState().doc as JsonObject), label });

const labels = (doc: JsonObject | null | undefined) =>
  ((doc?.['items'] as JsonObject[] | undefined) ?? []).map((c) => (c['label'] as { none: string[] }).none[0]);

beforeEach(() => {
  // Close everything the previous test left open.
  while (store.getState().doc !== null) store.getState().closeDocument();
  store.getState().markSample(null);
});

describe('tabs', () => {
  it('keeps each document with its own history, unsaved state and selection across switches', () => {
    const a = open('a', 3);
    store.getState().commit('Relabel', relabel({ en: ['A!'] }));
    store.getState().setSelection([2], 2);
    const b = open('b', 2);
    expect(store.getState().openDocuments.map((e) => e.key)).toEqual([a, b]);
    expect(isDirty(store.getState())).toBe(false);
    expect(store.getState().history?.past).toHaveLength(0);
    expect(store.getState().selected.size).toBe(0);

    store.getState().activateDocument(a);
    expect(store.getState().documentKey).toBe(a);
    expect(store.getState().doc?.['label']).toEqual({ en: ['A!'] });
    expect(isDirty(store.getState())).toBe(true);
    expect([...store.getState().selected]).toEqual([2]);
    expect(store.getState().focus).toBe(2);
    store.getState().undo();
    expect(isDirty(store.getState())).toBe(false);
    expect(isDirty(documentByKey(store.getState(), b) as never)).toBe(false);
    expect(allDocuments(store.getState()).map((d) => d.documentKey)).toEqual([a, b]);
  });

  it('replaces the untouched sample, but keeps it once edited', () => {
    const sample = open('sample', 1);
    store.getState().markSample(sample);
    const a = open('a', 1);
    expect(store.getState().openDocuments.map((e) => e.key)).toEqual([a]);

    const sample2 = open('sample', 1);
    store.getState().markSample(sample2);
    store.getState().commit('Edit', relabel({ en: ['mine'] }));
    const b = open('b', 1);
    expect(store.getState().openDocuments.map((e) => e.key)).toEqual([a, sample2, b]);
  });

  it('closing a tab brings the next one (else the previous one) to the front', () => {
    const a = open('a', 1);
    const b = open('b', 1);
    const c = open('c', 1);
    store.getState().activateDocument(b);
    store.getState().closeDocument();
    expect(store.getState().documentKey).toBe(c);
    store.getState().closeDocument();
    expect(store.getState().documentKey).toBe(a);
    store.getState().closeDocument();
    expect(store.getState().doc).toBeNull();
    expect(store.getState().openDocuments).toEqual([]);
  });

  it('the window counts unsaved work in every tab', () => {
    open('a', 1);
    store.getState().commit('Edit', relabel({ en: ['x'] }));
    open('b', 1);
    expect(windowState(store.getState())).toEqual({
      name: 'b.json and 1 other unsaved document',
      dirty: true,
    });
  });
});

describe('canvases between documents', () => {
  it('a move is one undo step in each document; undoing one leaves the other changed', () => {
    const a = open('a', 5);
    const b = open('b', 2);
    store.getState().activateDocument(a);
    expect(carryCanvases(a, [0, 2, 4], b, 'move')).toBe(3);
    expect(labels(store.getState().doc)).toEqual(['a 2', 'a 4']);
    expect(labels(documentByKey(store.getState(), b)?.doc)).toEqual(['b 1', 'b 2', 'a 1', 'a 3', 'a 5']);
    expect(store.getState().history?.past).toHaveLength(1);
    expect(documentByKey(store.getState(), b)?.history?.past).toHaveLength(1);

    store.getState().activateDocument(b);
    expect([...store.getState().selected]).toEqual([2, 3, 4]);
    store.getState().undo();
    expect(labels(store.getState().doc)).toEqual(['b 1', 'b 2']);
    expect(labels(documentByKey(store.getState(), a)?.doc)).toEqual(['a 2', 'a 4']);
  });

  it('a cut in one document pasted in another moves the canvases', () => {
    const a = open('a', 3);
    store.getState().setSelection([1], 1);
    cutSelection();
    const b = open('b', 2);
    store.getState().setSelection([0], 0);
    pasteAfterFocus();
    expect(labels(store.getState().doc)).toEqual(['b 1', 'a 2', 'b 2']);
    expect(labels(documentByKey(store.getState(), a)?.doc)).toEqual(['a 1', 'a 3']);
    expect(store.getState().documentKey).toBe(b);
  });

  it('a copy pasted in another document gets fresh ids there and names its source', () => {
    open('a', 2);
    store.getState().setSelection([0], 0);
    copySelection();
    open('b', 1);
    store.getState().setSelection([0], 0);
    pasteAfterFocus();
    const pasted = (store.getState().doc?.['items'] as JsonObject[])[1] as JsonObject;
    expect(pasted['id']).toBe('https://example.org/b/canvas/2');
    expect(pasted['partOf']).toEqual([
      { id: 'https://example.org/a/manifest.json', type: 'Manifest', label: { en: ['a'] } },
    ]);
    expect(store.getState().history?.past).toHaveLength(1);
  });
});

describe('documents in the background', () => {
  it('drop a text laid out as their tree writes (saving is then byte-identical), and keep any other', () => {
    const canonical = `${JSON.stringify(manifest('a', 2), null, 2)}\n`;
    const own = JSON.stringify(manifest('b', 2), null, '\t').replace('"items": [', '"items":   [');
    const keys: string[] = [];
    for (const [name, text] of [
      ['a', canonical],
      ['b', own],
    ] as const) {
      const read = readDocument(text);
      if (!read.ok) throw new Error(read.error.message);
      prepareNewTab();
      store.getState().loadDocument({
        doc: read.doc,
        format: read.format,
        file: { path: `/w/${name}.json`, name: `${name}.json`, mtimeMs: 1 },
        textBase: createTextBase(text, read.doc, read.format),
      });
      keys.push(store.getState().documentKey);
    }
    open('c', 1);
    store.getState().compactBackground();
    const [a, b] = keys.map((key) => documentByKey(store.getState(), key));
    expect(a?.textBase).toBeNull();
    expect(writeDocument(a?.doc as JsonObject, a?.format ?? format)).toBe(canonical);
    expect(b?.textBase?.text).toBe(own);
  });
});

describe('closing a tab', () => {
  it('closes a saved background tab where it is, the tab in front staying in front', () => {
    const a = open('a', 1);
    const b = open('b', 1);
    const c = open('c', 1);
    store.getState().activateDocument(a);
    closeTab(c);
    expect(store.getState().documentKey).toBe(a);
    expect(store.getState().openDocuments.map((e) => e.key)).toEqual([a, b]);
    // With unsaved changes it comes to the front and asks first.
    store.getState().activateDocument(b);
    store.getState().commit('Edit', relabel({ en: ['b!'] }));
    store.getState().activateDocument(a);
    closeTab(b);
    expect(store.getState().documentKey).toBe(b);
    expect(store.getState().dialog).toEqual({ kind: 'confirm-discard', action: 'close' });
    expect(store.getState().openDocuments).toHaveLength(2);
  });
});
