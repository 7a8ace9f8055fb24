import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../electron/security/content-security-policy';
import { allowsOwnAppConnection } from './app-scheme-csp';

const APP = 'app://tessera';

describe('the stand-in’s connect-src check for app://', () => {
  it('allows the page’s own fetches only where the policy says so for app://', () => {
    expect(allowsOwnAppConnection("connect-src 'self' http: https:", APP)).toBe(true);
    expect(allowsOwnAppConnection('connect-src app:', APP)).toBe(true);
    expect(allowsOwnAppConnection('connect-src app://tessera/', APP)).toBe(true);
    expect(allowsOwnAppConnection('connect-src *', APP)).toBe(true);
    // http: and https: are scheme-sources: they never match app://.
    expect(allowsOwnAppConnection('connect-src http: https:', APP)).toBe(false);
    expect(allowsOwnAppConnection('connect-src app://other', APP)).toBe(false);
  });

  it('falls back to default-src, and allows everything without a policy', () => {
    expect(allowsOwnAppConnection("default-src 'none'; img-src 'self'", APP)).toBe(false);
    expect(allowsOwnAppConnection("default-src 'self'", APP)).toBe(true);
    expect(allowsOwnAppConnection('img-src http:', APP)).toBe(true);
    expect(allowsOwnAppConnection(null, APP)).toBe(true);
  });

  it('refuses the policy of defect 2 and accepts the fixed one', () => {
    expect(allowsOwnAppConnection(contentSecurityPolicy({ connectSelf: false }), APP)).toBe(false);
    expect(allowsOwnAppConnection(contentSecurityPolicy({ connectSelf: true }), APP)).toBe(true);
  });
});
