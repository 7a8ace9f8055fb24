/**
 * The Publish dialog's "publish with other manifests as a collection" section: the other Manifest files in
 * collection order (the open document always comes first), and the collection's label. Choosing files is the
 * dialog's job, since the browser's file picker must sit outside the dialog.
 */
import { useId } from 'react';
import { Icon } from '../../components/icons';
import './publish.css';
import './collection-members.css';

interface Props {
  documentName: string;
  files: readonly string[];
  label: string;
  /** What the label is when left empty (the output folder's name). */
  defaultLabel: string;
  onAdd(): void;
  onFilesChange(files: string[]): void;
  onLabelChange(label: string): void;
}

export function fileNameOf(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** `files` with the entry at `from` moved to `to` (both in range). */
function moved(files: readonly string[], from: number, to: number): string[] {
  const next = [...files];
  const [entry] = next.splice(from, 1);
  if (entry !== undefined) next.splice(to, 0, entry);
  return next;
}

export function CollectionMembers(props: Props) {
  const { files, onFilesChange } = props;
  const headingId = useId();
  return (
    <section className="publish-collection" aria-labelledby={headingId}>
      <h3 id={headingId}>Publish with other manifests as a collection</h3>
      {files.length > 0 ? (
        <ol className="collection-members" aria-label="Collection order">
          <li>
            <span className="member-name">{props.documentName}</span> (this document)
          </li>
          {files.map((file, index) => {
            const name = fileNameOf(file);
            return (
              <li key={file}>
                <span className="member-name" title={file}>
                  {name}
                </span>
                <span className="member-actions">
                  <button
                    type="button"
                    aria-label={`Move ${name} up`}
                    disabled={index === 0}
                    onClick={() => onFilesChange(moved(files, index, index - 1))}
                  >
                    <Icon name="move-up" />
                  </button>
                  <button
                    type="button"
                    aria-label={`Move ${name} down`}
                    disabled={index === files.length - 1}
                    onClick={() => onFilesChange(moved(files, index, index + 1))}
                  >
                    <Icon name="move-down" />
                  </button>
                  <button
                    type="button"
                    aria-label={`Remove ${name}`}
                    onClick={() => onFilesChange(files.filter((_, i) => i !== index))}
                  >
                    <Icon name="remove" />
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="muted">
          Add other manifest files to publish them beside this one, with a collection.json that lists them
          all.
        </p>
      )}
      <button type="button" onClick={props.onAdd}>
        Add manifest…
      </button>
      {files.length > 0 ? (
        <label className="field">
          Collection label
          <input
            value={props.label}
            placeholder={props.defaultLabel}
            onChange={(e) => props.onLabelChange(e.target.value)}
            aria-label="Collection label"
          />
        </label>
      ) : null}
    </section>
  );
}
