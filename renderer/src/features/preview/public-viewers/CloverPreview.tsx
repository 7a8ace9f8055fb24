/**
 * Clover (its own chunk: imported only through PublicViewer's lazy loader) showing the edited document. Clover
 * takes the manifest object itself as `iiifContent`, so it never fetches it.
 */
import Viewer from '@samvera/clover-iiif/viewer';
import type { ComponentProps } from 'react';
import type { JsonObject } from '../../../../../shared/iiif/json';

type CloverContent = ComponentProps<typeof Viewer>['iiifContent'];

export default function CloverPreview({ manifest }: { manifest: JsonObject }) {
  return (
    <div className="public-viewer-mount" data-testid="clover-preview">
      <Viewer iiifContent={manifest as CloverContent} />
    </div>
  );
}
