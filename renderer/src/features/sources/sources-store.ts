/**
 * The Sources panel's state: the manifests and collections opened beside the document, and which of their
 * canvases are selected. Browsing a source is not editing the document, so this lives outside the document
 * store and its undo history (a small store of its own, like a slice nobody else needs to read).
 */
import { create } from 'zustand';
import type { SourceInfo } from '../../../../shared/iiif/canvas-build/provenance';
import type { JsonObject } from '../../../../shared/iiif/json';

export interface SourceMember {
  readonly id: string;
  readonly type: string;
  readonly label: string;
}

export interface OpenedSource {
  /** Unique in this session; drags name their source by it. */
  readonly key: string;
  /** What was opened (URL or path). */
  readonly location: string;
  readonly kind: 'Manifest' | 'Collection';
  readonly doc: JsonObject;
  readonly info: SourceInfo;
  readonly label: string;
  readonly canvases: readonly JsonObject[];
  /** A collection's manifests and sub-collections. */
  readonly members: readonly SourceMember[];
  /** Served from the offline cache because the server could not be reached. */
  readonly stale: boolean;
  readonly upgraded: boolean;
  /** 'public' when it came from the internet: what it references is asked for as a public document's. */
  readonly origin: 'local' | 'public';
}

export interface SourcesState {
  open: boolean;
  /** Navigation: a collection, then a manifest opened from it. The last one is shown. */
  stack: readonly OpenedSource[];
  loading: string | null;
  error: string | null;
  selected: ReadonlySet<number>;
  anchor: number | null;
  /** A canvas shown because the user traced a document canvas back to it. */
  highlight: number | null;
  setOpen(open: boolean): void;
  setLoading(what: string | null): void;
  setError(error: string | null): void;
  show(source: OpenedSource, mode: 'push' | 'replace'): void;
  back(): void;
  select(index: number, how: 'only' | 'toggle' | 'range'): void;
  selectAll(): void;
  clearSelection(): void;
  setHighlight(index: number | null): void;
}

export const useSourcesStore = create<SourcesState>()((set, get) => ({
  open: false,
  stack: [],
  loading: null,
  error: null,
  selected: new Set(),
  anchor: null,
  highlight: null,
  setOpen: (open) => set({ open }),
  setLoading: (loading) => set({ loading }),
  setError: (error) => set({ error }),
  show: (source, mode) =>
    set((state) => ({
      stack: mode === 'push' ? [...state.stack, source] : [source],
      selected: new Set(),
      anchor: null,
      highlight: null,
      error: null,
      open: true,
    })),
  back: () =>
    set((state) => ({
      stack: state.stack.slice(0, -1),
      selected: new Set(),
      anchor: null,
      highlight: null,
    })),
  select: (index, how) => {
    const { selected, anchor } = get();
    if (how === 'only') return set({ selected: new Set([index]), anchor: index });
    if (how === 'toggle') {
      const next = new Set(selected);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return set({ selected: next, anchor: index });
    }
    const from = Math.min(anchor ?? index, index);
    const to = Math.max(anchor ?? index, index);
    const next = new Set<number>();
    for (let i = from; i <= to; i++) next.add(i);
    return set({ selected: next });
  },
  selectAll: () => {
    const current = get().stack[get().stack.length - 1];
    set({ selected: new Set(current ? current.canvases.map((_, i) => i) : []) });
  },
  clearSelection: () => set({ selected: new Set(), anchor: null }),
  setHighlight: (highlight) => set({ highlight }),
}));

export function currentSource(state: Pick<SourcesState, 'stack'>): OpenedSource | null {
  return state.stack[state.stack.length - 1] ?? null;
}

export function sourceByKey(key: string): OpenedSource | null {
  return useSourcesStore.getState().stack.find((source) => source.key === key) ?? null;
}
