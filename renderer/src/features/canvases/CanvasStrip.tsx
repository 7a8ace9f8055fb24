/**
 * The canvas strip beside the viewer: thumbnails and labels in canvas order, with selection. A listbox, so it is
 * usable from the keyboard and announced by screen readers.
 */
import { memo, useState } from 'react';
import type { JsonObject } from '../../../../shared/iiif/json';
import { useAppStore } from '../../store/store';
import { imageSrc } from '../images/image-src';
import { canvasesOf, labelText, thumbnailOf } from './canvas-view';

const Thumb = memo(function Thumb({ url, label }: { url: string | null; label: string }) {
  const [broken, setBroken] = useState(false);
  if (!url || broken) {
    return (
      <span
        className="thumb placeholder"
        role="img"
        aria-label={broken ? `${label}: image unavailable` : label}
      >
        {broken ? 'No image' : label}
      </span>
    );
  }
  return <img className="thumb" src={imageSrc(url)} alt="" loading="lazy" onError={() => setBroken(true)} />;
});

const Cell = memo(function Cell(props: { canvas: JsonObject; index: number; selected: boolean }) {
  const { canvas, index, selected } = props;
  const label = labelText(canvas['label']) || `Canvas ${index + 1}`;
  return (
    <li
      id={`canvas-${index}`}
      role="option"
      aria-selected={selected}
      className="canvas-cell"
      data-testid="canvas-cell"
      onClick={(e) => {
        const s = useAppStore.getState();
        if (e.shiftKey) s.selectRange(index);
        else if (e.metaKey || e.ctrlKey) s.toggle(index);
        else s.selectOnly(index);
      }}
    >
      <Thumb url={thumbnailOf(canvas)} label={label} />
      <span className="meta">
        <span className="label">{label}</span>
        <br />
        <span className="index">{index + 1}</span>
      </span>
    </li>
  );
});

export function CanvasStrip() {
  const doc = useAppStore((s) => s.doc);
  const selected = useAppStore((s) => s.selected);
  const focus = useAppStore((s) => s.focus);
  const canvases = canvasesOf(doc);
  const move = (delta: number) => {
    const next = Math.min(canvases.length - 1, Math.max(0, (focus ?? -1) + delta));
    if (next >= 0) {
      useAppStore.getState().selectOnly(next);
      document.getElementById(`canvas-${next}`)?.scrollIntoView({ block: 'nearest' });
    }
  };
  return (
    <nav className="panel" aria-label="Canvases">
      <h2>Canvases · {canvases.length}</h2>
      <ul
        className="canvas-strip"
        role="listbox"
        aria-multiselectable="true"
        aria-label="Canvases in order"
        tabIndex={0}
        aria-activedescendant={focus !== null ? `canvas-${focus}` : undefined}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') move(1);
          else if (e.key === 'ArrowUp') move(-1);
          else return;
          e.preventDefault();
        }}
      >
        {canvases.map((canvas, index) => (
          <Cell key={index} canvas={canvas} index={index} selected={selected.has(index)} />
        ))}
      </ul>
    </nav>
  );
}
