/**
 * The publish flow behind the contract: a review (final ids, findings and a diff against what the output folder
 * holds now, written nowhere) and the publication itself (electron/services/publish does the writing).
 */
import { isJsonObject, type JsonValue } from '../../../shared/iiif/json';
import { rewriteIds } from '../../../shared/iiif/publish/rewrite-ids';
import { serializePublication } from '../../../shared/iiif/publish/serialize';
import { validate } from '../../../shared/iiif/validation/validate';
import { UserFacingError } from '../../../shared/ipc/result';
import { diffAgainstLastPublication } from '../publish/last-publication';
import { publish } from '../publish/publish';

export interface PublicationRequest {
  doc: unknown;
  base: string;
  outDir: string;
  minify: boolean;
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

export async function reviewPublication(request: PublicationRequest, outDir: string) {
  const doc = checkRequest(request);
  const base = request.base.replace(/\/+$/, '');
  const { doc: final } = rewriteIds(doc, { toBase: base });
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
) {
  const doc = checkRequest(request);
  const outcome = await publish({
    outDir,
    base: request.base,
    manifests: [{ doc }],
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
