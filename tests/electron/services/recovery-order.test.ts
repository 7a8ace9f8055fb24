/**
 * Recovery lists unsaved documents in the order of the tabs they were open in (issue 17), so that "Restore
 * all" reopens them as they were; records of older versions, which do not say, come after, the latest first.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAutosaveStore } from '../../../electron/services/recovery/autosave-store';

let folder: string;

beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'tessera-recovery-order-'));
});
afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

describe('the order of recoverable documents', () => {
  it('follows the tabs, whatever order the records were written in', async () => {
    let now = 0;
    const store = createAutosaveStore(folder, () => (now += 1));
    // Written last to first, and the first rewritten after a reorder: the latest write is not the first tab.
    await store.write({ key: 'c', path: null, name: 'c.json', text: '{}', tab: 2 });
    await store.write({ key: 'a', path: null, name: 'a.json', text: '{}', tab: 0 });
    await store.write({ key: 'b', path: null, name: 'b.json', text: '{}', tab: 1 });
    await store.write({ key: 'a', path: null, name: 'a.json', text: '{"x":1}', tab: 0 });
    const { items } = await store.list();
    expect(items.map((item) => item.key)).toEqual(['a', 'b', 'c']);
    // The listing says what it always said: no new field reaches the renderer.
    expect(Object.keys(items[0] ?? {})).toEqual(['key', 'path', 'name', 'savedAt']);
  });

  it('puts records without a place after those with one, the latest first', async () => {
    let now = 0;
    const store = createAutosaveStore(folder, () => (now += 1));
    await store.write({ key: 'old1', path: null, name: 'old1.json', text: '{}' });
    await store.write({ key: 'old2', path: null, name: 'old2.json', text: '{}' });
    await store.write({ key: 'tabbed', path: null, name: 'tabbed.json', text: '{}', tab: 3 });
    // A place that is not a whole number is ignored, as if the record did not say.
    await fs.writeFile(
      path.join(folder, 'odd.autosave.json'),
      JSON.stringify({ key: 'odd', path: null, name: 'odd.json', savedAt: 0, text: '{}', tab: -1 }),
    );
    const { items } = await store.list();
    expect(items.map((item) => item.key)).toEqual(['tabbed', 'old2', 'old1', 'odd']);
  });
});
