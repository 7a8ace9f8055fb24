/**
 * Edits one language of a label. Each keystroke updates the document at once (so the viewer, strip and save see
 * it), and all keystrokes of one focus session coalesce into a single undo step.
 */
import { useId, useRef } from 'react';
import { isJsonObject, setIn, type JsonObject, type JsonPath } from '../../../../shared/iiif/json';
import { useAppStore } from '../../store/store';
import { labelText } from '../canvases/canvas-view';

interface Props {
  /** Path of the resource whose label this edits ([] for the manifest, ['items', 3] for a canvas). */
  path: JsonPath;
  resource: JsonObject;
  title: string;
}

/** The language key to edit: the first present in the map, else 'none'. */
function editedLanguage(label: unknown): string {
  if (isJsonObject(label)) return Object.keys(label)[0] ?? 'none';
  return 'none';
}

export function LabelField({ path, resource, title }: Props) {
  const id = useId();
  const session = useRef(0);
  const label = resource['label'];
  const language = editedLanguage(label);
  const value = isJsonObject(label)
    ? labelText({ [language]: label[language] ?? [] }, [language])
    : labelText(label);
  return (
    <label className="field" htmlFor={id}>
      {title} <span aria-hidden="true">({language})</span>
      <input
        id={id}
        value={value}
        data-testid={`label-${path.join('-') || 'manifest'}`}
        onFocus={() => {
          session.current += 1;
        }}
        onChange={(e) => {
          const { doc, commit } = useAppStore.getState();
          if (!doc) return;
          const current = isJsonObject(label) ? label : {};
          const next = { ...current, [language]: [e.target.value] };
          const updated = setIn(doc, [...path, 'label'], next) as JsonObject;
          commit(`Edit ${title.toLowerCase()}`, updated, `label:${path.join('/')}:${session.current}`);
        }}
      />
    </label>
  );
}
