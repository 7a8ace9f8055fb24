/**
 * A list of linked resources (homepage, seeAlso, rendering, thumbnail, partOf, an Agent's logo): each item's
 * URI, type, label and format, in order. Edits touch only the keys shown, so an item's other properties (an
 * image service on a thumbnail, a `language`) survive.
 */
import { useState } from 'react';
import type { JsonObject, JsonValue } from '../../../../shared/iiif/json';
import type { ChangeHandler, Gesture } from '../../components/language/editor-types';
import { LanguageMapEditor } from '../../components/language/LanguageMapEditor';
import { CheckedInput } from './CheckedInput';
import { ExternalLink } from './ExternalLink';
import type { LinkedProperty } from './linked-resources';
import { AddActions, addOnEnter } from './AddActions';
import { LINKED_SPECS, newLinkedItem, uriProblem, withKey } from './linked-resources';
import { ObjectListEditor } from './ObjectListEditor';
import { Icon } from '../../components/icons';
import './metadata.css';
import { UriField } from './UriField';

const MEDIA_TYPE = /^[a-z]+\/[a-z0-9.+-]+(\s*;.*)?$/i;
const formatProblem = (text: string) =>
  text.trim() === '' || MEDIA_TYPE.test(text.trim())
    ? null
    : 'A media type looks like text/html or image/jpeg.';

interface Props {
  property: LinkedProperty;
  value: JsonValue | undefined;
  onChange: ChangeHandler<JsonValue | undefined>;
  language: string;
  /** Prefix for accessible names when nested (e.g. "Provider 1 logo"). */
  name?: string;
}

export function LinkedListEditor({ property, value, onChange, language, name }: Props) {
  const title = name ?? LINKED_SPECS[property].title;
  return (
    <ObjectListEditor
      value={value}
      onChange={onChange}
      className="linked-list"
      itemClassName="linked-item"
      itemName={(index) => `${title} ${index + 1}`}
      notAnObject="Not a linked resource (needs an id and a type)"
      renderItem={(item, itemName, change) => (
        <ItemEditor property={property} item={item} name={itemName} onChange={change} />
      )}
      renderAdd={(add) => <AddLinked property={property} title={title} language={language} onAdd={add} />}
    />
  );
}

function ItemEditor(props: {
  property: LinkedProperty;
  item: JsonObject;
  name: string;
  onChange: ChangeHandler<JsonObject>;
}) {
  const { property, item, name, onChange } = props;
  const spec = LINKED_SPECS[property];
  const id = typeof item['id'] === 'string' ? item['id'] : '';
  const type = typeof item['type'] === 'string' ? item['type'] : '';
  const types = spec.types.includes(type) || type === '' ? spec.types : [...spec.types, type];
  const setKey = (key: string, next: JsonValue | undefined, gesture: Gesture) =>
    onChange(withKey(item, key, next), gesture);
  return (
    <div className="linked-fields">
      <UriField name={name} value={id} onChange={(v, g) => setKey('id', v, g)}>
        <ExternalLink href={id}>
          open <Icon name="external-link" />
        </ExternalLink>
      </UriField>
      <div className="inline-field">
        <span>Type</span>
        <select
          aria-label={`${name} type`}
          value={type}
          onChange={(event) => setKey('type', event.target.value, 'action')}
        >
          {type === '' ? <option value="">(none)</option> : null}
          {types.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      </div>
      {spec.label !== 'optional' || item['label'] !== undefined ? (
        <div className="nested-field">
          <span className="muted">
            Label
            {spec.label === 'required' ? ' (required)' : spec.label === 'recommended' ? ' (recommended)' : ''}
          </span>
          <LanguageMapEditor
            label={`${name} label`}
            value={item['label']}
            onChange={(map, gesture) => setKey('label', map, gesture)}
          />
        </div>
      ) : null}
      {spec.format ? (
        <div className="inline-field">
          <span>Format</span>
          <CheckedInput
            label={`${name} format`}
            value={typeof item['format'] === 'string' ? item['format'] : ''}
            check={formatProblem}
            placeholder={type === 'Image' ? 'image/jpeg' : 'text/html'}
            onChange={(v, g) => setKey('format', v === '' ? undefined : v, g)}
          />
        </div>
      ) : null}
      {spec.profile ? (
        <div className="inline-field">
          <span>Profile</span>
          <input
            aria-label={`${name} profile`}
            value={typeof item['profile'] === 'string' ? item['profile'] : ''}
            placeholder="e.g. http://www.loc.gov/mods/v3"
            onChange={(event) =>
              setKey('profile', event.target.value === '' ? undefined : event.target.value, 'typing')
            }
          />
        </div>
      ) : null}
    </div>
  );
}

function AddLinked(props: {
  property: LinkedProperty;
  title: string;
  language: string;
  onAdd(item: JsonObject): void;
}) {
  const spec = LINKED_SPECS[props.property];
  const [open, setOpen] = useState(false);
  const [id, setId] = useState('');
  const [type, setType] = useState(spec.defaultType);
  const [label, setLabel] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  if (!open) {
    return (
      <button type="button" className="small" onClick={() => setOpen(true)} aria-label={`Add ${props.title}`}>
        + {spec.title}
      </button>
    );
  }
  const add = () => {
    const bad = uriProblem(id);
    if (bad !== null) return setProblem(bad);
    if (spec.label === 'required' && label.trim() === '')
      return setProblem(`A ${spec.title.toLowerCase()} needs a label.`);
    setProblem(null);
    props.onAdd(newLinkedItem({ id, type, label, language: props.language }));
    setId('');
    setLabel('');
    setOpen(false);
  };
  return (
    <div className="add-form" role="group" aria-label={`New ${props.title}`} onKeyDown={addOnEnter(add)}>
      <input
        aria-label={`New ${props.title} URI`}
        placeholder="https://…"
        value={id}
        onChange={(e) => setId(e.target.value)}
      />
      <select aria-label={`New ${props.title} type`} value={type} onChange={(e) => setType(e.target.value)}>
        {spec.types.map((option) => (
          <option key={option}>{option}</option>
        ))}
      </select>
      {spec.label !== 'optional' ? (
        <input
          aria-label={`New ${props.title} label (${props.language})`}
          placeholder="Label"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
        />
      ) : null}
      <AddActions onAdd={add} onCancel={() => setOpen(false)} problem={problem} />
    </div>
  );
}
