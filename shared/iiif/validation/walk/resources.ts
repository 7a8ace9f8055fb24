/**
 * The mutually recursive core of the walk: properties every resource shares, content resources, Agents,
 * Annotation Pages and Annotations. Canvases and the structural resources build on it (canvas.ts, structure.ts).
 */
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../../json';
import { at, type Checker, type Site } from '../checker';
import { pathToText } from '../path-text';
import {
  checkMotivation,
  checkPaintedContent,
  checkTarget,
  checkTimeMode,
  type CanvasExtent,
  type PageRole,
} from '../rules/annotation-rules';
import { checkBehavior, checkViewingDirection } from '../rules/behavior';
import { checkFormat, checkLanguageProperty, checkProfile } from '../rules/content-properties';
import { checkDimensionValues } from '../rules/dimensions';
import { isPresentation3ContextVariant } from '../rules/document-context';
import { checkExternalLinks } from '../rules/external-links';
import { checkIdentity } from '../rules/identity';
import { checkTextProperties, requireLabel } from '../rules/language-maps';
import { checkLevel0Thumbnail } from '../rules/level0-thumbnails';
import { checkNavDate } from '../rules/nav-date';
import { checkPlacement } from '../rules/placement';
import { checkRights } from '../rules/rights';
import { checkServiceList } from '../rules/services';
import { expectArray } from '../rules/shapes';
import { SPEC } from '../spec-links';
import { asList, describeValue, isHttpUri, isUri, referenceId } from '../values';

export type ContentRole = 'body' | 'thumbnail' | 'logo' | 'source';

/** Types the specification recommends for content resources, and common mistakes for them. */
const CONTENT_TYPES = new Set(['Dataset', 'Image', 'Model', 'Sound', 'Text', 'Video']);
const CONTENT_TYPE_MISTAKES: Readonly<Record<string, string>> = {
  Audio: 'Sound',
  'dctypes:Image': 'Image',
  'dctypes:Sound': 'Sound',
  'dctypes:Text': 'Text',
  'dctypes:Dataset': 'Dataset',
  'dctypes:MovingImage': 'Video',
  Document: 'Text',
  PhysicalObject: 'Model',
};
/** Other classes that legitimately appear as bodies or sources. */
const OTHER_RESOURCE_TYPES = new Set([
  'Choice',
  'SpecificResource',
  'TextualBody',
  'Canvas',
  'Feature',
  'FeatureCollection',
]);

/** Checks shared by every kind of resource, and the walk into its linking properties. */
export function visitCommon(
  node: JsonObject,
  site: Site,
  kind: string,
  ctx: Checker,
  annotationBody = false,
): void {
  checkPlacement(node, kind, site, ctx);
  checkTextProperties(node, site, ctx);
  checkRights(node, site, ctx);
  checkNavDate(node, site, ctx);
  checkBehavior(node, kind, site, ctx);
  checkViewingDirection(node, site, ctx);
  checkDimensionValues(node, site, ctx);
  if (kind === 'Content') {
    checkFormat(node, site, ctx);
    checkLanguageProperty(node, site, ctx, annotationBody);
    checkProfile(node, site, ctx);
  }
  checkExternalLinks(node, site, ctx);
  checkEmbeddedContext(node, site, ctx);
  expectArray(node, 'thumbnail', site, ctx)?.forEach((item, index) => {
    const where = isJsonArray(node.thumbnail) ? at(site, 'thumbnail', index) : at(site, 'thumbnail');
    visitContent(item, where, ctx, 'thumbnail');
  });
  expectArray(node, 'provider', site, ctx)?.forEach((item, index) => {
    visitAgent(item, isJsonArray(node.provider) ? at(site, 'provider', index) : at(site, 'provider'), ctx);
  });
  if (node.service !== undefined) checkServiceList(node.service, at(site, 'service'), ctx, 'service');
  if (node.services !== undefined) checkServiceList(node.services, at(site, 'services'), ctx, 'services');
  if (!['Annotation', 'AnnotationPage', 'AnnotationCollection'].includes(kind)) {
    expectArray(node, 'annotations', site, ctx)?.forEach((page, index) => {
      const where = isJsonArray(node.annotations) ? at(site, 'annotations', index) : at(site, 'annotations');
      visitAnnotationPage(page, where, ctx, 'annotations');
    });
  }
}

/** The Presentation 3 context belongs once, at the top of the document. */
function checkEmbeddedContext(node: JsonObject, site: Site, ctx: Checker): void {
  if (site.path.length === 0 || node['@context'] === undefined) return;
  if (asList(node['@context']).some((c) => typeof c === 'string' && isPresentation3ContextVariant(c))) {
    ctx.error(
      'context-in-embedded',
      at(site, '@context'),
      'Only the top of the document may carry the Presentation 3 "@context"; remove it from this embedded resource.',
      SPEC.context,
    );
  }
}

