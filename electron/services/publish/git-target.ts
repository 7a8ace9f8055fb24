/**
 * A Git repository as a target (GitHub Pages and the like): the publication becomes one commit on a branch
 * (gh-pages by default) of a local clone, pushed to its remote. Real `git` does the work. The commit is built
 * with plumbing (a private index, write-tree, commit-tree) from the staged folder, so the clone's working tree,
 * index and checked-out branch are never touched; the local branch moves only after the push succeeded, so a
 * refused or failed push leaves the previous publication serving, and the clone as it was.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserFacingError } from '../../../shared/ipc/result';
import { checkPublished } from './check-published';
import { describeGitRemoteFailure } from './git-errors';
import type { PublishedFiles } from './last-publication';
import type { PublicationTarget } from './target';
import { cancelledError, isAbortError, throwIfCancelled, type TransferControl } from './transfer-control';

export interface GitTargetOptions {
  /** A local clone whose remote receives the publication. */
  readonly repo: string;
  readonly branch?: string;
  readonly remote?: string;
  readonly message?: string;
  readonly author?: { readonly name: string; readonly email: string };
  /** The environment git runs in (tests give it no global configuration). */
  readonly env?: NodeJS.ProcessEnv;
}

interface GitResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

const BRANCH = /^(?!-)(?!.*\.\.)[A-Za-z0-9._/-]+$/;

