/**
 * Publish: choose the public base URL and where to publish (a folder, a Git repository, S3 storage), in
 * Presentation 3 or 2.1, review what will be written (final ids, findings, what changed since the last
 * publication, what 2.1 cannot say), then write; the answer says how many URIs resolve when fetched back. Errors block publishing unless the curator says
 * explicitly to publish anyway. Other manifest files can be published beside the document, with a
 * collection.json listing them all; the review and the override then cover every one of them.
 */
import { useState } from 'react';
import { documentBaseUri } from '../../../../shared/iiif/document/mint-ids';
import { folderNameOf } from '../../../../shared/iiif/publish/collection-naming';
import type { ResponseOf } from '../../../../shared/ipc/contract';
import { chooseFolder, reviewPublication } from './publish-service';
import { Dialog } from '../../components/Dialog';
import { documentName } from '../../store/document-slice';
import { useAppStore } from '../../store/store';
import { useOpenFileChooser } from '../files/use-open-file-chooser';
import { CollectionMembers, fileNameOf } from './CollectionMembers';
import { PublishedUris } from './PublishedUris';
import { progressText, usePublicationJob } from './use-publication-job';
import {
  initialTargetFields,
  PublishTargetFields,
  targetKey,
  targetRequest,
  type TargetFields,
} from './PublishTargetFields';
import './publish.css';

type Review = ResponseOf<'reviewPublication'>;

interface Reviewed {
  readonly key: string;
  readonly doc: unknown;
  readonly value: Review;
}

