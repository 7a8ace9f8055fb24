/**
 * Import and export for the annotation panel: the focused canvas's annotations as a W3C annotation page
 * (JSON), the manifest's transcriptions as plain text and all its annotations as CSV (downloads made in the
 * page); and a W3C annotation page, annotation or list of them, from a file or a URL, imported onto the canvas
 * in one undo step. On an audio or video canvas, captions too: a WebVTT file becomes a new page of annotations
 * on time spans (one undo step), and the canvas's annotations on time spans go out as WebVTT.
 */
import { useState } from 'react';
import {
  annotationsCsv,
  annotationsToImport,
  exportAnnotationPage,
  formatWebVtt,
  importAnnotations,
  timedTextOfCanvas,
  transcriptionText,
} from '../../../../shared/iiif/annotations';
import { canvasDuration } from '../../../../shared/iiif/media';
import { importCaptions } from './caption-actions';
import { documentIds, idMinterFor } from '../../../../shared/iiif/document';
import type { JsonValue } from '../../../../shared/iiif/json';
import { documentName } from '../../store/document-slice';
import { useAppStore } from '../../store/store';
import { downloadText } from '../spreadsheet/csv-files';
import { fetchTypedPage } from './referenced-page-loader';
import { canvasAt, canvasIdOf } from '../../../../shared/iiif/canvases';

function baseName(): string {
  return documentName(useAppStore.getState()).replace(/\.(json|jsonld)$/i, '') || 'manifest';
}

export function AnnotationExchange({ canvasIndex }: { canvasIndex: number | null }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [url, setUrl] = useState('');
  const [fetching, setFetching] = useState(false);
  const doc = useAppStore((s) => s.doc);
  if (!doc) return null;

  const exportPage = () => {
    if (canvasIndex === null) return;
    const id = `${canvasIdOf(canvasAt(doc, canvasIndex)) || 'canvas'}/annotations-export`;
    const page = exportAnnotationPage(doc, { canvasIndex, id });
    downloadText(
      `${JSON.stringify(page, null, 2)}\n`,
      `${baseName()}-canvas-${canvasIndex + 1}-annotations.json`,
      'application/json',
    );
  };

  /** Adds what `parsed` holds to the canvas as one new page, one undo step; `name` says where it came from. */
  const importParsed = (parsed: JsonValue, name: string) => {
    if (canvasIndex === null) return;
    const found = annotationsToImport(parsed);
    if (!found.ok) {
      setProblem(`${name}: ${found.message}`);
      return;
    }
    const { doc: current, commit } = useAppStore.getState();
    if (!current) return;
    const canvasId = canvasIdOf(canvasAt(current, canvasIndex)) || undefined;
    const mint = idMinterFor(current);
    const next = importAnnotations(current, {
      canvasIndex,
      items: found.items,
      pageId: mint('annotations', canvasId),
      taken: documentIds(current),
      freshId: () => mint('annotation', canvasId),
    });
    commit(`Import ${found.items.length} annotations`, next);
  };

  const canvas = canvasAt(doc, canvasIndex);
  const timeBased = canvas !== null && canvasDuration(canvas) !== undefined;
  const exportCaptions = () => {
    if (canvasIndex === null) return;
    const cues = timedTextOfCanvas(doc, canvasIndex);
    if (cues.length === 0) {
      setProblem('This canvas has no annotations with text on time spans to export.');
      return;
    }
    setProblem(null);
    downloadText(formatWebVtt(cues), `${baseName()}-canvas-${canvasIndex + 1}.vtt`, 'text/vtt;charset=utf-8');
  };
  const importVtt = async (file: File) => {
    setProblem(null);
    if (canvasIndex === null) return;
    const problem = importCaptions(canvasIndex, file.name, await file.text());
    if (problem) setProblem(problem);
  };

  const importFile = async (file: File) => {
    setProblem(null);
    let parsed: JsonValue;
    try {
      parsed = JSON.parse(await file.text()) as JsonValue;
    } catch {
      setProblem(`${file.name} is not JSON.`);
      return;
    }
    importParsed(parsed, file.name);
  };

  /** A page at an address the person typed (referenced-page-loader.ts fetches it). */
  const importUrl = async (address: string) => {
    setProblem(null);
    const location = address.trim();
    if (!/^https?:\/\/\S+$/i.test(location)) {
      setProblem(`“${location}” is not an http(s) address.`);
      return;
    }
    setFetching(true);
    const result = await fetchTypedPage(location);
    setFetching(false);
    if (!result.ok) {
      setProblem(result.message);
      return;
    }
    importParsed(result.page, location);
    setUrl('');
  };

  return (
    <div className="annotation-exchange">
      <button type="button" onClick={exportPage} disabled={canvasIndex === null}>
        Export page
      </button>
      <button
        type="button"
        onClick={() =>
          downloadText(transcriptionText(doc), `${baseName()}-transcription.txt`, 'text/plain;charset=utf-8')
        }
      >
        Export text
      </button>
      <button
        type="button"
        onClick={() => downloadText(annotationsCsv(doc), `${baseName()}-annotations.csv`)}
      >
        Export CSV
      </button>
      <label>
        Import…
        <input
          type="file"
          accept=".json,.jsonld,application/json,application/ld+json"
          aria-label="Import annotations"
          data-testid="annotation-import-input"
          disabled={canvasIndex === null}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </label>
      {timeBased ? (
        <>
          <button type="button" onClick={exportCaptions}>
            Export WebVTT
          </button>
          <label>
            Import WebVTT…
            <input
              type="file"
              accept=".vtt,text/vtt"
              aria-label="Import captions (WebVTT)"
              data-testid="caption-import-input"
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) void importVtt(file);
              }}
            />
          </label>
        </>
      ) : null}
      <form
        className="annotation-import-url"
        aria-label="Import annotations from a URL"
        onSubmit={(event) => {
          event.preventDefault();
          void importUrl(url);
        }}
      >
        <input
          type="url"
          aria-label="Annotation page URL"
          placeholder="https://…/annotations.json"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
        />
        <button type="submit" disabled={canvasIndex === null || fetching || url.trim() === ''}>
          {fetching ? 'Fetching…' : 'Import URL'}
        </button>
      </form>
      {problem ? (
        <span role="alert" className="error">
          {problem}
        </span>
      ) : null}
    </div>
  );
}
