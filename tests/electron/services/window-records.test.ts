/**
 * Recovery records shared by several desktop windows, with real files in a temp folder: a running window's
 * records are neither offered to another window nor readable by it; after a crash every record is offered
 * once; a window that closes clears its own and frees what it left unrestored.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAutosaveStore } from '../../../electron/services/recovery/autosave-store';
import { createWindowRecords } from '../../../electron/services/recovery/window-records';

let folder: string;
beforeEach(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'tessera-window-records-'));
});
afterEach(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

/** One run of the app: its open windows, as the registry answers isOpen. */
function run() {
  const open = new Set<string>();
  const records = createWindowRecords(createAutosaveStore(folder), (owner) => open.has(owner));
  return {
    records,
    open(owner: string) {
      open.add(owner);
      return records.forWindow(owner);
    },
    async close(owner: string) {
      open.delete(owner);
      await records.windowClosed(owner);
    },
  };
}

const entry = (key: string) => ({ key, path: null, name: `${key}.json`, text: `{"id":"${key}"}` });
const keys = (listed: { items: { key: string }[] }) => listed.items.map((i) => i.key).sort();
const files = async () => (await fs.readdir(folder)).filter((n) => n.endsWith('.autosave.json')).sort();

describe('recovery records of several windows', () => {
  it('keeps a running window’s records from the other window', async () => {
    const app = run();
    const a = app.open('window-a');
    const b = app.open('window-b');
    await a.write(entry('a1'));
    await b.write(entry('b1'));
    expect(keys(await b.list())).toEqual(['b1']);
    expect(keys(await a.list())).toEqual(['a1']);
    await expect(b.read('a1')).rejects.toThrow('no longer available');
    expect((await a.read('a1')).text).toBe('{"id":"a1"}');
  });

  it('offers every record of a crashed run once, to one window, and each window’s only once', async () => {
    const before = run();
    const a = before.open('old-a');
    const b = before.open('old-b');
    await a.write(entry('a1'));
    await a.write(entry('a2'));
    await b.write(entry('b1'));
    // kill -9: no window closes; the next run starts with the same folder.
    const after = run();
    const first = after.open('new-1');
    expect(keys(await first.list())).toEqual(['a1', 'a2', 'b1']);
    // A window opened while the first still decides is not offered the same work again.
    const second = after.open('new-2');
    expect(keys(await second.list())).toEqual([]);
    await expect(second.read('b1')).rejects.toThrow('no longer available');
    // The first restores one: read, written again under a new key (its tab), the old record cleared.
    const restored = await first.read('a1');
    await first.write({ ...entry('tab-1'), text: restored.text });
    await first.clear('a1');
    expect(keys(await first.list())).toEqual(['a2', 'b1', 'tab-1']);
    expect(keys(await second.list())).toEqual([]);
  });

  it('on closing, clears what the window wrote and frees what it left for later', async () => {
    const before = run();
    await before.open('old').write(entry('left'));
    const app = run();
    const a = app.open('window-a');
    const b = app.open('window-b');
    expect(keys(await a.list())).toEqual(['left']);
    // "Not now", then the window is closed with its own unsaved work discarded ("Don't Save"). Its last write
    // is still on its way when the window goes.
    await a.write(entry('mine'));
    const late = a.write({ ...entry('mine'), text: '{"late":true}' });
    await app.close('window-a');
    await late;
    expect(await files()).toEqual(['left.autosave.json']);
    // What it was offered and left is offered to the next window that asks.
    expect(keys(await b.list())).toEqual(['left']);
  });

  it('still offers records written before windows had owners', async () => {
    await createAutosaveStore(folder).write(entry('legacy'));
    const app = run();
    expect(keys(await app.open('window-a').list())).toEqual(['legacy']);
    expect(keys(await app.open('window-b').list())).toEqual([]);
  });
});
