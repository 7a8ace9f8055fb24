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
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../../../../shared/iiif/json';

/** An element the decoder does not hold yet: its number and its value. */
export type MirrorElement = readonly [id: number, value: JsonObject];

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

export interface EncodedDocument {
  /** Elements to post before the document (in as many messages as the sender likes, in order). */
  readonly elements: readonly MirrorElement[];
  readonly document: MirroredDocument;
}

/** True for arrays worth mirroring element by element: non-empty, and objects only. */
function isArrayOfObjects(value: JsonValue): value is readonly JsonObject[] {
  return Array.isArray(value) && value.length > 0 && value.every(isJsonObject);
}

export function createTreeEncoder() {
  const ids = new WeakMap<JsonObject, number>();
  let held = new Set<number>();
  let nextId = 1;
  return {
    /** Encodes `doc` and records that the decoder will hold exactly its elements once it has decoded it. */
    encode(doc: JsonObject): EncodedDocument {
      const elements: MirrorElement[] = [];
      const nowHeld = new Set<number>();
      const entries: MirroredEntry[] = [];
      for (const [key, value] of Object.entries(doc)) {
        if (!isArrayOfObjects(value)) {
          entries.push({ key, value });
          continue;
        }
        const refs = value.map((element) => {
          let id = ids.get(element);
          if (id === undefined) {
            id = nextId++;
            ids.set(element, id);
          }
          // Sent again when the decoder let it go (an undo can bring back an element the last document lacked).
          if (!held.has(id) && !nowHeld.has(id)) elements.push([id, element]);
          nowHeld.add(id);
          return id;
        });
        entries.push({ key, ids: refs });
      }
      held = nowHeld;
      return { elements, document: { entries } };
    },
  };
}

export function createTreeDecoder() {
  let held = new Map<number, JsonObject>();
  return {
    receive(elements: readonly MirrorElement[]): void {
      for (const [id, value] of elements) held.set(id, value);
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
        // Defined, not assigned: assigning "__proto__" would set the prototype instead of adding the key.
        Object.defineProperty(doc, entry.key, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      held = used;
      return doc;
    },
  };
}
