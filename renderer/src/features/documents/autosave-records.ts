/**
 * The renderer's side of the recovery records: every write and clear goes out one after another, in the order
 * asked. Sent side by side, a clear (after a save) could overtake an autosave write still in flight, and the
 * write would then land after it: the saved document would be offered for recovery on the next start.
 */
import type { Api } from '../../../../shared/ipc/api';
import type { RequestOf } from '../../../../shared/ipc/contract';
import { api } from '../../api';

export type RecordTransport = Pick<Api, 'writeAutosave' | 'clearAutosave'>;

export function orderedRecords(transport: RecordTransport) {
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(operation: () => Promise<T>): Promise<T> => {
    const next = queue.then(operation, operation);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    write: (entry: RequestOf<'writeAutosave'>) => enqueue(() => transport.writeAutosave(entry)),
    clear: (key: string) => enqueue(() => transport.clearAutosave({ key })),
  };
}

const records = orderedRecords(api);

export const writeRecoveryRecord = records.write;
export const clearRecoveryRecord = records.clear;
