/**
 * The spreadsheet round trip: export the canvases' labels, summaries, metadata, rights and required statements
 * as CSV (download, or a copy in the workspace), edit it in any spreadsheet program, import it back. An import
 * is only a preview (every change, every problem) until confirmed, and then it is one undo step.
 */
import { useRef, useState } from 'react';
import { exportCanvasCsv, planCsvImport, type CsvImportPlan } from '../../../../shared/iiif/csv';
import { useDisplayLanguages } from '../../components/language/display-language';
import { documentName } from '../../store/document-slice';
import { useAppStore } from '../../store/store';
import { CsvImportDialog } from './CsvImportDialog';
import {
  chooseSavePath,
  csvFileName,
  csvNameProblem,
  downloadText,
  saveTextAt,
  workspacePath,
} from './csv-files';
import './spreadsheet.css';

export function SpreadsheetPanel() {
  const name = useAppStore(documentName);
  const workspace = useAppStore((s) => s.appInfo?.workspace ?? null);
  const languages = useDisplayLanguages();
  const [pending, setPending] = useState<{ plan: CsvImportPlan; fileName: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const csvText = () => {
    const doc = useAppStore.getState().doc;
    return doc ? exportCanvasCsv(doc) : null;
  };
  const download = () => {
    const text = csvText();
    if (text !== null) downloadText(text, csvFileName(name));
  };
  const saveNative = async () => {
    const text = csvText();
    if (text === null) return;
    const path = await chooseSavePath(csvFileName(name));
    if (path === 'unsupported') return setSaving(true);
    if (path === null) return;
    const outcome = await saveTextAt(path, text, true);
    useAppStore
      .getState()
      .showMessage(
        outcome.ok
          ? { kind: 'info', text: `Saved ${outcome.name}.` }
          : { kind: 'error', text: outcome.message },
      );
  };
  const importFile = async (file: File) => {
    const doc = useAppStore.getState().doc;
    if (!doc) return;
    const text = await file.text();
    setPending({ plan: planCsvImport(doc, text, languages), fileName: file.name });
  };

  return (
    <div className="spreadsheet-panel">
      <h3>Export</h3>
      <p className="muted">
        One row per canvas: id, position, labels and summaries per language, metadata, rights, required
        statement.
      </p>
      <div className="button-row">
        <button type="button" onClick={download}>
          Download CSV
        </button>
        <button type="button" onClick={() => void saveNative()}>
          Save CSV to {workspace ? 'workspace' : 'a file'}…
        </button>
      </div>
      {saving && workspace ? (
        <SaveToWorkspace
          workspace={workspace}
          suggested={csvFileName(name)}
          text={csvText}
          onDone={() => setSaving(false)}
        />
      ) : null}
      <h3>Import</h3>
      <p className="muted">Rows are matched by canvas id. You see every change before anything is applied.</p>
      <label className="file-button">
        <span>Choose a CSV file…</span>
        <input
          ref={fileInput}
          type="file"
          accept=".csv,text/csv,text/plain"
          aria-label="Import a CSV file"
          data-testid="csv-import-input"
          onChange={(event) => {
            const file = event.target.files?.[0];
            // Cleared so that choosing the same file again (after editing it) triggers a new import.
            event.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </label>
      {pending ? (
        <CsvImportDialog plan={pending.plan} fileName={pending.fileName} onClose={() => setPending(null)} />
      ) : null}
    </div>
  );
}

function SaveToWorkspace(props: {
  workspace: string;
  suggested: string;
  text(): string | null;
  onDone(): void;
}) {
  const [fileName, setFileName] = useState(props.suggested);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirmReplace, setConfirmReplace] = useState(false);
  const save = async (overwrite: boolean) => {
    const bad = csvNameProblem(fileName);
    if (bad !== null) return setProblem(bad);
    const text = props.text();
    if (text === null) return;
    const outcome = await saveTextAt(workspacePath(props.workspace, fileName.trim()), text, overwrite);
    if (outcome.ok) {
      useAppStore.getState().showMessage({ kind: 'info', text: `Saved ${outcome.name} in the workspace.` });
      props.onDone();
    } else if (outcome.conflict) {
      setProblem(`${fileName.trim()} already exists.`);
      setConfirmReplace(true);
    } else setProblem(outcome.message);
  };
  return (
    <form
      className="add-form"
      aria-label="Save CSV to the workspace"
      onSubmit={(event) => {
        event.preventDefault();
        void save(false);
      }}
    >
      <label className="inline-field">
        <span>File name</span>
        <input
          value={fileName}
          aria-label="CSV file name"
          onChange={(event) => {
            setFileName(event.target.value);
            setProblem(null);
            setConfirmReplace(false);
          }}
        />
      </label>
      <button type="submit" className="small">
        Save
      </button>
      {confirmReplace ? (
        <button type="button" className="small" onClick={() => void save(true)}>
          Replace it
        </button>
      ) : null}
      <button type="button" className="small" onClick={props.onDone}>
        Cancel
      </button>
      {problem !== null ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
