/**
 * A published Presentation 3 Manifest (or Collection) written as Presentation 2.1, for viewers that read
 * nothing newer. It says what 2.1 can say: labels and metadata (language maps become @language values), the
 * canvases in one sequence with their images and Image API services, other annotation pages as embedded
 * annotation lists, ranges as a flat list of sc:Range, and the descriptive and linking properties. Whatever
 * 2.1 has no words for is left out and named in `lost`, so the curator knows what older viewers will not see.
 * Ids are kept: the same resources, the same URIs.
 */
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../json';

const P2_CONTEXT = 'http://iiif.io/api/presentation/2/context.json';
const IMAGE2_CONTEXT = 'http://iiif.io/api/image/2/context.json';

export interface Presentation2Result {
  readonly doc: JsonObject;
  /** What Presentation 2.1 cannot say, one line per kind of loss, with how often it occurred. */
  readonly lost: readonly string[];
}

class Losses {
  private readonly counts = new Map<string, number>();
  note(what: string): void {
    this.counts.set(what, (this.counts.get(what) ?? 0) + 1);
  }
  list(): string[] {
    return [...this.counts].map(([what, n]) => (n === 1 ? what : `${what} (${n}×)`));
  }
}

const list = (value: JsonValue | undefined): readonly JsonValue[] =>
  isJsonArray(value) ? value : value === undefined || value === null ? [] : [value];
const str = (value: JsonValue | undefined): string | undefined =>
  typeof value === 'string' ? value : undefined;

/** A language map as a 2.1 value: a plain string, or @language/@value pairs when languages are said. */
function text(map: JsonValue | undefined): JsonValue | undefined {
  if (!isJsonObject(map)) return typeof map === 'string' ? map : undefined;
  const values: JsonValue[] = [];
  for (const [language, strings] of Object.entries(map)) {
    for (const s of list(strings)) {
      if (typeof s !== 'string') continue;
      values.push(language === 'none' || language === '@none' ? s : { '@language': language, '@value': s });
    }
  }
  if (values.length === 0) return undefined;
  return values.length === 1 && typeof values[0] === 'string' ? values[0] : values;
}

function one(values: JsonValue[]): JsonValue | undefined {
  return values.length === 0 ? undefined : values.length === 1 ? values[0] : values;
}

function set(target: Record<string, JsonValue>, key: string, value: JsonValue | undefined): void {
  if (value !== undefined) target[key] = value;
}

function service(value: JsonValue | undefined, losses: Losses): JsonValue | undefined {
  const services = list(value).flatMap((s): JsonValue[] => {
    if (!isJsonObject(s)) return [];
    const id = str(s.id) ?? str(s['@id']);
    if (id === undefined) return [];
    const type = str(s.type) ?? str(s['@type']) ?? '';
    if (type.startsWith('ImageService') || str(s['@context'])?.includes('/image/')) {
      const level = /level([012])/.exec(str(s.profile) ?? JSON.stringify(s.profile ?? ''))?.[1] ?? '0';
      const out: Record<string, JsonValue> = {
        '@context': IMAGE2_CONTEXT,
        '@id': id,
        profile: `http://iiif.io/api/image/2/profiles/level${level}.json`,
      };
      for (const key of ['width', 'height', 'sizes', 'tiles'] as const) set(out, key, s[key]);
      return [out];
    }
    losses.note(`a service of type ${type || 'unknown'} is left out`);
    return [];
  });
  return one(services);
}

function linked(value: JsonValue | undefined, withLabel = true): JsonValue | undefined {
  return one(
    list(value).flatMap((r): JsonValue[] => {
      if (!isJsonObject(r) || typeof r.id !== 'string') return [];
      const out: Record<string, JsonValue> = { '@id': r.id };
      set(out, 'format', r.format);
      set(out, 'profile', r.profile);
      if (withLabel) set(out, 'label', text(r.label));
      return [out];
    }),
  );
}

function image(body: JsonObject, losses: Losses): JsonObject | undefined {
  if (body.type === 'Choice') {
    losses.note('a choice of images keeps only its first image');
    const first = list(body.items).find(isJsonObject);
    return first ? image(first, losses) : undefined;
  }
  if (body.type !== 'Image' || typeof body.id !== 'string') {
    losses.note(`a painted ${str(body.type) ?? 'resource'} that is not an image is left out`);
    return undefined;
  }
  const out: Record<string, JsonValue> = { '@id': body.id, '@type': 'dctypes:Image' };
  for (const key of ['format', 'height', 'width'] as const) set(out, key, body[key]);
  set(out, 'service', service(body.service, losses));
  return out;
}

