/**
 * The setup of the e2e tests that draw on one page: a plain JPEG of the given size served from loopback, a host
 * with a workspace manifest that paints it, and a browser. The tests differ in their manifest, so they pass it
 * (made of paintedCanvas with `${imageOrigin}/page.jpg`).
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { JsonObject } from '../../shared/iiif/json';
import { serveFolder, type BrowserSession, type HostProcess } from './harness';
import { BlockHostAndBrowser, startHostAndBrowser, startedForBlock } from './host-and-browser';

export interface OnePageFixture {
  readonly host: HostProcess;
  readonly session: BrowserSession;
  /** The manifest's path in the workspace. */
  readonly file: string;
  close(): Promise<void>;
}

export interface OnePageOptions {
  readonly width: number;
  readonly height: number;
  /** The page's colour, so a screenshot tells the tests apart. */
  readonly background: string;
  /** The manifest's file name in the workspace. */
  readonly fileName: string;
  /** The manifest, given the origin the page is served from (`${origin}/page.jpg`). */
  readonly manifest: (imageOrigin: string) => JsonObject;
}

/** The fixture for the tests of one describe block: started before them, closed after them. */
export function useOnePageFixture(options: OnePageOptions): BlockOnePage {
  return new BlockOnePage(startedForBlock(() => startOnePageFixture(options)));
}

class BlockOnePage extends BlockHostAndBrowser<OnePageFixture> {
  get file(): string {
    return this.running().file;
  }
}

export async function startOnePageFixture(options: OnePageOptions): Promise<OnePageFixture> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'tessera-one-page-'));
  await sharp({
    create: { width: options.width, height: options.height, channels: 3, background: options.background },
  })
    .jpeg()
    .toFile(path.join(folder, 'page.jpg'));
  const images = await serveFolder(() => folder);
  const { host, session, close } = await startHostAndBrowser();
  const file = path.join(host.workspace, options.fileName);
  await writeFile(file, JSON.stringify(options.manifest(images.origin), null, 2));
  return {
    host,
    session,
    file,
    close: async () => {
      await close();
      images.server.close();
    },
  };
}
