/**
 * Adds a linked resource (id, type, format, label) as a body of one annotation: what a `linking` annotation
 * points at, or the authority record a tag identifies. One submit is one undo step; what cannot be a link is
 * refused with the reason the shared check gives.
 */
import { useState } from 'react';
import {
  LINKED_BODY_TYPES,
  linkedBodyProblem,
  type AnnotationAddress,
} from '../../../../shared/iiif/annotations';
import { addAnnotationLink } from './annotation-actions';

const EMPTY = { id: '', type: 'Text', format: 'text/html', label: '' };

export function LinkBodyForm({
  address,
  label,
  onDone,
}: {
  address: AnnotationAddress;
  label: string;
  onDone: () => void;
}) {
  const [fields, setFields] = useState(EMPTY);
  const [problem, setProblem] = useState<string | null>(null);
  const set = (key: keyof typeof EMPTY) => (event: { target: { value: string } }) =>
    setFields({ ...fields, [key]: event.target.value });

  return (
    <form
      className="annotation-link-form"
      aria-label={`Link from ${label}`}
      onSubmit={(event) => {
        event.preventDefault();
        const why = linkedBodyProblem(fields);
        setProblem(why);
        if (why !== null) return;
        addAnnotationLink(address, fields);
        setFields(EMPTY);
        onDone();
      }}
    >
      <input aria-label="Link address" placeholder="https://…" value={fields.id} onChange={set('id')} />
      <select aria-label="Link type" value={fields.type} onChange={set('type')}>
        {LINKED_BODY_TYPES.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
      <input
        aria-label="Link format"
        placeholder="text/html"
        value={fields.format}
        onChange={set('format')}
      />
      <input aria-label="Link label" placeholder="label" value={fields.label} onChange={set('label')} />
      <button type="submit">Add link</button>
      <button type="button" onClick={onDone}>
        Cancel
      </button>
      {problem !== null ? (
        <span className="annotation-finding" role="alert">
          {problem}
        </span>
      ) : null}
    </form>
  );
}
