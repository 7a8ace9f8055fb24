/**
 * The `navPlace` row of the properties panel: what places are set, in a line, and the button that opens the
 * map editor. The editor (Leaflet and the world map) is loaded only when first opened.
 */
import { lazy, Suspense, useState } from 'react';
import type { JsonPath, JsonValue } from '../../../../shared/iiif/json';
import { getIn, isJsonObject } from '../../../../shared/iiif/json';
import { describePlaces } from '../../../../shared/iiif/place';
import { useDisplayLanguages } from '../../components/language/display-language';
import { useAppStore } from '../../store/store';

const PlaceEditorDialog = lazy(() => import('./PlaceEditorDialog'));

interface Props {
  path: JsonPath;
  value: JsonValue | undefined;
  /** "manifest" or "canvas". */
  owner: 'manifest' | 'canvas';
  /** Whose place it is, when the path does not end in a canvas's index ("accompanying canvas"). */
  name?: string | undefined;
}

export function NavPlaceField({ path, value, owner, name: given }: Props) {
  const [open, setOpen] = useState(false);
  const languages = useDisplayLanguages();
  const canvasId = useAppStore((s) => {
    const resource = owner === 'canvas' && s.doc ? getIn(s.doc, path) : undefined;
    return isJsonObject(resource) && typeof resource['id'] === 'string' ? resource['id'] : undefined;
  });
  const name = given ?? (owner === 'canvas' ? `canvas ${Number(path[path.length - 1]) + 1}` : 'manifest');
  const summary = describePlaces(value, languages);
  return (
    <div className="nav-place" data-testid={`nav-place-${owner}`}>
      <p className="place-summary">{summary}</p>
      <button type="button" className="small" onClick={() => setOpen(true)}>
        Edit the {owner} place on a map…
      </button>
      {open ? (
        <Suspense fallback={<p className="muted">Loading the map…</p>}>
          <PlaceEditorDialog path={path} owner={name} parentId={canvasId} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </div>
  );
}
