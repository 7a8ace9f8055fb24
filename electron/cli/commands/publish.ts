/**
 * `tessera publish FILE... --base URL (--out DIR | --git REPO [--branch B]) [--label TEXT] [--minify]
 * [--allow-errors] [--allow-uri-changes]`: gives the Manifests their final ids under URL, validates them, and
 * replaces DIR with the publication, or commits it to branch B of the clone REPO and pushes it to its remote.
 * One file becomes DIR/manifest.json; several become DIR/<name>/manifest.json each (named after the file) plus
 * DIR/collection.json listing them in the order given. DIR must be empty, new, or an earlier publication. A
 * publication that would change or drop a URI published there before is refused unless --allow-uri-changes is
 * given: links to it elsewhere would break. Images the Manifests reference stay where they are: the command
 * line has no project, so it has no local image tiles to copy.
 *
 * Exit codes: 0 published; 1 not published (validation errors, URIs that would change, unreadable file, not a
 * Manifest, write failure); 2 usage error.
 */
import path from 'node:path';
import type { JsonObject } from '../../../shared/iiif/json';
import { assemblePublication } from '../../services/publish/assemble';
import {
  assembleCollectionTree,
  findLocalMembers,
  memberFiles,
} from '../../services/publish/collection-tree';
import { gitTarget, type GitTargetOptions } from '../../services/publish/git-target';
import { s3Target, type S3TargetOptions } from '../../services/publish/s3-target';
import type { PublishReport } from '../../services/publish/publish';
import { publish } from '../../services/publish/publish';
import type { CliIo } from '../cli-io';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE } from '../cli-io';
import { displayName, loadDocument } from '../load-document';

export const usage = `Usage: tessera publish FILE... --base URL (--out DIR | --git REPO [--branch B] | --s3 s3://BUCKET/PREFIX) [options]

Writes FILE (a Manifest) to DIR/manifest.json with every id rewritten under URL, the address DIR will be
served from. Several FILEs are published together: each Manifest to DIR/<name>/manifest.json (<name> from its
file name, made unique), and DIR/collection.json lists them in the order given. DIR is replaced as a whole; it
must be empty, new, or an earlier publication.

A Collection FILE (alone) is published as a tree: DIR/collection.json keeps its properties, and each member that
is a local document (a file: id, or a Manifest file in its folder with the member's id, as tessera split
--collection writes them) is published to DIR/<name>/manifest.json, its member id becoming that URL; remote
members stay as they are.

Options:
  --base URL       public http(s) address of DIR
  --out DIR        output folder
  --git REPO       a local Git clone: the publication is committed to a branch and pushed to its remote
  --branch B       the branch (default gh-pages)
  --message TEXT   the commit message (default "Publish with Tessera")
  --author "NAME <EMAIL>"  the commit's author
  --label TEXT     label of collection.json (several files only; default: the name of DIR)
  --minify         write compact JSON instead of indented JSON
  --s3 s3://BUCKET/PREFIX  S3-compatible storage (credentials from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)
  --s3-endpoint URL        the storage service, e.g. https://s3.eu-west-1.amazonaws.com
  --region R               its region (default us-east-1)
  --p2             write Presentation 2.1 for older viewers, and list what it cannot say
  --annotation-pages embedded|referenced  keep annotation pages in the manifest (default), or write each as
                   its own file, annotations/NAME.json under the base, referenced by the manifest
  --allow-errors   publish even when validation finds errors
  --allow-uri-changes  publish even when URIs published before would change or no longer be published
  -h, --help       show this help
`;

interface Parsed {
  readonly files: readonly string[];
  readonly base: string;
  readonly out: string | undefined;
  readonly git: GitTargetOptions | undefined;
  readonly s3: Omit<S3TargetOptions, 'credentials'> | undefined;
  readonly label: string | undefined;
  readonly minify: boolean;
  readonly presentation2: boolean;
  readonly annotationPages: 'embedded' | 'referenced';
  readonly allowErrors: boolean;
  readonly allowUriChanges: boolean;
}

const VALUE_OPTIONS = new Set([
  '--base',
  '--out',
  '--label',
  '--git',
  '--branch',
  '--message',
  '--author',
  '--s3',
  '--s3-endpoint',
  '--region',
  '--annotation-pages',
]);

