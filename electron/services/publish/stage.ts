/**
 * The staging step every target shares: the whole publication is written into a folder of its own, then read
 * back and compared with the plan, before any target switches to it. A publication that cannot be written or
 * read back whole is never switched to, so the previous one keeps serving.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { RECORD_FILE } from '../../../shared/iiif/publish/publication-record';
import { UserFacingError } from '../../../shared/ipc/result';
import { collectionsOf } from './plan-collections';
import type { PublicationPlan } from './publish';
import { copyTileFolders } from './tile-folders';
import { throwIfCancelled, type TransferControl } from './transfer-control';

/**
 * Writes the plan into `dir`; returns the tile folders copied for each Manifest, by path in the publication.
 * Progress counts documents and image tile folders written; a cancellation stops between two of them.
 */
export async function stagePublication(
  plan: PublicationPlan,
  dir: string,
  control?: TransferControl,
): Promise<string[][]> {
  const tiles: string[][] = [];
  const collections = collectionsOf(plan);
  const total =
    plan.manifests.reduce((n, p) => n + 2 + p.pages.length + p.tileFolders.length, 0) + collections.length;
  let done = 0;
  const step = () => {
    throwIfCancelled(control);
    control?.onProgress?.({ phase: 'staging', done, total });
    done += 1;
  };
  for (const p of plan.manifests) {
    const folder = path.join(dir, p.folder);
    await fs.mkdir(folder, { recursive: true });
    step();
    await writeDurably(path.join(folder, 'manifest.json'), p.text);
    step();
    await writeDurably(path.join(folder, RECORD_FILE), p.record.text);
    for (const page of p.pages) {
      step();
      const file = path.join(dir, ...page.file.split('/'));
      await fs.mkdir(path.dirname(file), { recursive: true });
      await writeDurably(file, page.text);
    }
    const copied: string[] = [];
    for (const tileFolder of p.tileFolders) {
      step();
      copied.push(...(await copyTileFolders(folder, [tileFolder], p.base)));
    }
    tiles.push(copied.map((t) => (p.folder ? `${p.folder}/${t}` : t)));
  }
  for (const collection of collections) {
    step();
    const file = path.join(dir, ...collection.file.split('/'));
    await fs.mkdir(path.dirname(file), { recursive: true });
    await writeDurably(file, collection.text);
  }
  throwIfCancelled(control);
  control?.onProgress?.({ phase: 'staging', done, total });
  await verifyStaged(plan, dir);
  return tiles;
}

/** Every document of the plan is in `dir` with exactly the planned bytes, and parses. */
async function verifyStaged(plan: PublicationPlan, dir: string): Promise<void> {
  const documents = [...plan.manifests.flatMap((m) => [m, m.record, ...m.pages]), ...collectionsOf(plan)];
  for (const { file, text } of documents) {
    const written = await fs.readFile(path.join(dir, ...file.split('/')), 'utf8').catch(() => undefined);
    let parses = true;
    try {
      JSON.parse(written ?? '');
    } catch {
      parses = false;
    }
    if (written !== text || !parses)
      throw new UserFacingError(
        'staging-failed',
        `${file} did not read back as it was written, so nothing was published.`,
      );
  }
}

async function writeDurably(file: string, text: string): Promise<void> {
  const handle = await fs.open(file, 'wx', 0o644);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}
