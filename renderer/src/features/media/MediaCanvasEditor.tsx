/**
 * The canvas editor for a time-based canvas (one with a `duration`): the player and its timeline; a clip chosen
 * on the timeline gets its time span set by dragging across the track or typing start and end; and the canvas's
 * placeholder and accompanying canvases, attached from the document or an image address, relabelled, edited like
 * any canvas in a dialog of their own (CompanionDialog), or removed.
 */
import { useState } from 'react';
import { canvasLabel, canvasList } from '../../../../shared/iiif/canvases';
import type { JsonObject } from '../../../../shared/iiif/json';
import { displayStringOf } from '../../../../shared/iiif/language';
import {
  COMPANION_PROPERTIES,
  canvasDuration,
  clipsOf,
  companionOf,
  type CompanionProperty,
} from '../../../../shared/iiif/media';
import type { ClosedSpan } from '../../../../shared/iiif/time';
import { useDisplayLanguages } from '../../components/language/display-language';
import { useAppStore } from '../../store/store';
import { CompanionDialog } from './CompanionDialog';
import { MediaPlayer, clipKey } from './MediaPlayer';
import { TimeSpanFields } from './TimeSpanFields';
import {
  attachCompanion,
  canvasFromImageUrl,
  deleteClip,
  editCompanion,
  moveClip,
  removeCompanion,
} from './media-service';
import '../composition/composition.css';

interface Props {
  readonly canvas: JsonObject;
  readonly canvasIndex: number;
}

export function MediaCanvasEditor({ canvas, canvasIndex }: Props) {
  const languages = useDisplayLanguages();
  const label = canvasLabel(canvas, languages) || `Canvas ${canvasIndex + 1}`;
  const clips = clipsOf(canvas);
  const [selected, setSelected] = useState<string | null>(null);
  const [free, setFree] = useState<ClosedSpan | null>(null);
  const clipIndex = clips.findIndex((c) => clipKey(c.page, c.item) === selected);
  const clip = clipIndex >= 0 ? clips[clipIndex] : undefined;
  const duration = canvasDuration(canvas) ?? 0;
  const setSpan = (span: ClosedSpan) => {
    if (clip) moveClip(canvasIndex, clip.page, clip.item, span);
    else setFree(span);
  };
  return (
    <div className="canvas-editor media-editor" data-testid="media-editor">
      <MediaPlayer
        canvas={canvas}
        label={label}
        span={clip ? clip.span : free}
        selectedKey={selected}
        onSpan={setSpan}
        onSelectItem={(key) => setSelected((current) => (current === key ? null : key))}
      >
        <TimeSpanFields
          span={clip ? clip.span : free}
          duration={duration}
          label={clip ? `Clip ${clipIndex + 1}` : 'Selection'}
          onChange={setSpan}
        />
        {clip ? (
          <button
            type="button"
            className="media-remove-clip"
            onClick={() => {
              setSelected(null);
              deleteClip(canvasIndex, clip.page, clip.item);
            }}
          >
            Remove clip {clipIndex + 1}
          </button>
        ) : null}
        <p className="muted media-hint">
          {clip
            ? `Clip ${clipIndex + 1} (${clip.label}) is selected: drag across the timeline or type times to set when it plays.`
            : 'Choose a clip on the timeline to set when it plays; drag across the timeline to select a time span.'}
        </p>
      </MediaPlayer>
      <section className="media-extra" aria-label="Placeholder and accompanying canvases">
        {COMPANION_PROPERTIES.map((property) => (
          <CompanionRow key={property} canvas={canvas} canvasIndex={canvasIndex} property={property} />
        ))}
      </section>
    </div>
  );
}

const TITLES: Record<CompanionProperty, string> = {
  placeholderCanvas: 'Placeholder canvas',
  accompanyingCanvas: 'Accompanying canvas',
};

function CompanionRow({
  canvas,
  canvasIndex,
  property,
}: {
  canvas: JsonObject;
  canvasIndex: number;
  property: CompanionProperty;
}) {
  const languages = useDisplayLanguages();
  const doc = useAppStore((s) => s.doc);
  const companion = companionOf(canvas, property);
  const title = TITLES[property];
  const [address, setAddress] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  // Undoing the attachment closes the dialog; a companion attached later does not open it again.
  if (!companion && editing) setEditing(false);
  const choices = canvasList(doc).filter(
    ({ index, canvas: c }) => index !== canvasIndex && canvasDuration(c) === undefined,
  );

  const fromAddress = async () => {
    setBusy(true);
    setError(null);
    try {
      attachCompanion(canvasIndex, property, await canvasFromImageUrl(address.trim()));
      setAddress('');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  const current = companion ? displayStringOf(companion.label, languages) : '';
  return (
    <>
      <h3 className="media-extra-title">{title}</h3>
      <div className="media-extra-row">
        {companion ? (
          <>
            <label>
              Label
              <input
                // Keyed on the label too: a relabelling in the dialog (or an undo) shows here at once.
                key={`${String(companion.id ?? '')}:${current}`}
                defaultValue={current}
                aria-label={`${title} label`}
                onBlur={(e) => {
                  const text = e.target.value.trim();
                  if (text === current) return;
                  const key = Object.keys(companion.label ?? {})[0] ?? 'none';
                  const { label: _old, ...rest } = companion;
                  const next = text === '' ? rest : { ...companion, label: { [key]: [text] } };
                  editCompanion(canvasIndex, property, next, `Relabel ${title.toLowerCase()}`);
                }}
              />
            </label>
            <button type="button" aria-haspopup="dialog" onClick={() => setEditing(true)}>
              Edit {title.toLowerCase()}…
            </button>
            <button type="button" onClick={() => removeCompanion(canvasIndex, property)}>
              Remove {title.toLowerCase()}
            </button>
            {editing ? (
              <CompanionDialog
                companion={companion}
                canvasIndex={canvasIndex}
                property={property}
                title={title}
                onClose={() => setEditing(false)}
              />
            ) : null}
          </>
        ) : (
          <span className="muted">None</span>
        )}
        <label>
          From this manifest
          <select
            aria-label={`${title} from a canvas of this manifest`}
            value=""
            onChange={(e) => {
              const chosen = canvasList(doc).find(({ index }) => String(index) === e.target.value);
              if (chosen) attachCompanion(canvasIndex, property, chosen.canvas);
            }}
          >
            <option value="">Choose a canvas…</option>
            {choices.map(({ index, canvas: c }) => (
              <option key={index} value={index}>
                {index + 1}. {canvasLabel(c, languages) || `Canvas ${index + 1}`}
              </option>
            ))}
          </select>
        </label>
        <label>
          From an image address
          <input
            type="url"
            value={address}
            aria-label={`${title} image address`}
            onChange={(e) => setAddress(e.target.value)}
          />
        </label>
        <button
          type="button"
          disabled={busy || address.trim() === ''}
          onClick={() => void fromAddress()}
          aria-label={`Use the image address as ${title.toLowerCase()}`}
        >
          Use
        </button>
        {error ? (
          <span role="alert" className="error">
            {error}
          </span>
        ) : null}
      </div>
    </>
  );
}
