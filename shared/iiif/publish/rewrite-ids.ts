/**
 * Gives a Manifest the ids it will have once published under a base URL. An id is a property of the resource,
 * never of its position, because other people's annotations, exhibitions and citations point at published
 * URIs: a resource whose id already lies under the base keeps it byte for byte; one published before (the
 * previous publication's record) keeps the URI it had, even after its id in the document was edited (it is then
 * recognised by its fingerprint: what it is apart from its id and place, see resource-fingerprints); any other
 * gets `<parent>/<kind>/<hash of its current id>`, so
 * reordering, inserting or deleting resources renames no other one. Only a resource without any id is named
 * from its place inside its parent. Every reference to an old id (start, Range items, annotation targets with
 * #xywh= or #t= fragments, SpecificResource sources, partOf) follows. Other ids under the draft's base (the
 * composed bodies Tessera mints, `…/annotation/1/body/1`) move with the resource they are nested in, so no
 * draft address is left in a publication. Images the project serves locally move under the publication too;
 * images and services of institutions are never touched.
 */
import { arrayOnly } from '../fields';
import { documentBaseUri } from '../document/mint-ids';
import { isJsonArray, isJsonObject, putOwn, type JsonObject, type JsonValue } from '../json';
import type { PublicationRecord, PublishedResource } from './publication-record';
import {
  annotationFingerprint,
  canvasFingerprint,
  pageFingerprint,
  rangeFingerprint,
  TEXT_PROPERTIES,
} from './resource-fingerprints';
import { stableHash } from './stable-hash';

export interface RewriteOptions {
  /** The public URL of the publication folder, e.g. https://example.org/iiif/book1 */
  readonly toBase: string;
  /**
   * The URL the project's local images are served from now (their Image API services and image URLs start
   * with it). Those move to `${toBase}/${imagesPath}`. Without it no image URL is rewritten.
   */
  readonly fromBase?: string;
  /** Folder of the publication that holds the local image tiles; "images" by default. */
  readonly imagesPath?: string;
  /** The record of the last publication at this place: resources named there keep their URIs. */
  readonly previous?: PublicationRecord;
}

