/**
 * Keeps OpenSeadragon's world in step with what should be on screen, the way React keeps the DOM in step:
 * images are matched by key, so a drag, a crop, a turn or a mirror moves, clips, rotates or flips the
 * TiledImage already there (no reload, no flicker), and only a new image source is fetched. Adding is
 * asynchronous (info.json, then OpenSeadragon's own open), so results that arrive after the scene moved on
 * are dropped, and the stacking order is restored after every arrival. Failures never throw: they become an
 * item state the view can show.
 */
import OpenSeadragon from 'openseadragon';
import { parseRegion, type Rect, type Size } from '../../../../shared/iiif/image-api/image-selectors';
import { placementFor } from './placement';

export type LoadedSource =
  | { readonly ok: true; readonly tileSource: object; readonly full: Size | null }
  | { readonly ok: false; readonly reason: string };

export interface WorldImageSpec {
  readonly key: string;
  /** Identity of the pixels: when it changes the image is loaded afresh; everything else is updated in place. */
  readonly sourceKey: string;
  readonly load: () => Promise<LoadedSource>;
  /** Image API region, in pixels of the `full` size the source reports ('full' for all of it). */
  readonly region: string;
  /** Clockwise degrees, applied after the mirror. */
  readonly rotation: number;
  /** Mirrored left–right before the turn, as the Image API's `!n` rotation. */
  readonly mirror: boolean;
  /** Where the (cropped, mirrored, turned) image goes, in world units. */
  readonly target: Rect;
  readonly opacity: number;
  /** Scene furniture (the canvas backdrop): not counted or reported as an image. */
  readonly furniture?: boolean;
}

export type ItemState =
  | { readonly state: 'loading' }
  | { readonly state: 'shown'; readonly tilesFailed: boolean; readonly tilesLoaded: boolean }
  | { readonly state: 'failed'; readonly reason: string };

interface Entry {
  spec: WorldImageSpec;
  tiled: OpenSeadragon.TiledImage | null;
  full: Size | null;
  live: boolean;
  state: ItemState;
}

export class WorldSync {
  private readonly entries = new Map<string, Entry>();
  private readonly byTiled = new Map<OpenSeadragon.TiledImage, Entry>();
  private order: string[] = [];
  private onAdded: ((key: string) => void) | null = null;

  constructor(
    private readonly viewer: OpenSeadragon.Viewer,
    private readonly report: (states: ReadonlyMap<string, ItemState>) => void,
  ) {
    viewer.addHandler('tile-load-failed', (event) => this.tileEvent(event.tiledImage, 'failed'));
    viewer.addHandler('tile-loaded', (event) => this.tileEvent(event.tiledImage, 'loaded'));
  }

  /** Called once per image that arrives in the world (used to fit the view when the backdrop is in). */
  whenAdded(listener: (key: string) => void): void {
    this.onAdded = listener;
  }

  sync(specs: readonly WorldImageSpec[]): void {
    const wanted = new Map(specs.map((spec) => [spec.key, spec]));
    for (const [key, entry] of this.entries) {
      if (wanted.get(key)?.sourceKey !== entry.spec.sourceKey) this.remove(entry);
    }
    for (const spec of specs) {
      const entry = this.entries.get(spec.key);
      if (entry) {
        entry.spec = spec;
        this.place(entry);
      } else this.add(spec);
    }
    this.order = specs.map((spec) => spec.key);
    this.restack();
    this.emit();
  }

  /** Images (not furniture) that are in the world now. */
  shownCount(): number {
    let count = 0;
    for (const entry of this.entries.values()) if (entry.tiled && !entry.spec.furniture) count += 1;
    return count;
  }

  private add(spec: WorldImageSpec): void {
    const entry: Entry = { spec, tiled: null, full: null, live: true, state: { state: 'loading' } };
    this.entries.set(spec.key, entry);
    void spec.load().then((loaded) => {
      if (!entry.live) return;
      if (!loaded.ok) return this.fail(entry, loaded.reason);
      entry.full = loaded.full;
      this.viewer.addTiledImage({
        tileSource: loaded.tileSource,
        opacity: entry.spec.opacity,
        // Shown where tiles are missing (loading, or failed offline): the image's area stays visible.
        placeholderFillStyle: entry.spec.furniture ? undefined : 'rgba(120, 126, 138, 0.35)',
        success: (event) => {
          const tiled = (event as unknown as { item: OpenSeadragon.TiledImage }).item;
          if (!entry.live) {
            this.viewer.world.removeItem(tiled);
            return;
          }
          entry.tiled = tiled;
          this.byTiled.set(tiled, entry);
          entry.state = { state: 'shown', tilesFailed: false, tilesLoaded: false };
          this.place(entry);
          this.restack();
          this.emit();
          this.onAdded?.(entry.spec.key);
        },
        error: (event) => {
          const message = (event as unknown as { message?: string }).message;
          if (entry.live) this.fail(entry, message || 'the image could not be opened');
        },
      });
    });
  }

  private fail(entry: Entry, reason: string): void {
    entry.state = { state: 'failed', reason };
    this.emit();
  }

  private remove(entry: Entry): void {
    entry.live = false;
    this.entries.delete(entry.spec.key);
    if (entry.tiled) {
      this.byTiled.delete(entry.tiled);
      this.viewer.world.removeItem(entry.tiled);
    }
  }

  private place(entry: Entry): void {
    const tiled = entry.tiled;
    if (!tiled) return;
    const { spec } = entry;
    const contentPoint = tiled.getContentSize();
    const content = { width: contentPoint.x, height: contentPoint.y };
    const region = parseRegion(spec.region, entry.full ?? content);
    const placement = placementFor({
      content,
      full: entry.full,
      region,
      rotation: spec.rotation,
      mirror: spec.mirror,
      target: spec.target,
    });
    tiled.setPosition(new OpenSeadragon.Point(placement.x, placement.y), true);
    tiled.setWidth(placement.width, true);
    const clip = placement.clip;
    tiled.setClip(clip ? new OpenSeadragon.Rect(clip.x, clip.y, clip.width, clip.height) : null);
    tiled.setRotation(placement.rotation, true);
    if (tiled.getFlip() !== placement.flipped) tiled.setFlip(placement.flipped);
    if (tiled.getOpacity() !== spec.opacity) tiled.setOpacity(spec.opacity);
  }

  /** World order = the order of the specs (later paints over earlier), whatever order the images arrived in. */
  private restack(): void {
    const world = this.viewer.world;
    let index = 0;
    for (const key of this.order) {
      const tiled = this.entries.get(key)?.tiled;
      if (!tiled) continue;
      if (world.getIndexOfItem(tiled) !== index) world.setItemIndex(tiled, index);
      index += 1;
    }
  }

  private tileEvent(tiled: OpenSeadragon.TiledImage, what: 'failed' | 'loaded'): void {
    const entry = this.byTiled.get(tiled);
    if (!entry || entry.state.state !== 'shown') return;
    const { tilesFailed, tilesLoaded } = entry.state;
    // Report transitions only: a tile event per tile would re-render the view hundreds of times.
    if (what === 'failed' && !tilesFailed) {
      entry.state = { state: 'shown', tilesFailed: true, tilesLoaded };
      this.emit();
    } else if (what === 'loaded' && !tilesLoaded) {
      entry.state = { state: 'shown', tilesFailed, tilesLoaded: true };
      this.emit();
    }
  }

  private emit(): void {
    const states = new Map<string, ItemState>();
    for (const [key, entry] of this.entries) if (!entry.spec.furniture) states.set(key, entry.state);
    this.report(states);
  }
}
