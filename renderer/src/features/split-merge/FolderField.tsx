/** The folder results are written to: typed (inside the workspace, in the browser) or chosen natively. */
import { isElectron } from '../../api';
import { chooseFolder } from './write-results';

export function FolderField({ value, onChange }: { value: string; onChange(folder: string): void }) {
  return (
    <label className="field">
      Write to the folder {isElectron ? '' : '(inside the workspace)'}
      <span className="row">
        <input value={value} onChange={(e) => onChange(e.target.value)} aria-label="Folder" />
        {isElectron ? (
          <button
            type="button"
            onClick={() =>
              void chooseFolder().then((chosen) => {
                if (chosen) onChange(chosen);
              })
            }
          >
            Choose…
          </button>
        ) : null}
      </span>
    </label>
  );
}
