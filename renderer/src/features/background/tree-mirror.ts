/**
 * Keeps a copy of the document in the background worker without posting the whole tree after every edit.
 * Posting a 10k-canvas manifest costs the main thread a structured clone of all of it (longer than a
 * JSON.stringify of it, measured by bench/cases/edit-10k.ts), while an edit replaces only the path from the
 * changed node to the root (documents are immutable trees with structural sharing): the other canvases stay
 * the very same objects. So the elements of the root's arrays of objects (canvases, ranges, annotation pages)
 * are posted once each, under a number, and afterwards referred to by that number while they stay the same
 * object.
 *
 * The encoder (main thread) and the decoder (worker) keep their tables in step without talking back: after each
 * document the decoder keeps exactly the elements that document used, and the encoder assumes exactly that.
 *
 * Sharing is kept inside an edited element too: of a canvas an edit replaced, what the edit left alone (its
 * images, its metadata entries) is sent as a reference to the same part of the canvas it replaced, so the
 * worker's copy shares it as the main thread's does. Save needs that: text-patch.ts keeps a moved value's own
 * text by finding it by identity, so a copy that lost the sharing could write other (equivalent) bytes.
 */
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../../../../shared/iiif/json';

/** Keys (objects) and indices (arrays) from an element down to a value in it. */
export type MirrorPath = readonly (string | number)[];

/**
 * A part of a new element that is a part of an element the decoder holds: at `path` in the new element (sent as
 * null there) goes the value at `sourcePath` in element `source`.
 */
export type MirrorRef = readonly [path: MirrorPath, source: number, sourcePath: MirrorPath];

/** An element the decoder does not hold yet: its number, its value, and the parts it shares with held ones. */
export type MirrorElement = readonly [id: number, value: JsonObject, refs?: readonly MirrorRef[]];

/**
 * One of the root's properties: its value, or (for an array of objects) its elements' numbers. Key-value pairs
 * rather than an object keyed by the root's keys, so that every key, "__proto__" and "toString" included, is
 * plain data on both sides, with no object property lookups or assignments to go wrong.
 */
export type MirroredEntry =
  | { readonly key: string; readonly value: JsonValue }
  | { readonly key: string; readonly ids: readonly number[] };

/** The document as references: the root's properties, in the root's key order. */
export interface MirroredDocument {
  readonly entries: readonly MirroredEntry[];
}

/**
 * An element to post before the document: its number, its value, and (when it replaced one the decoder holds)
 * that element, whose parts it may share. Made into a message with `mirrorElement`, a message's worth at a
 * time: finding the shared parts walks both elements, which for a batch edit of 10k canvases is too long for
 * one task.
 */
export interface OutgoingElement {
  readonly id: number;
  readonly value: JsonObject;
  readonly predecessor?: { readonly id: number; readonly value: JsonObject };
}

export interface EncodedDocument {
  /** Elements to post before the document (in as many messages as the sender likes, in order). */
  readonly elements: readonly OutgoingElement[];
  readonly document: MirroredDocument;
}

/** True for arrays worth mirroring element by element: non-empty, and objects only. */
function isArrayOfObjects(value: JsonValue): value is readonly JsonObject[] {
  return Array.isArray(value) && value.length > 0 && value.every(isJsonObject);
}

