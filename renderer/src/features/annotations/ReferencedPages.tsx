/**
 * The annotations of the referenced pages on the focused canvas (its own and the manifest's), loaded on demand
 * and listed, each page marked with where it came from: a remote page read-only, a local one with "Edit in
 * place", which brings it into the document and saves its edits back to its own file. A page that cannot be
 * fetched gets its own message, shown as a finding ('annotation-page-unreachable'): the validator is pure and
 * synchronous and never sees the network, so this finding is reported here, where the fetch result is.
 */
import { useMemo } from 'react';
import {
  describeTarget,
  fetchedPageAnnotations,
  referencedPagesOf,
} from '../../../../shared/iiif/annotations';
import type { JsonObject } from '../../../../shared/iiif/json';
import { useAppStore } from '../../store/store';
import { BodyPreview } from './BodyPreview';
import { editLocalPage } from './local-page-files';
import { usePageLoads, type PageLoad } from './referenced-page-loader';

function sourceLabel(load: Extract<PageLoad, { state: 'loaded' }>): string {
  const where = load.path !== null ? 'local file' : `from ${load.host ?? 'the web'}`;
  if (load.stale) return `${where} (offline copy)`;
  return load.fromCache ? `${where} (cached)` : where;
}

export function ReferencedPages({ canvasIndex }: { canvasIndex: number }) {
  const doc = useAppStore((s) => s.doc);
  const documentPath = useAppStore((s) => s.file?.path);
  const initiator = useAppStore((s) => s.docOrigin);
  const documentKey = useAppStore((s) => s.documentKey);
  const references = useMemo(() => (doc ? referencedPagesOf(doc, canvasIndex) : []), [doc, canvasIndex]);
  const requests = references.map((page) => ({
    location: page.id as string,
    initiator,
    documentKey,
    ...(documentPath ? { documentPath } : {}),
  }));
  const loads = usePageLoads(requests);
  if (references.length === 0) return null;
  const canvas = (doc?.['items'] as JsonObject[] | undefined)?.[canvasIndex];
  const canvasId = typeof canvas?.['id'] === 'string' ? canvas['id'] : undefined;
  return (
    <div className="referenced-pages" data-testid="referenced-pages">
      {references.map((reference, i) => {
        const load = loads[i] ?? { state: 'loading' as const };
        const id = reference.id as string;
        return (
          <section
            key={reference.path.join('/')}
            className="referenced-page"
            aria-label={`Referenced page ${id}`}
            data-testid="referenced-page"
          >
            <h4>
              Referenced page <code>{id}</code>{' '}
              {load.state === 'loaded' ? (
                <span className="annotation-meta" data-testid="referenced-page-source">
                  {sourceLabel(load)}
                  {load.path === null
                    ? ' · read-only: it is published elsewhere; import it to edit a copy here'
                    : ' · its own file'}
                </span>
              ) : null}
              {load.state === 'loaded' && load.path !== null && load.file !== null ? (
                <button
                  type="button"
                  onClick={() =>
                    editLocalPage({
                      pagePath: reference.path,
                      page: load.page,
                      path: load.path as string,
                      file: load.file as NonNullable<typeof load.file>,
                    })
                  }
                >
                  Edit in place
                </button>
              ) : null}
            </h4>
            {load.state === 'loading' ? <p role="status">Loading…</p> : null}
            {load.state === 'failed' ? (
              <p
                role="alert"
                className="annotation-finding"
                data-testid="referenced-page-error"
                data-code="annotation-page-unreachable"
              >
                This annotation page could not be fetched: {load.message}
              </p>
            ) : null}
            {load.state === 'loaded' ? (
              <ul className="annotation-list" aria-label={`Annotations of ${id}`}>
                {fetchedPageAnnotations(reference, load.page, canvasId).map((view) => (
                  <li
                    key={view.index}
                    className="annotation-row"
                    data-testid="referenced-annotation"
                    data-annotation-id={view.id ?? `${id}#${view.index}`}
                  >
                    <div className="annotation-head">
                      <span>{view.motivations.join(' ') || '(no motivation)'}</span>
                      <span className="annotation-target">
                        {view.targets.map(describeTarget).join('; ') || 'no target'}
                      </span>
                    </div>
                    {view.bodies.map((body, b) => (
                      <div key={b} className="annotation-preview">
                        <BodyPreview body={body} />
                      </div>
                    ))}
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
