/** Checks of the JSON shape every multi-valued or object-valued property shares. */
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../../json';
import { at, type Checker, type Site } from '../checker';
import { SPEC } from '../spec-links';
import { describeValue } from '../values';

/**
 * Whether a resource that must be an object is one; where not, says so as `code`: "`what` must be an object,
 * not <the value>`hint`." (a Canvas, a Range, an Annotation...), and the caller checks nothing inside it.
 */
export function requireObject(
  node: JsonValue,
  site: Site,
  ctx: Checker,
  rule: { readonly code: string; readonly what: string; readonly specUrl: string; readonly hint?: string },
): node is JsonObject {
  if (isJsonObject(node)) return true;
  ctx.error(
    rule.code,
    site,
    `${rule.what} must be an object, not ${describeValue(node)}${rule.hint ?? ''}.`,
    rule.specUrl,
  );
  return false;
}

/**
 * Returns the items of an array-valued property. A lone object is reported (with the certain fix of wrapping
 * it in a list) and still returned as one item, so that the checks inside it run too.
 */
export function expectArray(
  node: JsonObject,
  key: string,
  site: Site,
  ctx: Checker,
): readonly JsonValue[] | undefined {
  const value = node[key];
  if (value === undefined) return undefined;
  if (isJsonArray(value)) return value;
  const where = at(site, key);
  if (isJsonObject(value)) {
    ctx.error(
      'not-an-array',
      where,
      `"${key}" must be a list, even when there is only one entry: wrap it in [ ].`,
      SPEC.multipleValues,
      'wrap-in-array',
    );
    return [value];
  }
  ctx.error(
    'not-an-array',
    where,
    `"${key}" must be a list of objects, not ${describeValue(value)}.`,
    SPEC.multipleValues,
  );
  return undefined;
}

/** Returns the value when it is a JSON object; reports anything else. */
export function expectObject(
  node: JsonObject,
  key: string,
  site: Site,
  ctx: Checker,
  specUrl: string,
): JsonObject | undefined {
  const value = node[key];
  if (value === undefined) return undefined;
  if (isJsonObject(value)) return value;
  ctx.error(
    'not-an-object',
    at(site, key),
    `"${key}" must be an object, not ${describeValue(value)}.`,
    specUrl,
  );
  return undefined;
}

/**
 * Runs `visit` on each item of an array-valued property with the item's own site; a lone object (reported by
 * expectArray) is visited at the property's path itself.
 */
export function forEachItem(
  node: JsonObject,
  key: string,
  site: Site,
  ctx: Checker,
  visit: (item: JsonValue, site: Site) => void,
): readonly JsonValue[] | undefined {
  const items = expectArray(node, key, site, ctx);
  const listed = isJsonArray(node[key]);
  items?.forEach((item, index) => visit(item, listed ? at(site, key, index) : at(site, key)));
  return items;
}
