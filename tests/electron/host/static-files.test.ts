import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStaticFile } from '../../../electron/host/static-files';

describe('static files of the built renderer (app:// and the web host)', () => {
  it('serves the background worker module as JavaScript: module workers refuse any other type', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'tessera-static-'));
    await mkdir(path.join(root, 'assets'));
    await writeFile(path.join(root, 'assets', 'document.worker-abc123.js'), 'self.onmessage = () => {};');
    const file = await readStaticFile(root, '/assets/document.worker-abc123.js', 'app://tessera');
    expect(file.status).toBe(200);
    expect(file.type).toMatch(/^text\/javascript\b/);
  });
});
