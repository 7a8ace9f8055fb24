/**
 * The contract over HTTP to the web host (shared/ipc/contract.ts, the same channels Electron serves over
 * IPC): one POST per call, with the per-launch token. Used by api.ts on the main thread and by the background
 * worker for the autosave upload (features/background), which is why it reads nothing from `window`: its
 * caller passes the token.
 */
import { createApi, type Api } from '../../shared/ipc/api';
import { channelNames } from '../../shared/ipc/channel-names';
import type { ChannelName } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';

export async function invokeOverHttp(
  token: string,
  channel: ChannelName,
  request: unknown,
): Promise<Result<unknown>> {
  try {
    const response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Tessera-Token': token },
      body: JSON.stringify(request ?? {}),
    });
    return (await response.json()) as Result<unknown>;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: { code: 'offline', message: `Tessera's host cannot be reached (${message}).` },
    };
  }
}

export function createHttpApi(token: string): Api {
  return createApi((channel, request) => invokeOverHttp(token, channel, request), channelNames);
}
