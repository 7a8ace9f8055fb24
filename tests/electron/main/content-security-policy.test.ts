import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../electron/security/content-security-policy';

function directive(policy: string, name: string): string | undefined {
  return policy
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `));
}

describe('media-src', () => {
  it('lets the app play its own files and institutions’ media, nothing made in the page', () => {
    const media = directive(contentSecurityPolicy({ connectSelf: true }), 'media-src');
    expect(media?.split(' ').slice(1).sort()).toEqual(["'self'", 'http:', 'https:']);
  });
});
