/** `behavior` values (which resource types each is valid on, which are disjoint) and `viewingDirection`. */
import {
  BEHAVIOR_DISJOINT as DISJOINT,
  BEHAVIOR_TABLE_KINDS,
  BEHAVIOR_VALID_ON as VALID_ON,
} from '../../behavior-table';
import { isJsonArray, own, type JsonObject } from '../../json';
import { at, type Checker, type Site } from '../checker';
import { SPEC } from '../spec-links';
import { closest, describeValue } from '../values';

const VIEWING_DIRECTIONS = ['left-to-right', 'right-to-left', 'top-to-bottom', 'bottom-to-top'];

export function checkBehavior(node: JsonObject, kind: string, site: Site, ctx: Checker): void {
  const value = node.behavior;
  if (value === undefined) return;
  const where = at(site, 'behavior');
  if (!isJsonArray(value)) {
    ctx.error(
      'not-an-array',
      where,
      `"behavior" must be a list of values, not ${describeValue(value)}.`,
      SPEC.behavior,
      typeof value === 'string' ? 'wrap-in-array' : undefined,
    );
    if (typeof value === 'string') checkValues([value], kind, where, ctx, false);
    return;
  }
  checkValues(value, kind, where, ctx, true);
}

function checkValues(
  values: readonly unknown[],
  kind: string,
  where: Site,
  ctx: Checker,
  indexed: boolean,
): void {
  const present: string[] = [];
  values.forEach((value, index) => {
    const site = indexed ? at(where, index) : where;
    if (typeof value !== 'string') {
      ctx.error(
        'behavior-invalid',
        site,
        `Behavior values must be strings, not ${describeValue(value as never)}.`,
        SPEC.behavior,
      );
      return;
    }
    present.push(value);
    const validOn = own(VALID_ON, value);
    if (validOn === undefined) {
      const suggestion = closest(value, Object.keys(VALID_ON), 3);
      const hint = suggestion ? ` Did you mean "${suggestion}"?` : '';
      if (ctx.hasExtensionContext) {
        ctx.info(
          'behavior-unknown',
          site,
          `${describeValue(value)} is not a behavior of the specification; it must come from an extension in @context.${hint}`,
          SPEC.behavior,
        );
      } else {
        ctx.error(
          'behavior-unknown',
          site,
          `${describeValue(value)} is not a behavior defined by Presentation 3, and no extension in @context defines it.${hint}`,
          SPEC.behavior,
        );
      }
      return;
    }
    if (BEHAVIOR_TABLE_KINDS.has(kind) && !validOn.includes(kind)) {
      ctx.error(
        'behavior-not-allowed',
        site,
        `The behavior "${value}" is not allowed on a ${kind}; it is valid on: ${validOn.join(', ')}.`,
        SPEC.behavior,
      );
    }
  });
  for (const set of DISJOINT) {
    const clash = set.filter((value) => present.includes(value));
    if (clash.length > 1) {
      ctx.error(
        'behavior-conflict',
        where,
        `The behaviors ${clash.map((v) => `"${v}"`).join(' and ')} contradict each other: keep only one.`,
        SPEC.behavior,
      );
    }
  }
}

export function checkViewingDirection(node: JsonObject, site: Site, ctx: Checker): void {
  const value = node.viewingDirection;
  if (value === undefined) return;
  const where = at(site, 'viewingDirection');
  if (typeof value !== 'string') {
    ctx.error(
      'viewing-direction-invalid',
      where,
      `"viewingDirection" must be a string, not ${describeValue(value)}.`,
      SPEC.viewingDirection,
    );
    return;
  }
  if (VIEWING_DIRECTIONS.includes(value)) return;
  const suggestion = closest(value, VIEWING_DIRECTIONS, 4);
  const message = `${describeValue(value)} is not a viewing direction; use one of ${VIEWING_DIRECTIONS.join(', ')}.${
    suggestion ? ` Did you mean "${suggestion}"?` : ''
  }`;
  if (ctx.hasExtensionContext)
    ctx.warning(
      'viewing-direction-invalid',
      where,
      `${message} (unless an extension in @context defines it)`,
      SPEC.viewingDirection,
    );
  else ctx.error('viewing-direction-invalid', where, message, SPEC.viewingDirection);
}
