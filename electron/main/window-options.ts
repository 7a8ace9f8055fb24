/**
 * The one place BrowserWindow options are made (Electron security checklist items 2–5, 8, 9; the code cache). Pure data, so the
 * unit tests assert every setting without launching Electron.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

/** How far each new window sits from the one used last: a window right on top of another looks like none opened. */
export const CASCADE_STEP = 32;

/**
 * Every window's options: the first is centred (Electron's default without x and y); later ones are placed a
 * step below and right of `after`, the position of the window used last ([x, y], BrowserWindow.getPosition).
 */
export function mainWindowOptions(
  preloadPath: string,
  after?: readonly [number, number],
): BrowserWindowConstructorOptions {
  return {
    ...(after ? { x: after[0] + CASCADE_STEP, y: after[1] + CASCADE_STEP } : {}),
    width: 1440,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Tessera',
    backgroundColor: '#1b1d21',
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableBlinkFeatures: '',
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
      safeDialogs: true,
      // Cache the compiled renderer bundle on its first run, not after V8's "seen it several times" heuristic:
      // a desktop app loads the same bundle every launch (app:// has the codeCache privilege for this).
      v8CacheOptions: 'bypassHeatCheck',
    },
  };
}
