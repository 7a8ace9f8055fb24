/**
 * Stepping into and out of embedded sub-collections (issue 17). A collection's member may be a collection with
 * its own members, nested to any depth; opening one shows its members in the same member grid, with the same
 * actions, and the breadcrumb (CollectionBreadcrumb.tsx) leads back out. Where the grid is, is not an edit: no
 * undo step; the edits made there are the document's, each one step (store/grid-list.ts).
 */
import {
  collectionsAlong,
  isEmbeddedCollection,
  memberItems,
  memberLabel,
} from '../../../../shared/iiif/collection';
import type { JsonObject } from '../../../../shared/iiif/json';
import { displayLanguagesOf } from '../../components/language/display-language';
import { listOwner, shownPath } from '../../store/grid-list';
import type { AppState } from '../../store/store';
import { useAppStore } from '../../store/store';
import { announce, canvasCount } from '../canvases/announcer';

export interface Crumb {
  /** How many steps down from the document: 0 is the document itself. */
  readonly depth: number;
  readonly name: string;
}

function nameOf(collection: JsonObject, depth: number, state: AppState): string {
  const label = memberLabel(collection, displayLanguagesOf(state));
  if (label !== '') return label;
  return depth === 0 ? 'This collection' : `Member ${(shownPath(state)[depth - 1] ?? 0) + 1}`;
}

/** The collections from the document down to the one the grid shows, named for the breadcrumb. */
export function crumbsOf(state: AppState): Crumb[] {
  const chain = collectionsAlong(state.doc, shownPath(state)) ?? [];
  return chain.map((collection, depth) => ({ depth, name: nameOf(collection, depth, state) }));
}

/** The crumbs as one string, so that a selector's result compares by value and renders stay rare. */
export function crumbText(state: AppState): string {
  return JSON.stringify(crumbsOf(state));
}

function focusGrid(): void {
  requestAnimationFrame(() => document.getElementById('canvas-listbox')?.focus());
}

/** Whether the focused member of the listed collection is an embedded collection (one that can be opened). */
export function focusedSubCollection(state: AppState): boolean {
  return state.focus !== null && isEmbeddedCollection(memberItems(listOwner(state))[state.focus]);
}

/** Shows the members of the embedded collection at `index` of the listed one, the first of them selected. */
export function openSubCollection(index: number): void {
  const state = useAppStore.getState();
  const member = memberItems(listOwner(state))[index];
  if (!isEmbeddedCollection(member)) return;
  const depth = shownPath(state).length + 1;
  const count = memberItems(member).length;
  state.showMembersAt([...shownPath(state), index], count > 0 ? 0 : null);
  announce(`Opened “${nameOf(member, depth, useAppStore.getState())}”: ${canvasCount(count)}.`);
  focusGrid();
}

/**
 * Shows the collection `depth` steps down the breadcrumb (0: the document's own members), with the collection
 * it came out of selected, so that the keyboard is back where it went in.
 */
export function showCollectionAt(depth: number): void {
  const state = useAppStore.getState();
  const path = shownPath(state);
  if (depth < 0 || depth >= path.length) return;
  const name = crumbsOf(state)[depth]?.name ?? '';
  state.showMembersAt(path.slice(0, depth), path[depth] ?? null);
  announce(`Back in “${name}”.`);
  focusGrid();
}

/** One level out, to the collection that contains the one shown. */
export function showEnclosingCollection(): void {
  showCollectionAt(shownPath(useAppStore.getState()).length - 1);
}
