/**
 * Adding images, from pasted addresses, dropped links and content states, or image files.
 *
 * Design: fetch first, commit once. Every input is resolved through the main side (info.json fetched and
 * parsed there) while the dialog shows "N of M" and lists failures as they come; when all are in, the
 * successful ones become canvases in the order given and are inserted with ONE commit: one undo step for the
 * whole batch, and never a canvas in the document whose size is a guess. (Placeholders that later change size
 * would either rewrite an undo step after the fact or leave guessed sizes in autosaves; with the per-host
 * limit at 6, hundreds of images take seconds, which the progress display covers.) Retrying failures is a
 * new gesture and a new step: the canvases that now succeed go back to where they belong in the order.
 */
import { alreadyPainted, buildCanvas, type CanvasSeed } from '../../../../shared/iiif/canvas-build';
import { idMinterFor } from '../../../../shared/iiif/document/mint-ids';
import { isJsonArray, isJsonObject, type JsonObject } from '../../../../shared/iiif/json';
import { api } from '../../api';
import { useAppStore } from '../../store/store';
import { insertCanvasesAt } from '../canvases/canvas-drop-api';
import { canvasItems } from '../../../../shared/iiif/canvases';
import { keepOffline } from '../sources/sources-service';
import { useAddImagesStore, type AddFailure } from './add-images-store';
import { cancelImageInfoRequests, resolveInputs, type Outcome } from './resolve-inputs';

interface Batch {
  readonly inputs: readonly string[];
  /** For file batches: the files, parallel to `inputs` (their names). */
  readonly files?: readonly File[];
  readonly outcomes: (Outcome | null)[];
  /** Ids of the canvases each input produced, once committed. */
  readonly ids: (readonly string[] | null)[];
  /** Gap index where the batch started. */
  readonly start: number;
  cancelled: boolean;
}

let current: Batch | null = null;

const store = () => useAddImagesStore.getState();

function itemIds(doc: JsonObject | null): string[] {
  const items = doc && isJsonArray(doc['items']) ? doc['items'] : [];
  return items.map((item) => (isJsonObject(item) && typeof item['id'] === 'string' ? item['id'] : ''));
}

function canvasCount(): number {
  return itemIds(useAppStore.getState().doc).length;
}

function failuresOf(batch: Batch): AddFailure[] {
  return batch.inputs.flatMap((input, i) => {
    const outcome = batch.outcomes[i];
    return outcome && !outcome.ok ? [{ input, reason: outcome.reason }] : [];
  });
}

/** The gap index for a 1-based position from the dialog (null: after the last canvas). */
export function gapFor(position: number | null): number {
  const count = canvasCount();
  if (position === null || !Number.isFinite(position)) return count;
  return Math.max(0, Math.min(count, Math.round(position) - 1));
}

function canAdd(): boolean {
  const { doc } = useAppStore.getState();
  if (doc?.['type'] === 'Manifest') return true;
  store().update({
    phase: 'done',
    failures: [{ input: '', reason: 'Open or create a manifest first: images are added to a manifest.' }],
  });
  return false;
}

/** Commits the seeds of the inputs at `indices` (in input order) at gap `at`, as one step. */
function commit(batch: Batch, indices: readonly number[], at: number, label: string): number {
  const { doc } = useAppStore.getState();
  if (!doc) return 0;
  const mint = idMinterFor(doc);
  const canvases: JsonObject[] = [];
  const copies: JsonObject[] = [];
  /** The input each new canvas came from. */
  const inputOf: number[] = [];
  for (const i of indices) {
    const outcome = batch.outcomes[i];
    if (!outcome?.ok) continue;
    const built = outcome.seeds.map((seed: CanvasSeed) => buildCanvas(seed, mint));
    batch.ids[i] = built.map((canvas) => String(canvas['id']));
    canvases.push(...built);
    inputOf.push(...built.map(() => i));
    outcome.seeds.forEach((seed, k) => {
      if (seed.kind === 'copy') copies.push(built[k] as JsonObject);
    });
  }
  if (canvases.length === 0) return 0;
  noteDuplicates(batch, canvases, inputOf, doc);
  insertCanvasesAt(at, canvases, label);
  // Service thumbnails were cached by the main side while fetching; copied canvases' ones are fetched now.
  keepOffline(copies);
  return canvases.length;
}

/**
 * Images the manifest already shows are added again (a curator may want a second view of a page), but never
 * silently: the dialog names them and the canvas that already shows each.
 */
function noteDuplicates(
  batch: Batch,
  canvases: readonly JsonObject[],
  inputOf: readonly number[],
  doc: JsonObject,
) {
  const found = alreadyPainted(canvases, canvasItems(doc));
  const seen = new Set<number>();
  const duplicates = [...store().duplicates];
  found.forEach((index, k) => {
    const input = inputOf[k] as number;
    if (index < 0 || seen.has(input)) return;
    seen.add(input);
    duplicates.push({ input: batch.inputs[input] ?? '', position: index + 1 });
  });
  if (duplicates.length > store().duplicates.length) store().update({ duplicates });
}

