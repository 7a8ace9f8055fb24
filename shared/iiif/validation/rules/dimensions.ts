/** width, height and duration: their values, and the extent every Canvas needs. */
import type { JsonObject } from '../../json';
import { at, type Checker, type Site } from '../checker';
import { SPEC } from '../spec-links';
import { describeValue, has, isPositiveInteger, isPositiveNumber } from '../values';

/**
 * The number a dimension written as text means ("1200", " 572.034 "), when it means one unambiguously;
 * undefined otherwise. Only plain decimal digits: "1e3", "0x10" or "12 px" are not a publisher's number.
 */
export function numberFromText(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\s*\d+(?:\.\d+)?\s*$/.test(value)) return undefined;
  return Number(value);
}

export function checkDimensionValues(node: JsonObject, site: Site, ctx: Checker): void {
  for (const key of ['width', 'height'] as const) {
    const value = node[key];
    if (value !== undefined && !isPositiveInteger(value)) {
      ctx.error(
        'dimension-invalid',
        at(site, key),
        `"${key}" must be a whole number above 0, not ${describeValue(value)}.`,
        SPEC[key],
        isPositiveInteger(numberFromText(value)) ? 'number-from-text' : undefined,
      );
    }
  }
  const duration = node.duration;
  if (duration !== undefined && !isPositiveNumber(duration)) {
    ctx.error(
      'duration-invalid',
      at(site, 'duration'),
      `"duration" must be a number of seconds above 0, not ${describeValue(duration)}.`,
      SPEC.duration,
      isPositiveNumber(numberFromText(duration)) ? 'number-from-text' : undefined,
    );
  }
}

/** A Canvas needs an aspect ratio (width and height together) and/or a duration. */
export function checkCanvasExtent(node: JsonObject, site: Site, ctx: Checker): void {
  const hasWidth = has(node, 'width');
  const hasHeight = has(node, 'height');
  if (hasWidth !== hasHeight) {
    ctx.error(
      'canvas-dimension-incomplete',
      site,
      `This Canvas has a ${hasWidth ? 'width' : 'height'} but no ${hasWidth ? 'height' : 'width'}: give both or neither.`,
      hasWidth ? SPEC.height : SPEC.width,
    );
  } else if (!hasWidth && !has(node, 'duration')) {
    ctx.error(
      'canvas-extent-missing',
      site,
      'This Canvas needs a width and height, or a duration.',
      SPEC.canvas,
    );
  }
}
