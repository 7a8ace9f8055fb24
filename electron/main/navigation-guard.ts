/**
 * Navigation and permission lockdown (checklist items 4, 12, 13, 14): a manifest's links must never turn the app
 * window into a web browser. In-app navigation is refused; http(s) links open in the system browser; every
 * permission request (camera, notifications, ...) is denied.
 */
import { app, shell, type Session, type WebContents } from 'electron';
import { APP_ORIGIN } from './app-origin';

export function isExternalWebLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}

export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

export function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Only http(s) URLs reach the system browser (checked just above); never file:, smb: or custom schemes.
    if (isExternalWebLink(url)) void shell.openExternal(url); /* eng-disable OPEN_EXTERNAL_JS_CHECK */
    return { action: 'deny' };
  });
}

/** Applies the lockdown to every web contents the app ever creates, including ones we did not plan for. */
export function lockDownAllContents(): void {
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
}