async function run(batch: Batch, indices: readonly number[]): Promise<void> {
  current = batch;
  store().update({
    phase: 'running',
    activity: batch.files ? 'Making tiles' : 'Fetching image information',
    total: indices.length,
    completed: 0,
    failures: failuresOf(batch).filter((f) => !indices.some((i) => batch.inputs[i] === f.input)),
  });
  let completed = 0;
  let failures = store().failures;
  let stale = 0;
  const onOutcome = (k: number, outcome: Outcome) => {
    const index = indices[k] as number;
    if (batch.cancelled) return;
    batch.outcomes[index] = outcome;
    completed += 1;
    if (!outcome.ok) failures = [...failures, { input: batch.inputs[index] ?? '', reason: outcome.reason }];
    else if (outcome.stale) stale += 1;
    store().update({ completed, failures, staleCount: stale });
  };
  const chosen = indices.map((i) => batch.inputs[i] ?? '');
  if (batch.files)
    await importFiles(
      indices.map((i) => batch.files?.[i] as File),
      onOutcome,
      batch,
    );
  else await resolveInputs(chosen, { onOutcome, isCancelled: () => batch.cancelled });
  if (batch.cancelled) return;
  // Failures in input order, whatever order the answers came in.
  store().update({ failures: failuresOf(batch) });
}

/** Resolves and adds `inputs` before the 1-based `position` (null: at the end). */
export async function addImages(inputs: readonly string[], position: number | null): Promise<void> {
  if (inputs.length === 0 || !canAdd()) return;
  const batch: Batch = {
    inputs,
    outcomes: inputs.map(() => null),
    ids: inputs.map(() => null),
    start: gapFor(position),
    cancelled: false,
  };
  store().update({ added: 0, failures: [], staleCount: 0, duplicates: [] });
  await finish(
    batch,
    inputs.map((_, i) => i),
    batch.start,
  );
}

/** Image files from the file manager: tiled by the main side into the local images folder, then added. */
export async function addImageFiles(files: readonly File[], position: number | null): Promise<void> {
  if (files.length === 0 || !canAdd()) return;
  const batch: Batch = {
    inputs: files.map((file) => file.name),
    files,
    outcomes: files.map(() => null),
    ids: files.map(() => null),
    start: gapFor(position),
    cancelled: false,
  };
  store().show({ text: '', position });
  store().update({ added: 0, failures: [], staleCount: 0, duplicates: [] });
  await finish(
    batch,
    files.map((_, i) => i),
    batch.start,
  );
}

async function finish(batch: Batch, indices: readonly number[], at: number): Promise<void> {
  await run(batch, indices);
  if (batch.cancelled) return;
  const ok = indices.filter((i) => batch.outcomes[i]?.ok);
  const noun = ok.length === 1 ? 'image' : 'images';
  const added = commit(batch, ok, at, `Add ${ok.length} ${noun}`);
  store().update({ phase: 'done', added: store().added + added, activity: '' });
}

/** Tries the failed inputs of the last batch again; what now works goes where it would have been. */
export async function retryFailed(): Promise<void> {
  const batch = current;
  if (!batch || batch.cancelled) return;
  const failed = batch.inputs.map((_, i) => i).filter((i) => batch.outcomes[i] && !batch.outcomes[i]?.ok);
  if (failed.length === 0) return;
  for (const i of failed) batch.outcomes[i] = null;
  await run(batch, failed);
  if (batch.cancelled) return;
  const ok = failed.filter((i) => batch.outcomes[i]?.ok);
  if (ok.length > 0) {
    // After the canvases of the nearest earlier input that made it into the document.
    const ids = itemIds(useAppStore.getState().doc);
    let at = Math.min(batch.start, ids.length);
    for (let i = (ok[0] as number) - 1; i >= 0; i--) {
      const made = batch.ids[i] ?? [];
      const last = made[made.length - 1];
      const found = last ? ids.indexOf(last) : -1;
      if (found >= 0) {
        at = found + 1;
        break;
      }
    }
    const added = commit(batch, ok, at, `Add ${ok.length} ${ok.length === 1 ? 'image' : 'images'} (retry)`);
    store().update({ added: store().added + added });
  }
  store().update({ phase: 'done', activity: '' });
}

/** Stops the running batch; nothing of it is added. */
export function cancelAdding(): void {
  if (current) current.cancelled = true;
  cancelImageInfoRequests();
  store().update({ phase: 'edit', activity: '', total: 0, completed: 0 });
}

export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

/** One file at a time: tiling is CPU work on the main side, and uploads share the host connection. */
async function importFiles(
  files: readonly File[],
  onOutcome: (k: number, outcome: Outcome) => void,
  batch: Batch,
): Promise<void> {
  for (const [k, file] of files.entries()) {
    if (batch.cancelled) return;
    try {
      const dataBase64 = await readBase64(file);
      const result = await api.importLocalImage({
        name: file.name,
        dataBase64,
        origin: window.location.origin,
      });
      if (!result.ok) onOutcome(k, { ok: false, reason: result.error.message });
      else
        onOutcome(k, {
          ok: true,
          seeds: [
            {
              kind: 'service',
              descriptor: result.value.descriptor,
              label: file.name.replace(/\.[a-z0-9]{1,5}$/i, ''),
            },
          ],
          stale: false,
        });
    } catch (error) {
      onOutcome(k, { ok: false, reason: error instanceof Error ? error.message : String(error) });
    }
  }
}
