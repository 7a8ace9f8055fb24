/**
 * The navPlace editor of one resource (the manifest or a canvas): a map to draw points, lines and polygons on
 * and move their vertices, and beside it the list of places, each with its label (a language map) and its
 * positions as text. Typing positions is the keyboard's way to do everything the mouse does on the map.
 *
 * Every gesture is one undo step, committed at once: a place added (a point clicked, a line or polygon
 * finished, positions typed), a vertex dropped, positions applied, a place deleted; typing a label is one step
 * per focus session. The drawing in progress stays in this dialog until it is finished.
 */
import { useId, useMemo, useState } from 'react';
import type { JsonPath } from '../../../../shared/iiif/json';
import { idMinterFor } from '../../../../shared/iiif/document/mint-ids';
import type { PlaceKind, Position } from '../../../../shared/iiif/place';
import {
  KIND_TEXT,
  MIN_POSITIONS,
  PLACE_KINDS,
  addPlaceFeature,
  moveVertex,
  parsePositions,
  readNavPlace,
} from '../../../../shared/iiif/place';
import { Dialog } from '../../components/Dialog';
import { useEditingLanguage } from '../../components/language/display-language';
import { usePropertyValue } from '../properties/doc-binding';
import { commitPlaceEdit } from './place-commit';
import { BaseMapSettings } from './BaseMapSettings';
import { PlaceItem } from './PlaceItem';
import { PlaceMap } from './PlaceMap';

interface Props {
  /** [] for the manifest, ['items', n] for a canvas. */
  path: JsonPath;
  /** "manifest", "canvas 3": names the dialog and the map. */
  owner: string;
  /** The id new places are minted under (the canvas's); the document's base when undefined. */
  parentId: string | undefined;
  onClose(): void;
}