/** Sets `key` of `container` as plain data: assigning "__proto__" would set the prototype instead. */
function define(container: object, key: string | number, value: JsonValue): void {
  Object.defineProperty(container, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Where each object and array inside `element` (not itself) is, by path. */
function partsOf(element: JsonObject): Map<JsonValue, MirrorPath> {
  const parts = new Map<JsonValue, MirrorPath>();
  const visit = (value: JsonValue, path: MirrorPath) => {
    if (isJsonArray(value)) value.forEach((item, i) => visitChild(item, [...path, i]));
    else if (isJsonObject(value))
      for (const [key, item] of Object.entries(value)) visitChild(item, [...path, key]);
  };
  const visitChild = (value: JsonValue, path: MirrorPath) => {
    if (value === null || typeof value !== 'object' || parts.has(value)) return;
    parts.set(value, path);
    visit(value, path);
  };
  visit(element, []);
  return parts;
}

/**
 * The element as posted: with the parts it shares with its predecessor (the element it replaced) left out as
 * null, and where they are in the predecessor; whole when it shares nothing.
 */
export function mirrorElement({ id, value: element, predecessor }: OutgoingElement): MirrorElement {
  if (!predecessor) return [id, element];
  const { id: sourceId, value: source } = predecessor;
  const parts = partsOf(source);
  const refs: MirrorRef[] = [];
  const copy = (value: JsonValue, path: MirrorPath): JsonValue => {
    if (value === null || typeof value !== 'object') return value;
    const at = parts.get(value);
    if (at) {
      refs.push([path, sourceId, at]);
      return null;
    }
    if (isJsonArray(value)) return value.map((item, i) => copy(item, [...path, i]));
    const out = {};
    for (const [key, item] of Object.entries(value)) define(out, key, copy(item, [...path, key]));
    return out;
  };
  const out = {};
  for (const [key, item] of Object.entries(element)) define(out, key, copy(item, [key]));
  return refs.length === 0 ? [id, element] : [id, out as JsonObject, refs];
}

export function createTreeEncoder() {
  const ids = new WeakMap<JsonObject, number>();
  let held = new Set<number>();
  let nextId = 1;
  /** The last document's arrays of elements, by key: where a new element's predecessor is looked for. */
  let lastArrays = new Map<string, readonly JsonObject[]>();
  /** Their elements by `id`, made when first needed (only an edit makes new elements). */
  let lastById = new Map<string, Map<string, JsonObject>>();

  /** The element `element` replaced: the last document's one with its `id` in that array, else at its place. */
  function predecessor(key: string, index: number, element: JsonObject): JsonObject | undefined {
    const last = lastArrays.get(key);
    if (!last) return undefined;
    let byId = lastById.get(key);
    if (!byId) {
      byId = new Map();
      for (const candidate of last) {
        const id = candidate['id'];
        if (typeof id === 'string' && !byId.has(id)) byId.set(id, candidate);
      }
      lastById.set(key, byId);
    }
    const id = element['id'];
    const found = (typeof id === 'string' ? byId.get(id) : undefined) ?? last[index];
    return found !== undefined && found !== element ? found : undefined;
  }

  return {
    /** Encodes `doc` and records that the decoder will hold exactly its elements once it has decoded it. */
    encode(doc: JsonObject): EncodedDocument {
      const elements: OutgoingElement[] = [];
      const nowHeld = new Set<number>();
      const entries: MirroredEntry[] = [];
      const arrays = new Map<string, readonly JsonObject[]>();
      for (const [key, value] of Object.entries(doc)) {
        if (!isArrayOfObjects(value)) {
          entries.push({ key, value });
          continue;
        }
        arrays.set(key, value);
        const refs = value.map((element, index) => {
          let id = ids.get(element);
          if (id === undefined) {
            id = nextId++;
            ids.set(element, id);
            const source = predecessor(key, index, element);
            const sourceId = source && ids.get(source);
            elements.push(
              source && sourceId !== undefined && held.has(sourceId)
                ? { id, value: element, predecessor: { id: sourceId, value: source } }
                : { id, value: element },
            );
          } else if (!held.has(id) && !nowHeld.has(id)) {
            // Sent again when the decoder let it go (an undo can bring back an element the last document lacked).
            elements.push({ id, value: element });
          }
          nowHeld.add(id);
          return id;
        });
        entries.push({ key, ids: refs });
      }
      held = nowHeld;
      lastArrays = arrays;
      lastById = new Map();
      return { elements, document: { entries } };
    },
  };
}

/** The value at `path` in `root`, or undefined when there is none. */
function at(root: JsonValue, path: MirrorPath): JsonValue | undefined {
  let value: JsonValue | undefined = root;
  for (const step of path) {
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, step))
      return undefined;
    value = (value as Record<string | number, JsonValue>)[step];
  }
  return value;
}

export function createTreeDecoder() {
  let held = new Map<number, JsonObject>();
  /**
   * Elements let go, while something else (Save's text base) still holds them: an element sent again under its
   * number is the very same value, so the one still alive is used and stays shared with the base.
   */
  const gone = new Map<number, WeakRef<JsonObject>>();
  return {
    receive(elements: readonly MirrorElement[]): void {
      for (const [id, value, refs] of elements) {
        const alive = gone.get(id)?.deref();
        if (alive) {
          held.set(id, alive);
          continue;
        }
        for (const [path, source, sourcePath] of refs ?? []) {
          const element = held.get(source);
          const part = element && at(element, sourcePath);
          const parent = at(value, path.slice(0, -1));
          const last = path[path.length - 1];
          if (part === undefined || parent === null || typeof parent !== 'object' || last === undefined)
            throw new Error(`The background copy lacks a part of element ${source}.`);
          define(parent, last, part);
        }
        held.set(id, value);
      }
    },
    /** Rebuilds the document and lets go of every element it does not use. */
    decode(document: MirroredDocument): JsonObject {
      const used = new Map<number, JsonObject>();
      const doc: Record<string, JsonValue> = {};
      for (const entry of document.entries) {
        const value =
          'ids' in entry
            ? entry.ids.map((id) => {
                const element = held.get(id) ?? used.get(id);
                if (element === undefined) throw new Error(`The background copy lacks element ${id}.`);
                used.set(id, element);
                return element;
              })
            : entry.value;
        define(doc, entry.key, value);
      }
      for (const [id, element] of held) if (!used.has(id)) gone.set(id, new WeakRef(element));
      for (const id of used.keys()) gone.delete(id);
      // Forget the numbers of elements nothing holds any more, now and then rather than on every document.
      if (gone.size > 2 * used.size + 1000) for (const [id, ref] of gone) if (!ref.deref()) gone.delete(id);
      held = used;
      return doc;
    },
  };
}
