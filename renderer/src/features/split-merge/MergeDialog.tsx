/**
 * Merge: the open manifest and manifest files chosen here, in the order listed, become one manifest; the
 * preview says how many canvases come from each, which ids used twice get new ones, and which properties of the
 * later manifests are not kept, before the merged manifest is written to a folder. The open document is not
 * changed.
 */
import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DEFAULT_TEXT_FORMAT, writeDocument } from '../../../../shared/iiif/document';
import type { JsonObject } from '../../../../shared/iiif/json';
import { fileStem, mergeManifests } from '../../../../shared/iiif/split-merge';
import { Icon } from '../../components/icons';
import { Dialog } from '../../components/Dialog';
import { documentName } from '../../store/document-slice';
import { useAppStore } from '../../store/store';
import { useOpenFileChooser } from '../files/use-open-file-chooser';
import { FolderField } from './FolderField';
import { readMergeInput } from './merge-inputs';
import { WriteActions } from './WriteActions';
import { defaultFolder } from './write-results';
import '../publish/collection-members.css';
import './split-merge.css';

interface Input {
  /** The file's path, or "" for the open document. */
  readonly path: string;
  readonly name: string;
  readonly doc: JsonObject;
}

export function MergeDialog({ onClose }: { onClose(): void }) {
  const { doc, format, name, openPath } = useAppStore(
    useShallow((s) => ({
      doc: s.doc,
      format: s.format,
      name: documentName(s),
      openPath: s.file?.path ?? null,
    })),
  );
  const [inputs, setInputs] = useState<Input[]>(() =>
    doc && doc['type'] === 'Manifest' ? [{ path: '', name: `${name} (this document)`, doc }] : [],
  );
  const [error, setError] = useState<string | null>(null);
  const [folder, setFolder] = useState(() => defaultFolder(openPath, 'merged'));
  const [fileName, setFileName] = useState(`${fileStem(name)}-merged.json`);

  const add = async (path: string) => {
    if (path === openPath || inputs.some((i) => i.path === path))
      return setError(`${path.split(/[\\/]/).pop() ?? path} is already in the list.`);
    const read = await readMergeInput(path);
    if (!read.ok) return setError(read.message);
    setError(null);
    setInputs((list) => [...list, { path, name: read.name, doc: read.doc }]);
  };
  const { choose, picker } = useOpenFileChooser((path) => void add(path), setError);
  const move = (from: number, to: number) =>
    setInputs((list) => {
      const next = [...list];
      const [entry] = next.splice(from, 1);
      if (entry) next.splice(to, 0, entry);
      return next;
    });

  const preview = useMemo(() => {
    const outcome = mergeManifests(inputs.map((i) => i.doc));
    if (!outcome.ok) return { kind: 'error', error: outcome.message } as const;
    return { kind: 'merged', merged: outcome.value } as const;
  }, [inputs]);
  const cleanName = fileName.trim();
  const outName = cleanName.toLowerCase().endsWith('.json') ? cleanName : `${cleanName}.json`;
  const makeFiles =
    preview.kind === 'merged' && cleanName !== ''
      ? () => [{ name: outName, text: writeDocument(preview.merged.doc, format ?? DEFAULT_TEXT_FORMAT) }]
      : null;

  return (
    <Dialog
      title="Merge manifests"
      cancel={false}
      // While the in-app picker is open, Escape closes the picker only.
      onCancel={() => (picker ? undefined : onClose())}
      className="split-merge-dialog"
    >
      <ol className="collection-members" aria-label="Manifests to merge, in order">
        {inputs.map((input, index) => (
          <li key={input.path || 'open-document'}>
            <span className="member-name" title={input.path || undefined}>
              {input.name}
            </span>
            <span className="member-actions">
              <button
                type="button"
                aria-label={`Move ${input.name} up`}
                disabled={index === 0}
                onClick={() => move(index, index - 1)}
              >
                <Icon name="move-up" />
              </button>
              <button
                type="button"
                aria-label={`Move ${input.name} down`}
                disabled={index === inputs.length - 1}
                onClick={() => move(index, index + 1)}
              >
                <Icon name="move-down" />
              </button>
              <button
                type="button"
                aria-label={`Remove ${input.name}`}
                onClick={() => setInputs((list) => list.filter((_, i) => i !== index))}
              >
                <Icon name="remove" />
              </button>
            </span>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => void choose()}>
        Add a manifest file…
      </button>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <FolderField value={folder} onChange={setFolder} />
      <label className="field">
        File name
        <input value={fileName} onChange={(e) => setFileName(e.target.value)} aria-label="File name" />
      </label>
      <section aria-label="Preview" className="preview-table split-merge-preview">
        <h3>Preview</h3>
        {preview.kind === 'error' ? (
          <p role="status" className="field-error">
            {preview.error}
          </p>
        ) : (
          <>
            <p data-testid="merge-summary">
              {preview.merged.canvases.reduce((a, b) => a + b, 0)} canvases (
              {preview.merged.canvases.join(' + ')}), id <code>{preview.merged.id}</code>.
            </p>
            <p>
              {preview.merged.renamedCanvases} canvas id(s) and {preview.merged.renamedOthers} page,
              annotation or Range id(s) used by an earlier manifest get new ids.
            </p>
            {preview.merged.dropped.length > 0 ? (
              <ul aria-label="Properties not kept">
                {preview.merged.dropped.map((d) => (
                  <li key={d.index}>
                    Not kept from {inputs[d.index]?.name}: {d.keys.join(', ')} (the first manifest’s are kept)
                  </li>
                ))}
              </ul>
            ) : (
              <p>
                The first manifest’s label, rights and other properties are kept; the others say the same.
              </p>
            )}
          </>
        )}
      </section>
      <WriteActions
        makeFiles={makeFiles}
        count={1}
        folder={folder}
        what={`the merged manifest (${outName})`}
        onCancel={onClose}
        onWritten={onClose}
      />
      {picker}
    </Dialog>
  );
}
