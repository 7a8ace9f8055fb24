/**
 * A companion canvas edited like any canvas, in its own dialog, with the real store: the canvas pane's
 * editors bound to the companion (label, summary, metadata), one undo step per change, properties Tessera does
 * not know kept; its image replaced by address in one step, keeping its id and label; a failed address changes
 * nothing; its annotations listed read-only with a count.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JsonObject } from '../../../shared/iiif/json';
import { CompanionDialog } from '../../../renderer/src/features/media/CompanionDialog';
import { useAppStore } from '../../../renderer/src/store/store';

const resolved = vi.hoisted(() => ({ outcome: null as unknown }));
vi.mock('../../../renderer/src/features/add-images/resolve-inputs', () => ({
  resolveInputs: async (
    inputs: readonly string[],
    callbacks: { onOutcome(input: string, outcome: unknown): void },
  ) => {
    callbacks.onOutcome(inputs[0] ?? '', resolved.outcome);
  },
}));

const format = { indent: '  ', newline: '\n', finalNewline: true, bom: false } as const;
const SCORE = 'https://example.org/m/accompanying/1';

function manifest(): JsonObject {
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: 'https://example.org/m',
    type: 'Manifest',
    label: { en: ['Recording'] },
    items: [
      {
        id: 'https://example.org/m/canvas/audio',
        type: 'Canvas',
        duration: 10,
        'x-canvas-own': 1,
        accompanyingCanvas: {
          id: SCORE,
          type: 'Canvas',
          label: { en: ['Score'] },
          'x-unknown': { kept: true },
          width: 100,
          height: 200,
          items: [
            {
              id: `${SCORE}/page`,
              type: 'AnnotationPage',
              items: [
                {
                  id: `${SCORE}/anno`,
                  type: 'Annotation',
                  motivation: 'painting',
                  body: { id: 'https://example.org/score.jpg', type: 'Image', format: 'image/jpeg' },
                  target: SCORE,
                },
              ],
            },
          ],
          annotations: [
            {
              id: `${SCORE}/notes`,
              type: 'AnnotationPage',
              items: [
                {
                  id: `${SCORE}/note/1`,
                  type: 'Annotation',
                  motivation: 'commenting',
                  body: { type: 'TextualBody', value: 'Allegro', format: 'text/plain' },
                  target: `${SCORE}#xywh=0,0,10,10`,
                },
                {
                  id: `${SCORE}/note/2`,
                  type: 'Annotation',
                  motivation: 'commenting',
                  body: { type: 'TextualBody', value: 'Da capo', format: 'text/plain' },
                  target: SCORE,
                },
              ],
            },
          ],
        },
      },
    ],
  };
}

const doc = () => useAppStore.getState().doc as JsonObject;
const steps = () => useAppStore.getState().history?.past.length ?? 0;
const score = () => ((doc()['items'] as JsonObject[])[0] as JsonObject)['accompanyingCanvas'] as JsonObject;
const dialog = () => within(screen.getByRole('dialog', { name: 'Accompanying canvas of canvas 1' }));

/** Focus, then one change event per keystroke, as a person typing does. */
function type(input: HTMLElement, values: string[]) {
  act(() => input.focus());
  for (const value of values) fireEvent.change(input, { target: { value } });
  act(() => input.blur());
}

beforeEach(() => {
  useAppStore.getState().loadDocument({ doc: manifest(), format, file: null });
  render(
    <CompanionDialog
      companion={score()}
      canvasIndex={0}
      property="accompanyingCanvas"
      title="Accompanying canvas"
      onClose={() => {}}
    />,
  );
});
afterEach(() => cleanup());

