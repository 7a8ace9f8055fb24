/**
 * A text body's language, format and purpose, edited in place: each change is one undo step (the language on
 * blur or Enter, once it is a well-formed BCP 47 tag; the two choices at once).
 */
import { useState } from 'react';
import {
  ANNOTATION_MOTIVATIONS,
  type AnnotationAddress,
  type BodyView,
} from '../../../../shared/iiif/annotations';
import { formatLanguageTag, isWellFormedLanguageTag } from '../../../../shared/iiif/language';
import { editAnnotationBody } from './annotation-actions';

type TextBody = Extract<BodyView, { kind: 'text' }>;

export function TextBodyFields({
  address,
  bodyIndex,
  body,
  label,
}: {
  address: AnnotationAddress;
  bodyIndex: number;
  body: TextBody;
  /** The row's name, so every field's name says which annotation it edits. */
  label: string;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const purpose = body.purpose[0] ?? '';
  const purposes = ANNOTATION_MOTIVATIONS.includes(purpose as never)
    ? ANNOTATION_MOTIVATIONS
    : [purpose, ...ANNOTATION_MOTIVATIONS];
  const format = body.format ?? '';

  const commitLanguage = (raw: string) => {
    const tag = raw.trim();
    if (tag === (body.language ?? '')) return setProblem(null);
    // "none" is Presentation 3's key for language maps, not a language a body can be written in.
    if (tag !== '' && (tag === 'none' || !isWellFormedLanguageTag(tag))) {
      setProblem(`“${tag}” is not a language tag such as en, la or de-CH.`);
      return;
    }
    setProblem(null);
    editAnnotationBody(address, bodyIndex, { language: tag === '' ? '' : formatLanguageTag(tag) });
  };

  return (
    <div className="annotation-body-fields" role="group" aria-label={`${label} body fields`}>
      <input
        // Keyed by the stored value, so undo and redo show the document's language.
        key={body.language ?? ''}
        className="annotation-language"
        aria-label={`${label} language`}
        aria-invalid={problem !== null}
        placeholder="language"
        defaultValue={body.language ?? ''}
        onBlur={(event) => commitLanguage(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commitLanguage(event.currentTarget.value);
          }
        }}
      />
      <select
        aria-label={`${label} format`}
        value={format}
        onChange={(event) =>
          editAnnotationBody(address, bodyIndex, {
            format: event.target.value as 'text/plain' | 'text/html',
          })
        }
      >
        {format === '' ? <option value="">(no format)</option> : null}
        <option value="text/plain">text/plain</option>
        <option value="text/html">text/html</option>
        {format !== '' && format !== 'text/plain' && format !== 'text/html' ? (
          <option value={format}>{format}</option>
        ) : null}
      </select>
      <select
        aria-label={`${label} purpose`}
        value={purpose}
        onChange={(event) => editAnnotationBody(address, bodyIndex, { purpose: event.target.value })}
      >
        <option value="">(no purpose)</option>
        {purposes
          .filter((p) => p !== '')
          .map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
      </select>
      {problem !== null ? (
        <span className="annotation-finding" role="alert">
          {problem}
        </span>
      ) : null}
    </div>
  );
}
