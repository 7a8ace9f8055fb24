/**
 * The Sources panel: another manifest or collection (from the web or a file), opened beside the document.
 * Its canvases show as thumbnails; select one or many and drag them onto the canvas grid, or insert them at a
 * numbered position. Copies get new ids and carry their provenance (partOf, credits).
 */
import { memo, useEffect, useState, type KeyboardEvent } from 'react';
import { writeSourceMemberDrag } from '../collection/member-drag';
import { useShallow } from 'zustand/react/shallow';
import type { JsonObject } from '../../../../shared/iiif/json';
import { displayStringOf } from '../../../../shared/iiif/language';
import { useAppStore } from '../../store/store';
import { thumbnailOf } from '../canvases/canvas-view';
import { canvasLabel, canvasSlots } from '../../../../shared/iiif/canvases';
import { useDisplayLanguages } from '../../components/language/display-language';
import { chooseThumbnail } from '../canvases/thumbnail-choice';
import { useOpenFileChooser } from '../files/use-open-file-chooser';
import { imageSrc } from '../images/image-src';
import { columnsOf, movedIndex } from './source-list-keys';
import { insertFromSource, openSourceAt, writeSourceDrag } from './sources-service';
import { currentSource, useSourcesStore, type OpenedSource } from './sources-store';
import { Icon } from '../../components/icons';
import './sources.css';

const THUMB_BOX = { width: 96, height: 110 };

function thumbUrl(canvas: JsonObject): string | null {
  const ratio = typeof window.devicePixelRatio === 'number' ? window.devicePixelRatio : 1;
  return chooseThumbnail(canvas, THUMB_BOX, ratio)?.url ?? thumbnailOf(canvas);
}

const SourceCanvas = memo(function SourceCanvas(props: {
  source: OpenedSource;
  canvas: JsonObject;
  index: number;
  selected: boolean;
  highlighted: boolean;
  /** The option the keyboard is on (the listbox's active descendant). */
  active: boolean;
}) {
  const { source, canvas, index, selected, highlighted, active } = props;
  const [broken, setBroken] = useState(false);
  const label = canvasLabel(canvas, useDisplayLanguages()) || `Canvas ${index + 1}`;
  const url = thumbUrl(canvas);
  return (
    <li
      role="option"
      id={optionId(index)}
      data-index={index}
      aria-selected={selected}
      className={`source-canvas${highlighted ? ' traced' : ''}${active ? ' active' : ''}`}
      data-testid="source-canvas"
      title={label}
      draggable
      onClick={(e) => {
        const store = useSourcesStore.getState();
        store.select(index, e.shiftKey ? 'range' : e.metaKey || e.ctrlKey ? 'toggle' : 'only');
      }}
      onDragStart={(e) => {
        const store = useSourcesStore.getState();
        if (!store.selected.has(index)) store.select(index, 'only');
        const indices = [...useSourcesStore.getState().selected].sort((a, b) => a - b);
        writeSourceDrag(e.dataTransfer, source, indices);
      }}
    >
      {url && !broken ? (
        <img
          src={imageSrc(url, window.location.origin, source.origin)}
          alt=""
          loading="lazy"
          draggable={false}
          onError={() => setBroken(true)}
        />
      ) : (
        <span className="source-thumb-missing">{broken ? 'No image' : label}</span>
      )}
      <span className="source-canvas-label">
        {index + 1}. {label}
      </span>
    </li>
  );
});

function optionId(index: number): string {
  return `source-canvas-${index}`;
}

/**
 * The source's canvases as a listbox with one tab stop: arrows move (and select, Shift extends, Ctrl only
 * moves), Space toggles, Ctrl+A selects all. The focus stays on the list (aria-activedescendant), so the
 * thumbnails never each take a tab stop.
 */
function SourceCanvasList({ source }: { source: OpenedSource }) {
  const { selected, highlight } = useSourcesStore(
    useShallow((s) => ({ selected: s.selected, highlight: s.highlight })),
  );
  const [active, setActive] = useState({ key: source.key, index: 0 });
  const current = active.key === source.key ? Math.min(active.index, source.canvases.length - 1) : 0;
  useEffect(() => {
    document.getElementById(optionId(current))?.scrollIntoView?.({ block: 'nearest' });
  }, [current]);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const store = useSourcesStore.getState();
    const mod = event.ctrlKey || event.metaKey;
    if (mod && event.key.toLowerCase() === 'a') {
      store.selectAll();
    } else if (event.key === ' ') {
      store.select(current, 'toggle');
    } else {
      const next = movedIndex(event.key, current, source.canvases.length, columnsOf(event.currentTarget));
      if (next === null) return;
      setActive({ key: source.key, index: next });
      if (event.shiftKey) store.select(next, 'range');
      else if (!mod) store.select(next, 'only');
    }
    // Handled here: the window's shortcuts (Ctrl+A selects the document's canvases) must not act too.
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <ul
      className="source-canvases"
      role="listbox"
      aria-multiselectable="true"
      aria-label="Source canvases"
      tabIndex={0}
      aria-activedescendant={source.canvases.length > 0 ? optionId(current) : undefined}
      onKeyDown={onKeyDown}
      onClick={(event) => {
        const option = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
        if (option) setActive({ key: source.key, index: Number(option.dataset['index']) });
      }}
    >
      {source.canvases.map((canvas, index) => (
        <SourceCanvas
          key={index}
          source={source}
          canvas={canvas}
          index={index}
          selected={selected.has(index)}
          highlighted={highlight === index}
          active={index === current}
        />
      ))}
    </ul>
  );
}

