/**
 * Publishes one Manifest, or several with a collection.json, into an output folder: final ids under the public
 * base URL, validation (errors block unless explicitly allowed), local image tiles copied beside the Manifest,
 * and the whole folder replaced at once. The same input always produces the same bytes.
 */
import { isLocalMediaFolder } from '../sources/local-media';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isJsonObject, type JsonObject, type JsonValue } from '../../../shared/iiif/json';
import { buildCollection } from '../../../shared/iiif/publish/collection';
import { publishedCollection } from '../../../shared/iiif/publish/collection-tree';
import { toPresentation2 } from '../../../shared/iiif/publish/presentation2';
import { referenceAnnotationPages } from '../../../shared/iiif/publish/annotation-pages';
import { rewriteIds } from '../../../shared/iiif/publish/rewrite-ids';
import { serializePublication } from '../../../shared/iiif/publish/serialize';
import { isUnpublishable, validate } from '../../../shared/iiif/validation/validate';
import type { Finding } from '../../../shared/iiif/validation/types';
import { UserFacingError, type AppError } from '../../../shared/ipc/result';
import {
  diffUris,
  nextRecord,
  parseRecord,
  RECORD_FILE,
  serializeRecord,
  type PublicationRecord,
  type PublishedResource,
  type UriChanges,
} from '../../../shared/iiif/publish/publication-record';
import {
  diffAgainstPublished,
  folderFiles,
  type PublicationDiff,
  type PublishedFiles,
} from './last-publication';
import type { PublicationCheck } from './check-published';
import { describePublishFileError } from '../files/file-errors';
import { folderTarget } from './folder-target';
import { collectionsOf } from './plan-collections';
import { stagePublication } from './stage';
import type { PublicationTarget } from './target';
import type { TileFolder } from './tile-folders';
import {
  cancelledError,
  isAbortError,
  throwIfCancelled,
  type PublishProgress,
  type TransferControl,
} from './transfer-control';

export interface ManifestToPublish {
  readonly doc: JsonValue;
  /** Its folder in the publication when several are published (letters, digits, - and _); "manifest-n" by default. */
  readonly slug?: string;
  /** How messages name it when several are published (its file name); its folder otherwise. */
  readonly name?: string;
  readonly tileFolders?: readonly TileFolder[];
}

export interface PublishOptions {
  /** The output folder; or give a target instead. */
  readonly outDir?: string;
  /** Where to publish, when not to a folder (a Git repository). */
  readonly target?: PublicationTarget;
  /** The public URL at which outDir will be served, e.g. https://example.org/iiif/book1 */
  readonly base: string;
  readonly manifests: readonly ManifestToPublish[];
  /** The URL local images are served from in the app; they move to `<manifest base>/images`. */
  readonly localImageBase?: string;
  /**
   * The app's local images: their URLs move like localImageBase's, and the tile folder of every image the id
   * mapping moved is copied beside the Manifest (for Manifests given no tileFolders of their own).
   */
  readonly localImages?: LocalImageTiles;
  /** Label of the collection.json written when several Manifests are published. */
  readonly collectionLabel?: JsonObject;
  /**
   * Publishing a Collection (a tree): the Collection itself, written as collection.json with its own properties,
   * its local Collections beneath it, and which of `manifests` each of their members is; other members stay as
   * they are.
   */
  readonly tree?: PublicationTree;
  readonly minify?: boolean;
  /**
   * Annotation pages embedded in the Manifest (the default), or each written as its own file under the base
   * (`annotations/<name>.json`) and referenced by the Manifest.
   */
  readonly annotationPages?: 'embedded' | 'referenced';
  /** Write Presentation 2.1 (for older viewers) instead of 3; what 2.1 cannot say is reported per Manifest. */
  readonly presentation2?: boolean;
  /** Publish even when the validator reports errors. */
  readonly allowErrors?: boolean;
  /**
   * Publish even when a URI published before would be replaced by another or no longer be published (true
   * unless said otherwise: the command line and the Publish dialog say false until the user confirms).
   */
  readonly allowUriChanges?: boolean;
  /**
   * The files the Manifests were read from. Replacing the output folder deletes what it held, so publishing
   * refuses an output folder that holds any of them: the originals would be gone, only rewritten copies left.
   */
  readonly inputFiles?: readonly string[];
  /** Stops the publication before the target switches to it, leaving the previous one serving. */
  readonly signal?: AbortSignal;
  /** Told n of m as files are staged and uploaded. */
  readonly onProgress?: (progress: PublishProgress) => void;
}

/**
 * A Collection published as a tree: the Collection itself (first) and each local Collection among its members, at
 * any depth, each written as `<folder>/collection.json` with the members that are published with it pointing at
 * where they are published.
 */
