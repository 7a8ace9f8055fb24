/**
 * Binds a controlled editor to one property of one resource in the document. Reading selects exactly that
 * value (structural sharing keeps it the same object until it changes, so unrelated edits do not re-render the
 * editor). Writing always starts from the store's current document, never from a value captured at render.
 *
 * Undo: typing is coalesced into one step per focus session (a session starts whenever focus enters one of
 * the editor's controls), and every other gesture (a button, a choice) is a step of its own.
 */
import { useId, useRef } from 'react';
import type { JsonPath, JsonValue } from '../../../../shared/iiif/json';
import { getIn, isJsonObject } from '../../../../shared/iiif/json';
import { setProperty } from '../../../../shared/iiif/document/property-edits';
import type { Gesture } from '../../components/language/editor-types';
import { useAppStore } from '../../store/store';

export function usePropertyValue(path: JsonPath, key: string): JsonValue | undefined {
  return useAppStore((s) => (s.doc ? getIn(s.doc, [...path, key]) : undefined));
}

/** Writes one property now, as one undo step (or part of the step `coalesceKey` names). */
export function commitProperty(
  path: JsonPath,
  key: string,
  value: JsonValue | undefined,
  label: string,
  coalesceKey?: string,
): void {
  const { doc, commit } = useAppStore.getState();
  if (!doc || !isJsonObject(getIn(doc, path))) return;
  const next = setProperty(doc, path, key, value);
  if (next !== doc) commit(label, next, coalesceKey);
}

export interface BoundProperty {
  value: JsonValue | undefined;
  onChange(next: JsonValue | undefined, gesture: Gesture): void;
  /** Spread on the element that contains the editor's controls. */
  sessionProps: { onFocus(): void };
}

export function useBoundProperty(path: JsonPath, key: string, title: string): BoundProperty {
  const value = usePropertyValue(path, key);
  const id = useId();
  const session = useRef(0);
  return {
    value,
    onChange: (next, gesture) =>
      commitProperty(
        path,
        key,
        next,
        `Edit ${title.toLowerCase()}`,
        gesture === 'typing' ? `${id}:${session.current}` : undefined,
      ),
    // React's onFocus bubbles (it listens to focusin), so moving between inputs of one editor also starts a new
    // session: one field, one step.
    sessionProps: {
      onFocus: () => {
        session.current += 1;
      },
    },
  };
}
