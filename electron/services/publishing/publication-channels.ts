/**
 * The publish flow behind the contract: a review (final ids, findings and a diff against what the output folder
 * holds now, written nowhere) and the publication itself (electron/services/publish does the writing). The open
 * document is published alone, or first in a collection with other Manifest files (read by the handler).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { isJsonObject, type JsonValue } from '../../../shared/iiif/json';
import { collectionLabelText, uniqueFolderNames } from '../../../shared/iiif/publish/collection-naming';
import { UserFacingError } from '../../../shared/ipc/result';
import { diffAgainstLastPublication } from '../publish/last-publication';
import { planPublication, publish, type ManifestToPublish, type PlanOptions } from '../publish/publish';
import type { TileFolder } from '../publish/tile-folders';
import { localImageBase } from '../sources/local-images';
import type { OtherManifest } from './other-manifests';

export interface PublicationRequest {
  doc: unknown;
  base: string;
  outDir: string;
  minify: boolean;
  /** The page's origin: local images are served (and so referenced) under `${origin}/local-images`. */
  origin?: string | undefined;
  /** Label of the collection.json (plain text), when other files are published with the document. */
  collectionLabel?: string | undefined;
  /** The open document's file name, which names its folder in a collection. */
  name?: string | undefined;
}

/** Where this app keeps the tiles of local images (absent where the shell has no sources service). */
export interface LocalImages {
  dir: string | null;
}

const IMAGE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * The local images a document uses, as tile folders to copy into the publication. Their URLs move from
 * `${fromBase}/<id>` to `${base}/images/<id>` (rewriteIds), so each folder goes to `images/<id>`.
 */
function localTileFolders(doc: JsonValue, fromBase: string, local: LocalImages): TileFolder[] {
  if (!local.dir) return [];
  const ids = new Set<string>();
  const text = JSON.stringify(doc);
  for (let at = text.indexOf(`${fromBase}/`); at !== -1; at = text.indexOf(`${fromBase}/`, at + 1)) {
    const id = text.slice(at + fromBase.length + 1).split(/[/"?#]/, 1)[0] ?? '';
    if (IMAGE_ID.test(id)) ids.add(id);
  }
  const tileFolders: TileFolder[] = [];
  for (const id of [...ids].sort()) {
    const sourceDir = path.join(local.dir, id);
    if (existsSync(path.join(sourceDir, 'info.json')))
      tileFolders.push({ sourceDir, destRelPath: `images/${id}` });
  }
  return tileFolders;
}

function checkRequest(request: PublicationRequest): JsonValue {
  if (!isJsonObject(request.doc))
    throw new UserFacingError('invalid-request', 'There is no document to publish.');
  if (!/^https?:\/\/[^\s/?#]+/i.test(request.base)) {
    throw new UserFacingError(
      'invalid-base',
      `The base URL must be an http(s) address, not "${request.base}".`,
    );
  }
  return request.doc as JsonValue;
}

/**
 * What publish() takes for this request: the document, then the other files in order, each with the local
 * images it uses. With other files, each gets a folder named after its file and the collection a label.
 */
function publicationOf(
  request: PublicationRequest,
  outDir: string,
  local: LocalImages,
  others: readonly OtherManifest[],
): PlanOptions {
  const doc = checkRequest(request);
  const fromBase = request.origin && local.dir ? localImageBase(request.origin) : undefined;
  const entries = [{ name: request.name?.trim() || 'This document', doc }, ...others];
  const several = entries.length > 1;
  const folders = uniqueFolderNames(entries.map((e) => e.name));
  // Findings are attributed by name: two files with the same name are told apart by their folders.
  const shared = (name: string) => entries.filter((e) => e.name === name).length > 1;
  const manifests = entries.map((entry, index): ManifestToPublish => {
    const folder = folders[index] as string;
    return {
      doc: entry.doc,
      tileFolders: fromBase ? localTileFolders(entry.doc, fromBase, local) : [],
      ...(several
        ? { slug: folder, name: shared(entry.name) ? `${entry.name} (${folder})` : entry.name }
        : {}),
    };
  });
  return {
    base: request.base,
    manifests,
    minify: request.minify,
    ...(fromBase ? { localImageBase: fromBase } : {}),
    ...(several
      ? { collectionLabel: { none: [collectionLabelText(request.collectionLabel, path.basename(outDir))] } }
      : {}),
  };
}

const SAMPLE_PATHS = 12;

export async function reviewPublication(
  request: PublicationRequest,
  outDir: string,
  local: LocalImages,
  others: readonly OtherManifest[] = [],
) {
  const options = publicationOf(request, outDir, local, others);
  const plan = planPublication(options);
  const { collection } = plan;
  const written = [...plan.manifests, ...(collection ? [collection] : [])];
  const changes = await Promise.all(written.map((w) => diffAgainstLastPublication(outDir, w.text, w.file)));
  const document = plan.manifests[0];
  if (!document) throw new UserFacingError('nothing-to-publish', 'There is no Manifest to publish.');
  const sum = (key: 'added' | 'removed' | 'changed') => changes.reduce((n, c) => n + c.diff.counts[key], 0);
  // With several files, a changed path says which file it is in.
  const samplePaths = changes.flatMap((c, index) =>
    [...c.diff.changed, ...c.diff.added, ...c.diff.removed].map((p) =>
      collection ? `${written[index]?.file ?? ''} ${p}` : p,
    ),
  );
  return {
    manifestUrl: document.url,
    bytes: document.text.length,
    findings: plan.manifests.flatMap((m) =>
      m.findings.map((f) => ({
        severity: f.severity,
        code: f.code,
        message: f.message,
        path: f.pathText,
        ...(collection ? { manifest: m.name } : {}),
      })),
    ),
    firstPublication: changes.every((c) => c.firstPublication),
    identical: changes.every((c) => c.identical),
    counts: { added: sum('added'), removed: sum('removed'), changed: sum('changed') },
    samplePaths: samplePaths.slice(0, SAMPLE_PATHS),
    ...(collection
      ? {
          collection: {
            url: collection.url,
            label: collectionLabelText(request.collectionLabel, path.basename(outDir)),
            manifests: plan.manifests.map((m) => ({ name: m.name, url: m.url })),
          },
        }
      : {}),
  };
}

export async function publishDocument(
  request: PublicationRequest & { allowErrors: boolean },
  outDir: string,
  local: LocalImages,
  others: readonly OtherManifest[] = [],
) {
  const outcome = await publish({
    ...publicationOf(request, outDir, local, others),
    outDir,
    allowErrors: request.allowErrors,
    inputFiles: others.map((other) => other.file),
  });
  if (!outcome.ok) throw new UserFacingError(outcome.error.code, outcome.error.message);
  const { manifests, collectionUrl } = outcome.value;
  const manifest = manifests[0];
  return {
    outDir: outcome.value.outDir,
    manifestUrl: manifest?.url ?? '',
    file: manifest?.file ?? 'manifest.json',
    tiles: manifests.reduce((n, m) => n + m.tiles.length, 0),
    manifestCount: manifests.length,
    ...(collectionUrl !== undefined ? { collectionUrl } : {}),
  };
}