export interface PublicationTree {
  readonly collections: readonly TreeCollection[];
}

export interface TreeCollection {
  /** Its folder in the publication ("" for the Collection published). */
  readonly folder: string;
  readonly collection: JsonObject;
  /** Its members published with it: the place in its `items`, and which Manifest or Collection of the tree. */
  readonly members: readonly TreeMember[];
}

export type TreeMember =
  | { readonly index: number; readonly manifest: number }
  | { readonly index: number; readonly collection: number };

export interface PublishedManifest {
  /** How messages name it (see ManifestToPublish.name). */
  readonly name: string;
  readonly url: string;
  /** Path of manifest.json inside the output folder, with "/" separators. */
  readonly file: string;
  readonly findings: readonly Finding[];
  readonly mapping: Readonly<Record<string, string>>;
  readonly changes: PublicationDiff;
  readonly tiles: readonly string[];
  /** Local image URLs the Manifest now points at under the publication, but no tile folder provides. */
  readonly missingTiles: readonly string[];
  readonly uris: UriChanges;
  /** With presentation2: what Presentation 2.1 cannot say. */
  readonly lost: readonly string[];
}

export interface PublishReport {
  /** Where it was published: the output folder, or the repository and branch. */
  readonly outDir: string;
  /** What was fetched back from there after publishing. */
  readonly check: PublicationCheck;
  readonly manifests: readonly PublishedManifest[];
  readonly collectionUrl?: string;
}

export type PublishOutcome =
  | { readonly ok: true; readonly value: PublishReport }
  | { readonly ok: false; readonly error: AppError; readonly findings?: readonly Finding[] };

/** Where the app serves its local images from, and the folder holding each one's tiles (`<dir>/<image id>`). */
export interface LocalImageTiles {
  readonly base: string;
  readonly dir: string;
}

/** A folder name, or (in a Collection's tree) folder names joined by "/". */
const SLUG = /^[A-Za-z0-9][A-Za-z0-9_-]*(?:\/[A-Za-z0-9][A-Za-z0-9_-]*)*$/;

/** One Manifest as it will be written: final ids, bytes, findings. */
export interface PlannedManifest {
  /** Its folder in the publication ("" when it is the only one). */
  readonly folder: string;
  readonly name: string;
  readonly base: string;
  readonly url: string;
  /** Path of manifest.json inside the output folder, with "/" separators. */
  readonly file: string;
  readonly text: string;
  readonly doc: JsonValue;
  readonly findings: readonly Finding[];
  readonly mapping: Readonly<Record<string, string>>;
  readonly tileFolders: readonly TileFolder[];
  readonly missingTiles: readonly string[];
  /** Every resource it names, and which of their URIs change, appear or disappear since the last time. */
  readonly resources: readonly PublishedResource[];
  readonly uris: UriChanges;
  /** With presentation2: what Presentation 2.1 cannot say, left out of the written text. */
  readonly lost: readonly string[];
  /** Its publication record, written beside manifest.json. */
  readonly record: { readonly file: string; readonly text: string };
  /** Its annotation pages written as files of their own (annotationPages 'referenced'); paths from the root. */
  readonly pages: readonly { readonly file: string; readonly url: string; readonly text: string }[];
}

export interface PublicationPlan {
  readonly manifests: readonly PlannedManifest[];
  /** The collection.json, when several Manifests are published (or a Collection). */
  readonly collection?: PlannedCollection;
  /** The Collections beneath it, when a Collection is published with local Collections among its members. */
  readonly subCollections?: readonly PlannedCollection[];
}

export interface PlannedCollection {
  readonly url: string;
  readonly file: string;
  readonly text: string;
}

export type PlanOptions = Omit<
  PublishOptions,
  'outDir' | 'target' | 'allowErrors' | 'allowUriChanges' | 'inputFiles' | 'signal' | 'onProgress'
>;

/** A plan and what it changes in the folder it would replace: what a review shows and a publication writes. */
export interface PreparedPublication {
  readonly plan: PublicationPlan;
  /** For each Manifest of the plan, then the collection.json when there is one. */
  readonly changes: readonly PublicationDiff[];
}

/** Plans against what `published` (a folder or another target) serves now, using its records. */
export async function preparePublication(
  options: PlanOptions,
  published: string | PublishedFiles,
): Promise<PreparedPublication> {
  const files = typeof published === 'string' ? folderFiles(published) : published;
  const records = new Map<string, PublicationRecord>();
  for (const file of manifestFiles(options)) {
    const text = await files.read(recordFileOf(file));
    const record = text === undefined ? undefined : parseRecord(text);
    if (record) records.set(file, record);
  }
  const plan = planPublication(options, records);
  const written = [...plan.manifests, ...collectionsOf(plan)];
  const changes = await Promise.all(written.map((w) => diffAgainstPublished(files, w.text, w.file)));
  return { plan, changes };
}

