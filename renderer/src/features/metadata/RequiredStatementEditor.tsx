/**
 * `requiredStatement`: a label/value pair that viewers must show (attribution, a credit line). Both sides are
 * language maps; the value may carry the allowed HTML. A new statement is made whole before it is stored.
 */
import { useState } from 'react';
import type { JsonValue } from '../../../../shared/iiif/json';
import { isJsonObject } from '../../../../shared/iiif/json';
import type { ChangeHandler } from '../../components/language/editor-types';
import { LanguageMapEditor } from '../../components/language/LanguageMapEditor';
import { languageTagProblem, tidyLanguageTag } from '../../components/language/language-rows';
import { LanguageTagInput } from '../../components/language/LanguageTagInput';
import './metadata.css';
import { AddActions } from './AddActions';

interface Props {
  value: JsonValue | undefined;
  onChange: ChangeHandler<JsonValue | undefined>;
  language: string;
}

export function RequiredStatementEditor({ value, onChange, language }: Props) {
  if (!isJsonObject(value)) {
    return (
      <>
        {value !== undefined ? (
          <p className="field-warning">
            The stored value is not a label/value pair: {JSON.stringify(value)}. Adding a statement replaces
            it.
          </p>
        ) : null}
        <NewStatement language={language} onAdd={(statement) => onChange(statement, 'action')} />
      </>
    );
  }
  return (
    <div className="required-statement">
      <LanguageMapEditor
        label="Required statement label"
        value={value['label']}
        onChange={(map, gesture) => onChange({ ...value, label: map ?? {} }, gesture)}
      />
      <LanguageMapEditor
        label="Required statement value"
        value={value['value']}
        multiline
        htmlAllowed
        onChange={(map, gesture) => onChange({ ...value, value: map ?? {} }, gesture)}
      />
      <button type="button" className="small" onClick={() => onChange(undefined, 'action')}>
        Remove the required statement
      </button>
    </div>
  );
}

/** The fields of a new statement; also used by the batch editor. */
export function NewStatement({
  language,
  onAdd,
  addText = 'Add',
}: {
  language: string;
  onAdd(statement: { label: Record<string, string[]>; value: Record<string, string[]> }): void;
  addText?: string;
}) {
  const [label, setLabel] = useState('Attribution');
  const [text, setText] = useState('');
  const [tag, setTag] = useState(language);
  const [problem, setProblem] = useState<string | null>(null);
  const add = () => {
    const tagProblem = languageTagProblem(tag, []);
    if (label.trim() === '' || text.trim() === '') return setProblem('Give both a label and a value.');
    if (tagProblem !== null) return setProblem(tagProblem);
    const key = tidyLanguageTag(tag);
    setProblem(null);
    onAdd({ label: { [key]: [label.trim()] }, value: { [key]: [text.trim()] } });
  };
  return (
    <div className="add-form" role="group" aria-label="New required statement">
      <input
        aria-label="Statement label"
        value={label}
        onChange={(e) => setLabel(e.target.value)}
        placeholder="Attribution"
      />
      <input
        aria-label="Statement value"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="Provided by …"
      />
      <LanguageTagInput value={tag} onChange={setTag} label="Statement language" error={null} />
      <AddActions onAdd={add} problem={problem} addText={addText} />
    </div>
  );
}
