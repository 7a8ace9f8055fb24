/** A companion canvas (placeholder or accompanying) drawn as viewers draw it: its image, fitted. */
import type { JsonObject } from '../../../../shared/iiif/json';
import { canvasLabel } from '../../../../shared/iiif/canvases';
import { useDisplayLanguages } from '../../components/language/display-language';
import { chooseThumbnail } from '../canvases/thumbnail-choice';
import { imageSrc } from '../images/image-src';

export function CompanionImage({
  canvas,
  role,
  className,
}: {
  canvas: JsonObject;
  /** What it is to the canvas it accompanies, for its accessible name. */
  role: string;
  className?: string;
}) {
  const languages = useDisplayLanguages();
  const choice = chooseThumbnail(canvas, { width: 640, height: 640 }, window.devicePixelRatio);
  const label = canvasLabel(canvas, languages);
  const alt = label ? `${role}: ${label}` : role;
  if (!choice) return <p className={className}>{alt} (no image)</p>;
  return <img className={className} src={imageSrc(choice.url)} alt={alt} data-testid={role} />;
}
