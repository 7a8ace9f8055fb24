/**
 * The edited document in a viewer people publish to, chosen in the preview. Each viewer is a dynamic import
 * (its own chunk, fetched from the app's own origin the first time it is chosen), so the editor's bundle does
 * not carry Mirador or Clover. They get manifestForViewers()'s copy of the document in memory (never the saved
 * file), with every image on the app's own `/remote-image` route, and a line saying what was left out.
 */
import { lazy, Suspense, useMemo } from 'react';
import type { JsonObject } from '../../../../../shared/iiif/json';
import { PanelBoundary } from '../../../components/PanelBoundary';
import { manifestForViewers } from '../viewer-manifest';
import '../preview.css';

export type PublicViewerKind = 'mirador' | 'clover';

const VIEWERS = {
  mirador: lazy(() => import('./MiradorPreview')),
  clover: lazy(() => import('./CloverPreview')),
};

function leftOutNotice({ media, external }: { media: number; external: number }): string | null {
  const parts: string[] = [];
  if (media > 0) parts.push(`${media} audio, video or text resource${media === 1 ? '' : 's'}`);
  if (external > 0)
    parts.push(
      `${external} annotation page${external === 1 ? '' : 's'}, collection${external === 1 ? '' : 's'} or search service${external === 1 ? '' : 's'} kept elsewhere`,
    );
  if (parts.length === 0) return null;
  return `Not shown here: ${parts.join(' and ')}. This preview loads only images, through Tessera's image cache, so that it works offline; your readers' viewer will load them from the web.`;
}

interface Props {
  readonly kind: PublicViewerKind;
  /** The viewer's name, as the preview's choice shows it. */
  readonly name: string;
  readonly doc: JsonObject;
}

/** The default export is what PreviewView loads lazily (this module, too, stays out of the editor's bundle). */
export default function PublicViewer({ kind, name, doc }: Props) {
  const { manifest, leftOut } = useMemo(() => manifestForViewers(doc, window.location.origin), [doc]);
  const Viewer = VIEWERS[kind];
  const notice = leftOutNotice(leftOut);
  return (
    <section className="public-viewer" aria-label={`Preview in ${name}`} data-testid="public-viewer">
      {notice && (
        <p className="public-viewer-notice" data-testid="public-viewer-notice">
          {notice}
        </p>
      )}
      <PanelBoundary name={`${name} preview`} resetKey={manifest}>
        <Suspense
          fallback={
            <p className="public-viewer-loading" role="status">
              Loading {name}…
            </p>
          }
        >
          <Viewer manifest={manifest} />
        </Suspense>
      </PanelBoundary>
    </section>
  );
}
