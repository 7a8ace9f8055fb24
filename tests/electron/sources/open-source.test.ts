/** Opening manifests and collections as sources: from institutions (P3, P2 upgraded), offline, and files. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkspacePolicy } from '../../../electron/services/files/path-policy';
import { openSource } from '../../../electron/services/sources/open-source';
import { sourceInfoOf } from '../../../shared/iiif/canvas-build';
import { cleanups, institution, remoteService, tempDir } from './helpers';

const cleanup = cleanups();
afterEach(() => cleanup.run());

async function deps() {
  const workspace = await tempDir(cleanup, 'tessera-ws-');
  return { remote: await remoteService(cleanup), policy: await createWorkspacePolicy(workspace), workspace };
}

describe('openSource', () => {
  it('opens an institution’s Presentation 3 manifest with its credits', async () => {
    const inst = await institution(cleanup, { level: 0, imageApi: 3, name: 'Static Library' });
    const { remote, policy } = await deps();
    const source = await openSource({ remote, policy }, inst.manifestUrl(3));
    expect(source).toMatchObject({ kind: 'Manifest', sourceVersion: 3, fromCache: false, stale: false });
    expect(source.doc['items']).toHaveLength(2);
    const info = sourceInfoOf(source.doc);
    expect(info.rights).toBe(inst.credits.rights);
    expect(JSON.stringify(info.requiredStatement)).toContain(inst.credits.attribution);
    expect(JSON.stringify(info.provider)).toContain('Static Library');
  });

  it('upgrades a Presentation 2 manifest, keeping its attribution and licence', async () => {
    const inst = await institution(cleanup, { level: 2, imageApi: 2 });
    const { remote, policy } = await deps();
    const source = await openSource({ remote, policy }, inst.manifestUrl(2));
    expect(source).toMatchObject({ kind: 'Manifest', sourceVersion: 2 });
    expect(source.doc['type']).toBe('Manifest');
    expect(source.doc['items']).toHaveLength(2);
    const info = sourceInfoOf(source.doc);
    expect(info.rights).toBe(inst.credits.rights);
    expect(JSON.stringify(info.requiredStatement)).toContain(inst.credits.attribution);
  });

  it('serves the offline copy when the institution cannot be reached', async () => {
    const inst = await institution(cleanup, { level: 2, imageApi: 3 });
    const { remote, policy } = await deps();
    await openSource({ remote, policy }, inst.manifestUrl(3));
    await inst.close();
    const again = await openSource({ remote, policy }, inst.manifestUrl(3));
    expect(again).toMatchObject({ kind: 'Manifest', stale: true, fromCache: true });
  });

  it('opens a collection file from the workspace, and refuses files outside it and other schemes', async () => {
    const { remote, policy, workspace } = await deps();
    const collection = {
      '@context': 'http://iiif.io/api/presentation/3/context.json',
      id: 'https://example.org/c.json',
      type: 'Collection',
      label: { en: ['Things'] },
      items: [{ id: 'https://example.org/m.json', type: 'Manifest', label: { en: ['One'] } }],
    };
    await writeFile(path.join(workspace, 'c.json'), JSON.stringify(collection));
    const source = await openSource({ remote, policy }, path.join(workspace, 'c.json'));
    expect(source).toMatchObject({ kind: 'Collection', finalUrl: null });
    await expect(openSource({ remote, policy }, '/etc/hostname')).rejects.toMatchObject({ code: 'refused' });
    await expect(openSource({ remote, policy }, 'file:///etc/hostname')).rejects.toMatchObject({
      code: 'refused',
    });
  });

  it('says what an info.json is when it is opened as a source', async () => {
    const inst = await institution(cleanup, { level: 2, imageApi: 3 });
    const { remote, policy } = await deps();
    await expect(openSource({ remote, policy }, inst.infoUrl('quadrants'))).rejects.toMatchObject({
      code: 'not-iiif',
      message: expect.stringMatching(/info\.json/),
    });
  });
});