function Credits({ source }: { source: OpenedSource }) {
  const statement = source.info.requiredStatement as JsonObject | undefined;
  const providers = Array.isArray(source.info.provider) ? (source.info.provider as JsonObject[]) : [];
  const parts = [
    statement ? displayStringOf(statement['value']) : '',
    source.info.rights ?? '',
    providers.map((p) => displayStringOf(p['label'])).join(', '),
  ].filter((part) => part !== '');
  if (parts.length === 0) return null;
  return (
    <p className="source-credits" data-testid="source-credits">
      {parts.join(' · ')}
    </p>
  );
}

function InsertControl({ source }: { source: OpenedSource }) {
  const selected = useSourcesStore((s) => s.selected);
  const count = useAppStore((s) => canvasSlots(s.doc));
  const [position, setPosition] = useState<number | null>(null);
  const at = position === null || position > count + 1 ? count + 1 : position;
  return (
    <div className="source-insert">
      <label>
        Insert at position{' '}
        <input
          type="number"
          min={1}
          max={count + 1}
          value={at}
          aria-label="Insert selected canvases at position"
          onChange={(e) => {
            const value = Math.round(Number(e.target.value));
            setPosition(Number.isFinite(value) && value >= 1 ? value : null);
          }}
        />
      </label>
      <button
        type="button"
        disabled={selected.size === 0}
        onClick={() => insertFromSource(source.key, [...selected], at - 1)}
      >
        Insert {selected.size > 0 ? selected.size : ''} selected
      </button>
      <button type="button" onClick={() => useSourcesStore.getState().selectAll()}>
        Select all
      </button>
    </div>
  );
}

export function SourcesPanel() {
  const { open, stack, loading, error } = useSourcesStore(
    useShallow((s) => ({ open: s.open, stack: s.stack, loading: s.loading, error: s.error })),
  );
  const [address, setAddress] = useState('');
  const { choose: openFile, picker } = useOpenFileChooser((path) => void openSourceAt(path));
  if (!open) return null;
  const source = currentSource({ stack });
  const parent = stack.length > 1 ? stack[stack.length - 2] : null;
  return (
    <aside className="panel sources-panel" aria-label="Sources" data-testid="sources-panel">
      <div className="sources-head">
        <h2>Sources</h2>
        <button
          type="button"
          aria-label="Close sources"
          onClick={() => useSourcesStore.getState().setOpen(false)}
        >
          <Icon name="close" />
        </button>
      </div>
      <form
        className="source-open"
        onSubmit={(e) => {
          e.preventDefault();
          if (address.trim() !== '') void openSourceAt(address);
        }}
      >
        <input
          value={address}
          onChange={(e) => setAddress(e.target.value)}
          placeholder="Manifest or collection URL"
          aria-label="Source address"
          spellCheck={false}
        />
        <button type="submit">Open</button>
        <button type="button" onClick={() => void openFile()}>
          File…
        </button>
      </form>
      {loading ? <p className="muted">{loading}</p> : null}
      {error ? (
        <p className="error" role="alert" data-testid="source-error">
          {error}
        </p>
      ) : null}
      {parent ? (
        <button type="button" className="source-back" onClick={() => useSourcesStore.getState().back()}>
          <Icon name="back" /> <span className="visually-hidden">Back to</span> {parent.label}
        </button>
      ) : null}
      {source ? (
        <div className="source-body">
          {/* Draggable onto a collection's member grid, which adds the source as a member. */}
          <h3
            className="source-title"
            data-testid="source-label"
            title={source.location}
            draggable
            onDragStart={(e) =>
              writeSourceMemberDrag(e.dataTransfer, { key: source.key }, source.info.id || source.location)
            }
          >
            {source.label}
          </h3>
          <p className="muted source-meta">
            {source.kind === 'Collection'
              ? `Collection · ${source.members.length} items`
              : `Manifest · ${source.canvases.length} canvases`}
            {source.upgraded ? ' · upgraded from Presentation 2' : ''}
            {source.stale ? ' · offline copy' : ''}
          </p>
          <Credits source={source} />
          {source.kind === 'Collection' ? (
            <ul className="source-members" aria-label="Collection items">
              {source.members.map((member) => (
                <li
                  key={member.id}
                  draggable
                  onDragStart={(e) =>
                    writeSourceMemberDrag(e.dataTransfer, { key: source.key, memberId: member.id }, member.id)
                  }
                >
                  <button type="button" onClick={() => void openSourceAt(member.id, 'push', source.origin)}>
                    <Icon name={member.type === 'Collection' ? 'collection' : 'file'} /> {member.label}
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <>
              <InsertControl source={source} />
              <SourceCanvasList source={source} />
            </>
          )}
        </div>
      ) : !loading ? (
        <p className="muted">
          Open another institution’s manifest or collection to take canvases from it. Drag canvases onto the
          canvas list, or select them and insert them at a position.
        </p>
      ) : null}
      {picker}
    </aside>
  );
}
