/**
 * CSS boxes that show a crop of a loaded image, turned and mirrored, fitted (contain) and centred in a
 * thumbnail box: a clipping box the size of the crop, turned about its centre, with the whole image placed
 * and scaled inside it so that only the crop shows. No canvas element: the browser scales and turns the
 * image on the compositor, and the same image stays cached for every size. Pure.
 */
import type { CSSProperties } from 'react';
import { rotatedSize } from '../../../../shared/iiif/image-api/image-selectors';
import type { ThumbnailBox, ThumbnailCrop } from './thumbnail-choice';

export interface CropStyle {
  /** The clipping box: the crop's size, centred in the thumbnail box, turned (and mirrored) about its centre. */
  readonly clip: CSSProperties;
  /** The image inside it, in percentages of the clipping box. */
  readonly image: CSSProperties;
}

export function cropStyle(crop: ThumbnailCrop, box: ThumbnailBox): CropStyle {
  // Fit the crop as it looks once turned; then size the unturned clipping box by the same scale.
  const turned = rotatedSize({ width: 1, height: crop.aspect }, crop.degrees);
  const scale = Math.min(box.width / turned.width, box.height / turned.height);
  const width = scale;
  const height = crop.aspect * scale;
  // CSS applies the rightmost transform first: mirror, then turn, as the Image API does.
  const transforms = [
    crop.degrees !== 0 ? `rotate(${crop.degrees}deg)` : '',
    crop.mirror ? 'scaleX(-1)' : '',
  ].filter(Boolean);
  return {
    clip: {
      left: (box.width - width) / 2,
      top: (box.height - height) / 2,
      width,
      height,
      ...(transforms.length > 0 ? { transform: transforms.join(' ') } : {}),
    },
    image: {
      left: `${(-crop.x / crop.width) * 100}%`,
      top: `${(-crop.y / crop.height) * 100}%`,
      width: `${100 / crop.width}%`,
      height: `${100 / crop.height}%`,
    },
  };
}
