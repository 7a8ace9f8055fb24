/**
 * Scene images → what the world keeps in sync: how to load each one (info.json → a tile source built from the
 * descriptor, or a plain image), all through imageSrc(), and where it goes. The canvas itself gets a backdrop
 * so an empty or half-loaded canvas still shows its extent, and so "fit" and the navigator frame the canvas.
 */
import { imageSrc } from '../images/image-src';
import { loadImageInfo } from './image-info';
import { tileSourceFor } from './iiif-tile-source';
import { canvasWorldRect, type SceneCanvas, type SceneImage } from './scene';
import type { LoadedSource, WorldImageSpec } from './world-sync';

export const BACKDROP_COLOUR = '#3a3e46';

export function imageSpec(image: SceneImage, opacity: number): WorldImageSpec {
  const { layer } = image;
  const resource = layer.resource;
  // Region and rotation the server already applied must not be applied a second time.
  const region = layer.baked ? 'full' : layer.region;
  const rotation = layer.baked ? 0 : layer.rotation.degrees;
  const mirror = layer.baked ? false : layer.rotation.mirror;
  const load =
    resource.kind === 'service'
      ? async (): Promise<LoadedSource> => {
          const info = await loadImageInfo(resource.infoUrl);
          if (!info.ok) return { ok: false, reason: info.reason };
          const { descriptor } = info;
          return {
            ok: true,
            tileSource: tileSourceFor(descriptor, imageSrc),
            full: { width: descriptor.width, height: descriptor.height },
          };
        }
      : async (): Promise<LoadedSource> => ({
          ok: true,
          tileSource: { type: 'image', url: imageSrc(resource.url) },
          full: layer.baked ? null : layer.declared,
        });
  return {
    key: image.worldKey,
    sourceKey: resource.kind === 'service' ? resource.infoUrl : resource.url,
    load,
    region,
    rotation,
    mirror,
    target: image.target,
    opacity,
  };
}

const backdrops = new Map<string, string>();

/**
 * A small solid image in the canvas's proportions. It is drawn here, not fetched: it is the app's own
 * furniture, not an image from a manifest, so it does not go through imageSrc().
 */
function backdropUrl(width: number, height: number): string {
  const w = 64;
  const h = Math.max(1, Math.min(4096, Math.round((w * height) / width)));
  const key = `${w}x${h}`;
  const cached = backdrops.get(key);
  if (cached) return cached;
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const context = canvas.getContext('2d');
  if (context) {
    context.fillStyle = BACKDROP_COLOUR;
    context.fillRect(0, 0, w, h);
  }
  const url = canvas.toDataURL('image/png');
  backdrops.set(key, url);
  return url;
}

export function backdropSpec(entry: SceneCanvas): WorldImageSpec {
  const rect = canvasWorldRect(entry);
  const url = backdropUrl(rect.width, rect.height);
  return {
    key: `${entry.key}|backdrop`,
    sourceKey: url,
    load: async () => ({ ok: true, tileSource: { type: 'image', url, buildPyramid: false }, full: null }),
    region: 'full',
    rotation: 0,
    mirror: false,
    target: rect,
    opacity: 1,
    furniture: true,
  };
}