function targetOf(target: JsonValue | undefined): JsonValue | undefined {
  if (typeof target === 'string') return target;
  if (!isJsonObject(target)) return undefined;
  if (typeof target.id === 'string') return target.id;
  if (target.type === 'SpecificResource') {
    const source = isJsonObject(target.source) ? str(target.source.id) : str(target.source);
    const selector = list(target.selector).find(isJsonObject);
    const fragment = selector?.type === 'FragmentSelector' ? str(selector.value) : undefined;
    return source !== undefined ? (fragment ? `${source}#${fragment}` : source) : undefined;
  }
  return undefined;
}

/** The bodies of an annotation; a Choice keeps its first item (2.1's oa:Choice is read by few viewers). */
function bodiesOf(anno: JsonObject, losses: Losses): JsonObject[] {
  return list(anno.body)
    .filter(isJsonObject)
    .flatMap((b) => {
      if (b.type !== 'Choice') return [b];
      losses.note('a choice of annotation bodies keeps only its first');
      const first = list(b.items).find(isJsonObject);
      return first ? [first] : [];
    });
}

function annotation(anno: JsonObject, losses: Losses): JsonObject | undefined {
  const motivations = list(anno.motivation).filter((m): m is string => typeof m === 'string');
  const bodies = bodiesOf(anno, losses);
  const resources = bodies.flatMap((b): JsonValue[] => {
    if (b.type === 'TextualBody') {
      const out: Record<string, JsonValue> = { '@type': 'cnt:ContentAsText', chars: str(b.value) ?? '' };
      set(out, 'format', b.format);
      set(out, 'language', b.language);
      return [out];
    }
    if (typeof b.id === 'string') return [{ '@id': b.id, ...(b.format ? { format: b.format } : {}) }];
    losses.note('an annotation body without an id is left out');
    return [];
  });
  const on = targetOf(anno.target);
  if (on === undefined) {
    losses.note('an annotation whose target 2.1 cannot express is left out');
    return undefined;
  }
  // A 2.1 annotation without a resource is not one: readers (and upgraders) fail on it.
  const resource = one(resources);
  if (resource === undefined) {
    losses.note('an annotation left with no body 2.1 can carry is left out');
    return undefined;
  }
  const out: Record<string, JsonValue> = { '@type': 'oa:Annotation' };
  set(out, '@id', anno.id);
  out.motivation = motivations.map((m) => `oa:${m}`).join(' ') || 'oa:commenting';
  out.resource = resource;
  out.on = on;
  return out;
}

function canvas(c: JsonObject, losses: Losses): JsonObject {
  const out: Record<string, JsonValue> = { '@id': str(c.id) ?? '', '@type': 'sc:Canvas' };
  out.label = text(c.label) ?? '';
  set(out, 'height', c.height);
  set(out, 'width', c.width);
  if (c.duration !== undefined) losses.note('a canvas duration (time-based media) is left out');
  set(out, 'thumbnail', linked(c.thumbnail, false));
  set(out, 'metadata', metadata(c.metadata));
  const images: JsonValue[] = [];
  for (const page of list(c.items).filter(isJsonObject)) {
    for (const anno of list(page.items).filter(isJsonObject)) {
      const body = list(anno.body).find(isJsonObject);
      const painted = body ? image(body, losses) : undefined;
      if (!painted) continue;
      const img: Record<string, JsonValue> = { '@type': 'oa:Annotation', motivation: 'sc:painting' };
      set(img, '@id', anno.id);
      img.resource = painted;
      img.on = targetOf(anno.target) ?? out['@id'] ?? '';
      images.push(img);
    }
  }
  out.images = images;
  const lists = list(c.annotations)
    .filter(isJsonObject)
    .map((page): JsonValue => {
      if (!isJsonArray(page.items)) return { '@id': str(page.id) ?? '', '@type': 'sc:AnnotationList' };
      const resources = page.items.filter(isJsonObject).flatMap((a) => {
        const converted = annotation(a, losses);
        return converted ? [converted] : [];
      });
      return { '@id': str(page.id) ?? '', '@type': 'sc:AnnotationList', resources };
    });
  if (lists.length > 0) out.otherContent = lists;
  return out;
}

function metadata(value: JsonValue | undefined): JsonValue | undefined {
  const pairs = list(value).flatMap((m): JsonValue[] =>
    isJsonObject(m) ? [{ label: text(m.label) ?? '', value: text(m.value) ?? '' }] : [],
  );
  return pairs.length > 0 ? pairs : undefined;
}

