/**
 * Where the place map's base map comes from: the built-in world (offline, no request) or a tile address the
 * user gives for use online. Tiles are fetched by the main side's image route, so they share its per-host limit
 * and disk cache (and show offline once seen), and the page itself still talks only to its own origin.
 */
import { useState } from 'react';
import { checkTileTemplate } from '../../../../shared/iiif/place';
import { useMapSettings } from './map-settings';

export function BaseMapSettings() {
  const { tileTemplate, attribution, setTiles } = useMapSettings();
  const [template, setTemplate] = useState(tileTemplate);
  const [credit, setCredit] = useState(attribution);
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    if (template.trim() === '') {
      setError(null);
      return setTiles('', '');
    }
    const checked = checkTileTemplate(template);
    if ('error' in checked) return setError(checked.error);
    setError(null);
    setTiles(checked.template, credit.trim());
  };
  return (
    <details className="place-base-map">
      <summary>
        Base map: {tileTemplate === '' ? 'built-in world (offline)' : 'tiles from the internet'}
      </summary>
      <label>
        Tile address (optional, when online){' '}
        <input
          type="url"
          value={template}
          placeholder="https://tiles.example.org/{z}/{x}/{y}.png"
          onChange={(event) => setTemplate(event.target.value)}
        />
      </label>
      <label>
        Tile attribution{' '}
        <input type="text" value={credit} onChange={(event) => setCredit(event.target.value)} />
      </label>
      <p className="field-hint">Leave the address empty to use only the built-in world map.</p>
      <button type="button" className="small" onClick={apply}>
        Use this base map
      </button>
      {error !== null ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </details>
  );
}
