import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../electron/security/content-security-policy';
import { CASCADE_STEP, mainWindowOptions } from '../../../electron/main/window-options';
import { APP_SCHEME_PRIVILEGES } from '../../../electron/main/app-origin';

describe('the main window (Electron security checklist)', () => {
  const prefs = mainWindowOptions('/app/preload.cjs').webPreferences ?? {};

  it('is sandboxed and isolated, with Node kept out of the page', () => {
    expect(prefs.sandbox).toBe(true);
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.preload).toBe('/app/preload.cjs');
  });

  it('keeps web security on and experimental surfaces off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.enableBlinkFeatures).toBe('');
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
  });
});

describe('the V8 code cache of the renderer', () => {
  it('is written on the first run of the bundle, and allowed for app://', () => {
    const prefs = mainWindowOptions('/app/preload.cjs').webPreferences ?? {};
    expect(prefs.v8CacheOptions).toBe('bypassHeatCheck');
    // Chromium keeps a code cache only for http(s) unless a standard custom scheme asks for one.
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, codeCache: true });
  });
});

describe('the content security policy', () => {
  const csp = contentSecurityPolicy({ connectSelf: false });
  it('runs scripts only from the app, never inline or eval', () => {
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("object-src 'none'");
  });
  it('lets images and tiles come from any institution over http(s)', () => {
    expect(csp).toMatch(/img-src [^;]*https:/);
  });
  it("starts workers only from the app's own scripts: no blob:, data: or remote workers", () => {
    for (const policy of [csp, contentSecurityPolicy({ connectSelf: true })]) {
      const directives = policy.split(';').map((d) => d.trim());
      expect(directives.filter((d) => d.startsWith('worker-src'))).toEqual(["worker-src 'self'"]);
      // Without worker-src, workers would fall back to child-src, then script-src.
      expect(directives.some((d) => d.startsWith('child-src'))).toBe(false);
    }
  });
});

describe('more windows', () => {
  it('are made alike, the first centred and each later one a step from the window used last', () => {
    const first = mainWindowOptions('/app/preload.cjs');
    const next = mainWindowOptions('/app/preload.cjs', [100, 80]);
    expect('x' in first || 'y' in first).toBe(false);
    expect({ x: next.x, y: next.y }).toEqual({ x: 100 + CASCADE_STEP, y: 80 + CASCADE_STEP });
    const { x: _x, y: _y, ...rest } = next;
    expect(rest).toEqual(first);
  });
});
