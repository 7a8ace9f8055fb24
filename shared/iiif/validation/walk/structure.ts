/** Manifests, Collections, Ranges and Annotation Collections: the resources that order other resources. */
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../../json';
import { at, type Checker, type Site } from '../checker';
import { checkResource, checkIdentity, reportDuplicate } from '../rules/identity';
import { requireLabel } from '../rules/language-maps';
import { forEachItem, requireObject } from '../rules/shapes';
import { SPEC } from '../spec-links';
import { describeValue, has, referenceId } from '../values';
import { visitCanvas, visitCompanionCanvases } from './canvas';
import { visitCommon } from './resources';

/** How deep the recursive walk follows nested Ranges (see visitRangeItem). */
export const WALKED_RANGE_DEPTH = 200;

const RECOMMENDED_ON_MANIFEST = ['summary', 'metadata', 'thumbnail', 'provider'] as const;

export function visitManifest(node: JsonObject, site: Site, ctx: Checker): void {
  const { owner, self } = checkResource(node, site, ctx, {
    what: 'The Manifest',
    expectedType: ['Manifest'],
    id: 'http',
    specUrl: SPEC.manifest,
  });
  if (owner.id !== undefined) reportDuplicate(owner.id, self, ctx);
  requireLabel(node, self, ctx, 'error', 'A Manifest');
  const items = forEachItem(node, 'items', self, ctx, (canvas, where) =>
    visitCanvas(canvas, where, ctx, 'item'),
  );
  if (items === undefined) {
    if (!has(node, 'items'))
      ctx.error(
        'items-missing',
        self,
        'The Manifest has no "items": it needs at least one Canvas.',
        SPEC.items,
      );
  } else if (items.length === 0) {
    ctx.error(
      'manifest-empty',
      at(self, 'items'),
      'The Manifest has no Canvases: it needs at least one.',
      SPEC.items,
    );
  }
  forEachItem(node, 'structures', self, ctx, (range, where) => visitRange(range, where, ctx, true));
  checkStart(node, self, ctx);
  const missing = RECOMMENDED_ON_MANIFEST.filter((key) => node[key] === undefined);
  if (missing.length > 0) {
    ctx.info(
      'recommended-missing',
      self,
      `Consider adding ${missing.join(', ')}: viewers and aggregators show them.`,
      SPEC.manifest,
    );
  }
  visitCompanionCanvases(node, self, ctx);
  visitCommon(node, self, 'Manifest', ctx);
}

export function visitCollection(node: JsonObject, site: Site, ctx: Checker): void {
  const { owner, self } = checkResource(node, site, ctx, {
    what: 'The Collection',
    expectedType: ['Collection'],
    id: 'http',
    specUrl: SPEC.collection,
  });
  if (owner.id !== undefined) reportDuplicate(owner.id, self, ctx);
  requireLabel(node, self, ctx, 'error', 'A Collection');
  const items = forEachItem(node, 'items', self, ctx, (item, where) => visitCollectionItem(item, where, ctx));
  if (items === undefined && !has(node, 'items')) {
    ctx.error(
      'items-missing',
      self,
      'The Collection has no "items": list its Manifests and Collections there.',
      SPEC.items,
    );
  } else if (items?.length === 0) {
    ctx.warning('collection-empty', at(self, 'items'), 'This Collection is empty.', SPEC.collection);
  }
  visitCompanionCanvases(node, self, ctx);
  visitCommon(node, self, 'Collection', ctx);
}

function visitCollectionItem(item: JsonValue, site: Site, ctx: Checker): void {
  if (!isJsonObject(item)) {
    ctx.error(
      'collection-item-invalid',
      site,
      `Collection items must be Manifest or Collection objects, not ${describeValue(item)}.`,
      SPEC.collection,
    );
    return;
  }
  if (item.type === 'Collection' && has(item, 'items')) {
    visitCollection(item, site, ctx);
    return;
  }
  const { self } = checkResource(item, site, ctx, {
    what: 'This Collection item',
    expectedType: ['Manifest', 'Collection'],
    id: 'http',
    specUrl: SPEC.collection,
  });
  if (item.type === 'Manifest' && has(item, 'items')) {
    ctx.error(
      'manifest-embedded-in-collection',
      at(self, 'items'),
      'A Collection must reference its Manifests, not embed them: keep id, type, label and thumbnail, and publish the Manifest separately.',
      SPEC.collection,
    );
  }
  requireLabel(
    item,
    self,
    ctx,
    'error',
    `A ${typeof item.type === 'string' ? item.type : 'resource'} listed in a Collection`,
  );
  if (item.type === 'Manifest' || item.type === 'Collection') visitCommon(item, self, item.type, ctx);
}

