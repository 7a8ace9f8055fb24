/**
 * Preview: the assembled manifest as a reader's viewer shows it. One page at a time, two-page openings or one
 * continuous strip (behavior), laid out and navigated in the manifest's viewingDirection, with its label,
 * metadata, credits, rights and table of contents beside it (a `sequence` Range can be chosen as the reading
 * order) and a thumbnail strip to move around. The pages are drawn by the same
 * deep-zoom viewer as the editor (one OpenSeadragon instance, a scene of one or more canvases); images that
 * cannot load show as labelled placeholders, so the order is visible even offline. The same document can also be
 * shown in Mirador or Clover, the viewers people publish to (public-viewers/, loaded only when chosen).
 */
import { lazy, Suspense, useMemo, useState, type KeyboardEvent } from 'react';
import { displayStringOf } from '../../../../shared/iiif/language';
import { useDisplayLanguages } from '../../components/language/display-language';
import { useAppStore } from '../../store/store';
import { canvasesByIndex } from '../../../../shared/iiif/canvases';
import { DeepZoomViewer } from '../viewer/DeepZoomViewer';
import { canvasDuration } from '../../../../shared/iiif/media';
import { MediaPlayer } from '../media/MediaPlayer';
import type { Rect } from '../../../../shared/iiif/image-api/image-selectors';
import { canvasWorldRect, type SceneCanvas } from '../viewer/scene';
import { ManifestInfo } from './ManifestInfo';
import { PreviewContents } from './PreviewContents';
import { currentEntry, previewContents } from './preview-contents';
import type { PublicViewerKind } from './public-viewers/PublicViewer';
import './preview.css';

/** Not in the editor's bundle: the copy of the document for Mirador and Clover is made only when one is chosen. */
const PublicViewer = lazy(() => import('./public-viewers/PublicViewer'));
import { PreviewStrip } from './PreviewStrip';
import { canvasIndices, layoutView, readingOrder, viewOfCanvas } from './reading-order';
import { Icon } from '../../components/icons';

type ViewerChoice = 'tessera' | PublicViewerKind;
const VIEWER_CHOICES: readonly { key: ViewerChoice; name: string }[] = [
  { key: 'tessera', name: 'Tessera' },
  { key: 'mirador', name: 'Mirador' },
  { key: 'clover', name: 'Clover' },
];

const LAYOUT_NAMES = {
  individuals: 'one page at a time',
  paged: 'book (two-page openings)',
  continuous: 'continuous',
};

/** Pages of a continuous strip kept in the world, and painted, either side of the one in view. */
const STRIP_WINDOW = 20;
const PAINT_WINDOW = 4;

function canvasIndexOf(entry: SceneCanvas): number {
  return Number(entry.key.replace('canvas-', ''));
}

