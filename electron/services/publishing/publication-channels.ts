/**
 * The publish flow behind the contract: a review (final ids, findings and a diff against what the output folder
 * holds now, written nowhere) and the publication itself (electron/services/publish does the writing).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { isJsonObject, type JsonValue } from '../../../shared/iiif/json';
import { rewriteIds } from '../../../shared/iiif/publish/rewrite-ids';
import { serializePublication } from '../../../shared/iiif/publish/serialize';
import { validate } from '../../../shared/iiif/validation/validate';
import { UserFacingError } from '../../../shared/ipc/result';
import { diffAgainstLastPublication } from '../publish/last-publication';
import { publish } from '../publish/publish';
import type { TileFolder } from '../publish/tile-folders';
import { localImageBase } from '../sources/local-images';

export interface PublicationRequest {
  doc: unknown;
  base: string;
  outDir: string;
  minify: boolean;
  /** The page's origin: local images are served (and so referenced) under `${origin}/local-images`. */
  origin?: string | undefined;
}

/** Where this app keeps the tiles of local images (absent where the shell has no sources service). */
export interface LocalImages {
  dir: string | null;
}

const IMAGE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * The local images a document uses, as tile folders to copy into the publication. Their URLs move from
 * `${origin}/local-images/<id>` to `${base}/images/<id>` (rewriteIds), so each folder goes to `images/<id>`.
 */
function localImagesOf(doc: JsonValue, request: PublicationRequest, local: LocalImages) {
  if (!request.origin || !local.dir) return { fromBase: undefined, tileFolders: [] as TileFolder[] };
  const fromBase = localImageBase(request.origin);
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
  return { fromBase, tileFolders };
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

const SAMPLE_PATHS = 12;

export async function reviewPublication(request: PublicationRequest, outDir: string, local: LocalImages) {
  const doc = checkRequest(request);
  const base = request.base.replace(/\/+$/, '');
  const { fromBase } = localImagesOf(doc, request, local);
  const { doc: final } = rewriteIds(doc, { toBase: base, ...(fromBase ? { fromBase } : {}) });
  const findings = validate(final);
  const text = serializePublication(final, request.minify);
  const changes = await diffAgainstLastPublication(outDir, text);
  return {
    manifestUrl: `${base}/manifest.json`,
    bytes: text.length,
    findings: findings.map((f) => ({
      severity: f.severity,
      code: f.code,
      message: f.message,
      path: f.pathText,
    })),
    firstPublication: changes.firstPublication,
    identical: changes.identical,
    counts: changes.diff.counts,
    samplePaths: [...changes.diff.changed, ...changes.diff.added, ...changes.diff.removed].slice(
      0,
      SAMPLE_PATHS,
    ),
  };
}

export async function publishDocument(
  request: PublicationRequest & { allowErrors: boolean },
  outDir: string,
  local: LocalImages,
) {
  const doc = checkRequest(request);
  const { fromBase, tileFolders } = localImagesOf(doc, request, local);
  const outcome = await publish({
    outDir,
    base: request.base,
    manifests: [{ doc, tileFolders }],
    ...(fromBase ? { localImageBase: fromBase } : {}),
    minify: request.minify,
    allowErrors: request.allowErrors,
  });
  if (!outcome.ok) throw new UserFacingError(outcome.error.code, outcome.error.message);
  const manifest = outcome.value.manifests[0];
  return {
    outDir: outcome.value.outDir,
    manifestUrl: manifest?.url ?? '',
    file: manifest?.file ?? 'manifest.json',
    tiles: manifest?.tiles.length ?? 0,
  };
}
