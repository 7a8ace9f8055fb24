/**
 * Publish: choose the public base URL and an output folder, review what will be written (final ids, findings,
 * what changed since the last publication), then write. Errors block publishing unless the curator says
 * explicitly to publish anyway.
 */
import { useState } from 'react';
import { documentBaseUri } from '../../../../shared/iiif/document/mint-ids';
import type { ResponseOf } from '../../../../shared/ipc/contract';
import { api, isElectron } from '../../api';
import { Modal } from '../../components/Modal';
import { documentName } from '../../store/document-slice';
import { useAppStore } from '../../store/store';

type Review = ResponseOf<'reviewPublication'>;

function slug(name: string): string {
  return (
    name
      .replace(/\.json$/i, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'manifest'
  );
}

export function PublishDialog({ onClose }: { onClose(): void }) {
  const doc = useAppStore((s) => s.doc);
  const name = useAppStore(documentName);
  const [base, setBase] = useState(() => (doc ? documentBaseUri(doc) : ''));
  const [outDir, setOutDir] = useState(() => `published/${slug(name)}`);
  const [minify, setMinify] = useState(false);
  const [override, setOverride] = useState(false);
  const [review, setReview] = useState<Review | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const request = () => ({
    doc,
    base: base.trim(),
    outDir: outDir.trim(),
    minify,
    origin: window.location.origin,
  });
  const runReview = async () => {
    setBusy(true);
    setError(null);
    const result = await api.reviewPublication(request());
    setBusy(false);
    if (result.ok) setReview(result.value);
    else {
      setReview(null);
      setError(result.error.message);
    }
  };
  const chooseFolder = async () => {
    const result = await api.showFolderDialog({});
    if (result.ok && result.value.path) setOutDir(result.value.path);
  };
  const errors = review?.findings.filter((f) => f.severity === 'error') ?? [];
  const warnings = review?.findings.filter((f) => f.severity === 'warning') ?? [];
  const runPublish = async () => {
    setBusy(true);
    const result = await api.publishDocument({ ...request(), allowErrors: override });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    useAppStore.getState().showMessage({
      kind: 'info',
      text: `Published ${result.value.manifestUrl} into ${result.value.outDir}.`,
    });
    onClose();
  };

  return (
    <Modal
      title="Publish"
      onCancel={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" onClick={() => void runReview()} disabled={busy}>
            Review
          </button>
          <button
            type="button"
            className="primary"
            disabled={busy || !review || (errors.length > 0 && !override)}
            onClick={() => void runPublish()}
          >
            Publish
          </button>
        </>
      }
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
      <label className="field">
        Output folder {isElectron ? '' : '(inside the workspace)'}
        <span className="row">
          <input
            value={outDir}
            onChange={(e) => {
              setOutDir(e.target.value);
              setReview(null);
            }}
            aria-label="Output folder"
          />
          {isElectron ? (
            <button type="button" onClick={() => void chooseFolder()}>
              Choose…
            </button>
          ) : null}
        </span>
      </label>
      <label className="check">
        <input type="checkbox" checked={minify} onChange={(e) => setMinify(e.target.checked)} /> Minified JSON
      </label>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {review ? (
        <section className="publish-review" aria-label="Review" data-testid="publish-review">
          <p>
            <strong>{review.manifestUrl}</strong> — {(review.bytes / 1024).toFixed(1)} KB
          </p>
          <p data-testid="publish-changes">
            {review.firstPublication
              ? 'First publication in this folder.'
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
          <p data-testid="publish-findings">
            {errors.length} errors, {warnings.length} warnings.
          </p>
          {errors.length > 0 ? (
            <>
              <ul className="notice-list">
                {errors.slice(0, 12).map((f, i) => (
                  <li key={i}>
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
    </Modal>
  );
}