/** Where each Manifest of these options is written, without planning them. */
function manifestFiles(options: PlanOptions): string[] {
  if (!inFolders(options)) return [manifestFile('')];
  return slugsOf(options.manifests).map(manifestFile);
}

function recordFileOf(manifestPath: string): string {
  return manifestPath.replace(/manifest\.json$/, RECORD_FILE);
}

export async function publish(options: PublishOptions): Promise<PublishOutcome> {
  try {
    return await publishOrThrow(options);
  } catch (caught) {
    // However a step noticed the cancellation (our check, an aborted git or HTTP request), it reads the same.
    const error = isAbortError(caught) ? cancelledError() : caught;
    if (error instanceof UserFacingError)
      return { ok: false, error: { code: error.code, message: error.message } };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'publish-failed', message: `Publishing failed: ${message}` } };
  }
}

/**
 * What a publication writes, computed without touching the disk, so that a review shows exactly what publishing
 * will write. Throws a UserFacingError for input that cannot be published at all.
 */
export function planPublication(
  options: PlanOptions,
  records: ReadonlyMap<string, PublicationRecord> = new Map(),
): PublicationPlan {
  const base = options.base.replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/?#]+/i.test(base)) {
    throw new UserFacingError(
      'invalid-base',
      `The base URL must be an http(s) address, not "${options.base}".`,
    );
  }
  if (options.manifests.length === 0 && options.tree === undefined)
    throw new UserFacingError('nothing-to-publish', 'There is no Manifest to publish.');
  const several = inFolders(options);
  const folders = several ? slugsOf(options.manifests) : [''];
  const manifests = options.manifests.map((manifest, index) => {
    const folder = folders[index] as string;
    const previous = records.get(manifestFile(folder));
    return prepare(manifest, folder, folder === '' ? base : `${base}/${folder}`, options, previous);
  });
  if (!several) return { manifests };
  const url = `${base}/collection.json`;
  if (options.tree) {
    const [top, ...below] = plannedTree(options.tree, base, manifests, options);
    return { manifests, ...(top ? { collection: top } : {}), subCollections: below };
  }
  const collection = buildCollection({
    id: url,
    label: options.collectionLabel ?? { none: ['Collection'] },
    manifests: manifests.map((p) => p.doc),
  });
  return {
    manifests,
    collection: {
      url,
      file: 'collection.json',
      text: written(collection, options).text,
    },
  };
}

/**
 * The Collections of a tree as written: each at `<base>/<folder>/collection.json`, its members published with
 * it pointing at the published Manifest (`<base>/<folder>/manifest.json`) or Collection; so every id in the
 * tree is under the base, and every member id is the id of the document written for it.
 */
function plannedTree(
  tree: PublicationTree,
  base: string,
  manifests: readonly PlannedManifest[],
  options: PlanOptions,
): PlannedCollection[] {
  const fileOf = (folder: string) => (folder === '' ? 'collection.json' : `${folder}/collection.json`);
  const urlOf = (folder: string) => `${base}/${fileOf(folder)}`;
  for (const { folder } of tree.collections.slice(1)) checkSlug(folder);
  return tree.collections.map((node) => {
    const published = new Map<number, JsonObject>();
    for (const member of node.members) {
      if ('manifest' in member) {
        const doc = manifests[member.manifest]?.doc;
        if (isJsonObject(doc)) published.set(member.index, doc);
      } else {
        const below = tree.collections[member.collection];
        if (below)
          published.set(member.index, {
            ...below.collection,
            id: urlOf(below.folder),
          });
      }
    }
    return {
      url: urlOf(node.folder),
      file: fileOf(node.folder),
      text: written(publishedCollection(node.collection, urlOf(node.folder), published), options).text,
    };
  });
}

