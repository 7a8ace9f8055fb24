/**
 * The shape of `window.api` and of the HTTP client: one async function per channel, answering a Result.
 */
import type { ChannelName, RequestOf, ResponseOf } from './contract';
import type { Result } from './result';

export type Api = {
  readonly [C in ChannelName]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
};

/** Builds an Api from one generic transport function (IPC invoke, HTTP POST, or a direct call in tests). */
export function createApi(
  invoke: (channel: ChannelName, request: unknown) => Promise<Result<unknown>>,
  names: readonly ChannelName[],
): Api {
  const api: Record<string, (request: unknown) => Promise<Result<unknown>>> = {};
  for (const name of names) api[name] = (request) => invoke(name, request);
  return Object.freeze(api) as unknown as Api;
}
