/**
 * The thumbnail strip under the preview, in reading order: it runs right to left for a right-to-left manifest
 * (as the book's pages do), so the thumbnail of the next page is always on the side the reader turns to.
 * A listbox: arrow keys move through pages, Enter or a click opens one.
 */
import { chooseThumbnail } from '../canvases/thumbnail-choice';
import { Thumbnail } from '../canvases/Thumbnail';
import type { IndexedCanvases, ViewingDirection } from './reading-order';
import './preview.css';

const BOX = { width: 72, height: 90 };

interface Props {
  /** By raw index (index N is `items[N]`); undefined where an item is not a canvas. */
  canvases: IndexedCanvases;
  labels: readonly string[];
  direction: ViewingDirection;
  /** Canvases of the view on screen. */
  current: readonly number[];
  /** The canvases to show, by index, in reading order (a sequence may leave some out or reorder them). */
  order: readonly number[];
  onOpen(canvasIndex: number): void;
}

export function PreviewStrip({ canvases, labels, direction, current, order, onOpen }: Props) {
  const rtl = direction === 'right-to-left';
  const focus = current[0] ?? order[0] ?? 0;
  const at = Math.max(0, order.indexOf(focus));
  const step = (delta: number) => {
    const next = order[Math.min(order.length - 1, Math.max(0, at + delta))];
    if (next === undefined) return;
    onOpen(next);
    document.getElementById(`preview-thumb-${next}`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  };
  return (
    <ol
      className="preview-strip"
      dir={rtl ? 'rtl' : 'ltr'}
      role="listbox"
      aria-label="Pages in reading order"
      aria-orientation="horizontal"
      tabIndex={0}
      aria-activedescendant={`preview-thumb-${focus}`}
      data-testid="preview-strip"
      onKeyDown={(event) => {
        const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
        const back = rtl ? 'ArrowRight' : 'ArrowLeft';
        if (event.key === forward) step(1);
        else if (event.key === back) step(-1);
        else if (event.key === 'Home') step(-order.length);
        else if (event.key === 'End') step(order.length);
        else return;
        event.preventDefault();
      }}
    >
      {order.map((index) => {
        const canvas = canvases[index];
        if (canvas === undefined) return null;
        const choice = chooseThumbnail(canvas, BOX, window.devicePixelRatio || 1);
        const label = labels[index] ?? `Canvas ${index + 1}`;
        return (
          <li
            key={index}
            id={`preview-thumb-${index}`}
            role="option"
            aria-selected={current.includes(index)}
            className="preview-thumb"
            data-testid="preview-thumb"
            data-canvas-index={index}
            onClick={() => onOpen(index)}
          >
            <Thumbnail
              key={choice?.url ?? 'none'}
              url={choice?.url ?? null}
              crop={choice?.crop}
              label={label}
              {...BOX}
            />
            <span className="preview-thumb-label" dir="auto">
              {label}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