export function PublishDialog({ onClose }: { onClose(): void }) {
  const doc = useAppStore((s) => s.doc);
  const name = useAppStore(documentName);
  const openPath = useAppStore((s) => s.file?.path ?? null);
  const [base, setBase] = useState(() => (doc ? documentBaseUri(doc) : ''));
  const [fields, setFields] = useState(() => initialTargetFields(`published/${folderNameOf(name)}`));
  const [presentation2, setPresentation2] = useState(false);
  const [otherFiles, setOtherFiles] = useState<string[]>([]);
  const [collectionLabel, setCollectionLabel] = useState('');
  const [minify, setMinify] = useState(false);
  const [annotationPages, setAnnotationPages] = useState<'embedded' | 'referenced'>('embedded');
  const [override, setOverride] = useState(false);
  const [confirmUris, setConfirmUris] = useState(false);
  const [reviewed, setReview] = useState<Reviewed | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const request = () => ({
    doc,
    base: base.trim(),
    ...targetRequest(fields),
    minify,
    presentation2,
    annotationPages,
    origin: window.location.origin,
    name,
    ...(openPath ? { documentPath: openPath } : {}),
    otherFiles,
    ...(collectionLabel.trim() !== '' ? { collectionLabel: collectionLabel.trim() } : {}),
  });
  // What a review was made for: a review answers for these inputs only, so one that comes back after they
  // changed (or is shown after they changed) never unlocks Publish for something that was not reviewed.
  const inputsKey = JSON.stringify([
    base.trim(),
    targetKey(fields),
    minify,
    presentation2,
    annotationPages,
    otherFiles,
    collectionLabel.trim(),
  ]);
  const review = reviewed && reviewed.key === inputsKey && reviewed.doc === doc ? reviewed.value : null;
  const runReview = async () => {
    setBusy(true);
    setError(null);
    const key = inputsKey;
    const result = await reviewPublication(request());
    setBusy(false);
    setConfirmUris(false);
    if (result.ok) setReview({ key, doc, value: result.value });
    else {
      setReview(null);
      setError(result.error.message);
    }
  };
  // Anything that changes what would be written makes the last review stale.
  const changeFiles = (files: string[]) => {
    setOtherFiles(files);
    setReview(null);
  };
  const addFile = (path: string) => {
    if (path === openPath || otherFiles.includes(path)) {
      setError(`${fileNameOf(path)} is already in the collection.`);
      return;
    }
    setError(null);
    changeFiles([...otherFiles, path]);
  };
  const { choose: chooseFile, picker } = useOpenFileChooser(addFile, setError);
  const changeTarget = (next: TargetFields) => {
    setFields(next);
    setError(null);
  };
  const errors = review?.findings.filter((f) => f.severity === 'error') ?? [];
  const warnings = review?.findings.filter((f) => f.severity === 'warning') ?? [];
  const job = usePublicationJob();
  const runPublish = async () => {
    setBusy(true);
    setError(null);
    const result = await job.run({ ...request(), allowErrors: override, allowUriChanges: confirmUris });
    setBusy(false);
    if (!result.ok) return setError(result.message);
    useAppStore.getState().showMessage({ kind: 'info', text: publishedMessage(result.value) });
    onClose();
  };
  // While publishing, closing the dialog means stopping the publication; the dialog stays to say how it ended.
  const cancelOrClose = () => (job.running ? job.cancel() : onClose());

  const defaultLabel =
    fields.kind === 'folder'
      ? (fields.outDir.trim().split(/[\\/]/).filter(Boolean).pop() ?? '')
      : fields.kind === 'git'
        ? fields.branch.trim()
        : (fields.prefix.trim().split('/').filter(Boolean).pop() ?? fields.bucket.trim());

  return (
    <>
      <Dialog
        title="Publish"
        onCancel={cancelOrClose}
        cancel={job.running ? 'Cancel publishing' : 'Cancel'}
        footer={
          <button type="button" onClick={() => void runReview()} disabled={busy}>
            Review
          </button>
        }
        primary={{
          label: 'Publish',
          onClick: () => void runPublish(),
          disabled:
            busy ||
            !review ||
            (errors.length > 0 && !override) ||
            (review.uris.counts.changed + review.uris.counts.removed > 0 && !confirmUris),
        }}
      >
        <label className="field">
          Public base URL (where the folder will be served; every id is rewritten under it)
          <input
            value={base}
            onChange={(e) => {
              setBase(e.target.value);
              setReview(null);
            }}
            aria-label="Public base URL"
          />
        </label>
        <PublishTargetFields fields={fields} onChange={changeTarget} onChooseFolder={chooseFolder} />
        <label className="check">
          <input type="checkbox" checked={minify} onChange={(e) => setMinify(e.target.checked)} /> Minified
          JSON
        </label>
        <label>
          Annotation pages{' '}
          <select
            value={annotationPages}
            onChange={(e) => {
              setAnnotationPages(e.target.value as 'embedded' | 'referenced');
              setReview(null);
            }}
          >
            <option value="embedded">embedded in the manifest</option>
            <option value="referenced">as files of their own, referenced</option>
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={presentation2}
            onChange={(e) => setPresentation2(e.target.checked)}
          />{' '}
          Presentation 2.1 (for older viewers; the review lists what it cannot say)
        </label>
        <CollectionMembers
          documentName={name}
          files={otherFiles}
          label={collectionLabel}
          defaultLabel={defaultLabel}
          onAdd={() => void chooseFile()}
          onFilesChange={changeFiles}
          onLabelChange={(label) => {
            setCollectionLabel(label);
            setReview(null);
          }}
        />
        {job.running ? (
          <p className="publish-progress" data-testid="publish-progress">
            <progress
              aria-label="Publishing progress"
              max={job.progress?.total || 1}
              value={job.progress?.done ?? 0}
            />{' '}
            <span role="status">{progressText(job.progress)}</span>
          </p>
        ) : null}
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
        {review ? (
          <section className="publish-review" aria-label="Review" data-testid="publish-review">
            {review.collection ? (
              <div data-testid="publish-collection">
                <p>
                  Collection <strong>{review.collection.url}</strong> — “{review.collection.label}”,{' '}
                  {review.collection.manifests.length} manifests:
                </p>
                <ol className="notice-list">
                  {review.collection.manifests.map((m) => (
                    <li key={m.url}>
                      {m.name} <code>{m.url}</code>
                    </li>
                  ))}
                </ol>
              </div>
            ) : (
              <p>
                <strong>{review.manifestUrl}</strong> — {(review.bytes / 1024).toFixed(1)} KB
              </p>
            )}
            <p data-testid="publish-where">
              To <code>{review.where}</code>
            </p>
            <p data-testid="publish-changes">
              {review.firstPublication
                ? `First publication ${fields.kind === 'folder' ? 'in this folder' : 'here'}.`
                : review.identical
                  ? 'Identical to the last publication.'
                  : `Since the last publication: ${review.counts.changed} changed, ${review.counts.added} added, ${review.counts.removed} removed.`}
            </p>
            {review.samplePaths.length > 0 ? (
              <ul className="notice-list">
                {review.samplePaths.map((p) => (
                  <li key={p}>
                    <code>{p}</code>
                  </li>
                ))}
              </ul>
            ) : null}
            <PublishedUris uris={review.uris} confirmed={confirmUris} onConfirm={setConfirmUris} />
            {review.lost.length > 0 ? (
              <div data-testid="publish-p2-losses">
                <p>Presentation 2.1 cannot say {review.lost.length === 1 ? 'this' : 'these'}:</p>
                <ul className="notice-list" aria-label="What Presentation 2.1 cannot say">
                  {review.lost.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            <p data-testid="publish-findings">
              {errors.length} errors, {warnings.length} warnings
              {review.collection ? ` across ${review.collection.manifests.length} manifests` : ''}.
            </p>
            {errors.length > 0 ? (
              <>
                <ul className="notice-list">
                  {errors.slice(0, 12).map((f, i) => (
                    <li key={i}>
                      {f.manifest !== undefined ? <strong>{f.manifest}: </strong> : null}
                      {f.message} <code>{f.path}</code>
                    </li>
                  ))}
                </ul>
                <label className="check">
                  <input type="checkbox" checked={override} onChange={(e) => setOverride(e.target.checked)} />{' '}
                  Publish anyway, with {errors.length} errors
                </label>
              </>
            ) : null}
          </section>
        ) : null}
      </Dialog>
      {picker}
    </>
  );
}

/** What the curator reads after publishing: what went where, and how much of it came back when fetched. */
function publishedMessage(published: ResponseOf<'publishDocument'>): string {
  const { collectionUrl, manifestCount, check, lost } = published;
  const what =
    collectionUrl !== undefined
      ? `Published ${collectionUrl} with ${manifestCount} manifests into ${published.outDir}.`
      : `Published ${published.manifestUrl} into ${published.outDir}.`;
  const fetched =
    check.parsed === check.documents
      ? ` Fetched back: ${check.resolved} of ${check.uris} URIs resolve.`
      : ` Fetched back: ${check.parsed} of ${check.documents} documents (missing: ${check.failures.join(', ')}), ${check.resolved} of ${check.uris} URIs resolve.`;
  const p2 =
    lost.length > 0
      ? ` As Presentation 2.1, ${lost.length} thing${lost.length === 1 ? '' : 's'} could not be said.`
      : '';
  return what + fetched + p2;
}
