/**
 * The publish flow behind the contract: a review (final ids, findings and a diff against what the target serves
 * now, written nowhere) and the publication itself (electron/services/publish does the writing), to a folder, a
 * Git repository or S3 storage (built by the handler: target-request). The open document is published alone, or
 * first in a collection with other Manifest files (read by the handler).
 */
import path from 'node:path';
import { isJsonObject, type JsonObject, type JsonValue } from '../../../shared/iiif/json';
import { collectionLabelText } from '../../../shared/iiif/publish/collection-naming';
import { UserFacingError } from '../../../shared/ipc/result';
import { localImageBase } from '../sources/local-images';
import { displayStringOf } from '../../../shared/iiif/language';
import { assemblePublication } from './assemble';
import { assembleCollectionTree, type LocalMember } from './collection-tree';
import type { UriChanges } from '../../../shared/iiif/publish/publication-record';
import type { OtherManifest } from './other-manifests';
import { preparePublication, publish, type PlanOptions } from './publish';
import type { BuiltTarget } from './target-request';
import type { TransferControl } from './transfer-control';

export interface PublicationRequest {
  doc: unknown;
  base: string;
  minify: boolean;
  /** Write Presentation 2.1 instead of 3. */
  presentation2?: boolean;
  /** Annotation pages embedded (the default) or written as files of their own. */
  annotationPages?: 'embedded' | 'referenced';
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

/**
 * What publish() takes for this request: the document, then the other files in order; or, for a Collection, the
 * Collection with its local members (found by the handler: collection-tree.ts).
 */
function publicationOf(
  request: PublicationRequest,
  outName: string,
  local: LocalImages,
  others: readonly OtherManifest[],
  members: readonly LocalMember[],
): PlanOptions {
  if (!isJsonObject(request.doc))
    throw new UserFacingError('invalid-request', 'There is no document to publish.');
  const localImages =
    request.origin && local.dir ? { base: localImageBase(request.origin), dir: local.dir } : undefined;
  if (isCollection(request.doc)) {
    if (others.length > 0)
      throw new UserFacingError(
        'invalid-request',
        'A Collection is published with its own members; add other Manifests to it as members instead.',
      );
    return assembleCollectionTree({
      collection: request.doc,
      local: members,
      base: request.base,
      minify: request.minify,
      localImages,
    });
  }
  const name = request.name?.trim() || 'This document';
  return assemblePublication({
    entries: [
      { doc: request.doc as JsonValue, fileName: name },
      ...others.map((o) => ({ doc: o.doc, fileName: o.name })),
    ],
    base: request.base,
    outName,
    collectionLabel: request.collectionLabel,
    minify: request.minify,
    localImages,
  });
}

/** A Collection document: published as a tree. */
export function isCollection(doc: unknown): doc is JsonObject {
  return isJsonObject(doc) && doc['type'] === 'Collection';
}

function optionsOf(
  request: PublicationRequest,
  built: BuiltTarget,
  local: LocalImages,
  others: readonly OtherManifest[],
  members: readonly LocalMember[],
): PlanOptions {
  return {
    ...publicationOf(request, built.outName, local, others, members),
    presentation2: request.presentation2 === true,
    annotationPages: request.annotationPages ?? 'embedded',
  };
}

/** What Presentation 2.1 cannot say, each line naming its file when several are published. */
function lostOf(manifests: readonly { readonly name: string; readonly lost: readonly string[] }[]): string[] {
  const several = manifests.length > 1;
  return manifests.flatMap((m) => m.lost.map((line) => (several ? `${m.name}: ${line}` : line)));
}

const SAMPLE_PATHS = 12;

export async function reviewPublication(
  request: PublicationRequest,
  built: BuiltTarget,
  local: LocalImages,
  others: readonly OtherManifest[] = [],
  members: readonly LocalMember[] = [],
) {
  const { plan, changes } = await preparePublication(
    optionsOf(request, built, local, others, members),
    await built.target.open(),
  );
  const { collection } = plan;
  const written = [...plan.manifests, ...(collection ? [collection] : [])];
  // A Collection's review leads with the collection itself (it may have no local member at all).
  const document = isCollection(request.doc) ? collection : plan.manifests[0];
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
    uris: uriSummary(plan.manifests.map((m) => m.uris)),
    lost: lostOf(plan.manifests),
    where: built.target.where,
    ...(collection
      ? {
          collection: {
            url: collection.url,
            label: isCollection(request.doc)
              ? displayStringOf(request.doc['label'])
              : collectionLabelText(request.collectionLabel, path.basename(built.outName)),
            manifests: plan.manifests.map((m) => ({ name: m.name, url: m.url })),
          },
        }
      : {}),
  };
}

const SAMPLE_URIS = 20;

function uriSummary(all: readonly UriChanges[]) {
  const changed = all.flatMap((u) => u.changed);
  const added = all.flatMap((u) => u.added);
  const removed = all.flatMap((u) => u.removed);
  return {
    changed: changed.slice(0, SAMPLE_URIS),
    added: added.slice(0, SAMPLE_URIS),
    removed: removed.slice(0, SAMPLE_URIS),
    counts: { changed: changed.length, added: added.length, removed: removed.length },
  };
}

export async function publishDocument(
  request: PublicationRequest & { allowErrors: boolean; allowUriChanges: boolean },
  built: BuiltTarget,
  local: LocalImages,
  others: readonly OtherManifest[] = [],
  control: TransferControl = {},
  members: readonly LocalMember[] = [],
) {
  const outcome = await publish({
    ...optionsOf(request, built, local, others, members),
    target: built.target,
    allowErrors: request.allowErrors,
    allowUriChanges: request.allowUriChanges,
    ...(control.signal ? { signal: control.signal } : {}),
    ...(control.onProgress ? { onProgress: control.onProgress } : {}),
  });
  if (!outcome.ok) throw new UserFacingError(outcome.error.code, outcome.error.message);
  const { manifests, collectionUrl } = outcome.value;
  const manifest = manifests[0];
  return {
    outDir: outcome.value.outDir,
    manifestUrl: (isCollection(request.doc) ? collectionUrl : manifest?.url) ?? '',
    file: manifest?.file ?? 'manifest.json',
    tiles: manifests.reduce((n, m) => n + m.tiles.length, 0),
    manifestCount: manifests.length,
    ...(collectionUrl !== undefined ? { collectionUrl } : {}),
    check: { ...outcome.value.check, failures: [...outcome.value.check.failures] },
    lost: lostOf(manifests),
  };
}
