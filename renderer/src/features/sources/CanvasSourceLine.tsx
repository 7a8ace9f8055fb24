/**
 * "Source: <manifest>" for the focused canvas when it was copied from another manifest (its `partOf`): one small
 * button that opens that manifest in the Sources panel and shows the original canvas there.
 */
import type { JsonObject } from '../../../../shared/iiif/json';
import { canvasSources } from '../../../../shared/iiif/canvas-build/provenance';
import { displayStringOf } from '../../../../shared/iiif/language';
import { documentKind } from '../../store/document-slice';
import { useAppStore } from '../../store/store';
import { canvasAt } from '../../../../shared/iiif/canvases';
import { traceToSource } from './sources-service';
import './sources.css';

export function CanvasSourceLine() {
  // A collection's member may have a `partOf` too, but it is not a canvas copied from a source.
  const canvas = useAppStore((s) => (documentKind(s) === 'Manifest' ? canvasAt(s.doc, s.focus) : null));
  const origin = canvas ? canvasSources(canvas)[0] : undefined;
  if (!canvas || !origin) return null;
  const label = displayStringOf(origin.label) || origin.id;
  return (
    <span className="canvas-source" data-testid="canvas-source">
      Source:{' '}
      <button
        type="button"
        className="link-button"
        title={`Open ${origin.id} in Sources and show the original canvas`}
        onClick={() => void traceToSource(canvas as JsonObject)}
      >
        {label}
      </button>
    </span>
  );
}