function parse(args: readonly string[]): Parsed | string {
  const files: string[] = [];
  const values = new Map<string, string>();
  let minify = false;
  let presentation2 = false;
  let allowErrors = false;
  let allowUriChanges = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    if (VALUE_OPTIONS.has(name)) {
      const value = inline ?? args[++i];
      if (value === undefined || value === '') return `${name} needs a value`;
      values.set(name, value);
    } else if (name === '--minify') minify = true;
    else if (name === '--p2') presentation2 = true;
    else if (name === '--allow-errors') allowErrors = true;
    else if (name === '--allow-uri-changes') allowUriChanges = true;
    else if (name.startsWith('-') && name !== '-') return `unknown option ${name}`;
    else files.push(arg);
  }
  const base = values.get('--base');
  const out = values.get('--out');
  const label = values.get('--label');
  if (files.length === 0) return 'expected at least one file';
  if (files.filter((f) => f === '-').length > 1) return 'standard input ("-") can be given only once';
  if (base === undefined) return '--base is required';
  const repo = values.get('--git');
  const bucketUrl = values.get('--s3');
  if ([out, repo, bucketUrl].filter((v) => v !== undefined).length !== 1)
    return 'give one of --out DIR, --git REPO or --s3 s3://BUCKET/PREFIX';
  const bucket = bucketUrl === undefined ? undefined : /^s3:\/\/([^/]+)\/?(.*)$/.exec(bucketUrl);
  if (bucket === null) return '--s3 must look like s3://BUCKET/PREFIX';
  const endpoint = values.get('--s3-endpoint');
  if (bucket && endpoint === undefined) return '--s3 needs --s3-endpoint URL (the storage service)';
  const region = values.get('--region');
  const s3 =
    bucket && endpoint !== undefined
      ? {
          endpoint,
          bucket: bucket[1] as string,
          prefix: bucket[2] ?? '',
          ...(region !== undefined ? { region } : {}),
        }
      : undefined;
  if (repo === undefined && ['--branch', '--message', '--author'].some((o) => values.has(o)))
    return '--branch, --message and --author go with --git';
  const authorText = values.get('--author');
  const author = authorText === undefined ? undefined : /^(.+?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(authorText);
  if (author === null) return '--author must look like "Name <email@example.org>"';
  const branch = values.get('--branch');
  const message = values.get('--message');
  const git: GitTargetOptions | undefined =
    repo === undefined
      ? undefined
      : {
          repo,
          ...(branch !== undefined ? { branch } : {}),
          ...(message !== undefined ? { message } : {}),
          ...(author ? { author: { name: author[1] as string, email: author[2] as string } } : {}),
        };
  const annotationPages = values.get('--annotation-pages') ?? 'embedded';
  if (annotationPages !== 'embedded' && annotationPages !== 'referenced')
    return '--annotation-pages is embedded or referenced';
  if (label !== undefined && files.length === 1)
    return '--label names the collection.json written when several Manifests are published (a Collection keeps its own label)';
  return {
    files,
    base,
    out,
    git,
    s3,
    label,
    minify,
    presentation2,
    annotationPages,
    allowErrors,
    allowUriChanges,
  };
}

/** Credentials come from the environment, as every S3 tool reads them, never from the command line. */
function s3Credentials(): S3TargetOptions['credentials'] {
  return {
    accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? '',
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? '',
  };
}

type Loaded =
  { readonly ok: true; readonly doc: JsonObject; readonly collection: boolean } | { readonly ok: false };

/** Reads one file as a Manifest, saying on stderr why it cannot be one. */
async function loadManifest(file: string, io: CliIo, several: boolean): Promise<Loaded> {
  const loaded = await loadDocument(file, io);
  if (!loaded.ok) {
    io.stderr(`tessera publish: ${loaded.message}\n`);
    return { ok: false };
  }
  const { read } = loaded;
  // A Collection alone is published as a tree: its local members with it (see collection-tree.ts).
  const tree = read.kind === 'Collection' && !several;
  if (read.kind !== 'Manifest' && !tree) {
    io.stderr(
      several
        ? `tessera publish: "${displayName(file)}" is a ${read.kind}; a collection is built from Manifests only, so list the Manifests themselves\n`
        : `tessera publish: "${file}" is a ${read.kind}; publish takes a Manifest or a Collection\n`,
    );
    return { ok: false };
  }
  if (read.upgraded)
    io.stderr(
      several
        ? `note: ${displayName(file)} is a Presentation 2 document; it was upgraded to Presentation 3\n`
        : 'note: this is a Presentation 2 document; it was upgraded to Presentation 3\n',
    );
  return { ok: true, doc: read.doc, collection: tree };
}

