/**
 * "Recognise text (OCR)…" in the annotation panel: the focused canvas, a region of it, or the selected canvases,
 * recognised offline on the main side with progress and Cancel. When it is done, the lines are added in one undo
 * step and `onDone` hands the focused canvas's new page to transcription mode for correcting.
 */
import { useRef, useState } from 'react';
import type { Rect } from '../../../../shared/iiif/image-api/image-selectors';
import type { JsonPath } from '../../../../shared/iiif/json';
import { useAppStore } from '../../store/store';
import { applyOcrResults, recogniseText, type OcrFailureView, type OcrProgressView } from './ocr-service';

type Scope = 'canvas' | 'region' | 'selected';

export function OcrPanel({
  canvasIndex,
  onDone,
  onClose,
}: {
  canvasIndex: number;
  onDone: (pagePaths: JsonPath[]) => void;
  onClose: () => void;
}) {
  const selected = useAppStore((s) => s.selected);
  const [scope, setScope] = useState<Scope>('canvas');
  const [language, setLanguage] = useState('eng');
  const [region, setRegion] = useState({ x: '', y: '', w: '', h: '' });
  const [progress, setProgress] = useState<OcrProgressView | null>(null);
  const [running, setRunning] = useState(false);
  const [summary, setSummary] = useState<string | null>(null);
  const [failures, setFailures] = useState<readonly OcrFailureView[]>([]);
  const controller = useRef<AbortController | null>(null);

  const area = (): Rect | undefined | null => {
    if (scope !== 'region') return undefined;
    const [x, y, width, height] = [region.x, region.y, region.w, region.h].map(Number) as [
      number,
      number,
      number,
      number,
    ];
    const valid = [x, y, width, height].every(Number.isFinite) && width > 0 && height > 0;
    return valid && [region.x, region.y, region.w, region.h].every((v) => v.trim() !== '')
      ? { x, y, width, height }
      : null;
  };

  const start = async () => {
    const chosen = area();
    if (chosen === null) {
      setSummary('Give the region as x, y, width and height in canvas pixels.');
      return;
    }
    const indices =
      scope === 'selected' && selected.size > 0 ? [...selected].sort((a, b) => a - b) : [canvasIndex];
    const abort = new AbortController();
    controller.current = abort;
    setRunning(true);
    setSummary(null);
    setFailures([]);
    setProgress({ done: 0, total: indices.length, fraction: 0, workers: 0 });
    const outcome = await recogniseText({
      canvasIndices: indices,
      ...(chosen ? { area: chosen } : {}),
      language,
      signal: abort.signal,
      onProgress: setProgress,
    });
    controller.current = null;
    setRunning(false);
    setFailures(outcome.failures);
    if (outcome.cancelled) {
      setSummary('Cancelled: nothing was added.');
      return;
    }
    const pagePaths = applyOcrResults(outcome.results, language);
    const lines = outcome.results.reduce((n, r) => n + r.lines.length, 0);
    setSummary(
      `${lines} line${lines === 1 ? '' : 's'} recognised on ${pagePaths.length} canvas${pagePaths.length === 1 ? '' : 'es'}` +
        (outcome.failures.length > 0 ? `; ${outcome.failures.length} could not be read.` : '.'),
    );
    if (pagePaths.length > 0) onDone(pagePaths);
  };

  const percent = progress ? Math.round(progress.fraction * 100) : 0;
  return (
    <section className="ocr-panel" aria-label="Recognise text (OCR)" data-testid="ocr-panel">
      <fieldset disabled={running}>
        <legend>Recognise text on this machine</legend>
        <label>
          <input
            type="radio"
            name="ocr-scope"
            checked={scope === 'canvas'}
            onChange={() => setScope('canvas')}
          />
          Canvas {canvasIndex + 1}
        </label>
        <label>
          <input
            type="radio"
            name="ocr-scope"
            checked={scope === 'region'}
            onChange={() => setScope('region')}
          />
          A region of it
        </label>
        <label>
          <input
            type="radio"
            name="ocr-scope"
            checked={scope === 'selected'}
            disabled={selected.size < 2}
            onChange={() => setScope('selected')}
          />
          The {selected.size} selected canvases
        </label>
        {scope === 'region'
          ? (['x', 'y', 'w', 'h'] as const).map((key) => (
              <input
                key={key}
                className="annotation-number"
                aria-label={`OCR region ${key}`}
                inputMode="numeric"
                placeholder={key}
                value={region[key]}
                onChange={(e) => setRegion({ ...region, [key]: e.target.value })}
              />
            ))
          : null}
        <label>
          Language{' '}
          <input
            aria-label="OCR language"
            className="ocr-language"
            value={language}
            onChange={(e) => setLanguage(e.target.value.trim())}
            title="Tesseract language code: eng, deu, lat…"
          />
        </label>
      </fieldset>
      <div className="annotation-toolbar">
        {running ? (
          <>
            <progress
              aria-label="OCR progress"
              max={100}
              value={percent}
              aria-valuetext={`${percent}%, ${progress?.done ?? 0} of ${progress?.total ?? 0} canvases`}
            />
            <span aria-live="polite">
              {percent}% · {progress?.done ?? 0} of {progress?.total ?? 0} canvases
              {progress && progress.workers > 0
                ? ` · ${progress.workers} worker${progress.workers === 1 ? '' : 's'}`
                : ''}
            </span>
            <button type="button" onClick={() => controller.current?.abort()}>
              Cancel
            </button>
          </>
        ) : (
          <>
            <button type="button" onClick={() => void start()}>
              Recognise
            </button>
            <button type="button" onClick={onClose}>
              Close
            </button>
          </>
        )}
      </div>
      {summary ? (
        <p role="status" data-testid="ocr-summary">
          {summary}
        </p>
      ) : null}
      {failures.length > 0 ? (
        <ul className="ocr-failures" aria-label="Canvases that could not be read">
          {failures.map((f) => (
            <li key={f.canvasIndex}>
              Canvas {f.canvasIndex + 1}: {f.message}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
