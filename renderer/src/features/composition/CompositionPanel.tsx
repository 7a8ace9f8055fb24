/**
 * The composition side panel: the images on the canvas, adding one from another canvas, and for the selected
 * image its place in numbers, a view-only opacity for aligning, quarter turns, crop (drawn or typed) and how
 * the crop is written. Presentational: every edit goes back to CanvasEditor, which commits it as one step.
 */
import { useState } from 'react';
import type { ImageServiceDescriptor } from '../../../../shared/iiif/image-api/descriptor';
import type { Rect } from '../../../../shared/iiif/image-api/image-selectors';
import type { CropEncoding, PaintedItem } from '../../../../shared/iiif/document/painted-items';
import { NumberField } from './NumberField';
import { Icon } from '../../components/icons';
import './composition.css';

export interface PlaceableCanvas {
  readonly index: number;
  readonly label: string;
}

interface Props {
  items: readonly PaintedItem[];
  selected: PaintedItem | null;
  /** The selected image's crop in full-image pixels (null: the whole image), once its size is known. */
  region: Rect | null;
  /** The selected image's service, when it has one and it could be read; a string says why not. */
  descriptor: ImageServiceDescriptor | string | null;
  opacity: number;
  cropping: boolean;
  encoding: Exclude<CropEncoding, 'none'>;
  urlAllowed: boolean;
  placeable: readonly PlaceableCanvas[];
  onSelect(key: string): void;
  onTarget(target: Rect): void;
  onSide(side: 'width' | 'height', value: number): void;
  onOpacity(value: number): void;
  onRotate(): void;
  onToggleCrop(): void;
  onRegion(region: Rect | null): void;
  onEncoding(encoding: Exclude<CropEncoding, 'none'>): void;
  onRestack(direction: 1 | -1): void;
  onRemove(): void;
  onPlace(fromIndex: number): void;
}

