/**
 * The mutually recursive core of the walk: properties every resource shares, content resources, Agents,
 * Annotation Pages and Annotations. Canvases and the structural resources build on it (canvas.ts, structure.ts).
 */
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../../json';
import { at, type Checker, type Site } from '../checker';
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
import { checkContentResource, type ContentRole } from '../rules/content-resources';
import { checkDimensionValues } from '../rules/dimensions';
import { checkEmbeddedContext } from '../rules/document-context';
import { checkExternalLinks } from '../rules/external-links';
import { checkResource, checkIdentity, reportDuplicate } from '../rules/identity';
import { checkTextProperties, requireLabel } from '../rules/language-maps';
import { checkNavDate } from '../rules/nav-date';
import { checkNavPlace } from '../rules/nav-place';
import { checkPlacement } from '../rules/placement';
import { checkRights } from '../rules/rights';
import { checkServiceList } from '../rules/services';
import { forEachItem, requireObject } from '../rules/shapes';
import { SPEC } from '../spec-links';
import { describeValue, isUri } from '../values';
import { annotatedCanvasExtent, checkTargetSelectors } from '../rules/annotation-selectors';
import { checkMediaDuration, checkTargetTimes } from '../rules/time-extent';

/** Kinds that must not have `annotations` (Appendix A); placement.ts reports the property itself. */
const NO_ANNOTATIONS = new Set(['Annotation', 'AnnotationPage', 'AnnotationCollection']);

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
  checkNavPlace(node, site, ctx);
  checkBehavior(node, kind, site, ctx);
  checkViewingDirection(node, site, ctx);
  checkDimensionValues(node, site, ctx);
  if (kind === 'Content') {
    checkFormat(node, site, ctx);
    // Annotation bodies follow the Web Annotation model, where `language` may be a single string (§4.7).
    checkLanguageProperty(node, site, ctx, annotationBody);
    checkProfile(node, site, ctx);
  }
  checkExternalLinks(node, site, ctx);
  checkEmbeddedContext(node, site, ctx);
  forEachItem(node, 'thumbnail', site, ctx, (item, where) => visitContent(item, where, ctx, 'thumbnail'));
  forEachItem(node, 'provider', site, ctx, (item, where) => visitAgent(item, where, ctx));
  if (node.service !== undefined) checkServiceList(node.service, at(site, 'service'), ctx, 'service');
  if (node.services !== undefined) checkServiceList(node.services, at(site, 'services'), ctx, 'services');
  if (!NO_ANNOTATIONS.has(kind)) {
    forEachItem(node, 'annotations', site, ctx, (page, where) =>
      visitAnnotationPage(page, where, ctx, 'annotations', annotatedCanvasExtent(node, kind)),
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
  // Bodies without an id (TextualBody, Choice) are reported under the Annotation that holds them.
  const id = typeof node.id === 'string' ? node.id : site.owner.id;
  const self: Site = {
    path: site.path,
    owner: { ...(id !== undefined ? { id } : {}), ...(type ? { type } : {}) },
  };
  switch (type) {
    case 'Choice': {
      const items = forEachItem(node, 'items', self, ctx, (item, where) =>
        visitContent(item, where, ctx, role),
      );
      if (items === undefined) {
        ctx.error(
          'choice-items-missing',
          self,
          'A Choice needs "items": the options to choose between.',
          SPEC.contentResources,
        );
      }
      visitCommon(node, self, 'Choice', ctx);
      return;
    }
    case 'SpecificResource':
      visitSpecificResource(node, self, ctx, role);
      return;
    case 'TextualBody':
      if (typeof node.value !== 'string') {
        ctx.error(
          'textual-body-value-missing',
          self,
          'A TextualBody needs its text as a string in "value".',
          SPEC.annotation,
        );
      }
      visitCommon(node, self, 'Content', ctx, true);
      return;
    case 'Canvas':
    case 'Feature':
    case 'FeatureCollection':
      // A Canvas painted onto another, or GeoJSON: governed by their own rules, not those of content.
      return;
    default:
      checkIdentity(node, self, ctx, { what: 'This resource', id: 'uri', specUrl: SPEC.contentResources });
      checkContentResource(node, self, ctx, role);
      visitCommon(node, self, 'Content', ctx, role === 'body' || role === 'source');
  }
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
  const { self } = checkResource(node, site, ctx, {
    what: 'This provider',
    expectedType: ['Agent'],
    id: 'uri',
    specUrl: SPEC.provider,
  });
  requireLabel(node, self, ctx, 'error', 'A provider');
  forEachItem(node, 'logo', self, ctx, (logo, where) => visitContent(logo, where, ctx, 'logo'));
  visitCommon(node, self, 'Agent', ctx);
}

export function visitAnnotationPage(
  node: JsonValue,
  site: Site,
  ctx: Checker,
  role: PageRole,
  canvas?: CanvasExtent,
): void {
  const hint =
    typeof node === 'string' ? ' (a reference is written { "id": ..., "type": "AnnotationPage" })' : '';
  if (
    !requireObject(node, site, ctx, {
      code: 'annotation-page-invalid',
      what: 'An Annotation Page',
      specUrl: SPEC.annotationPage,
      hint,
    })
  )
    return;
  const { owner, self } = checkResource(node, site, ctx, {
    what: 'This Annotation Page',
    expectedType: ['AnnotationPage'],
    id: 'http',
    specUrl: SPEC.annotationPage,
  });
  // A page without items is a reference to one published elsewhere; only a page given in full defines its id.
  const items = forEachItem(node, 'items', self, ctx, (item, where) =>
    visitAnnotation(item, where, ctx, role, canvas),
  );
  if (items !== undefined) {
    if (owner.id !== undefined) reportDuplicate(owner.id, self, ctx);
    if (items.length === 0)
      ctx.warning(
        'annotation-page-empty',
        at(self, 'items'),
        'This Annotation Page has no Annotations.',
        SPEC.items,
      );
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
  if (
    !requireObject(node, site, ctx, {
      code: 'annotation-invalid',
      what: 'An Annotation',
      specUrl: SPEC.annotation,
    })
  )
    return;
  const { owner, self } = checkResource(node, site, ctx, {
    what: 'This Annotation',
    expectedType: ['Annotation'],
    id: 'http',
    specUrl: SPEC.annotation,
  });
  if (owner.id !== undefined) reportDuplicate(owner.id, self, ctx);
  checkMotivation(node, self, ctx, role);
  checkTarget(node, self, ctx, role, canvas);
  if (role !== 'items') checkTargetSelectors(node, self, ctx, canvas);
  checkTargetTimes(node, self, ctx, canvas);
  checkTimeMode(node, self, ctx);
  if (node.body === undefined) {
    if (role === 'items') {
      ctx.warning(
        'painting-body-missing',
        self,
        'This painting Annotation has no body, so it paints nothing.',
        SPEC.annotation,
      );
    }
  } else if (isJsonArray(node.body)) {
    node.body.forEach((entry, index) => visitContent(entry, at(self, 'body', index), ctx, 'body'));
  } else {
    visitContent(node.body, at(self, 'body'), ctx, 'body');
  }
  if (role === 'items' && canvas !== undefined) {
    checkPaintedContent(node, self, ctx, canvas);
    checkMediaDuration(node, self, ctx, canvas);
  }
  visitCommon(node, self, 'Annotation', ctx);
}