export function PreviewView() {
  const doc = useAppStore((s) => s.doc);
  const focus = useAppStore((s) => s.focus);
  const languages = useDisplayLanguages();
  // By raw index, as the grid, focus and ranges count them: an item that is not a canvas is a place skipped.
  const canvases = canvasesByIndex(doc);
  const contents = useMemo(
    () => (doc ? previewContents(doc, languages) : { entries: [], sequences: [] }),
    [doc, languages],
  );
  // A `sequence` Range chosen as the reading order, by its key; null is the manifest's own order.
  const [sequenceKey, setSequenceKey] = useState<number | null>(null);
  const sequence = contents.sequences.find((s) => s.key === sequenceKey)?.canvases;
  const order = useMemo(
    () => (doc ? readingOrder(doc, canvases, sequence) : null),
    [doc, canvases, sequence],
  );
  // The thumbnail strip: the sequence's canvases, else every canvas (non-paged ones too, to go to).
  const stripOrder = useMemo(() => sequence ?? canvasIndices(canvases), [sequence, canvases]);
  const labels = useMemo(
    () => canvases.map((c, i) => (c ? displayStringOf(c['label'], languages) || `Canvas ${i + 1}` : '')),
    [canvases, languages],
  );
  // The canvas the reader went to (strip, buttons, keys), and in a continuous strip the one in view.
  const [target, setTarget] = useState(() => focus ?? 0);
  const [inView, setInView] = useState<number | null>(null);
  const [viewer, setViewer] = useState<ViewerChoice>('tessera');
  const continuous = order?.layout === 'continuous';
  const viewIndex = order ? viewOfCanvas(order, Math.min(target, Math.max(0, canvases.length - 1))) : 0;
  const view = useMemo(() => order?.views[viewIndex] ?? [], [order, viewIndex]);
  // A long strip keeps only the pages near the reader in the world, and loads images only for the nearest:
  // a 10,000-page scroll must not fetch 10,000 info.json documents or make 10,000 OpenSeadragon images.
  const layout = useMemo(
    () => (order ? layoutView(canvases, view, order.direction) : []),
    [canvases, view, order],
  );
  const centre = continuous ? (inView ?? target) : 0;
  const scene = useMemo(
    () =>
      continuous
        ? layout
            .filter((entry) => Math.abs(canvasIndexOf(entry) - centre) <= STRIP_WINDOW)
            .map((entry) => ({ ...entry, paint: Math.abs(canvasIndexOf(entry) - centre) <= PAINT_WINDOW }))
        : layout,
    [layout, continuous, centre],
  );

  if (!doc || !order) {
    return (
      <main className="preview" aria-label="Preview">
        <p className="muted">Open a manifest to preview it.</p>
      </main>
    );
  }

  const rtl = order.direction === 'right-to-left';
  const views = order.views;
  // A continuous strip is one view: moving is along its canvases, which a sequence may reorder.
  const strip = continuous ? (views[0] ?? []) : [];
  const stripAt = Math.max(0, strip.indexOf(inView ?? target));
  const go = (delta: number) => {
    if (continuous) {
      const next = strip[Math.min(strip.length - 1, Math.max(0, stripAt + delta))];
      if (next !== undefined) setTarget(next);
    } else {
      const next = views[Math.min(views.length - 1, Math.max(0, viewIndex + delta))];
      if (next?.[0] !== undefined) setTarget(next[0]);
    }
    setInView(null);
  };
  const open = (canvasIndex: number) => {
    setTarget(canvasIndex);
    setInView(null);
  };
  // Audio and video play in a player, in place of the page view (a book's opening may pair one with a page).
  const timedIndex = continuous
    ? undefined
    : view.find((index) => {
        const c = canvases[index];
        return c !== undefined && canvasDuration(c) !== undefined;
      });
  const playable = timedIndex === undefined ? undefined : canvases[timedIndex];
  const targetEntry = layout.find((entry) => canvasIndexOf(entry) === target);
  const fit =
    continuous && targetEntry ? { key: `canvas-${target}`, rect: canvasWorldRect(targetEntry) } : null;
  const current = continuous ? [inView ?? target] : view;
  const position = continuous
    ? `Page ${stripAt + 1} of ${strip.length}`
    : `${view.length > 1 ? 'Opening' : 'Page'} ${viewIndex + 1} of ${views.length}`;

  /** In a continuous strip, the page at the centre of the view follows the reader's panning. */
  const onViewport = (bounds: Rect) => {
    if (!continuous) return;
    const cx = bounds.x + bounds.width / 2;
    const cy = bounds.y + bounds.height / 2;
    const hit = layout.find((entry) => {
      const r = canvasWorldRect(entry);
      return cx >= r.x && cx <= r.x + r.width && cy >= r.y && cy <= r.y + r.height;
    });
    if (hit) setInView(canvasIndexOf(hit));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const inside = event.target instanceof HTMLElement ? event.target : null;
    // Mirador and Clover have keys of their own.
    if (
      inside?.closest(
        '.viewer-canvas, .public-viewer, .media-player, input, textarea, select, [role="listbox"]',
      )
    )
      return;
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const back = rtl ? 'ArrowRight' : 'ArrowLeft';
    if (event.key === forward || event.key === 'PageDown') go(1);
    else if (event.key === back || event.key === 'PageUp') go(-1);
    else if (event.key === 'Escape') useAppStore.getState().setViewMode('edit');
    else return;
    event.preventDefault();
  };

  const previous = (
    <button
      type="button"
      onClick={() => go(-1)}
      disabled={continuous ? stripAt <= 0 : viewIndex <= 0}
      data-testid="preview-previous"
    >
      {rtl ? (
        <>
          Previous <Icon name="arrow-right" />
        </>
      ) : (
        <>
          <Icon name="arrow-left" /> Previous
        </>
      )}
    </button>
  );
  const next = (
    <button
      type="button"
      onClick={() => go(1)}
      disabled={continuous ? stripAt >= strip.length - 1 : viewIndex >= views.length - 1}
      data-testid="preview-next"
    >
      {rtl ? (
        <>
          <Icon name="arrow-left" /> Next
        </>
      ) : (
        <>
          Next <Icon name="arrow-right" />
        </>
      )}
    </button>
  );

  const viewerChoice = (
    <div className="preview-viewer-choice" role="group" aria-label="Viewer">
      {VIEWER_CHOICES.map(({ key, name }) => (
        <button
          key={key}
          type="button"
          aria-pressed={viewer === key}
          onClick={() => setViewer(key)}
          data-testid={`preview-viewer-${key}`}
          title={
            key === 'tessera'
              ? 'Tessera’s own preview'
              : `View in ${name}, as readers of a site using it will`
          }
        >
          {key === 'tessera' ? name : `View in ${name}`}
        </button>
      ))}
    </div>
  );

  return (
    <main className="preview" aria-label="Preview" onKeyDown={onKeyDown}>
      <div className="preview-stage">
        <nav className="preview-nav" aria-label="Pages" dir={rtl ? 'rtl' : 'ltr'}>
          {viewer === 'tessera' && (
            <>
              {previous}
              <span className="preview-position" data-testid="preview-position" aria-live="polite" dir="ltr">
                {position} · {LAYOUT_NAMES[order.layout]} · {order.direction}
              </span>
              {next}
            </>
          )}
          {viewerChoice}
          <button
            type="button"
            className="preview-exit"
            onClick={() => useAppStore.getState().setViewMode('edit')}
            data-testid="preview-exit"
          >
            Back to editing
          </button>
        </nav>
        {viewer !== 'tessera' ? (
          <Suspense fallback={null}>
            <PublicViewer
              kind={viewer}
              name={VIEWER_CHOICES.find((c) => c.key === viewer)?.name ?? viewer}
              doc={doc}
            />
          </Suspense>
        ) : (
          <>
            {playable && timedIndex !== undefined ? (
              <MediaPlayer key={timedIndex} canvas={playable} label={labels[timedIndex] ?? ''} />
            ) : (
              <DeepZoomViewer
                scene={scene}
                fit={fit}
                label="Preview of the pages"
                emptyText="This manifest has no canvases to show."
                onViewportChange={onViewport}
                overlay={(transform) =>
                  scene.map((entry) => {
                    const box = transform.toScreen(canvasWorldRect(entry));
                    const index = canvasIndexOf(entry);
                    return (
                      <span
                        key={entry.key}
                        className="preview-page-label"
                        data-testid="preview-page-label"
                        data-canvas-index={index}
                        dir="auto"
                        // Inside the page's top edge (kept on screen), so it shows whatever the zoom.
                        style={{ left: box.x, top: Math.max(box.y, 0) + 6, width: box.width }}
                      >
                        <span>{labels[index]}</span>
                      </span>
                    );
                  })
                }
              />
            )}
            <PreviewStrip
              canvases={canvases}
              labels={labels}
              direction={order.direction}
              current={current}
              order={stripOrder}
              onOpen={open}
            />
          </>
        )}
      </div>
      <ManifestInfo manifest={doc}>
        <PreviewContents
          contents={contents}
          current={currentEntry(contents.entries, current[0] ?? target)}
          sequence={sequence ? sequenceKey : null}
          onOpen={(entry) => {
            if (entry.canvases[0] !== undefined) open(entry.canvases[0]);
          }}
          onSequence={(key) => {
            setSequenceKey(key);
            const first = contents.sequences.find((s) => s.key === key)?.canvases[0];
            open(first ?? 0);
          }}
        />
      </ManifestInfo>
    </main>
  );
}