export interface RewriteResult {
  readonly doc: JsonValue;
  /** Old id -> new id, for every resource given a new id (in document order). */
  readonly mapping: Readonly<Record<string, string>>;
  /** Every resource the publication names, in document order: what its record remembers. */
  readonly resources: readonly PublishedResource[];
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

export function rewriteIds(doc: JsonValue, options: RewriteOptions): RewriteResult {
  const base = trimSlash(options.toBase);
  const mapping = new Map<string, string>();
  const manifest = isJsonObject(doc) && doc.type === 'Manifest' ? doc : undefined;
  const namer = new Namer(base, doc, mapping, options.previous);
  const planned = manifest ? planManifest(manifest, base, namer) : undefined;
  if (manifest) planNestedIds(manifest, documentBaseUri(manifest), base, mapping, namer, options.previous);
  const local =
    options.fromBase !== undefined && options.fromBase !== '' ? trimSlash(options.fromBase) : undefined;
  const imagesBase = `${base}/${(options.imagesPath ?? 'images').replace(/^\/+|\/+$/g, '')}`;

  const rewriteString = (value: string): string => {
    const resolved = resolveIn(mapping, value);
    if (resolved !== undefined) return resolved;
    if (local !== undefined && (value === local || value.startsWith(`${local}/`))) {
      const moved = imagesBase + value.slice(local.length);
      if (!mapping.has(value)) mapping.set(value, moved);
      return moved;
    }
    return value;
  };

  const rewritten = rewriteValue(doc, planned, rewriteString);
  return { doc: rewritten, mapping: Object.fromEntries(mapping), resources: namer.resources };
}

/** The new form of a reference to a renamed resource, `#fragment` kept; undefined when it names none. */
function resolveIn(mapping: ReadonlyMap<string, string>, value: string): string | undefined {
  // A Range may be named by a fragment of another URI (`…/manifest#chapter-1`, which the specification
  // allows): that whole id is the Range's own, and must win over the document it is a fragment of.
  const whole = mapping.get(value);
  if (whole !== undefined) return whole;
  const hash = value.indexOf('#');
  const head = hash === -1 ? value : value.slice(0, hash);
  const mapped = mapping.get(head);
  if (mapped === undefined) return undefined;
  return hash === -1 ? mapped : mapped + value.slice(hash);
}

/**
 * The new ids: a tree mirroring the parts of the Manifest that get them. A node's `id` is its new id; its
 * `children` map property names and indexes to the plans of the resources inside.
 */
interface Plan {
  readonly id?: string;
  readonly children: Map<string, Map<number, Plan> | Plan>;
}

function plan(id?: string): Plan {
  return { ...(id !== undefined ? { id } : {}), children: new Map() };
}

/** Every `id` string in the document, wherever it is. */
function collectIds(value: JsonValue, into: Set<string>): void {
  if (isJsonArray(value)) for (const item of value) collectIds(item, into);
  else if (isJsonObject(value)) {
    if (typeof value.id === 'string') into.add(value.id);
    for (const child of Object.values(value)) collectIds(child, into);
  }
}

/** What a record's map says for `key`: its own entries only (an id may be spelled `constructor`). */
function recalled(
  map: Readonly<Record<string, string>> | undefined,
  key: string | undefined,
): string | undefined {
  return map !== undefined && key !== undefined && Object.hasOwn(map, key) ? map[key] : undefined;
}

/** Chooses each resource's published id, making sure no two resources share one. */
class Namer {
  readonly resources: PublishedResource[] = [];
  private readonly used = new Set<string>();
  /** Ids under the base that the document already holds: another resource must not be given one of them. */
  private readonly taken = new Set<string>();
  /** Canvas fingerprints that occur once in the document (a repeated one tells no Canvas apart). */
  private readonly uniqueFingerprints = new Set<string>();
  /** How often each fingerprint of a page, annotation or Range occurs in the document. */
  private readonly fingerprintCounts = new Map<string, number>();
  /** Each surveyed page, annotation and Range's fingerprint; null for one met twice (two places, two keys). */
  private readonly fingerprints = new Map<JsonObject, string | null>();
  /**
   * URIs the record gives to ids the document still holds: their resources claim them by id, so no other
   * resource may take one by fingerprint, wherever it stands.
   */
  private readonly reserved = new Set<string>();
  private readonly remembered: PublicationRecord | undefined;

  constructor(
    private readonly base: string,
    doc: JsonValue,
    private readonly mapping: Map<string, string>,
    previous: PublicationRecord | undefined,
  ) {
    this.remembered = previous?.base === base ? previous : undefined;
    const ids = new Set<string>();
    collectIds(doc, ids);
    for (const id of ids) {
      if (this.under(id)) this.taken.add(id);
      const uri = recalled(this.remembered?.ids, id);
      if (uri !== undefined) this.reserved.add(uri);
    }
    const counts = new Map<string, number>();
    if (isJsonObject(doc))
      for (const canvas of arrayOnly(doc.items)) {
        const fingerprint = isJsonObject(canvas) ? canvasFingerprint(canvas) : undefined;
        if (fingerprint !== undefined) counts.set(fingerprint, (counts.get(fingerprint) ?? 0) + 1);
      }
    for (const [fingerprint, n] of counts) if (n === 1) this.uniqueFingerprints.add(fingerprint);
  }

  private under(id: string): boolean {
    return id.startsWith(`${this.base}/`);
  }

  /** An id this resource may have: under the base, and neither given out nor held by another resource. */
  private free(id: string | undefined, source: string | undefined): id is string {
    return id !== undefined && this.under(id) && !this.used.has(id) && (id === source || !this.taken.has(id));
  }

  /** `candidate`, or when that is taken `candidate-2`, `-3`…: the published id of a nested resource. */
  claim(candidate: string, source: string): string {
    let id = candidate;
    for (let n = 2; !this.free(id, source); n++) id = `${candidate}-${n}`;
    this.used.add(id);
    this.mapping.set(source, id);
    return id;
  }

