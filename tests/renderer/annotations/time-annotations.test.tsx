/**
 * Annotations on time spans in the annotation panel, with the real store and edits: a caption's start and end
 * edited as hh:mm:ss.s (one undo step), a transcript line added on a typed span, a WebVTT file imported as one
 * new page in one undo step (a bad file names its line and adds nothing), and the canvas's captions exported
 * as WebVTT.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listAnnotations, parseWebVtt } from '../../../shared/iiif/annotations';
import { getIn, type JsonObject } from '../../../shared/iiif/json';
import { AnnotationPanel } from '../../../renderer/src/features/annotations/AnnotationPanel';
import { useAppStore } from '../../../renderer/src/store/store';

const format = { indent: '  ', newline: '\n', finalNewline: true, bom: false } as const;
const VIDEO = 'https://example.org/canvas/video';
const doc = () => useAppStore.getState().doc as JsonObject;
const steps = () => useAppStore.getState().history?.past.length ?? 0;

function avManifest(): JsonObject {
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: 'https://example.org/manifest',
    type: 'Manifest',
    label: { en: ['Film'] },
    items: [
      {
        id: VIDEO,
        type: 'Canvas',
        width: 640,
        height: 360,
        duration: 60,
        items: [
          {
            id: `${VIDEO}/page`,
            type: 'AnnotationPage',
            items: [
              {
                id: `${VIDEO}/page/a`,
                type: 'Annotation',
                motivation: 'painting',
                body: {
                  id: 'https://example.org/film.webm',
                  type: 'Video',
                  format: 'video/webm',
                  duration: 60,
                },
                target: VIDEO,
              },
            ],
          },
        ],
        annotations: [
          {
            id: 'https://example.org/captions',
            type: 'AnnotationPage',
            items: [
              {
                id: 'https://example.org/caption/1',
                type: 'Annotation',
                motivation: 'supplementing',
                body: { type: 'TextualBody', value: 'Hello', format: 'text/plain' },
                target: `${VIDEO}#t=1,2.5`,
              },
            ],
          },
        ],
      },
    ],
  };
}

async function upload(testId: string, file: File): Promise<void> {
  await act(async () => {
    fireEvent.change(screen.getByTestId(testId), { target: { files: [file] } });
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
}

beforeEach(() => {
  useAppStore.getState().loadDocument({ doc: avManifest(), format, file: null });
  useAppStore.getState().selectOnly(0);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('annotations on time spans', () => {
  it('edits a caption’s start and end as typed times, in one undo step', () => {
    render(<AnnotationPanel />);
    expect(screen.getByTestId('annotation-target').textContent).toBe(`time 1-2.5 on ${VIDEO}`);
    const start = screen.getByLabelText('Annotation 1 start');
    const end = screen.getByLabelText('Annotation 1 end');
    expect(start).toHaveProperty('value', '00:00:01.0');
    expect(end).toHaveProperty('value', '00:00:02.5');
    fireEvent.change(start, { target: { value: '0:01.5' } });
    fireEvent.change(end, { target: { value: '00:00:04.25' } });
    fireEvent.submit(end.closest('form') as HTMLFormElement);
    expect(steps()).toBe(1);
    expect(getIn(doc(), ['items', 0, 'annotations', 0, 'items', 0, 'target'])).toBe(`${VIDEO}#t=1.5,4.25`);
    // The fields show tenths (00:00:04.3); leaving them does not round the stored time.
    expect(screen.getByLabelText('Annotation 1 end')).toHaveProperty('value', '00:00:04.3');
    fireEvent.blur(screen.getByLabelText('Annotation 1 end'));
    // Typing a new start keeps the end the user did not touch.
    fireEvent.change(screen.getByLabelText('Annotation 1 start'), { target: { value: '2' } });
    fireEvent.blur(screen.getByLabelText('Annotation 1 start'));
    expect(steps()).toBe(2);
    expect(getIn(doc(), ['items', 0, 'annotations', 0, 'items', 0, 'target'])).toBe(`${VIDEO}#t=2,4.25`);
    act(() => useAppStore.getState().undo());
    act(() => useAppStore.getState().undo());
    expect(getIn(doc(), ['items', 0, 'annotations', 0, 'items', 0, 'target'])).toBe(`${VIDEO}#t=1,2.5`);
  });

  it('refuses an end past the canvas and changes nothing', () => {
    render(<AnnotationPanel />);
    const end = screen.getByLabelText('Annotation 1 end');
    fireEvent.change(end, { target: { value: '2:00' } });
    fireEvent.submit(end.closest('form') as HTMLFormElement);
    expect(screen.getByRole('alert').textContent).toMatch(/after the end of the canvas \(00:01:00.0\)/);
    expect(steps()).toBe(0);
  });

  it('adds a transcript line on a typed span', () => {
    render(<AnnotationPanel />);
    fireEvent.change(screen.getByLabelText('New annotation motivation'), {
      target: { value: 'supplementing' },
    });
    fireEvent.change(screen.getByLabelText('New annotation text'), { target: { value: 'Second line' } });
    fireEvent.change(screen.getByLabelText('New annotation start'), { target: { value: '3' } });
    fireEvent.change(screen.getByLabelText('New annotation end'), { target: { value: '0:05.5' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Add annotation' }));
    expect(steps()).toBe(1);
    const views = listAnnotations(doc(), { canvasIndex: 0 });
    expect(views.map((v) => v.targets[0]?.geometry)).toEqual([
      { kind: 'time', start: 1, end: 2.5 },
      { kind: 'time', start: 3, end: 5.5 },
    ]);
    // The next line starts where this one ended.
    expect(screen.getByLabelText('New annotation start')).toHaveProperty('value', '0:05.5');
    fireEvent.change(screen.getByLabelText('New annotation end'), { target: { value: '0:04' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Add annotation' }));
    expect(screen.getByRole('alert').textContent).toMatch(/end must come after the start/);
    expect(steps()).toBe(1);
  });

  it('imports a WebVTT file as one new page in one undo step, and a bad one names its line', async () => {
    render(<AnnotationPanel />);
    const vtt =
      'WEBVTT\r\nLanguage: en\r\n\r\nNOTE from the archive\r\n\r\nc1\r\n00:05.000 --> 00:07.000 align:start\r\n<v Ann>It <b>begins</b>\r\n\r\n00:07.000 --> 01:00.400\r\nand ends &amp; fades\r\n';
    await upload('caption-import-input', new File([vtt], 'film.vtt', { type: 'text/vtt' }));
    expect(steps()).toBe(1);
    const page = getIn(doc(), ['items', 0, 'annotations', 1]) as JsonObject;
    expect(page.label).toEqual({ none: ['Captions from film.vtt'] });
    const views = listAnnotations(doc(), { canvasIndex: 0 }).slice(1);
    expect(views.map((v) => [v.motivations[0], v.bodies[0], v.targets[0]?.geometry])).toEqual([
      [
        'supplementing',
        { kind: 'text', value: 'It begins', language: 'en', format: 'text/plain', purpose: [] },
        { kind: 'time', start: 5, end: 7 },
      ],
      // The last cue ran 0.4 s past the canvas: it ends with it.
      [
        'supplementing',
        { kind: 'text', value: 'and ends & fades', language: 'en', format: 'text/plain', purpose: [] },
        { kind: 'time', start: 7, end: 60 },
      ],
    ]);
    expect(screen.getAllByTestId('annotation-row')).toHaveLength(3);
    act(() => useAppStore.getState().undo());
    expect(listAnnotations(doc(), { canvasIndex: 0 })).toHaveLength(1);

    await upload('caption-import-input', new File(['WEBVTT\n\n00:01,000 --> 00:02.000\nHi\n'], 'bad.vtt'));
    expect(screen.getByRole('alert').textContent).toMatch(/^bad\.vtt, line 3: The start time .*comma/);
    await upload('caption-import-input', new File(['WEBVTT\n\n02:00.000 --> 02:01.000\nlate\n'], 'late.vtt'));
    expect(screen.getByRole('alert').textContent).toMatch(/late\.vtt, line 3: .*after the end of the canvas/);
    expect(steps()).toBe(0);
  });

  it('exports the canvas’s captions as WebVTT', async () => {
    const texts: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      void (blob as Blob).text().then((t) => texts.push(t));
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    render(<AnnotationPanel />);
    fireEvent.click(screen.getByRole('button', { name: 'Export WebVTT' }));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(click).toHaveBeenCalledTimes(1);
    const reading = parseWebVtt(texts[0] ?? '');
    expect(reading.ok && reading.cues.map((c) => [c.start, c.end, c.text])).toEqual([[1, 2.5, 'Hello']]);
  });
});
