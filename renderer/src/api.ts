/**
 * The only module that touches the transport (architecture §1): `window.api` from the Electron preload, or the
 * same contract over HTTP to the web host. Everything else imports `api` from here.
 */
import { createApi, type Api } from '../../shared/ipc/api';
import { channelNames, type ChannelName } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';

declare global {
  interface Window {
    api?: Api;
  }
}

const TOKEN_KEY = 'tessera.token';

/** The per-launch token arrives once in the URL the host printed; keep it for this tab and hide it from the bar. */
function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpApi(): Api {
  const token = takeToken();
  const invoke = async (channel: ChannelName, request: unknown): Promise<Result<unknown>> => {
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
  };
  return createApi(invoke, channelNames);
}

export const api: Api = window.api ?? httpApi();
export const isElectron = window.api !== undefined;
