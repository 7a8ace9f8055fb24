/**
 * The annotation panel: the focused canvas's annotations, or the manifest's own (targets on several canvases),
 * as a list (motivation, body, target), edited in place, filtered by motivation and by page, deleted and
 * reordered; a search over the text of every annotation in the manifest that jumps to the hit; a form to add a
 * whole-canvas or region annotation (on the manifest: one annotation targeting each selected canvas); and
 * transcription mode. The document is the only truth: the list is read from it on every change, and every
 * gesture is one edit.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  ANNOTATION_MOTIVATIONS,
  type AnnotationView,
  type TargetShape,
} from '../../../../shared/iiif/annotations';
import { useAppStore } from '../../store/store';
import { AnnotationExchange } from './AnnotationExchange';
import { AnnotationRow } from './AnnotationRow';
import { OcrPanel } from './OcrPanel';
import { ReferencedPages } from './ReferencedPages';
import { TranscriptionMode } from './TranscriptionMode';
import { addCanvasAnnotation, addManifestAnnotation } from './annotation-actions';
import { pageChoices, pageKey, scopedAnnotations, type AnnotationScope } from './annotation-scope';
import { addressKey, searchAnnotations } from './annotation-search';
import './annotations.css';
import { canvasAt, canvasIdOf } from '../../../../shared/iiif/canvases';
import { canvasDuration } from '../../../../shared/iiif/media';
import { readTypedSpan } from '../../components/typed-span';

const REGION_KINDS = new Set(['box', 'polygon', 'point']);

/**
 * The regions transcription mode steps through: the transcriptions (`supplementing`) when the canvas has any,
 * so comments, tags and links drawn beside the lines are not visited; otherwise every region, for a canvas
 * whose lines were drawn as plain boxes.
 */
function transcriptionLines(views: readonly AnnotationView[]): AnnotationView[] {
  const regions = views.filter((v) => v.targets.some((t) => REGION_KINDS.has(t.geometry.kind)));
  const transcriptions = regions.filter((v) => v.motivations.includes('supplementing'));
  return transcriptions.length > 0 ? transcriptions : regions;
}

