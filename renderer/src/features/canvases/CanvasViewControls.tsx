/** Grid or list, and thumbnail size: a radio group and a slider (two tab stops, both plain form controls). */
import { THUMB_SIZE_MAX, THUMB_SIZE_MIN, THUMB_SIZE_STEP } from './grid-geometry';
import { useGridSettings } from './grid-settings';
import './canvases.css';

export function CanvasViewControls() {
  const mode = useGridSettings((s) => s.mode);
  const thumbSize = useGridSettings((s) => s.thumbSize);
  const { setMode, setThumbSize } = useGridSettings.getState();
  return (
    <div className="canvas-view-controls">
      <div role="radiogroup" aria-label="View" className="segmented">
        {(['grid', 'list'] as const).map((value) => (
          <label key={value} className={mode === value ? 'on' : ''}>
            <input
              type="radio"
              name="canvas-view"
              value={value}
              checked={mode === value}
              onChange={() => setMode(value)}
            />
            {value === 'grid' ? 'Grid' : 'List'}
          </label>
        ))}
      </div>
      <label className="thumb-size">
        <span>Size</span>
        <input
          type="range"
          min={THUMB_SIZE_MIN}
          max={THUMB_SIZE_MAX}
          step={THUMB_SIZE_STEP}
          value={thumbSize}
          aria-label="Thumbnail size"
          aria-valuetext={`${thumbSize} pixels`}
          onChange={(event) => setThumbSize(Number(event.target.value))}
        />
      </label>
    </div>
  );
}
