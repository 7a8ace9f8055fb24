/**
 * `metadata`: label/value pairs shown to people as they are (no semantics). Pairs can be added, removed and put
 * in order; both sides are language maps, and values may carry the allowed HTML. An entry that is not an
 * object is shown as such (it can only be removed), so nothing is dropped without the person's say.
 */
import { useState } from 'react';
import type { JsonObject, JsonValue } from '../../../../shared/iiif/json';
import { isJsonArray, isJsonObject } from '../../../../shared/iiif/json';
import type { ChangeHandler } from '../../components/language/editor-types';
import { LanguageMapEditor } from '../../components/language/LanguageMapEditor';
import { languageTagProblem, tidyLanguageTag } from '../../components/language/language-rows';
import { LanguageTagInput } from '../../components/language/LanguageTagInput';
import { listValue, replaceItem } from './linked-resources';
import { ListItemTools } from './ListItemTools';
import './metadata.css';
import { AddActions, addOnEnter } from './AddActions';

interface Props {
  value: JsonValue | undefined;
  onChange: ChangeHandler<JsonValue | undefined>;
  /** Language offered for a new entry. */
  language: string;
}

export function MetadataEditor({ value, onChange, language }: Props) {
  const entries = isJsonArray(value) ? value : [];
  const set = (next: readonly JsonValue[], gesture: 'typing' | 'action') =>
    onChange(listValue(next), gesture);
  return (
    <div className="metadata-editor">
      {value !== undefined && !isJsonArray(value) ? (
        <p className="field-warning">metadata should be a list of label/value pairs; it is not shown here.</p>
      ) : null}
      <ol className="pair-list">
        {entries.map((entry, index) => (
          <li key={index} className="pair">
            <ListItemTools
              label={`Entry ${index + 1}`}
              name={`metadata entry ${index + 1}`}
              items={entries}
              index={index}
              onChange={(next) => set(next, 'action')}
            />
            {isJsonObject(entry) ? (
              <PairEditor
                entry={entry}
                number={index + 1}
                onChange={(next, gesture) => set(replaceItem(entries, index, next), gesture)}
              />
            ) : (
              <p className="field-warning">Not a label/value pair: {JSON.stringify(entry)}</p>
            )}
          </li>
        ))}
      </ol>
      <AddPair language={language} onAdd={(pair) => set([...entries, pair], 'action')} />
    </div>
  );
}

function PairEditor(props: { entry: JsonObject; number: number; onChange: ChangeHandler<JsonObject> }) {
  const { entry, number, onChange } = props;
  return (
    <>
      <LanguageMapEditor
        label={`Metadata label ${number}`}
        value={entry['label']}
        onChange={(map, gesture) => onChange({ ...entry, label: map ?? {} }, gesture)}
      />
      <LanguageMapEditor
        label={`Metadata value ${number}`}
        value={entry['value']}
        multiline
        htmlAllowed
        onChange={(map, gesture) => onChange({ ...entry, value: map ?? {} }, gesture)}
      />
    </>
  );
}

/** A new pair is made whole (label and value) before it enters the document. */
function AddPair({ language, onAdd }: { language: string; onAdd(pair: JsonObject): void }) {
  const [open, setOpen] = useState(false);
  const [label, setLabel] = useState('');
  const [text, setText] = useState('');
  const [tag, setTag] = useState(language);
  const [problem, setProblem] = useState<string | null>(null);
  if (!open) {
    return (
      <button type="button" className="small" onClick={() => setOpen(true)}>
        + Metadata entry
      </button>
    );
  }
  const add = () => {
    const tagProblem = languageTagProblem(tag, []);
    if (label.trim() === '' || text.trim() === '') setProblem('Give both a label and a value.');
    else if (tagProblem !== null) setProblem(tagProblem);
    else {
      const key = tidyLanguageTag(tag);
      onAdd({ label: { [key]: [label.trim()] }, value: { [key]: [text.trim()] } });
      setLabel('');
      setText('');
      setProblem(null);
      setOpen(false);
    }
  };
  return (
    <div className="add-form" role="group" aria-label="New metadata entry" onKeyDown={addOnEnter(add)}>
      <input
        aria-label="New entry label"
        placeholder="Label"
        value={label}
        onChange={(e) => setLabel(e.target.value)}
      />
      <input
        aria-label="New entry value"
        placeholder="Value"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <LanguageTagInput value={tag} onChange={setTag} label="New entry language" error={null} />
      <AddActions onAdd={add} onCancel={() => setOpen(false)} problem={problem} />
    </div>
  );
}