export function CompositionPanel(props: Props) {
  const { items, selected, region, descriptor, placeable } = props;
  const [from, setFrom] = useState<number | null>(null);
  const chosen =
    from !== null && placeable.some((c) => c.index === from) ? from : (placeable[0]?.index ?? null);
  const desc = typeof descriptor === 'object' ? descriptor : null;
  const layer = selected?.layers[0] ?? null;
  const croppable = selected !== null && !selected.choice && Boolean(layer?.serviceId) && desc !== null;
  const full = desc ? { x: 0, y: 0, width: desc.width, height: desc.height } : null;
  const crop = region ?? full;

  return (
    <aside className="composition-panel" aria-label="Composition">
      <h3>Images on this canvas</h3>
      {items.length === 0 ? <p className="muted">No image yet: place one below.</p> : null}
      <ul className="composition-list">
        {items.map((item, index) => (
          <li key={item.key}>
            <button
              type="button"
              aria-pressed={item.key === selected?.key}
              onClick={() => props.onSelect(item.key)}
              data-testid="composition-list-item"
            >
              {index + 1}. {item.label || 'Image'}
            </button>
          </li>
        ))}
      </ul>

      <div className="composition-place">
        <label>
          <span>Place the image of</span>
          <select
            value={chosen ?? ''}
            onChange={(event) => setFrom(Number(event.target.value))}
            disabled={placeable.length === 0}
            data-testid="place-source"
          >
            {placeable.map((canvas) => (
              <option key={canvas.index} value={canvas.index}>
                canvas {canvas.index + 1}: {canvas.label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={chosen === null}
          onClick={() => chosen !== null && props.onPlace(chosen)}
          data-testid="place-image"
        >
          Place here
        </button>
      </div>

      {selected ? (
        <section aria-label="Selected image">
          <h3>Position on the canvas (pixels)</h3>
          <div className="composition-fields">
            <NumberField
              label="X"
              value={selected.target.x}
              testId="target-x"
              onCommit={(x) => props.onTarget({ ...selected.target, x })}
            />
            <NumberField
              label="Y"
              value={selected.target.y}
              testId="target-y"
              onCommit={(y) => props.onTarget({ ...selected.target, y })}
            />
            <NumberField
              label="Width"
              value={selected.target.width}
              min={1}
              testId="target-w"
              onCommit={(w) => props.onSide('width', w)}
            />
            <NumberField
              label="Height"
              value={selected.target.height}
              min={1}
              testId="target-h"
              onCommit={(h) => props.onSide('height', h)}
            />
          </div>
          <p className="muted small">Width and height keep the image’s proportions.</p>

          <label className="composition-opacity">
            <span>Opacity while aligning: {Math.round(props.opacity * 100)}% (not saved)</span>
            <input
              type="range"
              min={10}
              max={100}
              value={Math.round(props.opacity * 100)}
              onChange={(event) => props.onOpacity(Number(event.target.value) / 100)}
              data-testid="opacity"
            />
          </label>

          <div className="composition-actions">
            <button type="button" onClick={props.onRotate} disabled={!croppable} data-testid="rotate">
              Rotate 90° <Icon name="rotate" />
            </button>
            <button
              type="button"
              aria-pressed={props.cropping}
              onClick={props.onToggleCrop}
              disabled={!croppable}
              data-testid="crop-toggle"
            >
              {props.cropping ? 'Drawing crop… (Esc)' : 'Crop…'}
            </button>
            <button
              type="button"
              onClick={() => props.onRegion(null)}
              disabled={!croppable || region === null}
              data-testid="crop-reset"
            >
              Whole image
            </button>
          </div>
          {selected.choice ? (
            <p className="muted small">
              Layered images (choices) can be moved and resized, not cropped here.
            </p>
          ) : typeof descriptor === 'string' ? (
            <p className="muted small" role="status">
              Cropping needs the image service: {descriptor}
            </p>
          ) : !layer?.serviceId ? (
            <p className="muted small">Cropping and turning need an IIIF image service.</p>
          ) : null}

          {croppable && crop ? (
            <>
              <h3>Crop (pixels of the whole image)</h3>
              <div className="composition-fields">
                {(['x', 'y', 'width', 'height'] as const).map((side) => (
                  <NumberField
                    key={side}
                    label={side === 'x' ? 'X' : side === 'y' ? 'Y' : side === 'width' ? 'Width' : 'Height'}
                    value={crop[side]}
                    min={side === 'width' || side === 'height' ? 1 : 0}
                    testId={`crop-${side}`}
                    onCommit={(value) => props.onRegion({ ...crop, [side]: value })}
                  />
                ))}
              </div>
              <fieldset className="composition-encoding">
                <legend>Write crops and turns as</legend>
                <label>
                  <input
                    type="radio"
                    name="crop-encoding"
                    checked={props.encoding === 'selector'}
                    onChange={() => props.onEncoding('selector')}
                    data-testid="encoding-selector"
                  />
                  a selector (SpecificResource + ImageApiSelector)
                </label>
                <label>
                  <input
                    type="radio"
                    name="crop-encoding"
                    checked={props.encoding === 'url'}
                    disabled={!props.urlAllowed}
                    onChange={() => props.onEncoding('url')}
                    data-testid="encoding-url"
                  />
                  the region in the image URL
                  {!props.urlAllowed ? ' (this service cannot cut regions on request)' : ''}
                </label>
              </fieldset>
            </>
          ) : null}

          <div className="composition-actions">
            <button type="button" onClick={() => props.onRestack(-1)} data-testid="send-backward">
              Send backward
            </button>
            <button type="button" onClick={() => props.onRestack(1)} data-testid="bring-forward">
              Bring forward
            </button>
            <button type="button" className="danger" onClick={props.onRemove} data-testid="remove-image">
              Remove from canvas
            </button>
          </div>
        </section>
      ) : items.length > 0 ? (
        <p className="muted">Select an image to move, resize, turn or crop it.</p>
      ) : null}
    </aside>
  );
}
