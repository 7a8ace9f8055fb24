/** `navDate`: an xsd:dateTime with a timezone, used by date-based navigation (timelines, calendars). */
import type { JsonObject } from '../../json';
import { at, type Checker, type Site } from '../checker';
import { SPEC } from '../spec-links';
import { describeValue } from '../values';

const DATE_TIME = /^(-?\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/** Why a navDate string is not a valid xsd:dateTime with timezone, or undefined when it is. */
export function navDateProblem(value: string): string | undefined {
  const match = DATE_TIME.exec(value);
  if (!match) return 'it is not a date and time in the form 1856-01-01T00:00:00Z';
  const [month, day, hour, minute, second] = [2, 3, 4, 5, 6].map((i) => Number(match[i]));
  const valid =
    (month as number) >= 1 &&
    (month as number) <= 12 &&
    (day as number) >= 1 &&
    (day as number) <= 31 &&
    ((hour as number) <= 23 || (hour === 24 && minute === 0 && second === 0)) &&
    (minute as number) <= 59 &&
    (second as number) <= 59;
  if (!valid) return 'the month, day or time is out of range';
  if (match[8] === undefined) return 'it has no timezone (add Z for UTC)';
  return undefined;
}

export function checkNavDate(node: JsonObject, site: Site, ctx: Checker): void {
  const value = node.navDate;
  if (value === undefined) return;
  const where = at(site, 'navDate');
  if (typeof value !== 'string') {
    ctx.error(
      'nav-date-invalid',
      where,
      `"navDate" must be a date-time string, not ${describeValue(value)}.`,
      SPEC.navDate,
    );
    return;
  }
  const problem = navDateProblem(value);
  if (problem !== undefined) {
    ctx.error(
      'nav-date-invalid',
      where,
      `The navigation date "${value}" is not valid: ${problem}.`,
      SPEC.navDate,
    );
  }
}
