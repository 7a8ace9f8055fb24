/**
 * The renderer bundles stand-ins for two of sanitize-html's dependencies (vite.config.ts): htmlparser2's parser
 * alone, and no postcss. The stand-in parser must stay the package's own class (a dependency update that moves
 * the file fails here, not in a user's window), and the postcss stand-in must say why it refuses.
 */
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import config from '../../vite.config';

// @ts-expect-error: a plain ES module without type declarations.
const parserShim = import('../../build/renderer-shims/htmlparser2-parser.mjs') as Promise<{
  Parser: unknown;
}>;
// @ts-expect-error: a plain ES module without type declarations.
const postcssShim = import('../../build/renderer-shims/postcss-unused.mjs') as Promise<{
  parse: () => unknown;
}>;

describe('the renderer’s stand-ins for sanitize-html’s dependencies', () => {
  it('give sanitize-html htmlparser2’s own Parser', async () => {
    expect((await parserShim).Parser).toBe(Parser);
  });

  it('refuse to parse styles, naming the option that must stay off', async () => {
    const { parse } = await postcssShim;
    expect(() => parse()).toThrow(/parseStyleAttributes: false/);
  });

  it('are what the renderer build resolves the two packages to', () => {
    const aliases = (config as { resolve?: { alias?: { find: RegExp; replacement: string }[] } }).resolve
      ?.alias;
    const targets = Object.fromEntries((aliases ?? []).map((a) => [String(a.find), a.replacement]));
    expect(targets['/^htmlparser2$/']).toMatch(/build\/renderer-shims\/htmlparser2-parser\.mjs$/);
    expect(targets['/^postcss$/']).toMatch(/build\/renderer-shims\/postcss-unused\.mjs$/);
  });
});
