/**
 * Repairs, before the upgrade, the shapes real Presentation 2 publishers get wrong (issue 14.1), so that the
 * upgrader (which expects the spec's shapes and throws "e.sequences.map is not a function" otherwise) gets a
 * document it can read. Only repairs whose meaning is certain are made, each reported in a notice that says
 * what was changed and where:
 *   - a single object where the spec has a list (sequences, canvases, images, structures, otherContent,
 *     manifests, collections, members): wrapped in a list;
 *   - null entries in those lists: dropped;
 *   - a canvas, manifest or collection given as its URI string: made a reference object;
 *   - an image resource given as its URI string: made an image resource;
 *   - a missing @type on sequences, canvases, annotations, annotation lists, ranges and collection members:
 *     the only type the position allows (image resources are left alone: the upgrader types them itself);
 *   - a painting annotation without `on`: the canvas it sits on;
 *   - a canvas without @id: one derived from the manifest's @id and its position;
 *   - null entries in descriptive and linking lists (label, description, metadata, seeAlso, related, service,
 *     ...): dropped; `metadata` given as one object: put in a list; metadata entries that are not objects:
 *     dropped;
 *   - an @id, @type or format that is not text, a license or motivation that is neither text nor a list of
 *     texts: dropped (a license given as {"@id": URI} becomes that URI);
 *   - an image annotation whose `on` is null or not a target: the canvas it sits on.
 * (`seeAlso`, `related`, `rendering`, `service` and `thumbnail` given as one object or one URI are Presentation 2
 * as written, and the upgrader reads them: they are not "repaired".)
 * What cannot be repaired (sequences given as text, a canvas that is a number) is named precisely, so the
 * upgrade failure can say where the document is broken instead of passing on the upgrader's own words.
 * The tree is a fresh JSON.parse result that nobody else holds, so it is repaired in place.
 */
import { p2IdOf } from '../fields';
import type { JsonObject, JsonValue } from '../json';
import { isJsonArray, isJsonObject } from '../json';
import type { Notice } from './notices';
import { count, notice } from './notices';

type Mutable = Record<string, JsonValue>;

export interface RepairResult {
  readonly notices: Notice[];
  /** Places the pass could not repair, in words ("sequences[0].canvases[2] is the number 7"). */
  readonly unrepairable: string[];
}

/** What was repaired, grouped so that 500 canvases with the same fault make one notice, not 500. */
class Repairs {
  private readonly groups = new Map<string, { message: string; where: string[] }>();
  readonly unrepairable: string[] = [];

  add(code: string, message: string, where: string): void {
    const group = this.groups.get(code) ?? { message, where: [] };
    group.where.push(where === '' ? 'the top level' : where);
    this.groups.set(code, group);
  }

  notices(): Notice[] {
    return [...this.groups.entries()].map(([code, { message, where }]) => {
      const shown = where.slice(0, 3).join(', ');
      const more = where.length > 3 ? ` and ${where.length - 3} more` : '';
      return notice(
        `repaired-${code}`,
        'warning',
        `Repaired before upgrading: ${message} (${count(where.length, 'place')}: ${shown}${more}).`,
      );
    });
  }
}