function ranges(structures: JsonValue | undefined): JsonObject[] {
  const out: JsonObject[] = [];
  const seen = new Set<string>();
  const walk = (range: JsonObject, top: boolean): void => {
    const id = str(range.id);
    if (id === undefined || seen.has(id)) return;
    seen.add(id);
    const canvases: string[] = [];
    const children: string[] = [];
    for (const item of list(range.items)) {
      if (!isJsonObject(item)) continue;
      if (item.type === 'Range') {
        if (typeof item.id === 'string') children.push(item.id);
        walk(item, false);
      } else {
        const target = targetOf(item);
        if (typeof target === 'string') canvases.push(target);
      }
    }
    const entry: Record<string, JsonValue> = {
      '@id': id,
      '@type': 'sc:Range',
      label: text(range.label) ?? '',
    };
    if (top) entry.viewingHint = 'top';
    if (children.length > 0) entry.ranges = children;
    if (canvases.length > 0) entry.canvases = canvases;
    out.push(entry);
  };
  for (const range of list(structures).filter(isJsonObject)) walk(range, true);
  return out;
}

const DESCRIPTIVE: readonly string[] = [
  'id',
  'type',
  '@context',
  'label',
  'summary',
  'metadata',
  'requiredStatement',
  'rights',
  'thumbnail',
  'navDate',
  'viewingDirection',
  'behavior',
  'seeAlso',
  'rendering',
  'homepage',
  'logo',
  'provider',
  'start',
  'items',
  'structures',
  'annotations',
  'partOf',
];

/** The common properties of a Manifest or Collection; anything else at the top is named as lost. */
function top(doc: JsonObject, type: string, losses: Losses): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = { '@context': P2_CONTEXT, '@id': str(doc.id) ?? '', '@type': type };
  out.label = text(doc.label) ?? '';
  set(out, 'metadata', metadata(doc.metadata));
  set(out, 'description', text(doc.summary));
  if (isJsonObject(doc.requiredStatement)) set(out, 'attribution', text(doc.requiredStatement.value));
  set(out, 'license', doc.rights);
  set(out, 'thumbnail', linked(doc.thumbnail, false));
  set(out, 'navDate', doc.navDate);
  set(out, 'viewingDirection', doc.viewingDirection);
  const hint = list(doc.behavior).find((b) => ['paged', 'continuous', 'individuals'].includes(str(b) ?? ''));
  set(out, 'viewingHint', hint);
  set(out, 'seeAlso', linked(doc.seeAlso));
  set(out, 'rendering', linked(doc.rendering));
  set(out, 'related', linked(doc.homepage));
  set(out, 'within', linked(doc.partOf));
  const logo = list(doc.provider)
    .filter(isJsonObject)
    .flatMap((p) => list(p.logo));
  set(out, 'logo', linked([...list(doc.logo), ...logo], false));
  if (doc.provider !== undefined) losses.note('the provider is reduced to its logo');
  for (const key of Object.keys(doc))
    if (!DESCRIPTIVE.includes(key)) losses.note(`the property "${key}" has no Presentation 2.1 form`);
  return out;
}

export function toPresentation2(doc: JsonObject): Presentation2Result {
  const losses = new Losses();
  if (doc.type === 'Collection') {
    const out = top(doc, 'sc:Collection', losses);
    const items = list(doc.items).filter(isJsonObject);
    out.manifests = items
      .filter((m) => m.type === 'Manifest')
      .map((m) => ({ '@id': str(m.id) ?? '', '@type': 'sc:Manifest', label: text(m.label) ?? '' }));
    const collections = items.filter((m) => m.type === 'Collection');
    if (collections.length > 0)
      out.collections = collections.map((m) => ({
        '@id': str(m.id) ?? '',
        '@type': 'sc:Collection',
        label: text(m.label) ?? '',
      }));
    return { doc: out, lost: losses.list() };
  }
  const out = top(doc, 'sc:Manifest', losses);
  const start = targetOf(doc.start);
  const canvases = list(doc.items)
    .filter(isJsonObject)
    .map((c) => canvas(c, losses));
  const sequence: Record<string, JsonValue> = {
    '@id': `${str(doc.id) ?? ''}#sequence`,
    '@type': 'sc:Sequence',
    canvases,
  };
  if (typeof start === 'string') sequence.startCanvas = start;
  out.sequences = [sequence];
  const structures = ranges(doc.structures);
  if (structures.length > 0) out.structures = structures;
  if (list(doc.annotations).length > 0) losses.note('annotations on the Manifest itself are left out');
  return { doc: out, lost: losses.list() };
}
