/**
 * Edits one language map (a label, a summary, a metadata label or value...): several languages, several values
 * per language, add / rename / remove a language, "none" for text in no language, every tag checked as BCP 47.
 *
 * Controlled: `value` is what the document holds now, `onChange` receives the map to store (undefined when
 * nothing is left). The rows on screen are a draft that may hold empty values while the person types; only the
 * tidy map reaches the document. When the document changes from elsewhere (undo, a batch edit) the draft is
 * rebuilt from it.
 *
 * HTML pasted into a value, or typed into it, is cleaned of what Presentation 3 does not allow when it is
 * pasted or when the field is left, and the field says what was removed. A value nobody edited stays exactly
 * as written (disallowed HTML in it is a finding with a "Clean now" the person chooses).
 */
import { useMemo, useRef, useState, type ClipboardEvent, type FocusEvent } from 'react';
import { sanitizeValue } from '../../../../shared/iiif/html';
import type { JsonValue } from '../../../../shared/iiif/json';
import type { LanguageMap } from '../../../../shared/iiif/language';
import {
  findLanguageOption,
  isEmptyLanguageMap,
  normaliseLanguageMap,
} from '../../../../shared/iiif/language';
import { sameJsonInOrder } from '../../../../shared/iiif/json';
import type { ChangeHandler, Gesture } from './editor-types';
import { HtmlNotice } from './HtmlNotice';
import type { LanguageRow } from './language-rows';
import {
  addRow,
  languageTagProblem,
  languageTagWarnings,
  mapOfRows,
  removeValueAt,
  rowsOfMap,
  setValueAt,
  tidyLanguageTag,
  updateRow,
} from './language-rows';
import { LanguageTagInput } from './LanguageTagInput';
import { Icon } from '../icons';
import './language.css';

interface Props {
  /** What the field is called, used in every accessible name: "Label", "Summary", "Metadata value 2". */
  label: string;
  value: JsonValue | undefined;
  onChange: ChangeHandler<LanguageMap | undefined>;
  /** Long text (summary, metadata values) gets a text area. */
  multiline?: boolean;
  /** Whether the spec allows HTML in this value (summary, metadata values, required statement value). */
  htmlAllowed?: boolean;
  /** data-testid of the first value's input, for tests that predate multilingual editing. */
  firstInputTestId?: string;
  /** Language offered first when adding one to an empty map. */
  defaultLanguage?: string;
}

