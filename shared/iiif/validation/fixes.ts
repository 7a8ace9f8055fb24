/**
 * Automatic repairs for findings whose fix is certain. Every fix is a pure function of the document and the
 * finding's path; it changes only that spot (structural sharing through updateIn) and leaves the document as it
 * was when the spot no longer has the shape the finding described (for example after another fix).
 */
import {
  getIn,
  isJsonArray,
  isJsonObject,
  putOwn,
  updateIn,
  type JsonObject,
  type JsonPath,
  type JsonValue,
} from '../json';
import { sanitizeValue } from '../html/sanitize-value';
import { numberFromText } from './rules/dimensions';
import { closeRing } from './rules/nav-place';
import { canonicalMotivation } from './rules/annotation-rules';
import { canonicalRightsUri } from './rules/rights';
import { clampTimeReference, timeReferenceOf } from './rules/time-extent';
import { isPresentation3ContextVariant, PRESENTATION_3_CONTEXT } from './rules/document-context';
import { complianceProfile, inferServiceType, presentation2ImageServiceVersion } from './rules/service-kinds';
import type { Finding, FixId } from './types';
import { validate } from './validate';

type Fix = (doc: JsonValue, path: JsonPath) => JsonValue;

const FIXES: Readonly<Record<FixId, Fix>> = {
  'rename-none-key': renameNoneKey,
  'string-to-language-map': (doc, path) => updateIn(doc, path, (value) => toLanguageMap(value) ?? value),
  'wrap-in-array': (doc, path) =>
    updateIn(doc, path, (value) => (value === undefined || isJsonArray(value) ? value : [value])),
  'canonical-rights': (doc, path) =>
    updateIn(doc, path, (value) =>
      typeof value === 'string' ? (canonicalRightsUri(value) ?? value) : value,
    ),
  'canonical-context': canonicalContext,
  'move-logo-to-provider': moveLogoToProvider,
  'p2-image-service-to-v2': (doc, path) =>
    updateIn(doc, path, (value) => (isJsonObject(value) ? toImageService2(value) : value)),
  'add-service-type': (doc, path) =>
    updateIn(doc, path, (value) => (isJsonObject(value) ? addServiceType(value) : value)),
  'remove-range-item': removeListEntry,
  // The finding points at the empty `items`; the Range that holds it goes, while it is still empty.
  'remove-empty-range': (doc, path) => {
    const items = getIn(doc, path);
    return isJsonArray(items) && items.length === 0 ? removeListEntry(doc, path.slice(0, -1)) : doc;
  },
  'remove-disallowed-html': (doc, path) =>
    updateIn(doc, path, (value) => (typeof value === 'string' ? sanitizeValue(value).text : value)),
  'clamp-time-to-duration': clampTimeToDuration,
  'number-from-text': (doc, path) => updateIn(doc, path, (value) => numberFromText(value) ?? value),
  'close-polygon-ring': (doc, path) =>
    updateIn(doc, path, (ring) => (ring === undefined ? ring : closeRing(ring))),
  'canonical-motivation': (doc, path) =>
    updateIn(doc, path, (value) =>
      typeof value === 'string' ? (canonicalMotivation(value) ?? value) : value,
    ),
};

const DESCRIPTIONS: Readonly<Record<FixId, string>> = {
  'rename-none-key': 'Rename "@none" to "none"',
  'string-to-language-map': 'Turn the text into a language map ({ "none": [ ... ] })',
  'wrap-in-array': 'Wrap the value in a list',
  'canonical-rights': 'Use the license identifier (http, with trailing slash)',
  'canonical-context': 'Use the Presentation 3 context URI, last in @context',
  'move-logo-to-provider': 'Move the logo into the provider (creating one if needed)',
  'p2-image-service-to-v2': 'Rewrite as an ImageService2 (@id, @type, one profile level)',
  'add-service-type': 'Add the service type',
  'remove-range-item': 'Remove this entry from the Range',
  'remove-empty-range': 'Remove the empty Range',
  'remove-disallowed-html': 'Remove the HTML Presentation 3 does not allow',
  'clamp-time-to-duration': 'End the time span at the end of the Canvas',
  'close-polygon-ring': 'Close the ring: repeat its first position at the end',
  'number-from-text': 'Write the number as a number, not as text',
  'canonical-motivation': 'Write the motivation as the specification does',
};

export function describeFix(fix: FixId): string {
  return DESCRIPTIONS[fix];
}

