/**
 * The Publish dialog's targets: choosing S3 storage or a Git repository sends that target with the review and
 * the publication, Presentation 2.1's losses are listed in the review, and the answer's fetch-back check is what
 * the curator reads afterwards. The services are stood in for by the api module.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JsonObject } from '../../../shared/iiif/json';

const calls = vi.hoisted(() => ({
  review: [] as Record<string, unknown>[],
  publish: [] as Record<string, unknown>[],
  remembered: false,
  /** Status answers still to give before the job ends (then 'done', or 'cancelled' once cancelled). */
  running: 0,
  cancelled: false,
  /** The review's published URIs: by default three new ones, nothing to confirm. */
  uris: undefined as Record<string, unknown> | undefined,
}));

const published = {
  outDir: 's3://site/books',
  manifestUrl: 'https://pub.example/b/manifest.json',
  file: 'manifest.json',
  tiles: 0,
  manifestCount: 1,
  check: { from: 'x', documents: 1, parsed: 1, uris: 7, resolved: 7, failures: [] },
  lost: ['rights: Presentation 2.1 has license only'],
};

vi.mock('../../../renderer/src/api', () => ({
  isElectron: false,
  api: {
    reviewPublication: (request: Record<string, unknown>) => {
      calls.review.push(request);
      return Promise.resolve({
        ok: true,
        value: {
          manifestUrl: 'https://pub.example/b/manifest.json',
          bytes: 2048,
          findings: [],
          firstPublication: true,
          identical: false,
          counts: { added: 0, removed: 0, changed: 0 },
          samplePaths: [],
          uris: calls.uris ?? {
            changed: [],
            added: [],
            removed: [],
            counts: { changed: 0, added: 3, removed: 0 },
          },
          lost: request.presentation2 ? ['rights: Presentation 2.1 has license only'] : [],
          where: 's3://site/books',
        },
      });
    },
    startPublication: (request: Record<string, unknown>) => {
      calls.publish.push(request);
      return Promise.resolve({ ok: true, value: { jobId: 'job-1' } });
    },
    publicationJob: () => {
      const progress = { phase: 'uploading', done: 3, total: 12 };
      if (calls.cancelled)
        return Promise.resolve({
          ok: true,
          value: {
            state: 'cancelled',
            progress,
            error: {
              code: 'cancelled',
              message: 'Publishing was cancelled; the previous publication is unchanged.',
            },
          },
        });
      if (calls.running > 0) {
        calls.running -= 1;
        return Promise.resolve({ ok: true, value: { state: 'running', progress } });
      }
      return Promise.resolve({ ok: true, value: { state: 'done', progress, result: published } });
    },
    cancelPublication: () => {
      calls.cancelled = true;
      return Promise.resolve({ ok: true, value: { state: 'running', progress: null } });
    },
    publicationSecret: () =>
      Promise.resolve({
        ok: true,
        value: { remembered: calls.remembered, canRemember: true, persistent: true },
      }),
    showFolderDialog: () => Promise.resolve({ ok: true, value: { supported: false, path: null } }),
  },
}));

const { PublishDialog } = await import('../../../renderer/src/features/publish/PublishDialog');
const { useAppStore } = await import('../../../renderer/src/store/store');

const format = { indent: '  ', newline: '\n', finalNewline: true, bom: false } as const;
const doc: JsonObject = { id: 'https://example.org/m', type: 'Manifest', label: { en: ['M'] }, items: [] };

beforeEach(() => {
  calls.review.length = 0;
  calls.publish.length = 0;
  calls.remembered = false;
  calls.running = 0;
  calls.cancelled = false;
  calls.uris = undefined;
  useAppStore.getState().loadDocument({ doc, format, file: null });
});
afterEach(() => cleanup());

