/**
 * Writes one navPlace edit to the document as one undo step (or part of the step `coalesceKey` names, for
 * typing). The extension's context goes in with the first place, in the same step, so undo takes both back.
 */
import type { JsonObject, JsonPath, JsonValue } from '../../../../shared/iiif/json';
import { getIn, isJsonObject } from '../../../../shared/iiif/json';
import { setProperty } from '../../../../shared/iiif/document/property-edits';
import type { PlaceEdit } from '../../../../shared/iiif/place';
import { withNavPlaceContext } from '../../../../shared/iiif/place';
import { useAppStore } from '../../store/store';

/** Returns the edit's refusal (shown to the person), or null when it was applied or changed nothing. */
export function commitPlaceEdit(
  path: JsonPath,
  edit: (current: JsonValue | undefined, doc: JsonObject) => PlaceEdit,
  label: string,
  coalesceKey?: string,
): string | null {
  const { doc, commit } = useAppStore.getState();
  if (!doc || !isJsonObject(getIn(doc, path))) return 'The resource is no longer in the document.';
  const result = edit(getIn(doc, [...path, 'navPlace']), doc);
  if ('error' in result) return result.error;
  const changed = setProperty(doc, path, 'navPlace', result.value);
  if (changed === doc) return null;
  commit(label, result.value === undefined ? changed : withNavPlaceContext(changed), coalesceKey);
  return null;
}
