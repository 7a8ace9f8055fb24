/**
 * The in-app file picker used in the browser, where there are no native dialogs: it browses the web host's
 * workspace folder (the host refuses anything outside it) to open a file or choose where to save one.
 */
import { useEffect, useRef, useState } from 'react';
import type { ResponseOf } from '../../../../shared/ipc/contract';
import { Dialog } from '../../components/Dialog';
import { Icon } from '../../components/icons';
import { listFolder, recentFiles } from './files-service';
import './file-picker.css';

type Listing = ResponseOf<'listDirectory'>;

interface Props {
  mode: 'open' | 'save';
  /** What the picker is for, as its heading says it ("Add a member from a file"); Open and Save As by default. */
  title?: string;
  suggestedName?: string;
  onChoose(path: string): void;
  onCancel(): void;
}

export function FilePicker({ mode, title, suggestedName, onChoose, onCancel }: Props) {
  const [listing, setListing] = useState<Listing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState(suggestedName ?? 'manifest.json');
  // Open Recent for the browser, where there is no native menu: the host lists only files inside the workspace.
  const [recent, setRecent] = useState<string[]>([]);
  const body = useRef<HTMLDivElement>(null);
  /** Whether the first entry got the focus (once: later listings leave it where the user put it). */
  const focusedEntry = useRef(false);

  const show = (result: Awaited<ReturnType<typeof listFolder>>) => {
    if (result.ok) {
      setListing(result.value);
      setError(null);
    } else setError(result.error.message);
  };
  const load = async (path?: string) => show(await listFolder(path));
  useEffect(() => {
    void listFolder().then(show);
    if (mode === 'open') void recentFiles().then(setRecent);
  }, [mode]);

  // Focus moves into the picker at once (Ctrl+O left it on the toolbar; Dialog puts it on the file name when
  // saving, on the dialog itself when opening), then to the first file as soon as the folder is listed, unless
  // the user has moved it meanwhile.
  useEffect(() => {
    const box = body.current?.closest('dialog');
    if (!box || mode !== 'open' || focusedEntry.current || !listing) return;
    focusedEntry.current = true;
    if (document.activeElement === box) box.querySelector<HTMLButtonElement>('.file-entry')?.focus();
  }, [listing, mode]);

  const separator = listing?.path.includes('\\') ? '\\' : '/';
  const submitSave = () => {
    const trimmed = name.trim();
    if (!listing || trimmed === '' || /[\\/]/.test(trimmed)) {
      setError('Give a file name without folders.');
      return;
    }
    onChoose(`${listing.path}${separator}${trimmed.endsWith('.json') ? trimmed : `${trimmed}.json`}`);
  };

  return (
    <Dialog
      title={title ?? (mode === 'open' ? 'Open a manifest' : 'Save manifest as')}
      onCancel={onCancel}
      className="file-picker"
      initialFocus={mode === 'save' ? 'input' : '.file-entry'}
      {...(mode === 'save' ? { primary: { label: 'Save', onClick: submitSave } } : {})}
    >
      <div ref={body}>
        {recent.length > 0 ? (
          <>
            <h3 className="picker-heading">Recent</h3>
            <ul className="file-list recent" aria-label="Recent files">
              {recent.map((file) => (
                <li key={file}>
                  <button type="button" className="file-entry" title={file} onClick={() => onChoose(file)}>
                    <Icon name="recent" /> {file.split(/[\\/]/).pop()}
                  </button>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <div className="file-picker-path" aria-label="Current folder">
          {listing?.parent ? (
            <button type="button" onClick={() => void load(listing.parent ?? undefined)}>
              <Icon name="parent-folder" /> Up
            </button>
          ) : null}
          <code>{listing?.path ?? '…'}</code>
        </div>
        <ul className="file-list" aria-label="Files">
          {listing?.entries.map((entry) => (
            <li key={entry.path}>
              <button
                type="button"
                className={`file-entry ${entry.kind}`}
                onClick={() => {
                  if (entry.kind === 'directory') void load(entry.path);
                  else if (mode === 'open') onChoose(entry.path);
                  else setName(entry.name);
                }}
              >
                <Icon name={entry.kind === 'directory' ? 'folder' : 'file'} /> {entry.name}
              </button>
            </li>
          ))}
          {listing && listing.entries.length === 0 ? <li className="muted">This folder is empty.</li> : null}
        </ul>
        {mode === 'save' ? (
          <label className="field">
            File name
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              onKeyDown={(e) => e.key === 'Enter' && submitSave()}
              aria-label="File name"
            />
          </label>
        ) : null}
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : null}
      </div>
    </Dialog>
  );
}