export function visitContent(node: JsonValue, site: Site, ctx: Checker, role: ContentRole): void {
  if (!isJsonObject(node)) {
    ctx.error(
      'resource-invalid',
      site,
      `A linked resource must be an object with an "id" and a "type", not ${describeValue(node)}.`,
      SPEC.contentResources,
    );
    return;
  }
  const type = typeof node.type === 'string' ? node.type : undefined;
  const owner = {
    ...(typeof node.id === 'string'
      ? { id: node.id }
      : site.owner.id !== undefined
        ? { id: site.owner.id }
        : {}),
    ...(type ? { type } : {}),
  };
  const self: Site = { path: site.path, owner };
  if (type === 'Choice') {
    const items = expectArray(node, 'items', self, ctx);
    if (items === undefined)
      ctx.error(
        'choice-items-missing',
        self,
        'A Choice needs "items": the options to choose between.',
        SPEC.contentResources,
      );
    items?.forEach((item, index) =>
      visitContent(item, isJsonArray(node.items) ? at(self, 'items', index) : at(self, 'items'), ctx, role),
    );
    visitCommon(node, self, 'Choice', ctx);
    return;
  }
  if (type === 'SpecificResource') {
    visitSpecificResource(node, self, ctx, role);
    return;
  }
  if (type === 'TextualBody') {
    if (typeof node.value !== 'string')
      ctx.error(
        'textual-body-value-missing',
        self,
        'A TextualBody needs its text as a string in "value".',
        SPEC.annotation,
      );
    visitCommon(node, self, 'Content', ctx, true);
    return;
  }
  if (type === 'Canvas' || type === 'Feature' || type === 'FeatureCollection') return;
  checkIdentity(node, self, ctx, { what: 'This resource', id: 'uri', specUrl: SPEC.contentResources });
  if (typeof node.id === 'string' && isUri(node.id) && !isHttpUri(node.id)) {
    ctx.warning(
      'content-id-not-http',
      at(self, 'id'),
      `Viewers can only load content from http(s) addresses, not "${node.id}".`,
      SPEC.contentResources,
    );
  }
  if (type !== undefined && !CONTENT_TYPES.has(type) && !OTHER_RESOURCE_TYPES.has(type)) {
    const better = CONTENT_TYPE_MISTAKES[type];
    ctx.warning(
      'content-type-unusual',
      at(self, 'type'),
      `"${type}" is not one of the content types viewers know (${[...CONTENT_TYPES].join(', ')})${better ? `; use "${better}"` : ''}.`,
      SPEC.type,
    );
  }
  if (role === 'logo' && type !== undefined && type !== 'Image') {
    ctx.error('logo-not-image', at(self, 'type'), `A logo must be an Image, not a ${type}.`, SPEC.logo);
  }
  if (type === 'Image') checkImageIdIsNotService(node, self, ctx);
  if (role === 'thumbnail') checkLevel0Thumbnail(node, self, ctx);
  visitCommon(node, self, 'Content', ctx, role === 'body' || role === 'source');
}

function visitSpecificResource(node: JsonObject, site: Site, ctx: Checker, role: ContentRole): void {
  const source = node.source;
  if (source === undefined) {
    ctx.error(
      'specific-resource-source-missing',
      site,
      'A SpecificResource needs a "source": the resource it selects from.',
      SPEC.annotation,
    );
  } else if (isJsonObject(source)) {
    visitContent(source, at(site, 'source'), ctx, role === 'body' ? 'source' : role);
  } else if (!isUri(source)) {
    ctx.error(
      'specific-resource-source-invalid',
      at(site, 'source'),
      `The source must be a URI or an object, not ${describeValue(source)}.`,
      SPEC.annotation,
    );
  }
  visitCommon(node, site, 'SpecificResource', ctx);
}

/** An Image's id is one representation of it, never the base URI of its Image API service. */
function checkImageIdIsNotService(node: JsonObject, site: Site, ctx: Checker): void {
  if (typeof node.id !== 'string') return;
  const id = node.id.replace(/\/$/, '');
  for (const service of asList(node.service)) {
    const serviceId = referenceId(service);
    if (serviceId !== undefined && serviceId.replace(/\/$/, '') === id) {
      ctx.error(
        'image-id-is-service',
        at(site, 'id'),
        `The image's id is its image service address; use an image URL such as ${id}/full/max/0/default.jpg.`,
        SPEC.contentResources,
      );
    }
  }
}

