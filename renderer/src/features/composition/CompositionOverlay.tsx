/**
 * The handles drawn over the viewer while composing: a box per painted image (drag to move), corner handles on
 * the selected one (drag to resize, proportions kept), and in crop mode a rectangle drawn over the selected
 * image. The gesture in progress lives here and in the editor's draft; the document changes once, on release.
 * Boxes are focusable buttons, so everything has a keyboard path (arrows, +/−, R; the panel's number fields).
 */
import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { Rect } from '../../../../shared/iiif/image-api/image-selectors';
import type { PaintedItem } from '../../../../shared/iiif/document/painted-items';
import type { Point } from '../viewer/placement';
import type { ViewTransform } from '../viewer/view-transform';
import { moveBy, resizeFromCorner, spanned, type Corner } from './geometry';
import './composition.css';

interface Props {
  view: ViewTransform;
  items: readonly PaintedItem[];
  selectedKey: string | null;
  cropping: boolean;
  onSelect(key: string): void;
  /** The target while a drag is under way (not in the document yet). */
  onDraft(key: string, target: Rect): void;
  /** The drag ended: commit `target` as one step (or drop the draft when nothing moved). */
  onRelease(key: string, target: Rect | null, what: 'move' | 'resize'): void;
  onCropDrawn(key: string, rect: Rect): void;
  onKey(item: PaintedItem, event: KeyboardEvent): void;
}

type Gesture =
  | { kind: 'move'; key: string; pointer: number; start: Point; target: Rect; last: Rect | null }
  | { kind: 'resize'; key: string; pointer: number; corner: Corner; target: Rect; last: Rect | null }
  | { kind: 'crop'; key: string; pointer: number; start: Point };

const CORNERS: readonly Corner[] = ['nw', 'ne', 'sw', 'se'];

function describe(item: PaintedItem, index: number): string {
  const t = item.target;
  const name = item.label || `Image ${index + 1}`;
  return `${name}: at ${Math.round(t.x)}, ${Math.round(t.y)}, ${Math.round(t.width)} × ${Math.round(t.height)}`;
}

export function CompositionOverlay(props: Props) {
  const { view, items, selectedKey, cropping } = props;
  const gesture = useRef<Gesture | null>(null);
  const [cropBox, setCropBox] = useState<Rect | null>(null);

  const begin = (event: PointerEvent, next: Gesture) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.stopPropagation();
    (event.currentTarget as Element).setPointerCapture(event.pointerId);
    gesture.current = next;
  };

  const onMove = (event: PointerEvent) => {
    const g = gesture.current;
    if (!g || g.pointer !== event.pointerId) return;
    const at = view.toWorld(event.clientX, event.clientY);
    if (g.kind === 'move') {
      g.last = moveBy(g.target, at.x - g.start.x, at.y - g.start.y);
      props.onDraft(g.key, g.last);
    } else if (g.kind === 'resize') {
      g.last = resizeFromCorner(g.target, g.corner, at);
      props.onDraft(g.key, g.last);
    } else {
      setCropBox(spanned(g.start, at));
    }
  };

  const onUp = (event: PointerEvent) => {
    const g = gesture.current;
    if (!g || g.pointer !== event.pointerId) return;
    gesture.current = null;
    if (g.kind === 'crop') {
      const rect = spanned(g.start, view.toWorld(event.clientX, event.clientY));
      setCropBox(null);
      if (rect.width > 1 && rect.height > 1) props.onCropDrawn(g.key, rect);
    } else props.onRelease(g.key, g.last, g.kind);
  };

  const onCancel = (event: PointerEvent) => {
    const g = gesture.current;
    if (!g || g.pointer !== event.pointerId) return;
    gesture.current = null;
    setCropBox(null);
    if (g.kind !== 'crop') props.onRelease(g.key, null, g.kind);
  };

  const wheel = (event: { deltaY: number; clientX: number; clientY: number }) =>
    view.zoomAt(event.deltaY < 0 ? 1.2 : 1 / 1.2, event.clientX, event.clientY);

  return (
    <div className="composition-overlay" data-testid="composition-overlay">
      {items.map((item, index) => {
        const box = view.toScreen(item.target);
        const selected = item.key === selectedKey;
        const cropHere = selected && cropping;
        return (
          <div
            key={item.key}
            className={`composition-item${selected ? ' selected' : ''}${cropHere ? ' cropping' : ''}`}
            style={{ left: box.x, top: box.y, width: box.width, height: box.height }}
            role="button"
            tabIndex={0}
            aria-pressed={selected}
            aria-label={describe(item, index)}
            aria-keyshortcuts="ArrowLeft ArrowRight ArrowUp ArrowDown + - R Delete"
            data-testid="composition-item"
            data-item-key={item.key}
            onFocus={() => props.onSelect(item.key)}
            onKeyDown={(event) => props.onKey(item, event)}
            onWheel={wheel}
            onPointerDown={(event) => {
              props.onSelect(item.key);
              const start = view.toWorld(event.clientX, event.clientY);
              if (cropHere) begin(event, { kind: 'crop', key: item.key, pointer: event.pointerId, start });
              else
                begin(event, {
                  kind: 'move',
                  key: item.key,
                  pointer: event.pointerId,
                  start,
                  target: item.target,
                  last: null,
                });
            }}
            onPointerMove={onMove}
            onPointerUp={onUp}
            onPointerCancel={onCancel}
          >
            {selected && !cropping
              ? CORNERS.map((corner) => (
                  <span
                    key={corner}
                    className={`composition-handle ${corner}`}
                    data-testid={`handle-${corner}`}
                    aria-hidden="true"
                    onPointerDown={(event) =>
                      begin(event, {
                        kind: 'resize',
                        key: item.key,
                        pointer: event.pointerId,
                        corner,
                        target: item.target,
                        last: null,
                      })
                    }
                    onPointerMove={onMove}
                    onPointerUp={onUp}
                    onPointerCancel={onCancel}
                  />
                ))
              : null}
          </div>
        );
      })}
      {cropBox
        ? (() => {
            const box = view.toScreen(cropBox);
            return (
              <div
                className="composition-crop-box"
                data-testid="crop-box"
                style={{ left: box.x, top: box.y, width: box.width, height: box.height }}
              />
            );
          })()
        : null}
    </div>
  );
}
