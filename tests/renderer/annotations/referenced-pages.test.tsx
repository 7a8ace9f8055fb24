/**
 * Referenced annotation pages in the panel: loaded on demand through fetchAnnotationPage, listed read-only with
 * where they came from, a clear message per page that cannot be fetched, and the document left as it was.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JsonObject } from '../../../shared/iiif/json';
import { AnnotationPanel } from '../../../renderer/src/features/annotations/AnnotationPanel';
import { saveLocalPages } from '../../../renderer/src/features/annotations/local-page-files';
import { forgetPageLoads } from '../../../renderer/src/features/annotations/referenced-page-loader';
import { useAppStore } from '../../../renderer/src/store/store';

const REMOTE = 'https://annotations.example.org/pages/1.json';
const BROKEN = 'https://gone.example.org/pages/2.json';
const MANIFEST_PAGE = 'https://annotations.example.org/pages/all.json';
const LOCAL = 'pages/local.json';

const fake = vi.hoisted(() => ({
  asked: [] as { location: string; initiator?: string }[],
  saved: [] as Record<string, unknown>[],
}));

vi.mock('../../../renderer/src/api', () => {
  const page = (id: string, items: unknown[]) => ({ id, type: 'AnnotationPage', items });
  // The local file as it is on disk: the page below, laid out with four spaces.
  const LOCAL_TEXT = JSON.stringify(
    page('https://example.org/local-page', [
      {
        type: 'Annotation',
        motivation: 'describing',
        body: { type: 'TextualBody', value: 'From a file' },
        target: 'https://example.org/canvas/2',
      },
    ]),
    null,
    4,
  );
  const answers: Record<string, unknown> = {
    'https://annotations.example.org/pages/1.json': page('https://annotations.example.org/pages/1.json', [
      {
        id: 'https://annotations.example.org/anno/1',
        type: 'Annotation',
        motivation: 'commenting',
        body: { type: 'TextualBody', value: 'Faded initial' },
        target: 'https://example.org/canvas/1#xywh=1,2,3,4',
      },
    ]),
    'https://annotations.example.org/pages/all.json': page('https://annotations.example.org/pages/all.json', [
      {
        type: 'Annotation',
        motivation: 'tagging',
        body: { type: 'TextualBody', value: 'On canvas one' },
        target: 'https://example.org/canvas/1',
      },
      {
        type: 'Annotation',
        motivation: 'tagging',
        body: { type: 'TextualBody', value: 'On canvas two' },
        target: 'https://example.org/canvas/2',
      },
    ]),
  };
  return {
    isElectron: false,
    httpToken: null,
    api: {
      saveFile: (request: Record<string, unknown>) => {
        fake.saved.push(request);
        return Promise.resolve({
          ok: true,
          value: { path: request['path'], name: 'local.json', mtimeMs: 2000, size: 10, hash: 'b'.repeat(64) },
        });
      },
      fetchAnnotationPage: (request: { location: string; initiator?: string }) => {
        fake.asked.push(request);
        if (request.location === 'pages/local.json')
          return Promise.resolve({
            ok: true,
            value: {
              location: request.location,
              finalUrl: null,
              path: '/workspace/pages/local.json',
              page: page('https://example.org/local-page', [
                {
                  type: 'Annotation',
                  motivation: 'describing',
                  body: { type: 'TextualBody', value: 'From a file' },
                  target: 'https://example.org/canvas/2',
                },
              ]),
              fromCache: false,
              stale: false,
              origin: 'local',
              file: { text: LOCAL_TEXT, mtimeMs: 1000, size: LOCAL_TEXT.length, hash: 'a'.repeat(64) },
            },
          });
        const answer = answers[request.location];
        return Promise.resolve(
          answer
            ? {
                ok: true,
                value: {
                  location: request.location,
                  finalUrl: request.location,
                  path: null,
                  page: answer,
                  fromCache: false,
                  stale: false,
                  origin: 'public',
                },
              }
            : { ok: false, error: { code: 'network', message: 'The server could not be reached.' } },
        );
      },
    },
  };
});

const format = { indent: '  ', newline: '\n', finalNewline: true, bom: false } as const;

function manifest(): JsonObject {
  const canvas = (n: number, annotations: unknown[]) => ({
    id: `https://example.org/canvas/${n}`,
    type: 'Canvas',
    width: 100,
    height: 100,
    items: [],
    annotations,
  });
  return {
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: 'https://example.org/manifest.json',
    type: 'Manifest',
    label: { en: ['Referenced'] },
    annotations: [{ id: MANIFEST_PAGE, type: 'AnnotationPage' }],
    items: [
      canvas(1, [
        { id: REMOTE, type: 'AnnotationPage' },
        { id: BROKEN, type: 'AnnotationPage' },
      ]),
      canvas(2, [{ id: 'pages/local.json', type: 'AnnotationPage' }]),
    ],
  } as JsonObject;
}

let opened: JsonObject;
beforeEach(() => {
  forgetPageLoads();
  fake.asked.length = 0;
  fake.saved.length = 0;
  opened = manifest();
  useAppStore.getState().loadDocument({ doc: opened, format, file: null, origin: 'public' });
  useAppStore.getState().selectOnly(0);
});
afterEach(cleanup);

const section = (id: string) => screen.getByRole('region', { name: `Referenced page ${id}` });

describe('referenced annotation pages', () => {
  it('marks a page read from a file as local', async () => {
    useAppStore.getState().selectOnly(1);
    render(<AnnotationPanel />);
    await waitFor(() => expect(within(section(LOCAL)).getByText('From a file')).toBeTruthy());
    expect(within(section(LOCAL)).getByTestId('referenced-page-source').textContent).toBe(
      'local file · its own file',
    );
  });

  it('edits a local page in place (one step) and saves it to its own file, the manifest unchanged', async () => {
    useAppStore.getState().selectOnly(1);
    render(<AnnotationPanel />);
    const edit = await waitFor(() => within(section(LOCAL)).getByRole('button', { name: 'Edit in place' }));
    fireEvent.click(edit);
    expect(useAppStore.getState().history?.past.length).toBe(1);
    const field = screen.getByLabelText('Annotation 1 text');
    fireEvent.change(field, { target: { value: 'From a file, corrected' } });
    fireEvent.blur(field);
    const saved = await saveLocalPages(useAppStore.getState().doc as JsonObject);
    if (!saved.ok) throw new Error(saved.message);
    // The manifest to write is the one opened, its reference as written.
    expect(saved.doc).toEqual(opened);
    expect(fake.saved).toHaveLength(1);
    const request = fake.saved[0] as { path: string; text: string; expectedMtimeMs: number };
    expect(request.path).toBe('/workspace/pages/local.json');
    expect(request.expectedMtimeMs).toBe(1000);
    // Written over the file's own text: four-space layout, its own id, only the value changed.
    expect(JSON.parse(request.text)).toMatchObject({ id: 'https://example.org/local-page' });
    expect(request.text).toContain('\n                "value": "From a file, corrected"');
    // Saved again with nothing changed: no write.
    await saveLocalPages(useAppStore.getState().doc as JsonObject);
    expect(fake.saved).toHaveLength(1);
  });

  it('lists the annotations of a fetched page read-only, marked with its host', async () => {
    render(<AnnotationPanel />);
    await waitFor(() => expect(within(section(REMOTE)).getByText('Faded initial')).toBeTruthy());
    expect(within(section(REMOTE)).getByTestId('referenced-page-source').textContent).toBe(
      'from annotations.example.org · read-only: it is published elsewhere; import it to edit a copy here',
    );
    expect(within(section(REMOTE)).queryByRole('textbox')).toBeNull();
    expect(within(section(REMOTE)).queryByRole('button')).toBeNull();
    // Asked as the document's requests: it came from the internet.
    expect(fake.asked.find((r) => r.location === REMOTE)?.initiator).toBe('public');
  });

  it("shows only the manifest page's annotations that target the focused canvas", async () => {
    render(<AnnotationPanel />);
    await waitFor(() => expect(within(section(MANIFEST_PAGE)).getByText('On canvas one')).toBeTruthy());
    expect(within(section(MANIFEST_PAGE)).queryByText('On canvas two')).toBeNull();
  });

  it('says per page when one cannot be fetched, as a finding', async () => {
    render(<AnnotationPanel />);
    const error = await waitFor(() => within(section(BROKEN)).getByRole('alert'));
    expect(error.textContent).toBe(
      'This annotation page could not be fetched: The server could not be reached.',
    );
    expect(error.dataset['code']).toBe('annotation-page-unreachable');
    expect(within(section(REMOTE)).queryByRole('alert')).toBeNull();
  });

  it('asks again when the document is reopened', async () => {
    render(<AnnotationPanel />);
    await waitFor(() => expect(within(section(REMOTE)).getByText('Faded initial')).toBeTruthy());
    const asked = () => fake.asked.filter((r) => r.location === REMOTE).length;
    expect(asked()).toBe(1);
    act(() => {
      useAppStore.getState().loadDocument({ doc: manifest(), format, file: null, origin: 'public' });
      useAppStore.getState().selectOnly(0);
    });
    await waitFor(() => expect(asked()).toBe(2));
  });

  it('leaves the document as it was: references stay references, no undo step', async () => {
    render(<AnnotationPanel />);
    await waitFor(() => expect(within(section(REMOTE)).getByText('Faded initial')).toBeTruthy());
    const state = useAppStore.getState();
    expect(state.doc).toBe(opened);
    expect(state.history?.past.length ?? 0).toBe(0);
    expect(JSON.stringify(state.doc)).toBe(JSON.stringify(manifest()));
  });

  it('asks once per address, not again when the canvas comes back into focus, except a page that failed', async () => {
    render(<AnnotationPanel />);
    await waitFor(() => expect(within(section(REMOTE)).getByText('Faded initial')).toBeTruthy());
    const asked = () => fake.asked.filter((r) => r.location !== BROKEN && r.location !== LOCAL).length;
    const before = asked();
    useAppStore.getState().selectOnly(1);
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: `Referenced page ${REMOTE}` })).toBeNull(),
    );
    useAppStore.getState().selectOnly(0);
    await waitFor(() => expect(within(section(REMOTE)).getByText('Faded initial')).toBeTruthy());
    expect(asked()).toBe(before);
    expect(fake.asked.filter((r) => r.location === BROKEN)).toHaveLength(2);
  });
});