export async function run(args: readonly string[], io: CliIo): Promise<number> {
  if (args.includes('-h') || args.includes('--help')) {
    io.stdout(usage);
    return EXIT_OK;
  }
  const parsed = parse(args);
  if (typeof parsed === 'string') {
    io.stderr(`tessera publish: ${parsed}\n\n${usage}`);
    return EXIT_USAGE;
  }
  const several = parsed.files.length > 1;
  // Every file is read before anything is written, and every unusable one is named, not just the first.
  const loaded: Loaded[] = [];
  for (const file of parsed.files) loaded.push(await loadManifest(file, io, several));
  const docs = loaded.flatMap((l) => (l.ok ? [l.doc] : []));
  if (docs.length !== parsed.files.length) return EXIT_BAD_INPUT;
  const first = loaded[0];
  const tree =
    first?.ok === true && first.collection ? await collectionTree(first.doc, parsed, io) : undefined;
  if (tree === null) return EXIT_BAD_INPUT;

  const outcome = await publish({
    ...(tree?.options ??
      assemblePublication({
        entries: docs.map((doc, index) => {
          const file = parsed.files[index] as string;
          return { doc, fileName: file === '-' ? 'stdin' : path.basename(file), name: displayName(file) };
        }),
        base: parsed.base,
        outName: parsed.out !== undefined ? path.resolve(parsed.out) : (parsed.git?.branch ?? 'gh-pages'),
        collectionLabel: parsed.label,
        minify: parsed.minify,
      })),
    ...(parsed.git
      ? { target: gitTarget(parsed.git) }
      : parsed.s3
        ? { target: s3Target({ ...parsed.s3, credentials: s3Credentials() }) }
        : { outDir: parsed.out }),
    presentation2: parsed.presentation2,
    annotationPages: parsed.annotationPages,
    allowErrors: parsed.allowErrors,
    allowUriChanges: parsed.allowUriChanges,
    inputFiles: [...parsed.files.filter((file) => file !== '-'), ...(tree?.files ?? [])],
  });
  if (!outcome.ok) {
    io.stderr(`tessera publish: ${outcome.error.message}\n`);
    if (outcome.error.code === 'uris-change')
      io.stderr('Nothing was published; publish again with --allow-uri-changes to go ahead.\n');
    return outcome.error.code === 'invalid-base' ? EXIT_USAGE : EXIT_BAD_INPUT;
  }
  if (tree) io.stdout(`${tree.summary}\n`);
  printReport(outcome.value, io);
  return EXIT_OK;
}

/**
 * A Collection's publication: its local members (files in its folder with a member's id, or file: ids) with it,
 * remote members kept as references. Null when a member that must be local cannot be read (said on stderr).
 */
async function collectionTree(collection: JsonObject, parsed: Parsed, io: CliIo) {
  const file = parsed.files[0] as string;
  const folder = file === '-' ? process.cwd() : path.dirname(path.resolve(file));
  try {
    const found = await findLocalMembers(collection, folder);
    return {
      options: assembleCollectionTree({
        collection,
        local: found.local,
        base: parsed.base,
        minify: parsed.minify,
      }),
      files: memberFiles(found.local),
      summary: `Collection ${displayName(file)}: ${memberFiles(found.local).length} local member(s) published with it, ${found.remote} kept as references`,
    };
  } catch (error) {
    io.stderr(`tessera publish: ${error instanceof Error ? error.message : String(error)}\n`);
    return null;
  }
}

function printReport(report: PublishReport, io: CliIo): void {
  const { check } = report;
  io.stdout(
    `Checked ${check.from}: ${check.parsed} of ${check.documents} documents fetched back and parsed, ${check.resolved} of ${check.uris} URIs resolve\n`,
  );
  if (report.collectionUrl !== undefined)
    io.stdout(
      `Published collection ${report.collectionUrl}\n  to ${report.outDir}/collection.json, listing ${report.manifests.length} manifests\n`,
    );
  for (const manifest of report.manifests) {
    const errors = manifest.findings.filter((f) => f.severity === 'error');
    const warnings = manifest.findings.filter((f) => f.severity === 'warning');
    io.stdout(`Published ${manifest.url}\n  to ${report.outDir}/${manifest.file}\n`);
    if (errors.length > 0) io.stdout(`  with ${errors.length} validation error(s) (allowed)\n`);
    if (warnings.length > 0)
      io.stdout(`  ${warnings.length} warning(s); run tessera validate on the output to see them\n`);
    if (manifest.lost.length > 0) {
      io.stdout('  as Presentation 2.1, which cannot say:\n');
      for (const line of manifest.lost) io.stdout(`    - ${line}\n`);
    }
    const { changed, added, removed } = manifest.uris;
    if (!manifest.changes.firstPublication && changed.length + added.length + removed.length > 0) {
      io.stdout(
        `  published URIs: ${changed.length} changed, ${added.length} new, ${removed.length} no longer published\n`,
      );
      for (const c of changed.slice(0, 10)) io.stdout(`    ~ ${c.before} -> ${c.after}\n`);
      for (const uri of removed.slice(0, 10)) io.stdout(`    no longer published: ${uri}\n`);
    }
    const { changes } = manifest;
    if (changes.firstPublication) io.stdout('  first publication in this folder\n');
    else if (changes.identical) io.stdout('  unchanged since the last publication\n');
    else if (changes.previousUnreadable)
      io.stdout('  replaced an earlier manifest.json that was not valid JSON\n');
    else {
      const { counts, added, removed, changed } = changes.diff;
      io.stdout(
        `  since the last publication: ${counts.added} added, ${counts.removed} removed, ${counts.changed} changed\n`,
      );
      for (const [sign, paths] of [
        ['+', added],
        ['-', removed],
        ['~', changed],
      ] as const) {
        for (const p of paths.slice(0, 10)) io.stdout(`    ${sign} ${p}\n`);
      }
    }
  }
}