export function LanguageMapEditor(props: Props) {
  const { label, value, onChange, multiline = false, htmlAllowed = false } = props;
  const normalised = useMemo(() => normaliseLanguageMap(value), [value]);
  // An empty map starts with one empty row in the default language, ready to type into.
  const startRows = (map: LanguageMap) => {
    const existing = rowsOfMap(map);
    return existing.length === 0 && props.defaultLanguage
      ? addRow(existing, props.defaultLanguage)
      : existing;
  };
  const [rows, setRows] = useState<LanguageRow[]>(() => startRows(normalised.map));
  // The map the draft stands for. When the document's map differs (an undo, an edit elsewhere), start over.
  const [shown, setShown] = useState<LanguageMap>(normalised.map);
  if (!sameJsonInOrder(shown, normalised.map)) {
    setShown(normalised.map);
    setRows(startRows(normalised.map));
  }
  const [adding, setAdding] = useState(false);
  /** The row just added: its first value takes the focus, since that is what the person types next. */
  const [focusRow, setFocusRow] = useState<number | null>(null);

  const edit = (next: LanguageRow[], gesture: Gesture) => {
    setRows(next);
    const map = mapOfRows(next);
    setShown(map);
    // A non-conformant value (a plain string, "@none") is left as it is until the person really changes it.
    if (sameJsonInOrder(map, normalised.map)) return;
    onChange(isEmptyLanguageMap(map) ? undefined : map, gesture);
  };
  const languages = rows.map((row) => row.language);

  return (
    <div className="language-map" role="group" aria-label={label}>
      {normalised.normalised ? (
        <p className="field-warning">
          Not a language map as the spec requires ({normalised.notes.join('; ')}); editing stores it as one.
        </p>
      ) : null}
      {rows.map((row, rowIndex) => (
        <LanguageRowEditor
          key={row.key}
          label={label}
          row={row}
          otherLanguages={languages.filter((_, i) => i !== rowIndex)}
          multiline={multiline}
          htmlAllowed={htmlAllowed}
          {...(rowIndex === 0 && props.firstInputTestId ? { firstInputTestId: props.firstInputTestId } : {})}
          autoFocus={row.key === focusRow}
          onChange={(changed, gesture) =>
            edit(
              updateRow(rows, row.key, () => changed),
              gesture,
            )
          }
          onRemove={() =>
            edit(
              updateRow(rows, row.key, () => null),
              'action',
            )
          }
        />
      ))}
      {adding ? (
        <AddLanguage
          label={label}
          taken={languages}
          suggestion={rows.length === 0 ? (props.defaultLanguage ?? '') : ''}
          onAdd={(language) => {
            setAdding(false);
            // An empty row changes nothing in the document until a value is typed into it.
            const next = addRow(rows, language);
            setRows(next);
            setFocusRow(next[next.length - 1]?.key ?? null);
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <button
          type="button"
          className="small"
          onClick={() => setAdding(true)}
          aria-label={`Add a language to ${label}`}
        >
          + Language
        </button>
      )}
    </div>
  );
}

interface RowProps {
  label: string;
  row: LanguageRow;
  otherLanguages: readonly string[];
  multiline: boolean;
  htmlAllowed: boolean;
  firstInputTestId?: string;
  autoFocus: boolean;
  onChange: ChangeHandler<LanguageRow>;
  onRemove(): void;
}

function LanguageRowEditor(props: RowProps) {
  const { label, row, otherLanguages, multiline, htmlAllowed, onChange, onRemove } = props;
  const [tagDraft, setTagDraft] = useState<string | null>(null);
  // Errors are shown once the person tries to use the tag (Enter or leaving the field), not at every keystroke.
  const [tagTried, setTagTried] = useState(false);
  const tagText = tagDraft ?? row.language;
  const tagProblem = tagDraft === null ? null : languageTagProblem(tagDraft, otherLanguages);
  const commitTag = () => {
    if (tagDraft === null) return;
    setTagTried(true);
    if (tagProblem !== null) return; // keep the draft and its announced error until it is fixed or Escaped
    setTagDraft(null);
    setTagTried(false);
    const language = tidyLanguageTag(tagDraft);
    if (language !== row.language) onChange({ ...row, language }, 'action');
  };
  const name = findLanguageOption(row.language)?.name;
  /** What the last clean-up of a value removed, shown under that value. */
  const [cleaned, setCleaned] = useState<{ index: number; how: string; removed: readonly string[] } | null>(
    null,
  );
  /** The value as it was when its field got the focus: leaving a field unedited cleans nothing. */
  const atFocus = useRef<string | null>(null);
  /** Stores `text` cleaned when it holds disallowed HTML; true when it did (the change is part of the typing). */
  const clean = (index: number, text: string, how: 'pasted' | 'typed'): boolean => {
    const result = sanitizeValue(text);
    if (!result.changed) return false;
    onChange(setValueAt(row, index, result.text), 'typing');
    setCleaned({ index, how, removed: result.removed });
    return true;
  };
  const onPaste = (index: number) => (event: ClipboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const field = event.currentTarget;
    const pasted = event.clipboardData.getData('text/plain');
    const start = field.selectionStart ?? field.value.length;
    const end = field.selectionEnd ?? field.value.length;
    if (clean(index, field.value.slice(0, start) + pasted + field.value.slice(end), 'pasted'))
      event.preventDefault();
  };
  const valueFocus = {
    onFocus: (event: FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      atFocus.current = event.currentTarget.value;
      setCleaned(null);
    },
  };
  const onValueBlur = (index: number) => (event: FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const text = event.currentTarget.value;
    if (atFocus.current !== null && text !== atFocus.current) clean(index, text, 'typed');
    atFocus.current = null;
  };
  const fieldName = (index: number) =>
    `${label} (${row.language})${row.values.length > 1 ? ` ${index + 1}` : ''}`;

  return (
    <div className="language-row">
      <div className="language-row-head">
        <LanguageTagInput
          value={tagText}
          label={`Language of ${label} (${row.language})`}
          error={tagTried ? tagProblem : null}
          warnings={languageTagWarnings(tagText)}
          onChange={setTagDraft}
          onEnter={commitTag}
          onBlur={commitTag}
          onEscape={() => {
            setTagDraft(null);
            setTagTried(false);
          }}
        />
        {name ? <span className="muted language-name">{name}</span> : null}
        <button
          type="button"
          className="small icon"
          aria-label={`Add a value in ${row.language} to ${label}`}
          title="Add another value in this language"
          onClick={() => onChange({ ...row, values: [...row.values, ''] }, 'action')}
        >
          <Icon name="add" />
        </button>
        <button
          type="button"
          className="small icon"
          aria-label={`Remove ${row.language} from ${label}`}
          title="Remove this language"
          onClick={onRemove}
        >
          <Icon name="remove" />
        </button>
      </div>
      {row.values.map((text, index) => {
        // One value's field, a textarea or an input: the same value, name and handlers either way.
        const field = {
          value: text,
          autoFocus: props.autoFocus && index === 0,
          'aria-label': fieldName(index),
          'data-testid': index === 0 ? props.firstInputTestId : undefined,
          onChange: (event: { target: { value: string } }) =>
            onChange(setValueAt(row, index, event.target.value), 'typing'),
          onPaste: onPaste(index),
          onBlur: onValueBlur(index),
          ...valueFocus,
        };
        return (
          <div className="language-value" key={index}>
            {multiline ? <textarea rows={2} {...field} /> : <input {...field} />}
            {row.values.length > 1 ? (
              <button
                type="button"
                className="small icon"
                aria-label={`Remove value ${index + 1} in ${row.language} from ${label}`}
                onClick={() => onChange(removeValueAt(row, index), 'action')}
              >
                <Icon name="remove-value" />
              </button>
            ) : null}
            {cleaned?.index === index ? (
              <p className="field-notice" role="status" data-testid="html-cleaned">
                Removed from the {cleaned.how} HTML, which Presentation 3 does not allow:{' '}
                {cleaned.removed.join(', ')}.
              </p>
            ) : null}
            <HtmlNotice value={text} htmlAllowed={htmlAllowed} />
          </div>
        );
      })}
    </div>
  );
}

function AddLanguage(props: {
  label: string;
  taken: readonly string[];
  suggestion: string;
  onAdd(language: string): void;
  onCancel(): void;
}) {
  const [text, setText] = useState(props.suggestion);
  const [tried, setTried] = useState(false);
  const problem = languageTagProblem(text, props.taken);
  const add = () => {
    setTried(true);
    if (problem === null) props.onAdd(tidyLanguageTag(text));
  };
  return (
    <div className="add-language">
      <LanguageTagInput
        value={text}
        label={`New language for ${props.label}`}
        // Not an error until the person tries to add it: "f" on the way to "fr" is fine.
        error={tried ? problem : null}
        warnings={languageTagWarnings(text)}
        onChange={(next) => {
          setText(next);
          setTried(false);
        }}
        onEnter={add}
        onEscape={props.onCancel}
        autoFocus
      />
      <button type="button" className="small" onClick={add}>
        Add
      </button>
      <button type="button" className="small" onClick={props.onCancel}>
        Cancel
      </button>
    </div>
  );
}
