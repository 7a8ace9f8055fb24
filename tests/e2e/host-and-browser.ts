/**
 * The setup most e2e files share: the built web host and a Chromium page on it, started once before a describe
 * block's tests and closed after them. One place, so every file starts and stops them alike (and a change to how
 * they start, say a new Chromium flag, reaches every file).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { openApp, openBrowser, startHost, type BrowserSession, type HostProcess } from './harness';

export interface HostAndBrowser {
  readonly host: HostProcess;
  readonly session: BrowserSession;
  close(): Promise<void>;
}

/** A host (with its own throwaway workspace and data folder) and a browser; `close` stops both. */
export async function startHostAndBrowser(
  options: Parameters<typeof startHost>[0] = {},
): Promise<HostAndBrowser> {
  const host = await startHost(options);
  const session = await openBrowser().catch(async (error: unknown) => {
    await host.stop();
    throw error;
  });
  return {
    host,
    session,
    close: async () => {
      await session.close();
      await host.stop();
    },
  };
}

/**
 * Registers, in the describe block that calls it, a beforeAll that runs `start` and an afterAll that closes what
 * it made; the returned function gives that to the block's own hooks and tests (vitest runs hooks in the order
 * they are registered, so call this before the block's own beforeAll).
 */
export function startedForBlock<T extends { close(): Promise<void> }>(start: () => Promise<T>): () => T {
  let started: T | undefined;
  beforeAll(async () => {
    started = await start();
  });
  afterAll(async () => {
    await started?.close();
  });
  return () => {
    if (!started) throw new Error('the host and browser of this block are not started yet');
    return started;
  };
}

/** A block's running host and browser, read when a hook or test uses them (not when the block is declared). */
export class BlockHostAndBrowser<T extends HostAndBrowser = HostAndBrowser> {
  constructor(protected readonly running: () => T) {}
  get host(): HostProcess {
    return this.running().host;
  }
  get session(): BrowserSession {
    return this.running().session;
  }
  get page(): Page {
    return this.running().session.page;
  }
}

/**
 * A host and a browser for the tests of the describe block that calls it; with `openApp`, the app is loaded and
 * showing its first screen before the block's own beforeAll.
 */
export function useHostAndBrowser(options: { readonly openApp?: boolean } = {}): BlockHostAndBrowser {
  return new BlockHostAndBrowser(
    startedForBlock(async () => {
      const started = await startHostAndBrowser();
      if (options.openApp === true) await openApp(started.session.page, started.host.url);
      return started;
    }),
  );
}
