/**
 * The only module that chooses the transport, so no other code knows which shell it runs in: `window.api`
 * from the Electron preload, or the same contract over HTTP to the web host (http-transport.ts). Everything
 * else imports `api` from here; the one exception is the background worker's autosave upload, which gets
 * `httpToken` from here.
 */
import type { Api } from '../../shared/ipc/api';
import { createHttpApi } from './http-transport';

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

const token = window.api ? null : takeToken();

export const api: Api = window.api ?? createHttpApi(token ?? '');
export const isElectron = window.api !== undefined;
/**
 * The web host's token, for the background worker's own call (the autosave upload: posting a 10k-canvas text
 * costs the thread that sends it hundreds of milliseconds in Chromium); null in Electron.
 */
export const httpToken: string | null = token;