export function visitAgent(node: JsonValue, site: Site, ctx: Checker): void {
  if (!isJsonObject(node)) {
    ctx.error(
      'agent-invalid',
      site,
      `A provider must be an Agent object with an id, a type and a label, not ${describeValue(node)}.`,
      SPEC.provider,
    );
    return;
  }
  const owner = checkIdentity(node, site, ctx, {
    what: 'This provider',
    expectedType: ['Agent'],
    id: 'uri',
    specUrl: SPEC.provider,
  });
  const self: Site = { path: site.path, owner };
  requireLabel(node, self, ctx, 'error', 'A provider');
  expectArray(node, 'logo', self, ctx)?.forEach((logo, index) => {
    visitContent(logo, isJsonArray(node.logo) ? at(self, 'logo', index) : at(self, 'logo'), ctx, 'logo');
  });
  visitCommon(node, self, 'Agent', ctx);
}

export function visitAnnotationPage(
  node: JsonValue,
  site: Site,
  ctx: Checker,
  role: PageRole,
  canvas?: CanvasExtent,
): void {
  if (!isJsonObject(node)) {
    const hint =
      typeof node === 'string' ? ' (a reference is written { "id": ..., "type": "AnnotationPage" })' : '';
    ctx.error(
      'annotation-page-invalid',
      site,
      `An Annotation Page must be an object, not ${describeValue(node)}${hint}.`,
      SPEC.annotationPage,
    );
    return;
  }
  const owner = checkIdentity(node, site, ctx, {
    what: 'This Annotation Page',
    expectedType: ['AnnotationPage'],
    id: 'http',
    specUrl: SPEC.annotationPage,
  });
  const self: Site = { path: site.path, owner };
  const items = expectArray(node, 'items', self, ctx);
  if (items !== undefined) {
    if (owner.id !== undefined) reportDuplicate(owner.id, self, ctx);
    if (items.length === 0)
      ctx.warning(
        'annotation-page-empty',
        at(self, 'items'),
        'This Annotation Page has no Annotations.',
        SPEC.items,
      );
    items.forEach((item, index) => {
      visitAnnotation(
        item,
        isJsonArray(node.items) ? at(self, 'items', index) : at(self, 'items'),
        ctx,
        role,
        canvas,
      );
    });
  }
  visitCommon(node, self, 'AnnotationPage', ctx);
}

export function visitAnnotation(
  node: JsonValue,
  site: Site,
  ctx: Checker,
  role: PageRole,
  canvas?: CanvasExtent,
): void {
  if (!isJsonObject(node)) {
    ctx.error(
      'annotation-invalid',
      site,
      `An Annotation must be an object, not ${describeValue(node)}.`,
      SPEC.annotation,
    );
    return;
  }
  const owner = checkIdentity(node, site, ctx, {
    what: 'This Annotation',
    expectedType: ['Annotation'],
    id: 'http',
    specUrl: SPEC.annotation,
  });
  const self: Site = { path: site.path, owner };
  if (owner.id !== undefined) reportDuplicate(owner.id, self, ctx);
  checkMotivation(node, self, ctx, role);
  checkTarget(node, self, ctx, role, canvas);
  checkTimeMode(node, self, ctx);
  const body = node.body;
  if (body === undefined) {
    if (role === 'items')
      ctx.warning(
        'painting-body-missing',
        self,
        'This painting Annotation has no body, so it paints nothing.',
        SPEC.annotation,
      );
  } else {
    const bodies = isJsonArray(body) ? body : [body];
    bodies.forEach((entry, index) =>
      visitContent(entry, isJsonArray(body) ? at(self, 'body', index) : at(self, 'body'), ctx, 'body'),
    );
  }
  if (role === 'items' && canvas !== undefined) checkPaintedContent(node, self, ctx, canvas);
  visitCommon(node, self, 'Annotation', ctx);
}

/**
 * Two resources given in full must not share an id: references to them would be ambiguous. The same Range may
 * be spelled out in more than one hierarchy of structures, so a repeated Range is only a warning.
 */
export function reportDuplicate(id: string, site: Site, ctx: Checker): void {
  const earlier = ctx.define(id, site.path, site.owner.type);
  if (earlier === undefined) return;
  const where = at(site, 'id');
  if (earlier.type === 'Range' && site.owner.type === 'Range') {
    ctx.warning(
      'range-repeated',
      where,
      `The Range ${id} is also given in full at ${pathToText(earlier.path)}; make sure both say the same, or reference it by id and type.`,
      SPEC.range,
    );
    return;
  }
  ctx.error(
    'duplicate-id',
    where,
    `The resource at ${pathToText(earlier.path)} already uses the id ${id}; every resource needs its own id.`,
    SPEC.id,
  );
}
