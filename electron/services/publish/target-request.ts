/**
 * The target a Publish request names, built for the services: the output folder and the Git clone are paths
 * the renderer sent, so they go through the path policy first; S3 storage takes the secret sent with the
 * request, or the one remembered for it (the renderer never reads a secret back).
 */
import path from 'node:path';
import type { ParsedRequestOf } from '../../../shared/ipc/contract';
import { UserFacingError } from '../../../shared/ipc/result';
import { folderTarget } from './folder-target';
import { gitTarget } from './git-target';
import { s3Target } from './s3-target';
import type { PublicationTarget } from './target';

export type TargetRequest = ParsedRequestOf<'reviewPublication'>['target'];

export interface TargetDeps {
  /** A path the renderer sent, as the path policy allows it for writing (or a UserFacingError). */
  resolvePath(requested: string): Promise<string>;
  /**
   * The S3 secret to use: the one sent (remembered when the request asks), else the one remembered for this
   * storage. Without it, only a secret sent with the request is used.
   */
  s3Secret?(target: Extract<TargetRequest, { kind: 's3' }>): Promise<string | undefined>;
  /** Files being published, which a folder target must not hold (replacing it would delete them). */
  readonly inputFiles?: readonly string[];
}

export interface BuiltTarget {
  readonly target: PublicationTarget;
  /** What the collection's label falls back to: the folder's, the branch's or the prefix's name. */
  readonly outName: string;
  /** The output folder, for a folder target. */
  readonly outDir?: string;
}

const EMAIL = /^[^<>\s]+@[^<>\s]+$/;

export async function buildTarget(
  request: { readonly outDir: string; readonly target: TargetRequest },
  deps: TargetDeps,
): Promise<BuiltTarget> {
  const { target } = request;
  switch (target.kind) {
    case 'folder': {
      if (request.outDir.trim() === '')
        throw new UserFacingError('no-target', 'Choose the output folder to publish into.');
      const outDir = await deps.resolvePath(request.outDir);
      return { target: folderTarget(outDir, deps.inputFiles), outName: outDir, outDir };
    }
    case 'git': {
      const name = target.authorName?.trim() ?? '';
      const email = target.authorEmail?.trim() ?? '';
      if ((name === '') !== (email === '') || (email !== '' && !EMAIL.test(email)))
        throw new UserFacingError(
          'invalid-author',
          'The author needs both a name and an e-mail address (name@example.org), or neither.',
        );
      return {
        target: gitTarget({
          repo: await deps.resolvePath(target.repo),
          branch: target.branch,
          ...(target.message !== undefined ? { message: target.message } : {}),
          ...(name !== '' ? { author: { name, email } } : {}),
        }),
        outName: target.branch,
      };
    }
    case 's3': {
      const protocol = URL.canParse(target.endpoint) ? new URL(target.endpoint).protocol : '';
      if (protocol !== 'http:' && protocol !== 'https:')
        throw new UserFacingError(
          'invalid-endpoint',
          `The storage endpoint must be an http(s) address, not "${target.endpoint}".`,
        );
      const secretAccessKey = deps.s3Secret ? await deps.s3Secret(target) : target.secretAccessKey;
      if (secretAccessKey === undefined)
        throw new UserFacingError('no-secret', 'Enter the secret access key for the storage.');
      const prefix = target.prefix.replace(/^\/+|\/+$/g, '');
      return {
        target: s3Target({
          endpoint: target.endpoint,
          bucket: target.bucket,
          prefix,
          region: target.region,
          credentials: { accessKeyId: target.accessKeyId, secretAccessKey },
        }),
        outName: prefix === '' ? target.bucket : path.posix.basename(prefix),
      };
    }
  }
}
