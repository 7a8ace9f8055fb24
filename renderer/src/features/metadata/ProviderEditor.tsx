/**
 * `provider`: the institutions or people responsible for the resource, each an Agent with an id, a label
 * (required), and optionally its homepage, logo and seeAlso. Other keys of an Agent are kept as they are.
 */
import { useState } from 'react';
import type { JsonObject, JsonValue } from '../../../../shared/iiif/json';
import type { ChangeHandler, Gesture } from '../../components/language/editor-types';
import { LanguageMapEditor } from '../../components/language/LanguageMapEditor';
import { AddActions } from './AddActions';
import { uriProblem, withKey } from './linked-resources';
import { LinkedListEditor } from './LinkedListEditor';
import './metadata.css';
import { ObjectListEditor } from './ObjectListEditor';
import { UriField } from './UriField';

interface Props {
  value: JsonValue | undefined;
  onChange: ChangeHandler<JsonValue | undefined>;
  language: string;
}

export function ProviderEditor({ value, onChange, language }: Props) {
  return (
    <ObjectListEditor
      value={value}
      onChange={onChange}
      className="provider-editor"
      itemClassName="agent"
      itemName={(index) => `Provider ${index + 1}`}
      notAnObject="Not an Agent"
      renderItem={(agent, name, change) => (
        <AgentEditor agent={agent} name={name} language={language} onChange={change} />
      )}
      renderAdd={(add) => <AddAgent language={language} onAdd={add} />}
    />
  );
}

function AgentEditor(props: {
  agent: JsonObject;
  name: string;
  language: string;
  onChange: ChangeHandler<JsonObject>;
}) {
  const { agent, name, language, onChange } = props;
  const setKey = (key: string, next: JsonValue | undefined, gesture: Gesture) =>
    onChange(withKey(agent, key, next), gesture);
  return (
    <div className="linked-fields">
      <UriField
        name={name}
        value={typeof agent['id'] === 'string' ? agent['id'] : ''}
        onChange={(v, g) => setKey('id', v, g)}
      />
      {agent['type'] !== 'Agent' ? (
        <p className="field-warning">
          The type should be “Agent”.{' '}
          <button type="button" className="small" onClick={() => setKey('type', 'Agent', 'action')}>
            Set it
          </button>
        </p>
      ) : null}
      <div className="nested-field">
        <span className="muted">Name (required)</span>
        <LanguageMapEditor
          label={`${name} name`}
          value={agent['label']}
          onChange={(map, gesture) => setKey('label', map ?? {}, gesture)}
        />
      </div>
      {(['homepage', 'logo', 'seeAlso'] as const).map((property) => (
        <div className="nested-field" key={property}>
          <LinkedListEditor
            property={property}
            name={`${name} ${property === 'seeAlso' ? 'see also' : property}`}
            value={agent[property]}
            language={language}
            onChange={(next, gesture) => setKey(property, next, gesture)}
          />
        </div>
      ))}
    </div>
  );
}

function AddAgent({ language, onAdd }: { language: string; onAdd(agent: JsonObject): void }) {
  const [open, setOpen] = useState(false);
  const [id, setId] = useState('');
  const [label, setLabel] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  if (!open) {
    return (
      <button type="button" className="small" onClick={() => setOpen(true)}>
        + Provider
      </button>
    );
  }
  const add = () => {
    const bad = uriProblem(id);
    if (bad !== null) return setProblem(bad);
    if (label.trim() === '') return setProblem('A provider needs a name.');
    setProblem(null);
    onAdd({ id: id.trim(), type: 'Agent', label: { [language]: [label.trim()] } });
    setId('');
    setLabel('');
    setOpen(false);
  };
  return (
    <div className="add-form" role="group" aria-label="New provider">
      <input
        aria-label="New provider URI"
        placeholder="https://…"
        value={id}
        onChange={(e) => setId(e.target.value)}
      />
      <input
        aria-label={`New provider name (${language})`}
        placeholder="Name"
        value={label}
        onChange={(e) => setLabel(e.target.value)}
      />
      <AddActions onAdd={add} onCancel={() => setOpen(false)} problem={problem} />
    </div>
  );
}