export function gitTarget(options: GitTargetOptions): PublicationTarget {
  const branch = options.branch ?? 'gh-pages';
  const remote = options.remote ?? 'origin';
  const repo = path.resolve(options.repo);
  const tracking = `refs/remotes/${remote}/${branch}`;
  const author = options.author ?? { name: 'Tessera', email: 'tessera@localhost' };
  const message = options.message?.trim() || 'Publish with Tessera';
  const git = (args: readonly string[], extraEnv: NodeJS.ProcessEnv = {}, cwd = repo, signal?: AbortSignal) =>
    run(args, cwd, { ...(options.env ?? process.env), ...extraEnv }, signal);
  const must = async (
    args: readonly string[],
    what: string,
    extraEnv: NodeJS.ProcessEnv = {},
    signal?: AbortSignal,
  ) => {
    const result = await git(args, extraEnv, repo, signal);
    if (result.code !== 0) throw new UserFacingError('git-failed', `${what}: ${lastLine(result.stderr)}`);
    return result.stdout.trim();
  };
  let parent: string | undefined;
  let gitDir = '';

  const showFrom = (ref: string): PublishedFiles => ({
    read: async (file) => {
      const shown = await git(['show', `${ref}:${file}`]);
      return shown.code === 0 ? shown.stdout : undefined;
    },
  });

  return {
    where: `${repo} (${remote} ${branch})`,
    open: async (control?: TransferControl) => {
      if (!BRANCH.test(branch))
        throw new UserFacingError('invalid-branch', `"${branch}" cannot be a branch name.`);
      const folder = await fs.stat(repo).catch(() => null);
      const inside = folder?.isDirectory() ? await git(['rev-parse', '--absolute-git-dir']) : undefined;
      if (inside === undefined || inside.code !== 0)
        throw new UserFacingError('not-a-repository', `${repo} is not a Git repository (a local clone).`);
      gitDir = inside.stdout.trim();
      const url = await git(['remote', 'get-url', remote]);
      if (url.code !== 0)
        throw new UserFacingError('no-remote', `${repo} has no remote named "${remote}" to push to.`);
      const fetched = await git(
        ['fetch', '--quiet', remote, `+refs/heads/${branch}:${tracking}`],
        {},
        repo,
        control?.signal,
      );
      if (fetched.code !== 0 && !/couldn't find remote ref/i.test(fetched.stderr))
        throw new UserFacingError(
          'remote-unreachable',
          describeGitRemoteFailure(fetched.stderr, url.stdout.trim()) ??
            `Could not fetch ${branch} from ${url.stdout.trim()}: ${lastLine(fetched.stderr)}`,
        );
      const head =
        fetched.code === 0 ? await git(['rev-parse', '--verify', '-q', `${tracking}^{commit}`]) : undefined;
      parent = head?.code === 0 ? head.stdout.trim() : undefined;
      return parent ? showFrom(parent) : { read: () => Promise.resolve(undefined) };
    },
    switchTo: async (stage, control) => {
      const signal = control?.signal;
      const temp = await fs.mkdtemp(path.join(os.tmpdir(), 'tessera-git-'));
      try {
        const staging = path.join(temp, 'publication');
        await fs.mkdir(staging);
        await stage(staging);
        const index = { GIT_INDEX_FILE: path.join(temp, 'index') };
        // Run inside the staging folder, so that it is the work tree the paths are relative to.
        const added = await run(
          ['--git-dir', gitDir, '--work-tree', staging, 'add', '--all', '--force', '.'],
          staging,
          { ...(options.env ?? process.env), ...index },
          signal,
        );
        if (added.code !== 0)
          throw new UserFacingError(
            'git-failed',
            `Could not stage the publication: ${lastLine(added.stderr)}`,
          );
        const tree = await must(['write-tree'], 'Could not write the publication', index, signal);
        if (parent && (await must(['rev-parse', `${parent}^{tree}`], 'Could not read the branch')) === tree)
          return;
        const identity = {
          GIT_AUTHOR_NAME: author.name,
          GIT_AUTHOR_EMAIL: author.email,
          GIT_COMMITTER_NAME: author.name,
          GIT_COMMITTER_EMAIL: author.email,
        };
        const commit = await must(
          ['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', message],
          'Could not commit the publication',
          identity,
          signal,
        );
        throwIfCancelled(control);
        control?.onProgress?.({ phase: 'pushing', done: 0, total: 1 });
        // The remote takes a ref update whole or not at all, so stopping the push leaves either publication.
        const pushed = await git(
          ['push', '--quiet', remote, `${commit}:refs/heads/${branch}`],
          {},
          repo,
          signal,
        );
        if (pushed.code !== 0) {
          const url = await git(['remote', 'get-url', remote]);
          throw new UserFacingError(
            'push-failed',
            describeGitRemoteFailure(pushed.stderr, url.stdout.trim()) ??
              `Pushing ${branch} to ${remote} failed, so the previous publication stays: ${lastLine(pushed.stderr)}`,
          );
        }
        control?.onProgress?.({ phase: 'pushing', done: 1, total: 1 });
        await must(['update-ref', tracking, commit], 'Could not record the push');
        await must(['update-ref', `refs/heads/${branch}`, commit], 'Could not move the local branch');
      } finally {
        await fs.rm(temp, { recursive: true, force: true });
      }
    },
    check: async (plan) => {
      // A fresh clone of the remote's branch: what a host building pages from it would get.
      const url = (await must(['remote', 'get-url', remote], 'Could not read the remote')).trim();
      const temp = await fs.mkdtemp(path.join(os.tmpdir(), 'tessera-git-check-'));
      try {
        const clone = path.join(temp, 'clone');
        const cloned = await git(
          ['clone', '--quiet', '--depth', '1', '--branch', branch, url, clone],
          {},
          temp,
        );
        const files: PublishedFiles = {
          read: (file) =>
            cloned.code === 0
              ? fs.readFile(path.join(clone, ...file.split('/')), 'utf8').catch(() => undefined)
              : Promise.resolve(undefined),
        };
        return await checkPublished(plan, files, `${url} ${branch}`);
      } finally {
        await fs.rm(temp, { recursive: true, force: true });
      }
    },
  };
}

function lastLine(text: string): string {
  const lines = text.trim().split('\n').filter(Boolean);
  return lines[lines.length - 1] ?? 'git gave no reason';
}

/** git, without a shell; a non-zero exit is a result to read, not an exception. Aborting kills git. */
function run(
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  signal?: AbortSignal,
): Promise<GitResult> {
  if (signal?.aborted === true) return Promise.reject(cancelledError());
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      [...args],
      {
        cwd,
        env: { ...env, GIT_TERMINAL_PROMPT: '0' },
        maxBuffer: 256 * 1024 * 1024,
        encoding: 'utf8',
        ...(signal ? { signal } : {}),
      },
      (error, stdout, stderr) => {
        if (error && (isAbortError(error) || signal?.aborted === true)) {
          reject(cancelledError());
          return;
        }
        if (error && typeof error.code !== 'number') {
          reject(
            (error as NodeJS.ErrnoException).code === 'ENOENT'
              ? new UserFacingError(
                  'git-missing',
                  'Publishing to Git needs the git command, which was not found.',
                )
              : error,
          );
          return;
        }
        resolve({ stdout, stderr, code: error ? Number(error.code) : 0 });
      },
    );
  });
}
