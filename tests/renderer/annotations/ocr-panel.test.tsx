/**
 * OCR from the annotation panel, with the real store and shared edits and a stand-in for the main side's job
 * channels: the request names the canvas's image, progress is shown while the job runs, the lines land as one
 * undo step and transcription mode opens on the first of them; Cancel asks the main side to stop and adds nothing.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listAnnotations, type OcrSource } from '../../../shared/iiif/annotations';
import type { JsonObject } from '../../../shared/iiif/json';
import { AnnotationPanel } from '../../../renderer/src/features/annotations/AnnotationPanel';
import { useAppStore } from '../../../renderer/src/store/store';

const fake = vi.hoisted(() => ({
  started: [] as { sources: OcrSource[]; language: string }[],
  cancelled: [] as string[],
  /** Polls answered 'running' before the job is done; Infinity: until cancelled. */
  runningPolls: 1,
  polls: 0,
}));

vi.mock('../../../renderer/src/api', () => {
  const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
  const running = () => ({
    state: 'running',
    done: 0,
    total: 1,
    progress: 0.4,
    workers: 1,
    results: [],
    failures: [],
  });
  return {
    isElectron: false,
    httpToken: null,
    api: {
      ocrStart: (request: { sources: OcrSource[]; language: string }) => {
        fake.started.push(request);
        return ok({ jobId: 'job-1', workers: 1 });
      },
      ocrCancel: ({ jobId }: { jobId: string }) => {
        fake.cancelled.push(jobId);
        return ok({ cancelled: true });
      },
      ocrStatus: () => {
        fake.polls += 1;
        if (fake.cancelled.length > 0) return ok({ ...running(), state: 'cancelled' });
        if (fake.polls <= fake.runningPolls) return ok(running());
        const source = fake.started[0]?.sources[0] as OcrSource;
        return ok({
          state: 'done',
          done: 1,
          total: 1,
          progress: 1,
          workers: 1,
          results: [
            {
              canvasIndex: source.canvasIndex,
              canvasId: source.canvasId,
              frame: source.frame,
              imageWidth: 500,
              imageHeight: 400,
              lines: [
                { text: 'In the beginning', confidence: 91, box: { x: 10, y: 10, width: 200, height: 20 } },
                { text: 'was the word', confidence: 88, box: { x: 10, y: 40, width: 150, height: 20 } },
              ],
            },
          ],
          failures: [],
        });
      },
    },
  };
});

const format = { indent: '  ', newline: '\n', finalNewline: true, bom: false } as const;
const CANVAS = 'https://example.org/canvas/1';
const manifest: JsonObject = {
  id: 'https://example.org/manifest.json',
  type: 'Manifest',
  label: { en: ['OCR'] },
  items: [
    {
      id: CANVAS,
      type: 'Canvas',
      width: 1000,
      height: 800,
      items: [
        {
          id: `${CANVAS}/page`,
          type: 'AnnotationPage',
          items: [
            {
              id: `${CANVAS}/painting`,
              type: 'Annotation',
              motivation: 'painting',
              body: { id: 'https://img.example.org/leaf.jpg', type: 'Image', format: 'image/jpeg' },
              target: CANVAS,
            },
          ],
        },
      ],
    },
  ],
};

beforeEach(() => {
  fake.started.length = 0;
  fake.cancelled.length = 0;
  fake.polls = 0;
  useAppStore.getState().loadDocument({ doc: manifest, format, file: null });
  useAppStore.getState().selectOnly(0);
});
afterEach(cleanup);

describe('Recognise text (OCR)', () => {
  it('recognises the focused canvas, adds the lines in one undo step and opens transcription on them', async () => {
    fake.runningPolls = 1;
    render(<AnnotationPanel />);
    fireEvent.click(screen.getByRole('button', { name: 'Recognise text (OCR)…' }));
    const before = useAppStore.getState().history?.past.length ?? 0;
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Recognise' })));
    expect(fake.started[0]).toMatchObject({
      language: 'eng',
      sources: [
        {
          canvasIndex: 0,
          canvasId: CANVAS,
          image: { kind: 'image', url: 'https://img.example.org/leaf.jpg' },
          frame: { x: 0, y: 0, width: 1000, height: 800 },
        },
      ],
    });
    await waitFor(() =>
      expect(screen.getByTestId('ocr-summary').textContent).toMatch(/2 lines recognised on 1 canvas/),
    );
    const doc = useAppStore.getState().doc as JsonObject;
    const lines = listAnnotations(doc, { canvasIndex: 0 });
    expect(lines.map((l) => l.annotation.target)).toEqual([
      `${CANVAS}#xywh=20,20,400,40`,
      `${CANVAS}#xywh=20,80,300,40`,
    ]);
    expect(useAppStore.getState().history?.past.length).toBe(before + 1);
    const field = screen.getByRole('textbox', { name: 'Transcription of line 1' }) as HTMLTextAreaElement;
    expect(field.value).toBe('In the beginning');
    useAppStore.getState().undo();
    expect(listAnnotations(useAppStore.getState().doc as JsonObject, { canvasIndex: 0 })).toEqual([]);
  });

  it('shows progress while the job runs, and Cancel stops it without adding anything', async () => {
    fake.runningPolls = Infinity;
    render(<AnnotationPanel />);
    fireEvent.click(screen.getByRole('button', { name: 'Recognise text (OCR)…' }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Recognise' })));
    const bar = await screen.findByRole('progressbar', { name: 'OCR progress' });
    await waitFor(() => expect(bar.getAttribute('value')).toBe('40'));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Cancel' })));
    await waitFor(() =>
      expect(screen.getByTestId('ocr-summary').textContent).toBe('Cancelled: nothing was added.'),
    );
    expect(fake.cancelled).toEqual(['job-1']);
    expect(listAnnotations(useAppStore.getState().doc as JsonObject, { canvasIndex: 0 })).toEqual([]);
  });

  it('reports a canvas that paints no image without asking the main side', async () => {
    useAppStore.getState().loadDocument({
      doc: { ...manifest, items: [{ id: CANVAS, type: 'Canvas', width: 10, height: 10, items: [] }] },
      format,
      file: null,
    });
    useAppStore.getState().selectOnly(0);
    render(<AnnotationPanel />);
    fireEvent.click(screen.getByRole('button', { name: 'Recognise text (OCR)…' }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Recognise' })));
    await screen.findByText('Canvas 1: Canvas 1 paints no image to recognise.');
    expect(fake.started).toEqual([]);
  });
});
