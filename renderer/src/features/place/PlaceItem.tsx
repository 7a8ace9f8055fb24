/**
 * One place in the place editor's list: its kind, its label (a language map, one undo step per focus session
 * of typing), its positions as text to retype (the keyboard's way to move vertices), and delete.
 */
import { useId, useRef, useState } from 'react';
import type { JsonPath } from '../../../../shared/iiif/json';
import type { PlaceFeatureView } from '../../../../shared/iiif/place';
import {
  KIND_TEXT,
  formatPositions,
  parsePositions,
  removePlaceFeature,
  setPlaceGeometry,
  setPlaceLabel,
} from '../../../../shared/iiif/place';
import { LanguageMapEditor } from '../../components/language/LanguageMapEditor';
import { commitPlaceEdit } from './place-commit';

interface ItemProps {
  feature: PlaceFeatureView;
  path: JsonPath;
  owner: string;
  language: string;
  selected: boolean;
  onSelect(): void;
  onDeleted(): void;
  report(refusal: string | null): boolean;
}

export function PlaceItem({
  feature,
  path,
  owner,
  language,
  selected,
  onSelect,
  onDeleted,
  report,
}: ItemProps) {
  const n = feature.index + 1;
  const stored = formatPositions(feature.positions);
  const [text, setText] = useState(stored);
  const [shown, setShown] = useState(stored);
  if (shown !== stored) {
    setShown(stored);
    setText(stored);
  }
  const session = useRef(0);
  const ids = useId();
  const kindText = feature.kind !== null ? KIND_TEXT[feature.kind] : feature.geometryType || 'no geometry';

  const applyPositions = () => {
    if (feature.kind === null) return;
    const parsed = parsePositions(text);
    if ('error' in parsed) return void report(parsed.error);
    const kind = feature.kind;
    report(
      commitPlaceEdit(
        path,
        (current) => setPlaceGeometry(current, feature.index, kind, parsed.positions),
        `Edit the positions of a ${owner} place`,
      ),
    );
  };

  return (
    <li
      className={`place-item${selected ? ' selected' : ''}`}
      data-testid={`place-${n}`}
      onFocus={() => {
        session.current += 1;
      }}
    >
      <h3>
        Place {n}: {kindText}
      </h3>
      <div className="place-tools">
        {feature.kind !== null ? (
          <button type="button" className="small" aria-pressed={selected} onClick={onSelect}>
            Move vertices of place {n}
          </button>
        ) : (
          <span className="muted">Shown as stored; this kind is not edited here.</span>
        )}
        <button
          type="button"
          className="small"
          onClick={() => {
            if (
              report(
                commitPlaceEdit(
                  path,
                  (current) => removePlaceFeature(current, feature.index),
                  `Delete a ${owner} place`,
                ),
              )
            )
              onDeleted();
          }}
        >
          Delete place {n}
        </button>
      </div>
      <p className="place-field-title">Label</p>
      <LanguageMapEditor
        label={`Place ${n} label`}
        value={feature.label}
        defaultLanguage={language}
        onChange={(next, gesture) =>
          report(
            commitPlaceEdit(
              path,
              (current) => setPlaceLabel(current, feature.index, next),
              `Label a ${owner} place`,
              gesture === 'typing' ? `${ids}:${session.current}` : undefined,
            ),
          )
        }
      />
      {feature.kind !== null ? (
        <>
          <label htmlFor={`${ids}-positions`}>Place {n} positions: longitude, latitude; one per line</label>
          <textarea
            id={`${ids}-positions`}
            className="place-positions"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <button type="button" className="small" disabled={text === stored} onClick={applyPositions}>
            Apply the positions of place {n}
          </button>
        </>
      ) : null}
    </li>
  );
}
