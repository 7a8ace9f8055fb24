/**
 * Picks the visible layer of each Choice body (visible light, infrared, X-ray…). Native radio buttons, so it
 * works from the keyboard and is announced properly; one group per choice on screen.
 */
import type { SceneImage } from './scene';
import './viewer.css';

interface Props {
  images: readonly SceneImage[];
  onChoose(choiceKey: string, layerIndex: number): void;
}

export function LayerSwitcher({ images, onChoose }: Props) {
  const choices = images.filter((image) => image.item.choice && image.item.layers.length > 1);
  if (choices.length === 0) return null;
  return (
    <div className="viewer-layers" data-testid="layer-switcher">
      {choices.map((image, n) => (
        <fieldset key={image.choiceKey}>
          <legend>{image.item.label || (choices.length > 1 ? `Layers of image ${n + 1}` : 'Layers')}</legend>
          {image.item.layers.map((layer, index) => (
            <label key={index}>
              <input
                type="radio"
                name={`layer-${image.choiceKey}`}
                checked={index === image.layerIndex}
                onChange={() => onChoose(image.choiceKey, index)}
              />
              {layer.label || `Layer ${index + 1}`}
            </label>
          ))}
        </fieldset>
      ))}
    </div>
  );
}