export function applyFix(doc: JsonValue, finding: Finding): JsonValue {
  if (finding.fix === undefined) return doc;
  try {
    return FIXES[finding.fix](doc, finding.path);
  } catch {
    // The path no longer exists in this document (an earlier fix moved it): nothing to repair here.
    return doc;
  }
}

/** Applies the fix of every finding with this code, re-validating until none is left (or nothing changes). */
export function applyAllOfKind(doc: JsonValue, code: string): JsonValue {
  return applyRepeatedly(doc, (finding) => finding.code === code);
}

/** Applies every certain fix the validator offers for this document. */
export function applyAllFixes(doc: JsonValue): JsonValue {
  return applyRepeatedly(doc, () => true);
}

function applyRepeatedly(doc: JsonValue, wanted: (finding: Finding) => boolean): JsonValue {
  let current = doc;
  for (let pass = 0; pass < 8; pass++) {
    const findings = validate(current).filter((finding) => finding.fix !== undefined && wanted(finding));
    if (findings.length === 0) break;
    // Deepest paths first: repairing a value never moves the paths inside its siblings, but wrapping or
    // rewriting an outer value would move the paths of findings inside it.
    // Among paths of one length, later list entries first, so removing one never shifts another's index.
    findings.sort((a, b) => b.path.length - a.path.length || laterFirst(a.path, b.path));
    const before = current;
    for (const finding of findings) current = applyFix(current, finding);
    if (current === before) break;
  }
  return current;
}

function laterFirst(a: JsonPath, b: JsonPath): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x !== y) return typeof x === 'number' && typeof y === 'number' ? y - x : 0;
  }
  return 0;
}

/** Removes the list entry at `path` (its last step is an index); anything else is left as it is. */
function removeListEntry(doc: JsonValue, path: JsonPath): JsonValue {
  const index = path[path.length - 1];
  if (typeof index !== 'number') return doc;
  return updateIn(doc, path.slice(0, -1), (list) =>
    isJsonArray(list) && index < list.length ? list.filter((_, i) => i !== index) : list,
  );
}

function renameNoneKey(doc: JsonValue, path: JsonPath): JsonValue {
  if (path[path.length - 1] !== '@none') return doc;
  return updateIn(doc, path.slice(0, -1), (map) => {
    if (!isJsonObject(map) || map['@none'] === undefined) return map;
    const renamed: Record<string, JsonValue> = {};
    for (const [key, value] of Object.entries(map)) {
      if (key === '@none') renamed.none = mergeTexts(map.none, value);
      else if (key !== 'none') putOwn(renamed, key, value);
    }
    return renamed;
  });
}

function mergeTexts(existing: JsonValue | undefined, added: JsonValue): JsonValue {
  if (existing === undefined) return added;
  return [...(isJsonArray(existing) ? existing : [existing]), ...(isJsonArray(added) ? added : [added])];
}

/** A plain string, a list of strings, or a JSON-LD list of { "@value", "@language" } as a language map. */
export function toLanguageMap(value: JsonValue | undefined): JsonObject | undefined {
  if (typeof value === 'string') return { none: [value] };
  if (!isJsonArray(value) || value.length === 0) return undefined;
  // A Map, not an object literal: the languages are data and may be "__proto__" or "constructor".
  const map = new Map<string, string[]>();
  const add = (language: string, text: string) => {
    const values = map.get(language);
    if (values === undefined) map.set(language, [text]);
    else values.push(text);
  };
  for (const item of value) {
    if (typeof item === 'string') add('none', item);
    else if (isJsonObject(item) && typeof item['@value'] === 'string') {
      const language =
        typeof item['@language'] === 'string' && item['@language'] !== '' ? item['@language'] : 'none';
      add(language, item['@value']);
    } else return undefined;
  }
  return Object.fromEntries(map);
}

function canonicalContext(doc: JsonValue, path: JsonPath): JsonValue {
  if (!isJsonObject(doc)) return doc;
  if (path.length === 0 && doc['@context'] === undefined) {
    // The context should be the first key, so the document is rebuilt rather than appended to.
    return { '@context': PRESENTATION_3_CONTEXT, ...doc };
  }
  return updateIn(doc, ['@context'], (context) => {
    const entries = isJsonArray(context) ? context : context === undefined ? [] : [context];
    const others = entries.filter(
      (entry) => !(typeof entry === 'string' && isPresentation3ContextVariant(entry)),
    );
    return others.length === 0 ? PRESENTATION_3_CONTEXT : [...others, PRESENTATION_3_CONTEXT];
  });
}

