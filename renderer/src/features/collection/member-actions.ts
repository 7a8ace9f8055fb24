/**
 * The collection's own gestures on its members (moving, removing and selecting are the canvas grid's actions,
 * which work on any document's `items`): adding members by address, file or drag from the Sources panel,
 * refreshing them from the resources they point at, and opening one for editing. Each builds the next document
 * with a pure edit from shared/iiif/collection and commits ONE undo step; fetching happens before, through the
 * main side (api.openSource: timeouts, size cap, offline cache, private-network policy), never in between.
 *
 * They act on the collection the member grid shows: the document, or an embedded sub-collection opened in it
 * (store/grid-list.ts), whose member path the edits are given.
 */
import {
  addMembers,
  collectionAtPath,
  isEmbeddedCollection,
  isEmbeddedMember,
  memberIdOf,
  memberItems,
  memberReferenceFrom,
  refreshMembers,
} from '../../../../shared/iiif/collection';
import type { JsonObject } from '../../../../shared/iiif/json';
import { api } from '../../api';
import { documentKind } from '../../store/document-slice';
import { listOwner, shownPath } from '../../store/grid-list';
import { useAppStore } from '../../store/store';
import { announce, canvasCount } from '../canvases/announcer';
import { sortedIndices } from '../canvases/order-math';
import { guardUnsaved, openPath, openUrl } from '../documents/document-service';
import { askToAllowHost } from '../network/allow-host';
import { openSubCollection } from './member-navigation';

type Initiator = 'local' | 'public';

/** A reference to the manifest or collection at `location` (URL or file), or why there is none. */
export async function fetchReference(
  location: string,
  initiator: Initiator,
  retried = false,
): Promise<{ ok: true; reference: JsonObject } | { ok: false; message: string }> {
  const result = await api.openSource({ location, initiator });
  if (!result.ok) {
    if (!retried && (await askToAllowHost(result.error))) return fetchReference(location, initiator, true);
    return { ok: false, message: `${location}: ${result.error.message}` };
  }
  const made = memberReferenceFrom(
    result.value.doc as JsonObject,
    result.value.finalUrl ?? result.value.location,
  );
  return made.ok ? made : { ok: false, message: made.message };
}

/** Where new members go in the listed collection: after the focused member, else at the end. */
function insertionGap(collection: JsonObject): number {
  const { focus } = useAppStore.getState();
  const count = memberItems(collection).length;
  return focus !== null && focus < count ? focus + 1 : count;
}

function fail(text: string): void {
  useAppStore.getState().showMessage({ kind: 'error', text });
}

/**
 * Inserts `references` at `gap` (default: after the focused member) as one step and selects them. Refuses the
 * collection itself, and says when a member was listed already (kept: a curator may mean it).
 */
export function insertMembers(references: readonly JsonObject[], gap?: number, label?: string): number {
  const state = useAppStore.getState();
  const doc = state.doc;
  const listed = listOwner(state);
  if (!doc || !listed || documentKind(state) !== 'Collection') return 0;
  const at = Math.min(Math.max(0, gap ?? insertionGap(listed)), memberItems(listed).length);
  const path = shownPath(state);
  const result = addMembers(doc, at, references, path);
  if (result.refusedSelf > 0) {
    fail(
      path.length === 0
        ? 'A collection cannot list itself as a member.'
        : 'A collection cannot list itself, or a collection it is in, as a member.',
    );
  }
  if (result.added === 0) return 0;
  const inserted = Array.from({ length: result.added }, (_, k) => at + k);
  state.commit(label ?? `Add ${canvasCount(result.added)}`, result.doc);
  state.setSelection(inserted, at);
  announce(`Added ${canvasCount(result.added)} at position ${at + 1}.`);
  if (result.alreadyListed.length > 0) {
    state.showMessage({
      kind: 'info',
      text: `The collection already listed ${result.alreadyListed.join(', ')}. Undo removes the new entry.`,
    });
  }
  return result.added;
}

