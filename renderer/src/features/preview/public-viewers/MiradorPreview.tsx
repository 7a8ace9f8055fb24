/**
 * Mirador (its own chunk: imported only through PublicViewer's lazy loader) showing the edited document. The
 * manifest goes in the window's configuration, so Mirador never fetches it; the control panel is off, because
 * adding other manifests would fetch them from the internet. Everything else is Mirador's default, as a
 * publisher's page would have it. Rendered inside our React tree (no `id`, so Mirador makes no root of its own),
 * which unmounts it with the preview.
 *
 * Mirador checks that an info.json's id is the address it asked for (normalize-url on both sides) and otherwise
 * records the answer as "degraded" for IIIF Auth. On app:// (Electron) normalize-url leaves the trailing slash
 * of its side, so the routed id never matches there; that is harmless, since the route passes no auth services
 * (viewer-info.ts) and Mirador uses the flag for nothing but starting an auth flow.
 */
import Mirador from 'mirador';
import { useMemo } from 'react';
import type { JsonObject } from '../../../../../shared/iiif/json';

export default function MiradorPreview({ manifest }: { manifest: JsonObject }) {
  const instance = useMemo(() => {
    const manifestId = typeof manifest['id'] === 'string' ? manifest['id'] : 'tessera:preview';
    return Mirador.viewer({
      windows: [{ manifestId, manifest }],
      window: { allowClose: false },
      workspace: { allowNewWindows: false },
      workspaceControlPanel: { enabled: false },
    });
  }, [manifest]);
  return (
    <div className="public-viewer-mount" data-testid="mirador-preview">
      {instance.render()}
    </div>
  );
}
