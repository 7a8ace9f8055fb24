/**
 * "Add images": paste one address or hundreds (info.json, image service, image, manifest, content state), or
 * choose image files. Shows N of M while the main side fetches, then lists what failed and why, with a retry.
 */
import { useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { describeInput, splitInputs } from '../../../../shared/iiif/canvas-build/import-inputs';
import { Dialog } from '../../components/Dialog';
import { useAppStore } from '../../store/store';
import { canvasSlots } from '../../../../shared/iiif/canvases';
import { useAddImagesStore } from './add-images-store';
import { addImageFiles, addImages, cancelAdding, retryFailed } from './add-images-service';
import './add-images.css';

/** Inputs listed with what they were taken as; beyond this many, a count (the list is a check, not a report). */
const LISTED = 100;

export function AddImagesDialog() {
  const state = useAddImagesStore(
    useShallow((s) => ({
      open: s.open,
      text: s.text,
      position: s.position,
      phase: s.phase,
      activity: s.activity,
      total: s.total,
      completed: s.completed,
      added: s.added,
      failures: s.failures,
      staleCount: s.staleCount,
      duplicates: s.duplicates,
    })),
  );
  const count = useAppStore((s) => canvasSlots(s.doc));
  const files = useRef<HTMLInputElement>(null);
  if (!state.open) return null;
  const inputs = splitInputs(state.text);
  const close = () => {
    if (state.phase === 'running') cancelAdding();
    useAddImagesStore.getState().close();
  };
  const running = state.phase === 'running';
  const done = state.phase === 'done';
  return (
    <Dialog
      title="Add images"
      onCancel={close}
      cancel={running ? 'Cancel' : 'Close'}
      footer={
        done && state.failures.length > 0 ? (
          <button type="button" onClick={() => void retryFailed()}>
            Retry failed ({state.failures.length})
          </button>
        ) : null
      }
      {...(!running && !done
        ? {
            primary: {
              label: `Add ${inputs.length > 0 ? inputs.length : ''}`,
              onClick: () => void addImages(inputs, state.position),
              disabled: inputs.length === 0,
            },
          }
        : {})}
    >
      {!running && !done ? (
        <>
          <label className="field">
            Addresses, one per line: info.json, image service, image, manifest or IIIF content state
            <textarea
              className="add-images-text"
              rows={8}
              value={state.text}
              spellCheck={false}
              aria-label="Image addresses"
              placeholder="https://example.org/iiif/image-1/info.json"
              onChange={(e) => useAddImagesStore.getState().setText(e.target.value)}
            />
          </label>
          <div className="add-images-row">
            <label className="field inline">
              Insert at position
              <input
                type="number"
                min={1}
                max={count + 1}
                value={state.position ?? count + 1}
                aria-label="Insert at position"
                onChange={(e) => {
                  const value = Number(e.target.value);
                  useAddImagesStore
                    .getState()
                    .setPosition(Number.isFinite(value) && value >= 1 && value <= count ? value : null);
                }}
              />
            </label>
            <button type="button" onClick={() => files.current?.click()}>
              Choose image files…
            </button>
            <input
              ref={files}
              type="file"
              accept="image/jpeg,image/png,image/tiff"
              multiple
              hidden
              onChange={(e) => {
                const chosen = [...(e.target.files ?? [])];
                e.target.value = '';
                void addImageFiles(chosen, state.position);
              }}
            />
          </div>
          <p className="muted">{inputs.length === 1 ? '1 address' : `${inputs.length} addresses`}</p>
          {inputs.length > 0 ? (
            <ul className="add-images-inputs" aria-label="Addresses as read" data-testid="add-inputs">
              {inputs.slice(0, LISTED).map((input, i) => (
                <li key={`${i}-${input}`}>
                  <code>{input}</code>
                  <span className="muted">{describeInput(input)}</span>
                </li>
              ))}
              {inputs.length > LISTED ? <li className="muted">and {inputs.length - LISTED} more</li> : null}
            </ul>
          ) : null}
        </>
      ) : null}
      {running || done ? (
        <div className="add-images-progress">
          <progress max={Math.max(1, state.total)} value={state.completed} />
          <p data-testid="add-progress" role="status">
            {running
              ? `${state.activity}: ${state.completed} of ${state.total}`
              : `Added ${state.added} ${state.added === 1 ? 'canvas' : 'canvases'}` +
                (state.failures.length > 0 ? `; ${state.failures.length} failed.` : '.')}
          </p>
          {state.staleCount > 0 ? (
            <p className="muted">
              {state.staleCount} came from the offline copy because their server could not be reached.
            </p>
          ) : null}
        </div>
      ) : null}
      {state.duplicates.length > 0 ? (
        <>
          <h3 className="add-images-failures-title">Already in the manifest, added again</h3>
          <ul
            className="add-images-failures"
            aria-label="Already in the manifest"
            data-testid="add-duplicates"
          >
            {state.duplicates.map((duplicate, i) => (
              <li key={`${i}-${duplicate.input}`}>
                <code>{duplicate.input}</code>
                <span>
                  Canvas {duplicate.position} already shows this image. Undo removes the new canvases.
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {state.failures.length > 0 ? (
        <>
          <h3 className="add-images-failures-title">Could not be added</h3>
          <ul className="add-images-failures" aria-label="Failures" data-testid="add-failures">
            {state.failures.map((failure, i) => (
              <li key={`${i}-${failure.input}`}>
                {failure.input ? <code>{failure.input}</code> : null}
                <span className="error">{failure.reason}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Dialog>
  );
}