/** A value in a few words, for saying what stands where it should not. */
export function describeValue(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string')
    return `the text "${value.length > 40 ? `${value.slice(0, 37)}...` : value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return `the ${typeof value} ${String(value)}`;
  return isJsonArray(value) ? 'a list' : 'an object';
}

const join = (path: string, step: string | number) =>
  typeof step === 'number' ? `${path}[${step}]` : path === '' ? step : `${path}.${step}`;

/**
 * The list at `node[key]`, made a list of objects: a single object is wrapped, nulls dropped, and a string
 * turned into an object by `fromString` where that is certain. Returns the objects, or [] when absent.
 */
function listAt(
  node: Mutable,
  key: string,
  path: string,
  repairs: Repairs,
  fromString?: (text: string) => JsonObject,
): Mutable[] {
  const value = node[key];
  if (value === undefined) return [];
  const where = join(path, key);
  let list: JsonValue[];
  if (isJsonArray(value)) list = [...value];
  else if (isJsonObject(value)) {
    list = [value];
    repairs.add(`${key}-not-list`, `"${key}" was one object, not a list; it was put in a list`, where);
  } else if (typeof value === 'string' && fromString !== undefined) {
    list = [value];
  } else {
    repairs.unrepairable.push(`"${where}" is ${describeValue(value)}, not a list`);
    return [];
  }
  const out: Mutable[] = [];
  list.forEach((item, index) => {
    if (item === null) {
      repairs.add(`${key}-null`, `an empty (null) entry in "${key}" was dropped`, join(where, index));
    } else if (isJsonObject(item)) out.push(item as Mutable);
    else if (typeof item === 'string' && fromString !== undefined) {
      out.push(fromString(item) as Mutable);
      repairs.add(
        `${key}-string`,
        `an entry in "${key}" was given as its URI; it was made a reference with that @id`,
        join(where, index),
      );
    } else {
      repairs.unrepairable.push(`"${join(where, index)}" is ${describeValue(item)}, not an object`);
    }
  });
  node[key] = out;
  return out;
}

function ensureType(node: Mutable, type: string, what: string, where: string, repairs: Repairs): void {
  if (node['@type'] !== undefined || node['type'] !== undefined) return;
  node['@type'] = type;
  repairs.add(`${type}-type-missing`, `${what} without "@type" was given "${type}"`, where);
}

/** A target as Presentation 2 writes it: a URI, a specific resource, or a list of those. */
function isTarget(on: JsonValue): boolean {
  if (typeof on === 'string' || isJsonObject(on)) return true;
  return isJsonArray(on) && on.length > 0 && on.every((t) => typeof t === 'string' || isJsonObject(t));
}

/** Lists in which a null entry means nothing and makes the upgrader throw. */
const LIST_PROPERTIES = new Set([
  'label',
  'description',
  'attribution',
  'metadata',
  'seeAlso',
  'related',
  'rendering',
  'service',
  'thumbnail',
  'logo',
  'within',
  'license',
  'motivation',
  'format',
  'viewingHint',
]);
/** Properties whose value is one text: anything else is dropped (its meaning cannot be guessed). */
const TEXT_PROPERTIES = ['@id', '@type', 'format'] as const;
/** Properties that are a text or a list of texts. */
const TEXTS_PROPERTIES = ['license', 'motivation'] as const;

/**
 * The value-level repairs, on every object of the tree (before the structural ones, which then see clean
 * values). The tree is at most MAX_NESTING deep (read.ts refuses deeper input first), so recursion is safe.
 */
function tidyValues(node: JsonValue, path: string, repairs: Repairs, isRoot: boolean): void {
  if (isJsonArray(node)) {
    node.forEach((item, index) => tidyValues(item, join(path, index), repairs, false));
    return;
  }
  if (!isJsonObject(node)) return;
  const object = node as Mutable;
  for (const key of Object.keys(object)) {
    const value = object[key] as JsonValue;
    const where = join(path, key);
    if (isJsonArray(value) && LIST_PROPERTIES.has(key) && value.includes(null)) {
      object[key] = value.filter((item) => item !== null);
      repairs.add('null-in-list', 'empty (null) entries in a list were dropped', where);
    }
  }
  const metadata = object['metadata'];
  if (metadata !== undefined) {
    if (isJsonObject(metadata)) {
      object['metadata'] = [metadata];
      repairs.add(
        'metadata-not-list',
        '"metadata" was one object, not a list; it was put in a list',
        join(path, 'metadata'),
      );
    } else if (isJsonArray(metadata)) {
      if (metadata.some((entry) => !isJsonObject(entry))) {
        object['metadata'] = metadata.filter(isJsonObject);
        repairs.add(
          'metadata-entry',
          'metadata entries that were not label and value pairs were dropped',
          join(path, 'metadata'),
        );
      }
    } else {
      delete object['metadata'];
      repairs.add(
        'metadata-invalid',
        `"metadata" that was not a list of label and value pairs was dropped`,
        join(path, 'metadata'),
      );
    }
  }
  for (const key of TEXT_PROPERTIES) {
    const value = object[key];
    // The root's @type decided that this is Presentation 2 at all: it is a text already.
    if (value === undefined || typeof value === 'string' || (isRoot && key === '@type')) continue;
    delete object[key];
    repairs.add(
      `${key.replace('@', '')}-not-text`,
      `"${key}" that was ${describeValue(value)}, not a text, was dropped`,
      join(path, key),
    );
  }
  for (const key of TEXTS_PROPERTIES) {
    const value = object[key];
    if (value === undefined || typeof value === 'string') continue;
    // The top's license, in any of its forms ({"@id": URI}, or a list mixing those with texts), is carried by
    // carry-license.ts, which reads each and drops the rest; dropping entries here would lose known licences.
    if (isRoot && key === 'license') continue;
    const where = join(path, key);
    if (isJsonObject(value) && typeof value['@id'] === 'string') {
      object[key] = value['@id'];
      repairs.add(`${key}-object`, `a "${key}" given as an object was replaced by its @id`, where);
    } else if (isJsonArray(value) && value.some((item) => typeof item === 'string')) {
      if (value.every((item) => typeof item === 'string')) continue;
      object[key] = value.filter((item) => typeof item === 'string');
      repairs.add(`${key}-not-text`, `entries of "${key}" that were not texts were dropped`, where);
    } else {
      delete object[key];
      repairs.add(
        `${key}-not-text`,
        `"${key}" that was ${describeValue(value)}, not a text, was dropped`,
        where,
      );
    }
  }
  for (const key of Object.keys(object))
    tidyValues(object[key] as JsonValue, join(path, key), repairs, false);
}

/** Repairs `root` (a parsed Presentation 2 Manifest or Collection) in place. */
export function repairPresentation2(root: JsonObject): RepairResult {
  const repairs = new Repairs();
  const node = root as Mutable;
  tidyValues(node, '', repairs, true);
  const type = node['@type'] ?? node['type'];
  if (type === 'sc:Collection') repairCollection(node, '', repairs);
  else repairManifest(node, '', repairs);
  return { notices: repairs.notices(), unrepairable: repairs.unrepairable };
}

function repairCollection(node: Mutable, path: string, repairs: Repairs): void {
  for (const [key, memberType] of [
    ['manifests', 'sc:Manifest'],
    ['collections', 'sc:Collection'],
  ] as const) {
    for (const [index, member] of listAt(node, key, path, repairs, (id) => ({
      '@id': id,
      '@type': memberType,
    })).entries()) {
      ensureType(member, memberType, `a member of "${key}"`, join(join(path, key), index), repairs);
    }
  }
  for (const [index, member] of listAt(node, 'members', path, repairs).entries()) {
    const where = join(join(path, 'members'), index);
    if (member['@type'] === undefined && member['type'] === undefined)
      repairs.unrepairable.push(
        `"${where}" has no "@type", so it is unknown whether it is a manifest or collection`,
      );
  }
}

function repairManifest(node: Mutable, path: string, repairs: Repairs): void {
  const manifestId = p2IdOf(node) ?? undefined;
  const sequences = listAt(node, 'sequences', path, repairs);
  sequences.forEach((sequence, s) => {
    const sequencePath = join(join(path, 'sequences'), s);
    ensureType(sequence, 'sc:Sequence', 'a sequence', sequencePath, repairs);
    const canvases = listAt(sequence, 'canvases', sequencePath, repairs, (id) => ({
      '@id': id,
      '@type': 'sc:Canvas',
    }));
    canvases.forEach((canvas, c) =>
      repairCanvas(canvas, join(join(sequencePath, 'canvases'), c), c, manifestId, repairs),
    );
  });
  listAt(node, 'structures', path, repairs).forEach((range, r) =>
    ensureType(range, 'sc:Range', 'a range', join(join(path, 'structures'), r), repairs),
  );
}

function repairCanvas(
  canvas: Mutable,
  path: string,
  position: number,
  manifestId: string | undefined,
  repairs: Repairs,
): void {
  ensureType(canvas, 'sc:Canvas', 'a canvas', path, repairs);
  if (p2IdOf(canvas) === null && manifestId !== undefined) {
    canvas['@id'] =
      `${manifestId.replace(/\/manifest(\.json)?$/, '').replace(/\/+$/, '')}/canvas/${position + 1}`;
    repairs.add(
      'canvas-id-missing',
      'a canvas without "@id" was given one from the manifest\'s @id and its position',
      path,
    );
  }
  const canvasId = p2IdOf(canvas) ?? undefined;
  listAt(canvas, 'images', path, repairs).forEach((annotation, a) => {
    const where = join(join(path, 'images'), a);
    ensureType(annotation, 'oa:Annotation', 'an image annotation', where, repairs);
    if (annotation['motivation'] === undefined) {
      annotation['motivation'] = 'sc:painting';
      repairs.add(
        'motivation-missing',
        'an image annotation without "motivation" was given "sc:painting"',
        where,
      );
    }
    const on = annotation['on'];
    if (on === undefined && canvasId !== undefined) {
      annotation['on'] = canvasId;
      repairs.add(
        'on-missing',
        'an image annotation without "on" was targeted at the canvas it sits on',
        where,
      );
    } else if (on !== undefined && !isTarget(on) && canvasId !== undefined) {
      annotation['on'] = canvasId;
      repairs.add(
        'on-invalid',
        'an image annotation whose "on" was not a target (null, a number) was targeted at the canvas it sits on',
        join(where, 'on'),
      );
    }
    const resource = annotation['resource'];
    if (typeof resource === 'string') {
      annotation['resource'] = { '@id': resource, '@type': 'dctypes:Image' };
      repairs.add(
        'resource-string',
        'an image given as its URI was made an image resource with that @id',
        join(where, 'resource'),
      );
    } else if (resource === undefined || resource === null) {
      repairs.unrepairable.push(`"${where}" has no image ("resource")`);
    }
  });
  listAt(canvas, 'otherContent', path, repairs, (id) => ({
    '@id': id,
    '@type': 'sc:AnnotationList',
  })).forEach((list, l) =>
    ensureType(list, 'sc:AnnotationList', 'an annotation list', join(join(path, 'otherContent'), l), repairs),
  );
}