describe('the companion dialog', () => {
  it('edits label, summary and metadata of the companion, one step each, keeping what it does not know', () => {
    type(dialog().getByLabelText('Accompanying canvas label (en)'), ['S', 'Sc', 'Score in C']);
    expect(steps()).toBe(1);
    type(dialog().getByLabelText('Accompanying canvas summary (en)'), ['The', 'The full score']);
    expect(steps()).toBe(2);
    fireEvent.click(dialog().getByRole('button', { name: '+ Metadata entry' }));
    fireEvent.change(dialog().getByLabelText('New entry label'), { target: { value: 'Key' } });
    fireEvent.change(dialog().getByLabelText('New entry value'), { target: { value: 'C major' } });
    fireEvent.change(dialog().getByLabelText('New entry language'), { target: { value: 'en' } });
    fireEvent.click(
      within(dialog().getByRole('group', { name: 'New metadata entry' })).getByRole('button', {
        name: 'Add',
      }),
    );
    expect(steps()).toBe(3);
    const before = manifest();
    const beforeScore = (before['items'] as JsonObject[])[0]?.['accompanyingCanvas'] as JsonObject;
    expect(score()).toEqual({
      ...beforeScore,
      label: { en: ['Score in C'] },
      summary: { en: ['The full score'] },
      metadata: [{ label: { en: ['Key'] }, value: { en: ['C major'] } }],
    });
    // Nothing else in the document moved: the canvas keeps its own unknown property and its key order.
    expect(Object.keys((doc()['items'] as JsonObject[])[0] as JsonObject)).toEqual([
      'id',
      'type',
      'duration',
      'x-canvas-own',
      'accompanyingCanvas',
    ]);
    act(() => useAppStore.getState().undo());
    expect(score()['metadata']).toBeUndefined();
    expect(score()['summary']).toEqual({ en: ['The full score'] });
  });

  it('opens with the focus in the label, as the canvas pane starts', () => {
    expect(document.activeElement).toBe(dialog().getByLabelText('Accompanying canvas label (en)'));
  });

  it('edits a placeholder canvas at its own place, leaving the accompanying canvas alone', () => {
    cleanup();
    const poster: JsonObject = {
      id: 'https://example.org/m/placeholder/1',
      type: 'Canvas',
      width: 4,
      height: 3,
    };
    const before = manifest();
    const audio = (before['items'] as JsonObject[])[0] as JsonObject;
    const withPlaceholder = { ...before, items: [{ ...audio, placeholderCanvas: poster }] };
    useAppStore.getState().loadDocument({ doc: withPlaceholder, format, file: null });
    render(
      <CompanionDialog
        companion={poster}
        canvasIndex={0}
        property="placeholderCanvas"
        title="Placeholder canvas"
        onClose={() => {}}
      />,
    );
    const placeholder = within(screen.getByRole('dialog', { name: 'Placeholder canvas of canvas 1' }));
    type(placeholder.getByLabelText('Placeholder canvas label (en)'), ['Poster']);
    expect(steps()).toBe(1);
    const canvas = (doc()['items'] as JsonObject[])[0] as JsonObject;
    expect(canvas['placeholderCanvas']).toEqual({ ...poster, label: { en: ['Poster'] } });
    expect(canvas['accompanyingCanvas']).toEqual(audio['accompanyingCanvas']);
  });

  it('lists the companion annotations read-only, with a count', () => {
    const list = within(dialog().getByRole('region', { name: 'Accompanying canvas annotations' }));
    expect(list.getByText(/^2 annotations/)).toBeTruthy();
    expect(list.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'commenting: Allegro',
      'commenting: Da capo',
    ]);
    expect(list.queryByRole('textbox')).toBeNull();
  });

  it('replaces the painted image by address in one step, keeping id, label and unknown properties', async () => {
    resolved.outcome = {
      ok: true,
      stale: false,
      seeds: [
        {
          kind: 'image',
          image: { url: 'https://example.org/new.png', width: 640, height: 480, format: 'image/png' },
          label: 'new',
        },
      ],
    };
    fireEvent.change(dialog().getByLabelText('Accompanying canvas new image address'), {
      target: { value: 'https://example.org/new.png' },
    });
    await act(async () => {
      fireEvent.click(dialog().getByRole('button', { name: 'Replace the image' }));
    });
    expect(steps()).toBe(1);
    const next = score();
    expect(next['id']).toBe(SCORE);
    expect(next['label']).toEqual({ en: ['Score'] });
    expect(next['x-unknown']).toEqual({ kept: true });
    expect([next['width'], next['height']]).toEqual([640, 480]);
    const annotation = ((next['items'] as JsonObject[])[0]?.['items'] as JsonObject[])[0] as JsonObject;
    expect(annotation['body']).toMatchObject({ id: 'https://example.org/new.png' });
    expect(annotation['target']).toBe(SCORE);
    expect(next['annotations']).toEqual(
      ((manifest()['items'] as JsonObject[])[0]?.['accompanyingCanvas'] as JsonObject)['annotations'],
    );
    act(() => useAppStore.getState().undo());
    expect(score()).toEqual((manifest()['items'] as JsonObject[])[0]?.['accompanyingCanvas']);
  });

  it('says why an address cannot be used, and changes nothing', async () => {
    resolved.outcome = { ok: false, reason: 'https://example.org/page.html is a web page, not an image.' };
    fireEvent.change(dialog().getByLabelText('Accompanying canvas new image address'), {
      target: { value: 'https://example.org/page.html' },
    });
    await act(async () => {
      fireEvent.click(dialog().getByRole('button', { name: 'Replace the image' }));
    });
    expect(dialog().getByRole('alert').textContent).toMatch(/web page, not an image/);
    expect(steps()).toBe(0);
  });
});
