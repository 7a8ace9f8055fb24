/**
 * Small manifest-only choices: `viewingDirection` (one of four values) and `start` (the canvas viewers open
 * at). A start that points elsewhere (a SpecificResource, a canvas that is gone) is shown, not rewritten.
 */
import type { JsonObject, JsonValue } from '../../../../shared/iiif/json';
import { isJsonObject } from '../../../../shared/iiif/json';
import type { ChangeHandler } from '../../components/language/editor-types';
import { canvasIdOf, canvasLabel } from '../../../../shared/iiif/canvases';

const DIRECTIONS = ['left-to-right', 'right-to-left', 'top-to-bottom', 'bottom-to-top'];

export function ViewingDirectionField(props: {
  value: JsonValue | undefined;
  onChange: ChangeHandler<string | undefined>;
}) {
  const current = typeof props.value === 'string' ? props.value : '';
  const known = current === '' || DIRECTIONS.includes(current);
  return (
    <>
      <select
        aria-label="Viewing direction"
        value={current}
        onChange={(event) =>
          props.onChange(event.target.value === '' ? undefined : event.target.value, 'action')
        }
      >
        <option value="">Not set (left-to-right)</option>
        {known ? null : <option value={current}>{current} (not a valid direction)</option>}
        {DIRECTIONS.map((direction) => (
          <option key={direction} value={direction}>
            {direction}
          </option>
        ))}
      </select>
      {known ? null : <p className="field-warning">“{current}” is not a viewing direction of the spec.</p>}
    </>
  );
}

interface StartProps {
  value: JsonValue | undefined;
  onChange: ChangeHandler<JsonValue | undefined>;
  /** The manifest's canvases, in order (as stored: labels are read only for what is shown). */
  canvases: readonly JsonValue[];
  languages: readonly string[];
}

/** Above this many canvases a list of every one is too slow to build on each edit: a number is typed instead. */
const LIST_LIMIT = 300;

export function StartCanvasField({ value, onChange, canvases, languages }: StartProps) {
  const start = isJsonObject(value) ? (value as JsonObject) : null;
  const startId = start && typeof start['id'] === 'string' ? start['id'] : '';
  const isCanvas = start?.['type'] === 'Canvas';
  const index = isCanvas ? canvases.findIndex((canvas) => canvasIdOf(canvas) === startId) : -1;
  const choose = (i: number | null, gesture: 'typing' | 'action') => {
    const id = i === null ? '' : canvasIdOf(canvases[i]);
    onChange(i === null || id === '' ? undefined : { id, type: 'Canvas' }, gesture);
  };
  const unknown =
    start !== null && index < 0 ? (
      <p className="field-warning">
        The start is {isCanvas ? 'a canvas that is not in this manifest' : `a ${String(start['type'])}`}; it
        is kept as it is.
      </p>
    ) : null;
  if (canvases.length > LIST_LIMIT) {
    return (
      <>
        <input
          type="number"
          min={1}
          max={canvases.length}
          aria-label="Start canvas number"
          placeholder="first"
          value={index >= 0 ? index + 1 : ''}
          onChange={(event) => {
            const n = Number(event.target.value);
            if (event.target.value === '') choose(null, 'typing');
            else if (Number.isInteger(n) && n >= 1 && n <= canvases.length) choose(n - 1, 'typing');
          }}
        />{' '}
        <span className="muted">
          {index >= 0 ? canvasLabel(canvases[index], languages) : 'Not set (the first canvas)'}
        </span>
        {unknown}
      </>
    );
  }
  return (
    <>
      <select
        aria-label="Start canvas"
        value={start === null ? '' : index >= 0 ? String(index) : 'other'}
        onChange={(event) => {
          const chosen = event.target.value;
          if (chosen !== 'other') choose(chosen === '' ? null : Number(chosen), 'action');
        }}
      >
        <option value="">Not set (the first canvas)</option>
        {start !== null && index < 0 ? (
          <option value="other">{startId || 'something else'} (kept)</option>
        ) : null}
        {canvases.map((canvas, i) => (
          <option key={i} value={String(i)} disabled={canvasIdOf(canvas) === ''}>
            {i + 1}. {canvasLabel(canvas, languages) || canvasIdOf(canvas)}
          </option>
        ))}
      </select>
      {unknown}
    </>
  );
}