async function publishOrThrow(options: PublishOptions): Promise<PublishOutcome> {
  const target =
    options.target ??
    (options.outDir !== undefined ? folderTarget(options.outDir, options.inputFiles) : undefined);
  if (target === undefined) throw new UserFacingError('no-target', 'Say where to publish.');
  const control: TransferControl = {
    signal: options.signal,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
  control.onProgress?.({ phase: 'preparing', done: 0, total: 1 });
  const { plan, changes } = await preparePublication(options, await target.open(control));
  throwIfCancelled(control);
  const prepared = plan.manifests;
  const several = prepared.length > 1;

  const errors = prepared.flatMap((p) =>
    p.findings.filter((f) => f.severity === 'error').map((finding) => ({ finding, name: p.name })),
  );
  // Ids that run code in a viewer (javascript:, file: ...) are refused even with errors allowed.
  const blocking =
    options.allowErrors === true ? errors.filter(({ finding }) => isUnpublishable(finding)) : errors;
  if (blocking.length > 0) {
    // With several Manifests, each error says whose it is.
    const listed = blocking
      .slice(0, 10)
      .map(({ finding: f, name }) => `${several ? `${name}: ` : ''}${f.pathText}: ${f.message}`);
    const more = blocking.length > listed.length ? `\n… and ${blocking.length - listed.length} more.` : '';
    const subject = several ? `The ${prepared.length} Manifests have` : 'The document has';
    const advice =
      options.allowErrors === true
        ? 'these are never published; replace them with http(s) addresses'
        : 'fix them or publish with errors allowed';
    return {
      ok: false,
      error: {
        code: 'validation-errors',
        message: `${subject} ${blocking.length} validation error${blocking.length === 1 ? '' : 's'}; ${advice}:\n${listed.join('\n')}${more}`,
      },
      findings: blocking.map((b) => b.finding),
    };
  }

  const refusal = options.allowUriChanges === false ? uriChangesRefusal(prepared) : undefined;
  if (refusal) return { ok: false, error: refusal };

  const tiles: string[][] = [];
  try {
    await target.switchTo(async (dir) => {
      tiles.push(...(await stagePublication(plan, dir, control)));
    }, control);
  } catch (error) {
    throw diskError(error, target) ?? error;
  }
  // Published: from here on a cancellation is too late, and the check runs to its end.
  control.onProgress?.({ phase: 'checking', done: 0, total: 1 });
  const check = await target.check(plan);
  return {
    ok: true,
    value: {
      outDir: target.where,
      check,
      manifests: prepared.map((p, index) => ({
        name: p.name,
        url: p.url,
        file: p.file,
        findings: p.findings,
        mapping: p.mapping,
        changes: changes[index] as PublicationDiff,
        tiles: tiles[index] ?? [],
        missingTiles: p.missingTiles,
        uris: p.uris,
        lost: p.lost,
      })),
      ...(plan.collection ? { collectionUrl: plan.collection.url } : {}),
    },
  };
}

/**
 * Why a publication that would change or drop URIs published before waits for a yes: links to them elsewhere
 * (annotation servers, exhibitions, citations) would break either way. Undefined when none would.
 */
function uriChangesRefusal(prepared: readonly PlannedManifest[]): AppError | undefined {
  const renamed = prepared.flatMap((p) => p.uris.changed);
  const dropped = prepared.flatMap((p) => p.uris.removed);
  if (renamed.length + dropped.length === 0) return undefined;
  const plural = (n: number, what: string) => `${n} published URI${n === 1 ? '' : 's'} ${what}`;
  const parts = [
    ...(renamed.length > 0 ? [plural(renamed.length, 'would change')] : []),
    ...(dropped.length > 0 ? [plural(dropped.length, 'would no longer be published')] : []),
  ];
  const first = renamed[0];
  const example = first ? `${first.before} would become ${first.after}` : `${dropped[0] ?? ''} would be gone`;
  return {
    code: 'uris-change',
    message: `Publishing: ${parts.join(', ')} (${example}); links to them would break. Review and confirm the change.`,
  };
}

/**
 * A full, read-only or forbidden disk while writing, as a sentence naming the folder the user knows: the output
 * folder (not the hidden one staged beside it), or the temporary folder other targets stage in.
 */
function diskError(error: unknown, target: PublicationTarget): UserFacingError | undefined {
  const { code } = error as NodeJS.ErrnoException;
  const message =
    target.outputFolder !== undefined
      ? describePublishFileError(code, target.outputFolder, 'output')
      : describePublishFileError(code, os.tmpdir(), 'temporary');
  return message === undefined ? undefined : new UserFacingError('disk-error', message);
}

function prepare(
  manifest: ManifestToPublish,
  folder: string,
  base: string,
  options: PlanOptions,
  previous: PublicationRecord | undefined,
): PlannedManifest {
  if (!isJsonObject(manifest.doc) || manifest.doc.type !== 'Manifest') {
    throw new UserFacingError('not-a-manifest', 'Only Manifests can be published.');
  }
  const fromBase = options.localImages?.base ?? options.localImageBase;
  if (options.annotationPages === 'referenced' && options.presentation2 === true)
    throw new UserFacingError(
      'invalid-options',
      'Presentation 2.1 is written with its annotations embedded: choose embedded annotation pages for it.',
    );
  const rewritten = rewriteIds(manifest.doc, {
    toBase: base,
    ...(fromBase !== undefined ? { fromBase } : {}),
    ...(previous ? { previous } : {}),
  });
  const { mapping, resources } = rewritten;
  // After the ids are final, so each page is named from its final id and its targets follow the canvases.
  const external =
    options.annotationPages === 'referenced'
      ? referenceAnnotationPages(rewritten.doc as JsonObject, base)
      : { doc: rewritten.doc, pages: [] };
  const doc = external.doc;
  const tileFolders =
    manifest.tileFolders ?? (options.localImages ? movedImageTiles(mapping, options.localImages) : []);
  return {
    folder,
    name: manifest.name ?? manifestFile(folder),
    base,
    url: `${base}/manifest.json`,
    file: manifestFile(folder),
    doc,
    missingTiles: uncoveredImages(mapping, base, tileFolders),
    ...written(doc, options),
    findings: validate(doc),
    mapping,
    tileFolders,
    resources,
    uris: diffUris(previous, resources),
    record: {
      file: recordFileOf(manifestFile(folder)),
      text: serializeRecord(nextRecord(previous, base, resources)),
    },
    pages: external.pages.map((page) => ({
      file: folder === '' ? page.file : `${folder}/${page.file}`,
      url: page.url,
      text: serializePublication(page.page, options.minify === true),
    })),
  };
}

/** The bytes of a published document, in Presentation 3 or, when asked, 2.1 (with what it could not say). */
function written(doc: JsonValue, options: PlanOptions): { text: string; lost: readonly string[] } {
  if (options.presentation2 !== true || !isJsonObject(doc))
    return { text: serializePublication(doc, options.minify === true), lost: [] };
  const p2 = toPresentation2(doc);
  return { text: serializePublication(p2.doc, options.minify === true), lost: p2.lost };
}

const IMAGE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * The tile folders of the local images the id mapping moved: an image served at `${base}/<id>/...` moves to
 * `images/<id>`, and its tiles are in `<dir>/<id>` when the app made them (or the audio or video file the app
 * stored there: local-media.ts).
 */
function movedImageTiles(mapping: Readonly<Record<string, string>>, local: LocalImageTiles): TileFolder[] {
  const from = `${local.base.replace(/\/+$/, '')}/`;
  const ids = new Set<string>();
  for (const old of Object.keys(mapping)) {
    if (!old.startsWith(from)) continue;
    const id = old.slice(from.length).split(/[/?#]/, 1)[0] ?? '';
    if (IMAGE_ID.test(id)) ids.add(id);
  }
  return [...ids]
    .sort()
    .map((id) => ({ sourceDir: path.join(local.dir, id), destRelPath: `images/${id}` }))
    .filter(
      (folder) =>
        existsSync(path.join(folder.sourceDir, 'info.json')) || isLocalMediaFolder(folder.sourceDir),
    );
}

/** Moved local images whose new address falls in no tile folder being copied: they would be broken links. */
function uncoveredImages(
  mapping: Readonly<Record<string, string>>,
  base: string,
  folders: readonly TileFolder[],
): string[] {
  const destinations = folders.map((f) => f.destRelPath.replace(/\\/g, '/').replace(/^\.\/|\/+$/g, ''));
  const missing = new Set<string>();
  for (const url of Object.values(mapping)) {
    if (!url.startsWith(`${base}/images/`)) continue;
    const relative = url.slice(base.length + 1);
    if (!destinations.some((d) => relative === d || relative.startsWith(`${d}/`))) missing.add(url);
  }
  return [...missing];
}

function slugsOf(manifests: readonly ManifestToPublish[]): string[] {
  const slugs = manifests.map((m, index) => m.slug ?? `manifest-${index + 1}`);
  slugs.forEach(checkSlug);
  if (new Set(slugs).size !== slugs.length)
    throw new UserFacingError('invalid-slug', 'Two Manifests have the same folder name.');
  return slugs;
}

function checkSlug(slug: string): void {
  if (!SLUG.test(slug))
    throw new UserFacingError(
      'invalid-slug',
      `"${slug}" cannot be a folder name: use letters, digits, - and _.`,
    );
}

/** Several Manifests, or a Collection's: each in a folder of its own, with collection.json at the top. */
function inFolders(options: PlanOptions): boolean {
  return options.manifests.length > 1 || options.tree !== undefined;
}

function manifestFile(folder: string): string {
  return folder === '' ? 'manifest.json' : `${folder}/manifest.json`;
}