  /**
   * Notes what `node` is (see surveyFingerprints). All are surveyed before any is named, so a fingerprint is
   * matched only when it tells its resource apart from every other in the document.
   */
  survey(node: JsonObject, fingerprint: string): void {
    this.fingerprintCounts.set(fingerprint, (this.fingerprintCounts.get(fingerprint) ?? 0) + 1);
    this.fingerprints.set(node, this.fingerprints.has(node) ? null : fingerprint);
  }

  /** A reference as it will be published, as far as the resources named so far tell. */
  readonly resolve = (reference: string): string => resolveIn(this.mapping, reference) ?? reference;

  /**
   * The published id of `node`. `parent` and `segment` place a derived id (`<parent>/<segment>/<hash>`);
   * `fallback` stands in for the id of a resource that has none; `exact`, when given, is its id.
   */
  name(
    node: JsonObject,
    kind: PublishedResource['kind'],
    parent: string,
    segment: string,
    fallback: string,
    exact?: string,
  ): string {
    const source = typeof node.id === 'string' ? node.id : undefined;
    const remembered = this.remembered;
    let fingerprint: string | undefined;
    let distinct: boolean;
    let known: string | undefined;
    if (kind === 'canvas') {
      fingerprint = canvasFingerprint(node);
      distinct = fingerprint !== undefined && this.uniqueFingerprints.has(fingerprint);
      known = distinct ? recalled(remembered?.canvases, fingerprint) : undefined;
    } else {
      fingerprint = this.fingerprints.get(node) ?? undefined;
      distinct = fingerprint !== undefined && this.fingerprintCounts.get(fingerprint) === 1;
      known = distinct ? recalled(remembered?.fingerprints, fingerprint) : undefined;
      if (known !== undefined && this.reserved.has(known)) known = undefined;
    }
    let id: string | undefined;
    if (exact !== undefined) id = exact;
    else if (this.free(source, source)) id = source;
    else if (this.free(recalled(remembered?.ids, source), source)) id = recalled(remembered?.ids, source);
    else if (this.free(known, source)) id = known;
    if (id === undefined) {
      const derived = `${parent}/${segment}/${stableHash(source ?? fallback)}`;
      id = derived;
      for (let n = 2; !this.free(id, source); n++) id = `${derived}-${n}`;
    }
    this.used.add(id);
    // The first resource to claim an old id wins; references to it follow the first one.
    if (source !== undefined && !this.mapping.has(source)) this.mapping.set(source, id);
    this.resources.push({
      kind,
      ...(source !== undefined ? { source } : {}),
      published: id,
      ...(distinct ? { fingerprint } : {}),
    });
    return id;
  }
}

function planManifest(manifest: JsonObject, base: string, namer: Namer): Plan {
  const root = plan(namer.name(manifest, 'manifest', base, '', '', `${base}/manifest.json`));
  // Every Canvas first: what is on a Canvas, or points at one, is fingerprinted by the Canvases' published URIs.
  const canvasIds = new Map<number, string>();
  arrayOnly(manifest.items).forEach((canvas, index) => {
    if (isJsonObject(canvas))
      canvasIds.set(index, namer.name(canvas, 'canvas', base, 'canvas', `${base} items ${index}`));
  });
  surveyFingerprints(manifest, base, canvasIds, namer);
  const canvases = new Map<number, Plan>();
  arrayOnly(manifest.items).forEach((canvas, index) => {
    const id = canvasIds.get(index);
    if (isJsonObject(canvas) && id !== undefined) canvases.set(index, planCanvas(canvas, id, namer));
  });
  root.children.set('items', canvases);
  planCompanions(manifest, base, root, namer);
  planPages(manifest, 'annotations', base, 'annotations', root, namer);
  const rangeIds = new Map<string, string>();
  const planRange = (range: JsonObject, where: string): Plan => {
    // Only Ranges given in full are ours to name; a Range without items refers to one published elsewhere.
    if (!isJsonArray(range.items)) return plan();
    // The same Range may be spelled out in two hierarchies: it keeps one new id.
    const existing = typeof range.id === 'string' ? rangeIds.get(range.id) : undefined;
    const node = plan(existing ?? namer.name(range, 'range', base, 'range', where));
    if (typeof range.id === 'string') rangeIds.set(range.id, node.id as string);
    const children = new Map<number, Plan>();
    range.items.forEach((item, index) => {
      if (isJsonObject(item) && item.type === 'Range')
        children.set(index, planRange(item, `${node.id as string} items ${index}`));
    });
    node.children.set('items', children);
    return node;
  };
  const structures = new Map<number, Plan>();
  arrayOnly(manifest.structures).forEach((range, index) => {
    if (isJsonObject(range)) structures.set(index, planRange(range, `${base} structures ${index}`));
  });
  root.children.set('structures', structures);
  return root;
}

function planCanvas(canvas: JsonObject, id: string, namer: Namer): Plan {
  const node = plan(id);
  planPages(canvas, 'items', id, 'page', node, namer);
  planPages(canvas, 'annotations', id, 'annotations', node, namer);
  planCompanions(canvas, id, node, namer);
  return node;
}

function planCompanions(owner: JsonObject, ownerId: string, node: Plan, namer: Namer): void {
  for (const key of ['placeholderCanvas', 'accompanyingCanvas'] as const) {
    const canvas = owner[key];
    if (!isJsonObject(canvas)) continue;
    const id = namer.name(canvas, 'canvas', ownerId, key, `${ownerId} ${key}`);
    node.children.set(key, planCanvas(canvas, id, namer));
  }
}

/**
 * Fingerprints every page and Annotation of the Manifest and its Canvases, and every Range given in full, once
 * the Canvases are named and before anything else is: each names the Canvases it is on or points at by their
 * published URIs, and other resources by their ids in the document, whatever order they are named in.
 * (Pages of placeholder and accompanying Canvases, named later, are left out: they are matched by id only.)
 */
function surveyFingerprints(
  manifest: JsonObject,
  base: string,
  canvasIds: ReadonlyMap<number, string>,
  namer: Namer,
): void {
  const pagesOf = (owner: JsonObject, ownerId: string): void => {
    for (const key of ['items', 'annotations']) {
      for (const page of arrayOnly(owner[key])) {
        if (!isJsonObject(page) || !isJsonArray(page.items)) continue;
        const annotations: string[] = [];
        for (const annotation of page.items) {
          if (!isJsonObject(annotation)) continue;
          const fingerprint = annotationFingerprint(annotation, namer.resolve);
          namer.survey(annotation, fingerprint);
          annotations.push(fingerprint);
        }
        namer.survey(page, pageFingerprint(ownerId, key, annotations));
      }
    }
  };
  pagesOf({ annotations: manifest.annotations ?? [] }, base);
  arrayOnly(manifest.items).forEach((canvas, index) => {
    const id = canvasIds.get(index);
    if (isJsonObject(canvas) && id !== undefined) pagesOf(canvas, id);
  });
  // A Range spelled out in two hierarchies is one Range (it keeps one id): surveyed once.
  const ranges = new Set<string>();
  const visitRange = (range: JsonValue): void => {
    if (!isJsonObject(range) || range.type !== 'Range' || !isJsonArray(range.items)) return;
    if (typeof range.id === 'string') {
      if (ranges.has(range.id)) return;
      ranges.add(range.id);
    }
    namer.survey(range, rangeFingerprint(range, namer.resolve));
    range.items.forEach(visitRange);
  };
  arrayOnly(manifest.structures).forEach(visitRange);
}

/** Annotation Pages given in full (with items) and their Annotations; referenced pages keep their ids. */
function planPages(
  owner: JsonObject,
  key: string,
  ownerId: string,
  segment: string,
  node: Plan,
  namer: Namer,
): void {
  const pages = new Map<number, Plan>();
  arrayOnly(owner[key]).forEach((page, pageIndex) => {
    if (!isJsonObject(page) || !isJsonArray(page.items)) return;
    const pageId = namer.name(page, 'page', ownerId, segment, `${ownerId} ${key} ${pageIndex}`);
    const pagePlan = plan(pageId);
    const annotations = new Map<number, Plan>();
    page.items.forEach((annotation, index) => {
      if (!isJsonObject(annotation)) return;
      const where = `${pageId} items ${index}`;
      annotations.set(index, plan(namer.name(annotation, 'annotation', pageId, 'annotation', where)));
    });
    pagePlan.children.set('items', annotations);
    pages.set(pageIndex, pagePlan);
  });
  node.children.set(key, pages);
}

/**
 * Resources that live inside the manifest, described there and nowhere else: the kinds Tessera mints nested
 * ids for (composed bodies). Anything else under the draft base that no plan names (an image, a service, a
 * provider's page, a referenced page) is a file or page on someone's server, which a publication does not copy:
 * its id is where it is, and stays.
 */
const DESCRIBED_TYPES = /^(?:SpecificResource|Choice|TextualBody|Annotation|\w*Selector)$/;

/**
 * Ids under the draft's base that no plan names (a composed body's `…/annotation/1/body/1`, a SpecificResource
 * minted at the base): each goes where its nearest renamed ancestor id went (`<new annotation id>/body/1`),
 * else from the draft base to the publication base. Planned first, so references anywhere follow. An ancestor
 * whose id was edited since the last publication is still found by the id it was published under, so the
 * body keeps following the Annotation that keeps its URI.
 */
function planNestedIds(
  doc: JsonObject,
  draftBase: string,
  base: string,
  mapping: Map<string, string>,
  namer: Namer,
  previous: PublicationRecord | undefined,
): void {
  const draft = `${trimSlash(draftBase)}/`;
  if (draft === `${base}/`) return;
  const remembered = previous?.base === base ? previous.ids : undefined;
  const movedAncestor = (id: string): string | undefined => {
    for (let slash = id.lastIndexOf('/'); slash > draft.length; slash = id.lastIndexOf('/', slash - 1)) {
      const ancestor = id.slice(0, slash);
      const moved = mapping.get(ancestor) ?? recalled(remembered, ancestor);
      if (moved !== undefined) return moved + id.slice(slash);
    }
    return undefined;
  };
  const visit = (value: JsonValue): void => {
    if (isJsonArray(value)) value.forEach(visit);
    if (!isJsonObject(value)) return;
    const id = value.id;
    const type = typeof value.type === 'string' ? value.type : '';
    if (
      typeof id === 'string' &&
      id.startsWith(draft) &&
      !id.startsWith(`${base}/`) &&
      !mapping.has(id) &&
      DESCRIBED_TYPES.test(type)
    )
      namer.claim(movedAncestor(id) ?? base + id.slice(draft.length - 1), id);
    for (const [key, child] of Object.entries(value)) if (!TEXT_PROPERTIES.has(key)) visit(child);
  };
  visit(doc);
}

/**
 * Rebuilds the value, replacing planned ids and references. Unchanged subtrees are returned as they are, so
 * the result shares every part the rewrite did not touch.
 */
function rewriteValue(
  value: JsonValue,
  planned: Plan | undefined,
  rewriteString: (s: string) => string,
): JsonValue {
  if (typeof value === 'string') return rewriteString(value);
  if (isJsonArray(value)) {
    return rewriteChild(value, new Map(), rewriteString);
  }
  if (!isJsonObject(value)) return value;
  let changed = false;
  const copy: Record<string, JsonValue> = {};
  // A resource that had no id gets one, first, where readers expect it.
  if (planned?.id !== undefined && value.id === undefined) {
    copy.id = planned.id;
    changed = true;
  }
  for (const [key, child] of Object.entries(value)) {
    let next: JsonValue;
    if (key === 'id' && planned?.id !== undefined) next = planned.id;
    else if (TEXT_PROPERTIES.has(key)) next = child;
    else next = rewriteChild(child, planned?.children.get(key), rewriteString);
    if (next !== child) changed = true;
    putOwn(copy, key, next);
  }
  return changed ? copy : value;
}

function rewriteChild(
  child: JsonValue,
  childPlan: Map<number, Plan> | Plan | undefined,
  rewriteString: (s: string) => string,
): JsonValue {
  if (childPlan === undefined || !(childPlan instanceof Map))
    return rewriteValue(child, childPlan, rewriteString);
  if (!isJsonArray(child)) return rewriteValue(child, undefined, rewriteString);
  let changed = false;
  const copy = child.map((item, index) => {
    const next = rewriteValue(item, childPlan.get(index), rewriteString);
    if (next !== item) changed = true;
    return next;
  });
  return changed ? copy : child;
}
