/**
 * The UI-wide display language: which language of a multilingual label the title, the canvas list and the
 * panels show. Offers the languages the open document uses first, then the common ones. Remembered between
 * launches (display-language.ts).
 */
import { useDeferredValue, useEffect, useMemo } from 'react';
import type { JsonValue } from '../../../../shared/iiif/json';
import { isJsonArray, isJsonObject } from '../../../../shared/iiif/json';
import { COMMON_LANGUAGES, findLanguageOption } from '../../../../shared/iiif/language';
import { useAppStore } from '../../store/store';
import { chooseDisplayLanguage, restoreDisplayLanguage } from './display-language';
import './language.css';

/** Languages keyed in the manifest's and canvases' labels, in order of first appearance ("none" left out). */
export function documentLanguages(doc: JsonValue | null): string[] {
  const found = new Set<string>();
  const collect = (map: JsonValue | undefined) => {
    if (isJsonObject(map))
      for (const key of Object.keys(map)) if (key !== 'none' && key !== '@none') found.add(key);
  };
  if (isJsonObject(doc)) {
    collect(doc['label']);
    collect(doc['summary']);
    const items = doc['items'];
    if (isJsonArray(items)) for (const canvas of items) if (isJsonObject(canvas)) collect(canvas['label']);
  }
  return [...found];
}

export function DisplayLanguagePicker() {
  const preference = useAppStore((s) => s.displayLanguage);
  // Deferred: scanning every canvas label must not slow down an edit on a very large document.
  const doc = useDeferredValue(useAppStore((s) => s.doc));
  useEffect(() => restoreDisplayLanguage(), []);
  const inDocument = useMemo(() => documentLanguages(doc), [doc]);
  const common = COMMON_LANGUAGES.filter((o) => o.tag !== 'none' && !inDocument.includes(o.tag));
  const extra =
    preference && !inDocument.includes(preference) && !findLanguageOption(preference) ? [preference] : [];
  return (
    <label className="display-language">
      <span className="visually-hidden">Display language</span>
      <select
        value={preference ?? ''}
        title="Language shown when a label has several"
        data-testid="display-language"
        onChange={(event) => chooseDisplayLanguage(event.target.value || null)}
      >
        <option value="">Language: automatic</option>
        {inDocument.length > 0 ? (
          <optgroup label="In this document">
            {inDocument.map((tag) => (
              <option key={tag} value={tag}>
                {findLanguageOption(tag)?.name ?? tag} ({tag})
              </option>
            ))}
          </optgroup>
        ) : null}
        <optgroup label="Other languages">
          {[...extra.map((tag) => ({ tag, name: tag })), ...common].map((option) => (
            <option key={option.tag} value={option.tag}>
              {option.name} ({option.tag})
            </option>
          ))}
        </optgroup>
      </select>
    </label>
  );
}