const fill = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('the Publish dialog', () => {
  it('sends an S3 target and Presentation 2.1, lists the losses, and reports how many URIs resolve', async () => {
    const onClose = vi.fn();
    render(<PublishDialog onClose={onClose} />);
    fill('Public base URL', 'https://pub.example/b');
    fireEvent.click(screen.getByRole('radio', { name: 'S3-compatible storage' }));
    expect(screen.queryByLabelText('Output folder')).toBeNull();
    fill('Storage endpoint', 'http://127.0.0.1:9000');
    fill('Bucket', 'site');
    fill('Prefix (folder in the bucket)', 'books');
    fill('Access key id', 'KEY');
    fill('Secret access key', 'shh');
    expect((screen.getByLabelText('Secret access key') as HTMLInputElement).type).toBe('password');
    fireEvent.click(screen.getByRole('checkbox', { name: /Presentation 2\.1/ }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Review' })));
    expect(calls.review[0]).toMatchObject({
      presentation2: true,
      target: {
        kind: 's3',
        endpoint: 'http://127.0.0.1:9000',
        bucket: 'site',
        prefix: 'books',
        accessKeyId: 'KEY',
        secretAccessKey: 'shh',
      },
    });
    const losses = screen.getByRole('list', { name: 'What Presentation 2.1 cannot say' });
    expect(losses.textContent).toContain('license only');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Publish' })));
    expect(calls.publish[0]).toMatchObject({ presentation2: true, target: { kind: 's3' } });
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(useAppStore.getState().message?.text).toMatch(/7 of 7 URIs resolve/);
  });

  it('offers to remember a typed secret, and sends none when one is remembered and the field is blank', async () => {
    render(<PublishDialog onClose={() => undefined} />);
    fill('Public base URL', 'https://pub.example/b');
    fireEvent.click(screen.getByRole('radio', { name: 'S3-compatible storage' }));
    fill('Storage endpoint', 'http://127.0.0.1:9000');
    fill('Bucket', 'site');
    fill('Access key id', 'KEY');
    fill('Secret access key', 'shh');
    fireEvent.click(await screen.findByRole('checkbox', { name: /Remember the secret/ }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Review' })));
    expect(calls.review[0]).toMatchObject({ target: { secretAccessKey: 'shh', rememberSecret: true } });

    cleanup();
    calls.remembered = true;
    render(<PublishDialog onClose={() => undefined} />);
    fill('Public base URL', 'https://pub.example/b');
    fireEvent.click(screen.getByRole('radio', { name: 'S3-compatible storage' }));
    fill('Storage endpoint', 'http://127.0.0.1:9000');
    fill('Bucket', 'site');
    fill('Access key id', 'KEY');
    expect((await screen.findByTestId('secret-remembered')).textContent).toMatch(/remembered for KEY/);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Review' })));
    expect(calls.review[1]?.target).not.toHaveProperty('secretAccessKey');
  });

  it('shows n of m files while publishing, and cancelling says the previous publication is unchanged', async () => {
    calls.running = Number.POSITIVE_INFINITY;
    const onClose = vi.fn();
    render(<PublishDialog onClose={onClose} />);
    fill('Public base URL', 'https://pub.example/b');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Review' })));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Publish' })));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Uploading: 3 of 12 files'));
    expect(screen.getByRole('progressbar', { name: 'Publishing progress' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel publishing' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/previous publication is unchanged/);
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy();
  });

  it('sends a Git target with its branch, message and author', async () => {
    render(<PublishDialog onClose={() => undefined} />);
    fill('Public base URL', 'https://pub.example/b');
    fireEvent.click(screen.getByRole('radio', { name: 'Git repository' }));
    expect((screen.getByLabelText('Branch') as HTMLInputElement).value).toBe('gh-pages');
    fill('Local clone', 'pages');
    fill('Commit message', 'Second edition');
    fill('Author name', 'Ada');
    fill('Author e-mail', 'ada@example.org');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Review' })));
    expect(calls.review[0]).toMatchObject({
      outDir: '',
      target: {
        kind: 'git',
        repo: 'pages',
        branch: 'gh-pages',
        message: 'Second edition',
        authorName: 'Ada',
        authorEmail: 'ada@example.org',
      },
    });
  });

  it('waits for a yes before a published URI stops being published', async () => {
    const gone = 'https://pub.example/b/canvas/p1/annotations/x/annotation/y';
    calls.uris = { changed: [], added: [], removed: [gone], counts: { changed: 0, added: 0, removed: 1 } };
    render(<PublishDialog onClose={() => undefined} />);
    fill('Public base URL', 'https://pub.example/b');
    fill('Output folder', 'site');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Review' })));
    expect(screen.getByRole('list', { name: 'No longer published' }).textContent).toContain(gone);
    const publishButton = screen.getByRole('button', { name: 'Publish' });
    expect((publishButton as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: /Stop publishing 1 published URI\b/ }));
    expect((publishButton as HTMLButtonElement).disabled).toBe(false);
    await act(async () => fireEvent.click(publishButton));
    expect(calls.publish[0]).toMatchObject({ allowUriChanges: true });
  });
});
