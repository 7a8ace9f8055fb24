import { describe, expect, it } from 'vitest';
import { isAppUrl, isTrustedFrame } from '../../../electron/main/app-origin';

describe('the IPC sender check', () => {
  it('accepts our own top frame on app://tessera (whose URL.origin is "null" in Node)', () => {
    expect(new URL('app://tessera/').origin).toBe('null');
    expect(isTrustedFrame({ url: 'app://tessera/', parent: null })).toBe(true);
    expect(isTrustedFrame({ url: 'app://tessera/index.html?x=1#y', parent: null })).toBe(true);
  });

  it('refuses sub-frames, other hosts and schemes, and lookalikes', () => {
    expect(isTrustedFrame({ url: 'app://tessera/', parent: {} })).toBe(false);
    expect(isTrustedFrame(null)).toBe(false);
    for (const url of [
      'app://tessera.evil/',
      'app://evil/',
      'app://tessera:8080/',
      'app://user@tessera/',
      'https://tessera/',
      'file:///tessera/',
      'null',
      '',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});