export function AnnotationPanel() {
  const doc = useAppStore((s) => s.doc);
  const focus = useAppStore((s) => s.focus);
  const selected = useAppStore((s) => s.selected);
  const [scope, setScope] = useState<AnnotationScope>('canvas');
  const [filter, setFilter] = useState('');
  const [pageFilter, setPageFilter] = useState('');
  const [query, setQuery] = useState('');
  const [highlight, setHighlight] = useState<string | null>(null);
  const [transcribing, setTranscribing] = useState(false);
  const [recognising, setRecognising] = useState(false);
  /** Transcription mode opens on this page's first line (the page OCR just added). */
  const [transcribeFrom, setTranscribeFrom] = useState<string | null>(null);
  const [motivation, setMotivation] = useState<string>('commenting');
  const [text, setText] = useState('');
  const [region, setRegion] = useState({ x: '', y: '', w: '', h: '' });
  const [times, setTimes] = useState({ start: '', end: '' });
  const [addProblem, setAddProblem] = useState<string | null>(null);

  const views = useMemo(() => scopedAnnotations(doc, scope, focus), [doc, scope, focus]);
  const motivations = useMemo(() => [...new Set(views.flatMap((v) => v.motivations))].sort(), [views]);
  const pages = useMemo(() => pageChoices(views), [views]);
  // A page filter left from another canvas (or undone away) shows everything rather than nothing.
  const onPage = pages.some((p) => p.key === pageFilter) ? pageFilter : '';
  const shown = views.filter(
    (v) => (filter === '' || v.motivations.includes(filter)) && (onPage === '' || pageKey(v) === onPage),
  );
  // A manifest-level annotation targets the selected canvases (the focused one when none is selected).
  const targetCanvases =
    selected.size > 0 ? [...selected].sort((a, b) => a - b) : focus === null ? [] : [focus];
  const hits = useMemo(() => searchAnnotations(doc, query), [doc, query]);
  const lines = transcriptionLines(views);
  const pageSizes = new Map<string, number>();
  for (const v of views)
    pageSizes.set(v.page.path.join('/'), (pageSizes.get(v.page.path.join('/')) ?? 0) + 1);

  useEffect(() => {
    if (highlight === null) return;
    // Compared as attributes, not built into a selector: ids are the document's, arbitrary text.
    const rows = document.querySelectorAll<HTMLElement>('[data-annotation-id]');
    const row = [...rows].find((r) => r.dataset['annotationId'] === highlight);
    row?.scrollIntoView?.({ block: 'nearest' });
  }, [highlight, focus]);

  const canvas = canvasAt(doc, focus);
  const canvasId = canvasIdOf(canvas) || undefined;
  const duration = canvas ? canvasDuration(canvas) : undefined;
  const add = () => {
    if (scope === 'manifest') return addToManifest();
    if (focus === null || canvasId === undefined) return;
    setAddProblem(null);
    if (duration !== undefined && (times.start.trim() !== '' || times.end.trim() !== '')) {
      // A transcript line or caption: on a span of the canvas's time rather than a region.
      const typed = readTypedSpan(times.start, times.end, duration);
      if (!typed.ok) {
        setAddProblem(typed.message);
        return;
      }
      addCanvasAnnotation(focus, {
        motivation,
        target: { source: canvasId, geometry: { kind: 'time', ...typed.span } },
        text,
      });
      setText('');
      setTimes({ start: typed.span.end === undefined ? '' : times.end, end: '' });
      return;
    }
    const numbers = [region.x, region.y, region.w, region.h].map((v) => Number(v));
    const hasRegion = [region.x, region.y, region.w, region.h].every((v) => v.trim() !== '');
    const target: TargetShape = hasRegion
      ? {
          source: canvasId,
          geometry: {
            kind: 'box',
            unit: 'pixel',
            x: numbers[0] as number,
            y: numbers[1] as number,
            w: numbers[2] as number,
            h: numbers[3] as number,
          },
        }
      : { source: canvasId, geometry: { kind: 'whole' } };
    addCanvasAnnotation(focus, { motivation, target, text });
    setText('');
    setRegion({ x: '', y: '', w: '', h: '' });
  };
  const addToManifest = () => {
    const hasRegion = [region.x, region.y, region.w, region.h].every((v) => v.trim() !== '');
    const [x, y, w, h] = [region.x, region.y, region.w, region.h].map((v) => Number(v)) as [
      number,
      number,
      number,
      number,
    ];
    addManifestAnnotation(targetCanvases, {
      motivation,
      geometry: hasRegion ? { kind: 'box', unit: 'pixel', x, y, w, h } : { kind: 'whole' },
      text,
    });
    setText('');
    setRegion({ x: '', y: '', w: '', h: '' });
  };
  const jump = (view: AnnotationView, canvasIndex: number | null) => {
    // A manifest-level hit is shown in the manifest's list; any other on its canvas.
    setScope(view.page.owner === 'document' ? 'manifest' : 'canvas');
    if (canvasIndex !== null) useAppStore.getState().selectOnly(canvasIndex);
    setFilter('');
    setPageFilter('');
    setHighlight(view.id ?? addressKey(view));
  };

  return (
    <section className="annotation-panel" aria-label="Annotations" data-testid="annotation-panel">
      <div className="annotation-toolbar">
        <strong>Annotations</strong>
        <select
          aria-label="Annotations of"
          value={scope}
          onChange={(e) => {
            setScope(e.target.value as AnnotationScope);
            setPageFilter('');
          }}
        >
          <option value="canvas">this canvas</option>
          <option value="manifest">the manifest</option>
        </select>
        <span data-testid="annotation-count">
          {scope === 'manifest'
            ? `Manifest: ${views.length}`
            : focus === null
              ? 'no canvas'
              : `Canvas ${focus + 1}: ${views.length}`}
        </span>
        <label>
          Show{' '}
          <select
            aria-label="Filter by motivation"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          >
            <option value="">all motivations</option>
            {motivations.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        {pages.length > 1 ? (
          <select aria-label="Filter by page" value={onPage} onChange={(e) => setPageFilter(e.target.value)}>
            <option value="">all pages</option>
            {pages.map((p) => (
              <option key={p.key} value={p.key}>
                {p.label} ({p.count})
              </option>
            ))}
          </select>
        ) : null}
        <button
          type="button"
          onClick={() => {
            setTranscribeFrom(null);
            setTranscribing(true);
          }}
          disabled={focus === null || scope === 'manifest'}
        >
          Transcribe
        </button>
        <button
          type="button"
          aria-expanded={recognising}
          onClick={() => setRecognising(!recognising)}
          disabled={focus === null || scope === 'manifest'}
        >
          Recognise text (OCR)…
        </button>
        <AnnotationExchange canvasIndex={focus} />
        <input
          type="search"
          aria-label="Search annotations"
          placeholder="Search all annotations"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      {query.trim() !== '' ? (
        <ul className="annotation-hits" aria-label="Search results">
          {hits.length === 0 ? <li>No annotation contains “{query}”.</li> : null}
          {hits.map((hit) => (
            <li key={addressKey(hit.view)}>
              <button type="button" onClick={() => jump(hit.view, hit.canvasIndex)}>
                {hit.canvasIndex === null ? 'Manifest' : `Canvas ${hit.canvasIndex + 1}`}: {hit.text}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {recognising && focus !== null && scope === 'canvas' ? (
        <OcrPanel
          canvasIndex={focus}
          onClose={() => setRecognising(false)}
          onDone={(pagePaths) => {
            // Straight to correcting, when the focused canvas got lines.
            const here = pagePaths.find((p) => p[1] === focus);
            if (here === undefined) return;
            setTranscribeFrom(here.join('/'));
            setTranscribing(true);
          }}
        />
      ) : null}
      {transcribing && scope === 'canvas' ? (
        <TranscriptionMode
          lines={lines}
          startAt={Math.max(
            0,
            lines.findIndex((l) => l.page.path.join('/') === transcribeFrom),
          )}
          onClose={() => setTranscribing(false)}
        />
      ) : (
        <>
          <ul className="annotation-list">
            {shown.map((view) => (
              <AnnotationRow
                key={addressKey(view)}
                view={view}
                count={pageSizes.get(view.page.path.join('/')) ?? 0}
                highlighted={highlight !== null && (view.id ?? addressKey(view)) === highlight}
                {...(canvasId === undefined ? {} : { canvasId })}
                {...(duration === undefined ? {} : { duration })}
              />
            ))}
          </ul>
          {focus !== null && scope === 'canvas' ? <ReferencedPages canvasIndex={focus} /> : null}
          <form
            className="annotation-add"
            aria-label="Add annotation"
            onSubmit={(event) => {
              event.preventDefault();
              add();
            }}
          >
            <select
              aria-label="New annotation motivation"
              value={motivation}
              onChange={(e) => setMotivation(e.target.value)}
            >
              {ANNOTATION_MOTIVATIONS.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
            <input
              aria-label="New annotation text"
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder="Text"
            />
            {(['x', 'y', 'w', 'h'] as const).map((key) => (
              <input
                key={key}
                className="annotation-number"
                aria-label={`Region ${key}`}
                inputMode="numeric"
                placeholder={key}
                value={region[key]}
                onChange={(e) => setRegion({ ...region, [key]: e.target.value })}
              />
            ))}
            {duration !== undefined ? (
              <>
                <input
                  className="annotation-time"
                  aria-label="New annotation start"
                  aria-invalid={addProblem !== null}
                  inputMode="decimal"
                  placeholder="start hh:mm:ss.s"
                  value={times.start}
                  onChange={(e) => setTimes({ ...times, start: e.target.value })}
                />
                <input
                  className="annotation-time"
                  aria-label="New annotation end"
                  aria-invalid={addProblem !== null}
                  inputMode="decimal"
                  placeholder="end"
                  value={times.end}
                  onChange={(e) => setTimes({ ...times, end: e.target.value })}
                />
              </>
            ) : null}
            <button
              type="submit"
              disabled={scope === 'manifest' ? targetCanvases.length === 0 : canvasId === undefined}
            >
              Add
            </button>
            {addProblem ? (
              <span role="alert" className="error">
                {addProblem}
              </span>
            ) : null}
            {scope === 'manifest' ? (
              <span className="annotation-meta" data-testid="manifest-targets">
                on {targetCanvases.length === 1 ? 'canvas' : 'canvases'}{' '}
                {targetCanvases.map((i) => i + 1).join(', ') || '(select canvases)'}
              </span>
            ) : null}
          </form>
        </>
      )}
    </section>
  );
}