/** Adds the manifest or collection at `location` (an address the user typed, or a file they chose). */
export async function addMemberFrom(location: string, gap?: number): Promise<boolean> {
  const trimmed = location.trim();
  if (trimmed === '') return false;
  const state = useAppStore.getState();
  state.setBusy(`Reading ${trimmed}…`);
  const fetched = await fetchReference(trimmed, 'local');
  useAppStore.getState().setBusy(null);
  if (!fetched.ok) {
    fail(fetched.message);
    return false;
  }
  return insertMembers([fetched.reference], gap, `Add member ${memberIdOf(fetched.reference)}`) > 0;
}

/** The members acted on: the selection, else the focused member. Ascending. */
function targets(): number[] {
  const { selected, focus } = useAppStore.getState();
  const count = memberItems(listOwner(useAppStore.getState())).length;
  const chosen = sortedIndices(selected, count);
  return chosen.length > 0 ? chosen : focus !== null && focus < count ? [focus] : [];
}

/**
 * Refreshes the label, thumbnail and navDate of the selected members (else the focused one) from the resources
 * they point at, in one step. Members are matched by id when the answers arrive, so edits made meanwhile are
 * not overwritten by position; embedded members are skipped (their content is the document's own).
 */
export async function refreshSelectedMembers(): Promise<void> {
  const state = useAppStore.getState();
  if (!state.doc) return;
  // The collection listed now; the answers are applied to it, wherever the grid is by then.
  const path = shownPath(state);
  const items = memberItems(listOwner(state));
  const ids = [
    ...new Set(
      targets()
        .filter((i) => !isEmbeddedMember(items[i]))
        .map((i) => memberIdOf(items[i])),
    ),
  ].filter((id) => id !== '');
  if (ids.length === 0) return announce('Nothing to refresh: embedded members are part of the document.');
  state.setBusy(`Refreshing ${canvasCount(ids.length)}…`);
  const answers = await Promise.all(ids.map((id) => fetchReference(id, state.docOrigin)));
  const after = useAppStore.getState();
  after.setBusy(null);
  const collection = collectionAtPath(after.doc, path);
  if (!after.doc || !collection) return fail('The collection being refreshed is no longer in the document.');
  const fresh = new Map<string, JsonObject>();
  const failures: string[] = [];
  answers.forEach((answer, k) => {
    if (answer.ok) fresh.set(ids[k] as string, answer.reference);
    else failures.push(answer.message);
  });
  const byIndex = new Map<number, JsonObject>();
  memberItems(collection).forEach((member, index) => {
    const reference = fresh.get(memberIdOf(member));
    if (reference) byIndex.set(index, reference);
  });
  const next = refreshMembers(after.doc, byIndex, path);
  if (next !== after.doc) after.commit(`Refresh ${canvasCount(fresh.size)}`, next);
  announce(
    next === after.doc ? 'The members were already up to date.' : `Refreshed ${canvasCount(fresh.size)}.`,
  );
  if (failures.length > 0) fail(`Could not refresh: ${failures.join('; ')}`);
}

/** A local path for a member id that names a file (file: URL or absolute path), else null. */
export function localPathOf(id: string): string | null {
  if (/^file:\/\//i.test(id)) {
    try {
      return decodeURIComponent(new URL(id).pathname).replace(/^\/([A-Za-z]:\/)/, '$1');
    } catch {
      return null;
    }
  }
  return id.startsWith('/') || /^[A-Za-z]:[\\/]/.test(id) ? id : null;
}

/**
 * Opens the member at `index` of the listed collection: an embedded collection in the member grid, in place
 * (its members are part of this document); a referenced one as a document of its own (its URL or file), after
 * asking about unsaved changes.
 */
export function openMemberForEditing(index: number): void {
  const state = useAppStore.getState();
  const member = memberItems(listOwner(state))[index];
  if (isEmbeddedCollection(member)) return openSubCollection(index);
  if (isEmbeddedMember(member)) {
    return fail('This member is embedded: it is part of this collection and is edited here, not on its own.');
  }
  const id = memberIdOf(member);
  const path = localPathOf(id);
  if (path !== null) return guardUnsaved('open', () => void openPath(path), path);
  if (!/^https?:\/\//i.test(id)) return fail(`This member has no address to open (its id is “${id}”).`);
  // It opens in a tab of its own (loadText), beside the collection and its unsaved changes: nothing to confirm.
  void openUrl(id, state.docOrigin).then((problem) => {
    if (problem !== null) fail(`${id} cannot be opened: ${problem}`);
  });
}
