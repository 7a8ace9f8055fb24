/** `id` and `type`: every resource must have both; the id's form depends on the kind of resource. */
import type { JsonObject } from '../../json';
import { at, type Checker, type Owner, type Site } from '../checker';
import { pathToText } from '../path-text';
import { SPEC } from '../spec-links';
import { describeValue, isHttpUri, isUnsafeUri, isUri } from '../values';

/**
 * How strictly to judge the id: resources defined by the specification need an HTTP(S) URI; Ranges and
 * Annotation Collections only should have one; external resources may use any URI scheme.
 */
export type IdRule = 'http' | 'http-should' | 'uri' | 'optional';

export interface IdentityRule {
  /** Human name used in messages: "The Manifest", "This Canvas". */
  readonly what: string;
  readonly expectedType?: readonly string[];
  readonly id: IdRule;
  readonly specUrl: string;
}

/** checkIdentity, with the resource as the site of the findings inside it (`self`). */
export function checkResource(
  node: JsonObject,
  site: Site,
  ctx: Checker,
  rule: IdentityRule,
): { readonly owner: Owner; readonly self: Site } {
  const owner = checkIdentity(node, site, ctx, rule);
  return { owner, self: { path: site.path, owner } };
}

/** Checks id and type, and returns the resource as the owner of findings inside it. */
export function checkIdentity(node: JsonObject, site: Site, ctx: Checker, rule: IdentityRule): Owner {
  const id = typeof node.id === 'string' ? node.id : undefined;
  const type = typeof node.type === 'string' ? node.type : undefined;
  const owner: Owner = {
    ...(id !== undefined ? { id } : {}),
    ...(type !== undefined
      ? { type }
      : rule.expectedType?.[0] !== undefined
        ? { type: rule.expectedType[0] }
        : {}),
  };
  const self: Site = { path: site.path, owner };
  checkType(node, self, ctx, rule);
  checkId(node, self, ctx, rule);
  return owner;
}

function checkType(node: JsonObject, site: Site, ctx: Checker, rule: IdentityRule): void {
  const type = node.type;
  if (type === undefined) {
    const hint = rule.expectedType?.length === 1 ? ` ("${rule.expectedType[0] as string}")` : '';
    ctx.error('type-missing', site, `${rule.what} has no "type"${hint}.`, SPEC.type);
    return;
  }
  if (typeof type !== 'string') {
    ctx.error(
      'type-invalid',
      at(site, 'type'),
      `"type" must be a single string, not ${describeValue(type)}.`,
      SPEC.type,
    );
    return;
  }
  const expected = rule.expectedType;
  if (expected === undefined || expected.includes(type)) return;
  const sameLetters = expected.find((candidate) => candidate.toLowerCase() === type.toLowerCase());
  if (sameLetters !== undefined) {
    ctx.error(
      'type-case',
      at(site, 'type'),
      `Types are case-sensitive: write "${sameLetters}", not "${type}".`,
      SPEC.caseSensitivity,
    );
  } else {
    ctx.error(
      'type-unexpected',
      at(site, 'type'),
      `${rule.what} must be ${expected.map((t) => `a ${t}`).join(' or ')}, but its type is "${type}".`,
      rule.specUrl,
    );
  }
}

function checkId(node: JsonObject, site: Site, ctx: Checker, rule: IdentityRule): void {
  const id = node.id;
  if (id === undefined) {
    if (rule.id !== 'optional') ctx.error('id-missing', site, `${rule.what} has no "id".`, SPEC.id);
    return;
  }
  const where = at(site, 'id');
  if (typeof id !== 'string') {
    ctx.error('id-invalid', where, `"id" must be a string URI, not ${describeValue(id)}.`, SPEC.id);
    return;
  }
  if (id !== id.trim() && isUri(id.trim())) {
    // Almost always a copy-and-paste slip; consumers that do not trim will fail to match references.
    ctx.warning(
      'id-whitespace',
      where,
      `${rule.what}'s id "${id}" has spaces at its start or end; remove them.`,
      SPEC.id,
    );
    checkIdForm(id.trim(), where, ctx, rule);
    return;
  }
  checkIdForm(id, where, ctx, rule);
}

function checkIdForm(id: string, where: Site, ctx: Checker, rule: IdentityRule): void {
  // Unsafe schemes (javascript:...) are reported once, by unsafe-ids.ts, wherever they are.
  if (isUnsafeUri(id)) return;
  if (rule.id === 'http' && !isHttpUri(id)) {
    ctx.error('id-not-http', where, `${rule.what}'s id must be an http(s) address, not "${id}".`, SPEC.id);
  } else if (rule.id === 'http-should' && !isHttpUri(id)) {
    ctx.warning(
      'id-not-http',
      where,
      `${rule.what}'s id should be an http(s) address, not "${id}".`,
      SPEC.id,
    );
  } else if (!isUri(id)) {
    ctx.error('id-not-uri', where, `${rule.what}'s id must be a URI, not "${id}".`, SPEC.id);
  }
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
