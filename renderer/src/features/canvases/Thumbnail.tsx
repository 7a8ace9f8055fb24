/**
 * One cell's thumbnail. Once its cell has stayed mounted for a moment, it waits for a slot in the per-host
 * queue before setting its src; it shows the label as a placeholder until the image has loaded, and a clear
 * "image unavailable" state when it fails. Unmounting (the cell scrolled out of the virtual window) gives the
 * slot back and clears the src, which makes the browser cancel a request still in flight.
 *
 * A `crop` (a fragment of an image only loadable whole) is cut, turned and mirrored with CSS (crop-style.ts).
 *
 * `data-thumb-state` (queued | loading | loaded | failed | none) is there for tests and for styling. */
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { imageSrc } from '../images/image-src';
import { cropStyle } from './crop-style';
import type { ThumbnailCrop } from './thumbnail-choice';
import { markSettled, settledState, thumbnailQueue, type LoadTicket } from './thumbnail-queue';
import { Icon } from '../../components/icons';
import './thumbnail.css';

type Phase = 'none' | 'queued' | 'loading' | 'loaded' | 'failed';

/** How long a cell must stay mounted before its thumbnail is requested. */
const SETTLE_MS = 100;

interface Props {
  /** The image to show (already chosen for the box size), or null when the canvas has none small enough. */
  url: string | null;
  /** The part of the loaded image to show, turned: for images that can only be loaded whole. */
  crop?: ThumbnailCrop | null;
  label: string;
  width: number;
  height: number;
}

function initialPhase(url: string | null): Phase {
  if (url === null) return 'none';
  const settled = settledState(url);
  if (settled === 'failed') return 'failed';
  // Loaded before: the browser has it, so show it without waiting for a slot.
  return settled === 'loaded' ? 'loading' : 'queued';
}

/** Keyed by URL by its parent, so a new URL starts over with fresh state. */
export const Thumbnail = memo(function Thumbnail({ url, crop, label, width, height }: Props) {
  const [phase, setPhase] = useState<Phase>(() => initialPhase(url));
  const ticket = useRef<LoadTicket | null>(null);
  const cropped = useMemo(() => (crop ? cropStyle(crop, { width, height }) : null), [crop, width, height]);

  useEffect(() => {
    if (url === null || settledState(url) !== undefined) return;
    let granted: LoadTicket | null = null;
    // A cell only passing through in a fast scroll should not start a request that its unmount then cancels:
    // that churn (requests, src changes, aborts) costs frames. Cells that stay a moment ask for a slot.
    const settle = setTimeout(() => {
      granted = thumbnailQueue.request(url, () => setPhase('loading'));
      ticket.current = granted;
    }, SETTLE_MS);
    return () => {
      clearTimeout(settle);
      granted?.cancel();
    };
  }, [url]);

  // Clearing the src of an image still loading makes the browser drop the request.
  const attach = useCallback((img: HTMLImageElement | null) => {
    if (!img) return;
    return () => {
      if (!img.complete) img.removeAttribute('src');
    };
  }, []);

  const settle = (state: 'loaded' | 'failed') => {
    if (url !== null) markSettled(url, state);
    ticket.current?.done();
    setPhase(state);
  };

  // The placeholders' words are drawn by CSS from data-text (see styles.css): they stand in for a picture,
  // so they are not text of the cell, whose accessible name must contain all its visible text (WCAG 2.5.3).
  const style = { width, height };
  if (phase === 'failed' || phase === 'none') {
    return (
      <span
        className={`thumb placeholder ${phase === 'failed' ? 'broken' : ''}`}
        style={style}
        data-thumb-state={phase}
        data-text={phase === 'failed' ? 'Image unavailable' : label}
        role="img"
        aria-label={phase === 'failed' ? `${label}: image unavailable` : `${label}: no thumbnail`}
      >
        {phase === 'failed' ? (
          <span className="broken-mark" aria-hidden="true">
            <Icon name="warning" />
          </span>
        ) : null}
      </span>
    );
  }
  const pending = phase === 'loaded' ? '' : 'pending';
  // One image element, inside a clipping box when only a crop of it is shown.
  const image =
    phase === 'loading' || phase === 'loaded' ? (
      <img
        ref={attach}
        {...(cropped ? { style: cropped.image } : { className: `thumb ${pending}` })}
        src={imageSrc(url as string)}
        alt=""
        draggable={false}
        decoding="async"
        onLoad={() => settle('loaded')}
        onError={() => settle('failed')}
      />
    ) : null;
  return (
    <span className="thumb-frame" style={style} data-thumb-state={phase}>
      {phase !== 'loaded' ? (
        <span className="thumb placeholder" aria-hidden="true" data-text={label} />
      ) : null}
      {image && cropped ? (
        <span className={`thumb-crop ${pending}`} style={cropped.clip} data-testid="thumb-crop">
          {image}
        </span>
      ) : (
        image
      )}
    </span>
  );
});