export function visitRange(node: JsonValue, site: Site, ctx: Checker, topLevel: boolean): void {
  if (!requireObject(node, site, ctx, { code: 'range-invalid', what: 'A Range', specUrl: SPEC.range }))
    return;
  const { owner, self } = checkResource(node, site, ctx, {
    what: 'This Range',
    expectedType: ['Range'],
    id: 'http-should',
    specUrl: SPEC.range,
  });
  const items = forEachItem(node, 'items', self, ctx, (item, where) => visitRangeItem(item, where, ctx));
  if (items !== undefined) {
    // A Range without items is a reference to one published elsewhere; only full Ranges define their id.
    if (owner.id !== undefined) reportDuplicate(owner.id, self, ctx);
    if (items.length === 0)
      ctx.error(
        'range-empty',
        at(self, 'items'),
        'This Range is empty: it needs at least one Canvas or Range.',
        SPEC.items,
        'remove-empty-range',
      );
    requireLabel(node, self, ctx, 'info', 'A Range');
  }
  if (!topLevel && isJsonArray(node.behavior) && node.behavior.includes('sequence')) {
    ctx.error(
      'sequence-range-nested',
      at(self, 'behavior'),
      'A Range with the behavior "sequence" must be directly in the Manifest\'s structures.',
      SPEC.range,
    );
  }
  const supplementary = node.supplementary;
  if (
    supplementary !== undefined &&
    !(
      isJsonObject(supplementary) &&
      typeof supplementary.id === 'string' &&
      supplementary.type === 'AnnotationCollection'
    )
  ) {
    ctx.error(
      'supplementary-invalid',
      at(self, 'supplementary'),
      '"supplementary" must be an object with an id and the type "AnnotationCollection".',
      SPEC.supplementary,
    );
  }
  checkStart(node, self, ctx);
  visitCompanionCanvases(node, self, ctx);
  visitCommon(node, self, 'Range', ctx);
}

function visitRangeItem(item: JsonValue, site: Site, ctx: Checker): void {
  if (!isJsonObject(item)) {
    ctx.error(
      'range-item-invalid',
      site,
      `Range items must be Canvas, Range or SpecificResource objects, not ${describeValue(item)}.`,
      SPEC.range,
    );
    return;
  }
  if (item.type === 'Range') {
    // The walk recurses; past this depth the iterative checks of rules/range-rules.ts take over, so a table of
    // contents nested deeper than the call stack is still checked rather than crashing the validator.
    if (site.path.length > 2 * WALKED_RANGE_DEPTH) return;
    visitRange(item, site, ctx, false);
  } else if (item.type === 'Canvas') {
    const owner = checkIdentity(item, site, ctx, {
      what: 'This Canvas reference',
      expectedType: ['Canvas'],
      id: 'http',
      specUrl: SPEC.range,
    });
    if (owner.id !== undefined)
      ctx.canvasReferences.push({ canvasId: owner.id, site: { path: site.path, owner }, kind: 'range' });
  } else if (item.type === 'SpecificResource') {
    const source = referenceId(item.source);
    if (source === undefined)
      ctx.error(
        'specific-resource-source-missing',
        site,
        'This part of a Canvas needs a "source": the Canvas it is part of.',
        SPEC.range,
      );
    else ctx.canvasReferences.push({ canvasId: source, site, kind: 'range' });
  } else {
    ctx.error(
      'range-item-invalid',
      site,
      `Range items must be Canvases, Ranges or parts of Canvases (SpecificResource), not ${describeValue(item.type)}.`,
      SPEC.range,
    );
  }
}

/** `start`: a Canvas, or a SpecificResource selecting part of one; resolved against the Manifest later. */
function checkStart(node: JsonObject, site: Site, ctx: Checker): void {
  const start = node.start;
  if (start === undefined) return;
  const where = at(site, 'start');
  if (!isJsonObject(start)) {
    ctx.error(
      'start-invalid',
      where,
      `"start" must be an object with the id and type of a Canvas, not ${describeValue(start)}.`,
      SPEC.start,
    );
    return;
  }
  const canvasId =
    start.type === 'SpecificResource'
      ? referenceId(start.source)
      : start.type === 'Canvas'
        ? referenceId(start)
        : undefined;
  if (canvasId === undefined) {
    ctx.error(
      'start-invalid',
      where,
      '"start" must be a Canvas ({ "id", "type": "Canvas" }) or a SpecificResource whose source is a Canvas.',
      SPEC.start,
    );
    return;
  }
  ctx.canvasReferences.push({ canvasId, site: where, kind: 'start' });
}

export function visitAnnotationCollection(node: JsonObject, site: Site, ctx: Checker): void {
  const { self } = checkResource(node, site, ctx, {
    what: 'The Annotation Collection',
    expectedType: ['AnnotationCollection'],
    id: 'http-should',
    specUrl: SPEC.annotationCollection,
  });
  requireLabel(node, self, ctx, 'info', 'An Annotation Collection');
  for (const key of ['first', 'last'] as const) {
    const page = node[key];
    if (page !== undefined && referenceId(page) === undefined) {
      ctx.error(
        'annotation-collection-page-invalid',
        at(self, key),
        `"${key}" must reference an Annotation Page by its id.`,
        SPEC.annotationCollection,
      );
    }
  }
  visitCommon(node, self, 'AnnotationCollection', ctx);
}