function moveLogoToProvider(doc: JsonValue, path: JsonPath): JsonValue {
  if (path[path.length - 1] !== 'logo') return doc;
  const ownerPath = path.slice(0, -1);
  const owner = getIn(doc, ownerPath);
  if (!isJsonObject(owner) || owner.logo === undefined) return doc;
  const logos = isJsonArray(owner.logo) ? owner.logo : [owner.logo];
  return updateIn(doc, ownerPath, (value) => {
    const resource = value as JsonObject;
    const rest: Record<string, JsonValue> = {};
    for (const [key, entry] of Object.entries(resource)) if (key !== 'logo') putOwn(rest, key, entry);
    const providers = isJsonArray(resource.provider) ? resource.provider : [];
    const first = providers[0];
    if (isJsonObject(first)) {
      const known = isJsonArray(first.logo) ? first.logo : first.logo === undefined ? [] : [first.logo];
      const knownIds = new Set(known.map((l) => (isJsonObject(l) ? l.id : undefined)));
      const added = logos.filter((l) => !(isJsonObject(l) && knownIds.has(l.id)));
      return { ...rest, provider: [{ ...first, logo: [...known, ...added] }, ...providers.slice(1)] };
    }
    return { ...rest, provider: [mintProvider(resource, logos)] };
  });
}

/**
 * An Agent for a resource that has none: its id is the resource's own URI with a "#provider" fragment (an
 * embedded resource may be named that way), its label the host that publishes the resource; both are meant
 * to be edited by the curator afterwards.
 */
function mintProvider(resource: JsonObject, logos: readonly JsonValue[]): JsonObject {
  const id = typeof resource.id === 'string' ? resource.id.split('#')[0] : undefined;
  const host = id !== undefined ? /^[a-z][a-z0-9+.-]*:\/\/([^/?#:]+)/i.exec(id)?.[1] : undefined;
  return {
    id: `${id ?? 'https://example.org/'}#provider`,
    type: 'Agent',
    label: { none: [host ?? 'Provider'] },
    logo: [...logos],
  };
}

function toImageService2(service: JsonObject): JsonObject {
  const version = presentation2ImageServiceVersion(service);
  if (version === undefined) return service;
  const profile = complianceProfile(service, version);
  const id = service['@id'] ?? service.id;
  if (profile === undefined || typeof id !== 'string') return service;
  const converted: Record<string, JsonValue> = { '@id': id, '@type': `ImageService${version}`, profile };
  for (const [key, value] of Object.entries(service)) {
    if (!['@context', '@id', 'id', '@type', 'type', 'profile'].includes(key)) putOwn(converted, key, value);
  }
  return converted;
}

function addServiceType(service: JsonObject): JsonObject {
  if (service.type !== undefined || service['@type'] !== undefined) return service;
  const inferred = inferServiceType(service);
  if (inferred === undefined) return service;
  // Right after the id, where people expect to read it.
  const withType: Record<string, JsonValue> = {};
  let placed = false;
  for (const [key, value] of Object.entries(service)) {
    putOwn(withType, key, value);
    if (!placed && (key === 'id' || key === '@id')) {
      withType[inferred.key] = inferred.value;
      placed = true;
    }
  }
  if (!placed) withType[inferred.key] = inferred.value;
  return withType;
}

/**
 * The duration of Canvas `canvasId`: the nearest enclosing Canvas on the path when it is that one (an
 * annotation on its own Canvas, a placeholder's), else the Manifest's Canvas with that id (a Range's item).
 */
function canvasDurationFor(doc: JsonValue, path: JsonPath, canvasId: string): number | undefined {
  for (let length = path.length - 1; length >= 0; length--) {
    const node = getIn(doc, path.slice(0, length));
    if (isJsonObject(node) && node.type === 'Canvas' && node.id === canvasId)
      return typeof node.duration === 'number' ? node.duration : undefined;
  }
  const items = isJsonObject(doc) && isJsonArray(doc.items) ? doc.items : [];
  const canvas = items.find((item) => isJsonObject(item) && item.id === canvasId);
  return isJsonObject(canvas) && typeof canvas.duration === 'number' ? canvas.duration : undefined;
}

function clampTimeToDuration(doc: JsonValue, path: JsonPath): JsonValue {
  const entry = getIn(doc, path);
  const reference = entry === undefined ? undefined : timeReferenceOf(entry);
  if (reference === undefined) return doc;
  const duration = canvasDurationFor(doc, path, reference.source);
  if (duration === undefined || !(duration > 0)) return doc;
  return updateIn(doc, path, (value) => (value === undefined ? value : clampTimeReference(value, duration)));
}
