/**
 * Referenced annotation pages through the fetchAnnotationPage channel: fetched from a loopback server, then
 * answered from the offline cache once the server is gone; non-pages refused with a clear message; local pages
 * read under the path policy, relative to the document.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkspacePolicy } from '../../../electron/services/files/path-policy';
import { createSourcesHandlers } from '../../../electron/services/sources/handlers';
import { cleanups, plainServer, remoteService, tempDir } from './helpers';

const cleanup = cleanups();
afterEach(() => cleanup.run());

const page = {
  '@context': 'http://iiif.io/api/presentation/3/context.json',
  id: 'https://example.org/page/1',
  type: 'AnnotationPage',
  items: [
    {
      id: 'https://example.org/anno/1',
      type: 'Annotation',
      motivation: 'commenting',
      body: { type: 'TextualBody', value: 'A faded initial' },
      target: 'https://example.org/canvas/1#xywh=10,10,50,50',
    },
  ],
};

async function handlers() {
  const workspace = await tempDir(cleanup, 'tessera-ws-');
  const policy = await createWorkspacePolicy(workspace);
  const remote = await remoteService(cleanup);
  return { h: createSourcesHandlers({ remote, localImagesDir: workspace }, policy), workspace };
}

describe('fetchAnnotationPage', () => {
  it('fetches a page, then answers from the cache when the server is stopped', async () => {
    const server = await plainServer(cleanup, {
      '/page.json': { type: 'application/json', body: JSON.stringify(page) },
    });
    const { h } = await handlers();
    const first = await h.fetchAnnotationPage({ location: server.url('/page.json') });
    expect(first).toMatchObject({ fromCache: false, stale: false, path: null, page, file: null });
    await server.close();
    const again = await h.fetchAnnotationPage({ location: server.url('/page.json') });
    expect(again).toMatchObject({ fromCache: true, stale: true, page });
  });

  it('says so when the address holds something other than an annotation page', async () => {
    const server = await plainServer(cleanup, {
      '/manifest.json': { type: 'application/json', body: JSON.stringify({ id: 'x', type: 'Manifest' }) },
      '/empty.json': { type: 'application/json', body: JSON.stringify({ id: 'x', type: 'AnnotationPage' }) },
    });
    const { h } = await handlers();
    await expect(h.fetchAnnotationPage({ location: server.url('/manifest.json') })).rejects.toMatchObject({
      code: 'not-annotation-page',
      message: expect.stringMatching(/is a Manifest, not an AnnotationPage/),
    });
    await expect(h.fetchAnnotationPage({ location: server.url('/empty.json') })).rejects.toMatchObject({
      code: 'not-annotation-page',
      message: expect.stringMatching(/no list of annotations/),
    });
  });

  it('refuses a private address named by a document from the internet', async () => {
    const server = await plainServer(cleanup, {
      '/page.json': { type: 'application/json', body: JSON.stringify(page) },
    });
    const { h } = await handlers();
    await expect(
      h.fetchAnnotationPage({ location: server.url('/page.json'), initiator: 'public' }),
    ).rejects.toMatchObject({ code: 'private-network' });
  });

  it('reads a local page relative to the document, and refuses one outside the workspace', async () => {
    const { h, workspace } = await handlers();
    await writeFile(path.join(workspace, 'page-1.json'), JSON.stringify(page));
    const local = await h.fetchAnnotationPage({
      location: 'page-1.json',
      documentPath: path.join(workspace, 'manifest.json'),
    });
    expect(local).toMatchObject({ path: path.join(workspace, 'page-1.json'), fromCache: false, page });
    // The file as read, so edits are saved over its own text and a change on disk meanwhile is a conflict.
    expect(local.file).toMatchObject({ text: JSON.stringify(page), size: JSON.stringify(page).length });
    expect(local.file?.hash).toMatch(/^[0-9a-f]{64}$/);
    await expect(h.fetchAnnotationPage({ location: '/etc/hostname' })).rejects.toMatchObject({
      code: 'refused',
    });
    await expect(h.fetchAnnotationPage({ location: 'ftp://example.org/p.json' })).rejects.toMatchObject({
      code: 'refused',
    });
  });
});
