import { describe, expect, it } from 'vitest';
import {
  orderedRecords,
  type RecordTransport,
} from '../../../renderer/src/features/documents/autosave-records';

/** A transport whose calls finish only when the test says so, recording when each one started and ended. */
function heldTransport() {
  const log: string[] = [];
  const release: (() => void)[] = [];
  const call = (name: string) =>
    new Promise<{ ok: true; value: never }>((resolve) => {
      log.push(`start ${name}`);
      release.push(() => {
        log.push(`end ${name}`);
        resolve({ ok: true, value: {} as never });
      });
    });
  const transport: RecordTransport = {
    writeAutosave: ({ key }) => call(`write ${key}`),
    clearAutosave: ({ key }) => call(`clear ${key}`),
  };
  return { transport, log, release };
}

describe('recovery records from the renderer', () => {
  it('sends a clear only once the write before it has finished', async () => {
    const { transport, log, release } = heldTransport();
    const records = orderedRecords(transport);
    const write = records.write({ key: 'k', path: null, name: 'x', text: '{}' });
    const clear = records.clear('k');
    await Promise.resolve();
    expect(log).toEqual(['start write k']);
    release.shift()?.();
    await write;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(log).toEqual(['start write k', 'end write k', 'start clear k']);
    release.shift()?.();
    await clear;
    expect(log.at(-1)).toBe('end clear k');
  });

  it('goes on after a call that failed', async () => {
    let calls = 0;
    const records = orderedRecords({
      writeAutosave: () => {
        calls += 1;
        return Promise.reject(new Error('gone'));
      },
      clearAutosave: () => {
        calls += 1;
        return Promise.resolve({ ok: true, value: {} });
      },
    });
    await expect(records.write({ key: 'k', path: null, name: 'x', text: '{}' })).rejects.toThrow('gone');
    await expect(records.clear('k')).resolves.toEqual({ ok: true, value: {} });
    expect(calls).toBe(2);
  });
});
