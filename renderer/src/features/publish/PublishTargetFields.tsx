/**
 * Where to publish, in the Publish dialog: an output folder, a branch of a local Git clone (pushed to its
 * remote), or S3-compatible storage. The S3 secret is typed into a password field and sent with the requests;
 * it is never part of the document, and nothing reads it back from the services.
 */
import type { RequestOf } from '../../../../shared/ipc/contract';
import { isElectron } from '../../api';
import { S3SecretField } from './S3SecretField';

export type TargetKind = 'folder' | 'git' | 's3';

export interface TargetFields {
  readonly kind: TargetKind;
  readonly outDir: string;
  readonly repo: string;
  readonly branch: string;
  readonly message: string;
  readonly authorName: string;
  readonly authorEmail: string;
  readonly endpoint: string;
  readonly bucket: string;
  readonly prefix: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly rememberSecret: boolean;
}

export function initialTargetFields(outDir: string): TargetFields {
  return {
    kind: 'folder',
    outDir,
    repo: '',
    branch: 'gh-pages',
    message: '',
    authorName: '',
    authorEmail: '',
    endpoint: '',
    bucket: '',
    prefix: '',
    region: 'us-east-1',
    accessKeyId: '',
    secretAccessKey: '',
    rememberSecret: false,
  };
}

type TargetRequest = NonNullable<RequestOf<'reviewPublication'>['target']>;

/** The request's target; blank optional fields are left out, so the services apply their defaults. */
export function targetRequest(fields: TargetFields): { outDir: string; target: TargetRequest } {
  const optional = (key: string, value: string) => (value.trim() !== '' ? { [key]: value.trim() } : {});
  switch (fields.kind) {
    case 'folder':
      return { outDir: fields.outDir.trim(), target: { kind: 'folder' } };
    case 'git':
      return {
        outDir: '',
        target: {
          kind: 'git',
          repo: fields.repo.trim(),
          branch: fields.branch.trim() || 'gh-pages',
          ...optional('message', fields.message),
          ...optional('authorName', fields.authorName),
          ...optional('authorEmail', fields.authorEmail),
        },
      };
    case 's3':
      return {
        outDir: '',
        target: {
          kind: 's3',
          endpoint: fields.endpoint.trim(),
          bucket: fields.bucket.trim(),
          prefix: fields.prefix.trim(),
          region: fields.region.trim() || 'us-east-1',
          accessKeyId: fields.accessKeyId.trim(),
          ...(fields.secretAccessKey !== ''
            ? { secretAccessKey: fields.secretAccessKey, rememberSecret: fields.rememberSecret }
            : {}),
        },
      };
  }
}

/** What a review answers for: every field but the secret's (a review stays valid while it is retyped). */
export function targetKey(fields: TargetFields): string {
  const { secretAccessKey: _secret, rememberSecret: _remember, ...rest } = fields;
  void _secret;
  void _remember;
  return JSON.stringify(rest);
}

const KINDS: readonly { kind: TargetKind; label: string }[] = [
  { kind: 'folder', label: 'Folder' },
  { kind: 'git', label: 'Git repository' },
  { kind: 's3', label: 'S3-compatible storage' },
];

export function PublishTargetFields({
  fields,
  onChange,
  onChooseFolder,
}: {
  fields: TargetFields;
  onChange(fields: TargetFields): void;
  /** Native folder chooser (Electron); resolves to the chosen path or null. */
  onChooseFolder(): Promise<string | null>;
}) {
  const set = (patch: Partial<TargetFields>) => onChange({ ...fields, ...patch });
  const text = (key: keyof Omit<TargetFields, 'kind' | 'rememberSecret'>, label: string) => (
    <label className="field">
      {label}
      <input value={fields[key]} onChange={(e) => set({ [key]: e.target.value })} aria-label={label} />
    </label>
  );
  const choose = async (key: 'outDir' | 'repo') => {
    const chosen = await onChooseFolder();
    if (chosen) set({ [key]: chosen });
  };
  return (
    <>
      <fieldset className="publish-target">
        <legend>Publish to</legend>
        {KINDS.map(({ kind, label }) => (
          <label className="check" key={kind}>
            <input
              type="radio"
              name="publish-target"
              checked={fields.kind === kind}
              onChange={() => set({ kind })}
            />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      {fields.kind === 'folder' ? (
        <label className="field">
          Output folder {isElectron ? '' : '(inside the workspace)'}
          <span className="row">
            <input
              value={fields.outDir}
              onChange={(e) => set({ outDir: e.target.value })}
              aria-label="Output folder"
            />
            {isElectron ? (
              <button type="button" onClick={() => void choose('outDir')}>
                Choose…
              </button>
            ) : null}
          </span>
        </label>
      ) : null}
      {fields.kind === 'git' ? (
        <>
          <label className="field">
            Local clone {isElectron ? '' : '(inside the workspace)'}; the branch is pushed to its remote
            <span className="row">
              <input
                value={fields.repo}
                onChange={(e) => set({ repo: e.target.value })}
                aria-label="Local clone"
              />
              {isElectron ? (
                <button type="button" onClick={() => void choose('repo')}>
                  Choose…
                </button>
              ) : null}
            </span>
          </label>
          {text('branch', 'Branch')}
          {text('message', 'Commit message')}
          {text('authorName', 'Author name')}
          {text('authorEmail', 'Author e-mail')}
        </>
      ) : null}
      {fields.kind === 's3' ? (
        <>
          {text('endpoint', 'Storage endpoint')}
          {text('bucket', 'Bucket')}
          {text('prefix', 'Prefix (folder in the bucket)')}
          {text('region', 'Region')}
          {text('accessKeyId', 'Access key id')}
          <S3SecretField
            endpoint={fields.endpoint}
            accessKeyId={fields.accessKeyId}
            secret={fields.secretAccessKey}
            remember={fields.rememberSecret}
            onSecretChange={(secretAccessKey) => set({ secretAccessKey })}
            onRememberChange={(rememberSecret) => set({ rememberSecret })}
          />
        </>
      ) : null}
    </>
  );
}
