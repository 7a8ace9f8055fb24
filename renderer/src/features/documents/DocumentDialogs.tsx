/** The dialogs of the document flows: open/save pickers (browser), discard and overwrite prompts, recovery. */
import { useState } from 'react';
import { newCollection } from '../../../../shared/iiif/collection/new-collection';
import { newManifest } from '../../../../shared/iiif/document/new-manifest';
import { DEFAULT_TEXT_FORMAT } from '../../../../shared/iiif/document/text-format';
import { Dialog } from '../../components/Dialog';
import { useAppStore } from '../../store/store';
import { FilePicker } from '../files/FilePicker';
import { PublishDialog } from '../publish/PublishDialog';
import { OpenUrlDialog } from './OpenUrlDialog';
import { prepareNewTab } from './document-tabs';
import { RecoverDialog } from './RecoverDialog';
import {
  chooseAndOpen,
  closeDocument,
  openPath,
  openSample,
  saveAs,
  saveTo,
  upgradedFileName,
} from './document-service';

export function DocumentDialogs() {
  const dialog = useAppStore((s) => s.dialog);
  const file = useAppStore((s) => s.file);
  const isCollection = useAppStore((s) => s.doc?.['type'] === 'Collection');
  const close = () => useAppStore.getState().showDialog({ kind: 'none' });
  switch (dialog.kind) {
    case 'none':
      return null;
    case 'open-file':
      return (
        <FilePicker
          mode="open"
          onCancel={close}
          onChoose={(path) => {
            close();
            void openPath(path);
          }}
        />
      );
    case 'save-file':
      return (
        <FilePicker
          mode="save"
          title={isCollection ? 'Save collection as' : 'Save manifest as'}
          {...(dialog.suggestedName
            ? { suggestedName: dialog.suggestedName }
            : file
              ? { suggestedName: file.name }
              : {})}
          onCancel={close}
          onChoose={(path) => {
            close();
            void saveTo(path, { isNewPath: true });
          }}
        />
      );
    case 'save-upgraded':
      return (
        <Dialog
          title="Save the upgraded document"
          onCancel={close}
          footer={
            <button
              type="button"
              onClick={() => {
                close();
                void saveTo(dialog.path, { overwrite: true, isNewPath: true });
              }}
            >
              Replace {dialog.name}
            </button>
          }
          primary={{
            label: `Save as ${upgradedFileName(dialog.name)}…`,
            onClick: () => {
              close();
              void saveAs();
            },
          }}
        >
          <p>
            {dialog.name} is Presentation 2; Tessera upgraded it to Presentation 3. Save the upgrade as a new
            file, or replace the original (its Presentation 2 version is then gone).
          </p>
        </Dialog>
      );
    case 'confirm-overwrite':
      return (
        <Dialog
          title="Replace the file?"
          onCancel={close}
          primary={{
            label: 'Overwrite',
            onClick: () => {
              close();
              void saveTo(dialog.path, { overwrite: true });
            },
          }}
        >
          <p>{dialog.message}</p>
        </Dialog>
      );
    case 'confirm-discard':
      return (
        <Dialog
          title="Discard unsaved changes?"
          onCancel={close}
          cancel="Keep editing"
          primary={{
            label: 'Discard changes',
            onClick: () => {
              close();
              // Only Close empties the window; the other actions replace the document once they succeed,
              // so cancelling the next step (a file picker, a URL) still leaves the current work open.
              if (dialog.action === 'close') closeDocument();
              else if (dialog.action === 'new') useAppStore.getState().showDialog({ kind: 'new-manifest' });
              else if (dialog.action === 'open') void (dialog.path ? openPath(dialog.path) : chooseAndOpen());
              else if (dialog.action === 'open-url') useAppStore.getState().showDialog({ kind: 'open-url' });
              else if (dialog.action === 'sample') void openSample();
            },
          }}
        >
          <p>The document has changes that are not saved. They will be lost.</p>
        </Dialog>
      );
    case 'new-manifest':
      return <NewManifestDialog onCancel={close} documentType={dialog.documentType ?? 'Manifest'} />;
    case 'publish':
      return <PublishDialog onClose={close} />;
    case 'open-url':
      return <OpenUrlDialog onClose={close} />;
    case 'recover':
      return <RecoverDialog items={dialog.items} onClose={close} />;
  }
}

/** New manifest or new collection: the same two questions (label, base URI), and which kind to make. */
function NewManifestDialog(props: { onCancel(): void; documentType: 'Manifest' | 'Collection' }) {
  const { onCancel } = props;
  const [documentType, setDocumentType] = useState(props.documentType);
  const noun = documentType === 'Collection' ? 'collection' : 'manifest';
  const [label, setLabel] = useState(`Untitled ${noun}`);
  const [baseUri, setBaseUri] = useState('https://example.org/iiif/my-project');
  const [error, setError] = useState<string | null>(null);
  const choose = (next: 'Manifest' | 'Collection') => {
    // The suggested label follows the kind until the user types their own.
    if (label === `Untitled ${noun}`)
      setLabel(`Untitled ${next === 'Collection' ? 'collection' : 'manifest'}`);
    setDocumentType(next);
  };
  const create = () => {
    if (!/^https?:\/\/[^\s/]+/.test(baseUri.trim())) {
      setError('The base URI must start with http:// or https:// and name a host.');
      return;
    }
    const make = documentType === 'Collection' ? newCollection : newManifest;
    const doc = make({
      label: label.trim() || `Untitled ${noun}`,
      baseUri: baseUri.trim(),
      language: 'en',
    });
    prepareNewTab();
    useAppStore.getState().loadDocument({
      doc,
      format: DEFAULT_TEXT_FORMAT,
      file: null,
      name: label.trim() || `Untitled ${noun}`,
      dirty: true,
    });
    useAppStore.getState().showDialog({ kind: 'none' });
  };
  return (
    <Dialog
      title={documentType === 'Collection' ? 'New collection' : 'New manifest'}
      onCancel={onCancel}
      primary={{ label: 'Create', onClick: create }}
    >
      <fieldset className="field">
        <legend>Kind</legend>
        {(['Manifest', 'Collection'] as const).map((kind) => (
          <label key={kind}>
            <input
              type="radio"
              name="new-document-kind"
              checked={documentType === kind}
              onChange={() => choose(kind)}
            />{' '}
            {kind === 'Manifest' ? 'Manifest (canvases)' : 'Collection (manifests and collections)'}
          </label>
        ))}
      </fieldset>
      <label className="field">
        Label
        <input
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          aria-label={documentType === 'Collection' ? 'Collection label' : 'Manifest label'}
        />
      </label>
      <label className="field">
        Project base URI (ids are minted under it; publishing can rewrite it)
        <input value={baseUri} onChange={(e) => setBaseUri(e.target.value)} aria-label="Project base URI" />
      </label>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </Dialog>
  );
}