export default function PlaceEditorDialog({ path, owner, parentId, onClose }: Props) {
  const value = usePropertyValue(path, 'navPlace');
  const view = useMemo(() => readNavPlace(value), [value]);
  const language = useEditingLanguage();
  const [drawing, setDrawing] = useState<PlaceKind | null>(null);
  const [draft, setDraft] = useState<readonly Position[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [newLabel, setNewLabel] = useState('');
  const [typedKind, setTypedKind] = useState<PlaceKind>('Point');
  const [typedText, setTypedText] = useState('');
  const ids = useId();

  const report = (refusal: string | null) => {
    setError(refusal);
    return refusal === null;
  };

  const add = (kind: PlaceKind, positions: readonly Position[]) => {
    const label = newLabel.trim() === '' ? undefined : { [language]: [newLabel.trim()] };
    const count = view.features.length;
    const ok = report(
      commitPlaceEdit(
        path,
        (current, doc) => addPlaceFeature(current, { kind, positions, label }, idMinterFor(doc), parentId),
        `Add a ${KIND_TEXT[kind]} to the ${owner} place`,
      ),
    );
    if (!ok) return false;
    setSelected(count);
    setNewLabel('');
    return true;
  };

  const startDrawing = (kind: PlaceKind) => {
    setDrawing(drawing === kind ? null : kind);
    setDraft([]);
    setError(null);
  };

  const finishDrawing = () => {
    if (drawing === null || !add(drawing, draft)) return;
    setDrawing(null);
    setDraft([]);
  };

  const onMapClick = (position: Position) => {
    if (drawing === null) return;
    if (drawing === 'Point') {
      if (add('Point', [position])) setDrawing(null);
      return;
    }
    setDraft((current) => [...current, position]);
  };

  const addTyped = () => {
    const parsed = parsePositions(typedText);
    if ('error' in parsed) return void setError(parsed.error);
    if (add(typedKind, parsed.positions)) setTypedText('');
  };

  const canFinish = drawing !== null && drawing !== 'Point' && draft.length >= MIN_POSITIONS[drawing];
  const title = `Place of the ${owner}`;

  return (
    <Dialog title={title} onCancel={onClose} cancel={false} primary={{ label: 'Done', onClick: onClose }}>
      <div className="place-dialog">
        <div>
          <div className="place-tools" role="toolbar" aria-label="Draw on the map">
            {PLACE_KINDS.map((kind) => (
              <button
                key={kind}
                type="button"
                className="small"
                aria-pressed={drawing === kind}
                onClick={() => startDrawing(kind)}
              >
                Draw a {KIND_TEXT[kind]}
              </button>
            ))}
            {drawing !== null && drawing !== 'Point' ? (
              <>
                <button type="button" className="small" disabled={!canFinish} onClick={finishDrawing}>
                  Finish the {KIND_TEXT[drawing]}
                </button>
                <button
                  type="button"
                  className="small"
                  disabled={draft.length === 0}
                  onClick={() => setDraft((current) => current.slice(0, -1))}
                >
                  Remove the last position
                </button>
              </>
            ) : null}
            {drawing !== null ? (
              <button type="button" className="small" onClick={() => startDrawing(drawing)}>
                Stop drawing
              </button>
            ) : null}
          </div>
          <p className="muted" aria-live="polite" data-testid="place-drawing-status">
            {drawing === null
              ? 'Choose what to draw, or type positions. Click a place to move its vertices.'
              : drawing === 'Point'
                ? 'Click on the map to place the point.'
                : `Click on the map to add positions (${draft.length} so far); click the first one or “Finish” to end.`}
          </p>
          <PlaceMap
            label={`Map of the ${owner} place`}
            features={view.features}
            selected={selected}
            draft={draft}
            draftKind={drawing}
            onMapClick={onMapClick}
            onFinishDraft={() => canFinish && finishDrawing()}
            onSelect={(index) => setSelected(index === selected ? null : index)}
            onVertexMove={(feature, vertex, position) =>
              report(
                commitPlaceEdit(
                  path,
                  (current) => moveVertex(current, feature, vertex, position),
                  `Move a vertex of the ${owner} place`,
                ),
              )
            }
          />
          <BaseMapSettings />
        </div>
        <div className="place-side">
          {error !== null ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
          {view.problem !== null ? (
            <div>
              <p className="field-warning">{view.problem}</p>
              <button
                type="button"
                className="small"
                onClick={() =>
                  report(commitPlaceEdit(path, () => ({ value: undefined }), `Remove the ${owner} place`))
                }
              >
                Remove it
              </button>
            </div>
          ) : (
            <>
              <label>
                Label of the next place ({language}){' '}
                <input type="text" value={newLabel} onChange={(event) => setNewLabel(event.target.value)} />
              </label>
              <fieldset>
                <legend>Type a place</legend>
                <label>
                  Kind{' '}
                  <select
                    value={typedKind}
                    onChange={(event) => setTypedKind(event.target.value as PlaceKind)}
                  >
                    {PLACE_KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {KIND_TEXT[kind]}
                      </option>
                    ))}
                  </select>
                </label>
                <label htmlFor={`${ids}-typed`}>Positions: longitude, latitude; one per line</label>
                <textarea
                  id={`${ids}-typed`}
                  className="place-positions"
                  value={typedText}
                  placeholder={'2.35, 48.85'}
                  onChange={(event) => setTypedText(event.target.value)}
                />
                <button type="button" className="small" onClick={addTyped}>
                  Add the typed place
                </button>
              </fieldset>
              <h3 data-testid="place-count">
                {view.features.length === 0
                  ? 'No places yet'
                  : `${view.features.length} ${view.features.length === 1 ? 'place' : 'places'}`}
              </h3>
              <ul className="place-list">
                {view.features.map((feature) => (
                  <PlaceItem
                    key={`${feature.index}:${feature.id ?? ''}`}
                    feature={feature}
                    path={path}
                    owner={owner}
                    language={language}
                    selected={selected === feature.index}
                    onSelect={() => setSelected(selected === feature.index ? null : feature.index)}
                    onDeleted={() => setSelected(null)}
                    report={report}
                  />
                ))}
              </ul>
            </>
          )}
        </div>
      </div>
    </Dialog>
  );
}
