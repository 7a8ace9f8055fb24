/**
 * Small manifest-only choices: `viewingDirection` (one of four values) and `start` (the canvas viewers open
 * at). A start that points elsewhere (a SpecificResource, a canvas that is gone) is shown, not rewritten.
 */
import type { JsonObject, JsonValue } from '../../../../shared/iiif/json';
import { isJsonObject } from '../../../../shared/iiif/json';
import type { ChangeHandler } from '../../components/language/editor-types';

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
  /** id and display label of each canvas, in order. */
  canvases: readonly { id: string; label: string }[];
}

export function StartCanvasField({ value, onChange, canvases }: StartProps) {
  const start = isJsonObject(value) ? (value as JsonObject) : null;
  const startId = start && typeof start['id'] === 'string' ? start['id'] : '';
  const isCanvas = start?.['type'] === 'Canvas';
  const index = isCanvas ? canvases.findIndex((canvas) => canvas.id === startId) : -1;
  return (
    <>
      <select
        aria-label="Start canvas"
        value={start === null ? '' : index >= 0 ? String(index) : 'other'}
        onChange={(event) => {
          const chosen = event.target.value;
          if (chosen === 'other') return;
          const canvas = chosen === '' ? undefined : canvases[Number(chosen)];
          onChange(canvas ? { id: canvas.id, type: 'Canvas' } : undefined, 'action');
        }}
      >
        <option value="">Not set (the first canvas)</option>
        {start !== null && index < 0 ? (
          <option value="other">{startId || 'something else'} (kept)</option>
        ) : null}
        {canvases.map((canvas, i) => (
          <option key={i} value={String(i)} disabled={canvas.id === ''}>
            {i + 1}. {canvas.label || canvas.id}
          </option>
        ))}
      </select>
      {start !== null && index < 0 ? (
        <p className="field-warning">
          The start is {isCanvas ? 'a canvas that is not in this manifest' : `a ${String(start['type'])}`}; it
          is kept as it is.
        </p>
      ) : null}
    </>
  );
}
