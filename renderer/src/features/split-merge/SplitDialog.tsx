/**
 * Split: cut the open manifest into parts at chosen canvases (the selection's, or typed numbers), see what each
 * part will be (canvases, Ranges kept, id, file) before anything is written, then write the parts, and a
 * collection of them if asked, into a folder. The open document is not changed.
 */
import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DEFAULT_TEXT_FORMAT, writeDocument } from '../../../../shared/iiif/document';
import { displayStringOf } from '../../../../shared/iiif/language';
import { canvasSlots } from '../../../../shared/iiif/canvases';
import {
  DEFAULT_PART_SUFFIX,
  fileStem,
  parseSplitPoints,
  partsCollection,
  splitFileNames,
  splitManifest,
} from '../../../../shared/iiif/split-merge';
import { Dialog } from '../../components/Dialog';
import { documentName } from '../../store/document-slice';
import { useAppStore } from '../../store/store';
import { FolderField } from './FolderField';
import { splitPointsFromSelection, splitPointsText } from './split-points';
import { WriteActions } from './WriteActions';
import { defaultFolder } from './write-results';
import './split-merge.css';

export function SplitDialog({ onClose }: { onClose(): void }) {
  const { doc, format, name, openPath, selected } = useAppStore(
    useShallow((s) => ({
      doc: s.doc,
      format: s.format,
      name: documentName(s),
      openPath: s.file?.path ?? null,
      selected: s.selected,
    })),
  );
  const stem = fileStem(name);
  const fromSelection = splitPointsText(splitPointsFromSelection(selected));
  const [pointsText, setPointsText] = useState(fromSelection);
  const [suffix, setSuffix] = useState(DEFAULT_PART_SUFFIX);
  const [withCollection, setWithCollection] = useState(true);
  const [folder, setFolder] = useState(() => defaultFolder(openPath, `${stem}-parts`));

  const preview = useMemo(() => {
    if (!doc) return { kind: 'error', error: 'There is no document to split.' } as const;
    const at = parseSplitPoints(pointsText, canvasSlots(doc));
    if (typeof at === 'string') return { kind: 'error', error: at } as const;
    const outcome = splitManifest(doc, { at, labelSuffix: suffix });
    if (!outcome.ok) return { kind: 'error', error: outcome.message } as const;
    const names = splitFileNames(stem, outcome.value.parts.length);
    const parts = outcome.value.parts.map((p) => p.doc);
    const collection = withCollection ? partsCollection(doc, parts) : undefined;
    const text = (d: typeof doc) => writeDocument(d, format ?? DEFAULT_TEXT_FORMAT);
    const makeFiles = () => [
      ...parts.map((part, i) => ({ name: names.parts[i] as string, text: text(part) })),
      ...(collection ? [{ name: names.collection, text: text(collection) }] : []),
    ];
    return { kind: 'split', split: outcome.value, names, collection, makeFiles } as const;
  }, [doc, format, pointsText, suffix, withCollection, stem]);

  return (
    <Dialog title="Split into parts" onCancel={onClose} cancel={false} className="split-merge-dialog">
      <label className="field">
        New parts begin at canvases (numbers as in the grid, e.g. 12, 40)
        <span className="row">
          <input
            value={pointsText}
            onChange={(e) => setPointsText(e.target.value)}
            aria-label="Split at canvases"
          />
          <button
            type="button"
            disabled={fromSelection === '' || fromSelection === pointsText}
            onClick={() => setPointsText(fromSelection)}
          >
            Use selection
          </button>
        </span>
      </label>
      <label className="field">
        Label suffix ({'{n}'} is the part, {'{total}'} the number of parts)
        <input value={suffix} onChange={(e) => setSuffix(e.target.value)} aria-label="Label suffix" />
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={withCollection}
          onChange={(e) => setWithCollection(e.target.checked)}
        />{' '}
        Also write a collection of the parts
      </label>
      <FolderField value={folder} onChange={setFolder} />
      <section aria-label="Preview" className="preview-table split-merge-preview">
        <h3>Preview</h3>
        {preview.kind === 'error' ? (
          <p role="status" className="field-error">
            {preview.error}
          </p>
        ) : (
          <>
            <table>
              <thead>
                <tr>
                  <th scope="col">Part</th>
                  <th scope="col">Canvases</th>
                  <th scope="col">Ranges</th>
                  <th scope="col">File and id</th>
                </tr>
              </thead>
              <tbody>
                {preview.split.parts.map((part, i) => (
                  <tr key={part.id} data-testid="split-part">
                    <td dir="auto">{displayStringOf(part.doc['label'])}</td>
                    <td>
                      {part.start + 1}–{part.start + part.count} ({part.count})
                    </td>
                    <td>{part.ranges}</td>
                    <td>
                      {preview.names.parts[i]}
                      <br />
                      <code>{part.id}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p data-testid="split-ranges">
              Ranges: {preview.split.ranges} in the original, {preview.split.rangesShared} shared by several
              parts (new ids in the later ones), {preview.split.rangesDropped} dropped (left empty).
              {preview.split.annotationPagesDropped > 0
                ? ` ${preview.split.annotationPagesDropped} annotation page(s) target no canvas of any part and are dropped.`
                : ''}
            </p>
            {preview.collection ? (
              <p>
                {preview.names.collection}: a collection of the {preview.split.parts.length} parts,{' '}
                <code>{String(preview.collection['id'])}</code>
              </p>
            ) : null}
          </>
        )}
      </section>
      <WriteActions
        makeFiles={preview.kind === 'split' ? preview.makeFiles : null}
        count={preview.kind === 'split' ? preview.split.parts.length + (preview.collection ? 1 : 0) : 0}
        folder={folder}
        what={
          preview.kind === 'split'
            ? `${preview.split.parts.length} parts${preview.collection ? ' and their collection' : ''}`
            : ''
        }
        onCancel={onClose}
        onWritten={onClose}
      />
    </Dialog>
  );
}
