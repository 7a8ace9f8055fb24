/**
 * navDate (§3.3) is an xsd:dateTime with a timezone. People think in a date, a time of day and a zone, so the
 * editor has three inputs; these functions convert between them and the stored string. Pure, unit-tested.
 */

export interface NavDateParts {
  /** YYYY-MM-DD (four-digit year; the form inputs cannot do more). */
  readonly date: string;
  /** HH:MM:SS */
  readonly time: string;
  /** "Z" or ±HH:MM */
  readonly zone: string;
}

const STORED = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;
const ZONE = /^(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;

/** The parts of a stored value, or null when the form inputs cannot show it (then the raw text is edited). */
export function parseNavDate(value: string): NavDateParts | null {
  const match = STORED.exec(value);
  if (!match) return null;
  const [, year, month, day, hour, minute, second = '00', zone] = match;
  if (!validDate(Number(year), Number(month), Number(day))) return null;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return null;
  return { date: `${year}-${month}-${day}`, time: `${hour}:${minute}:${second}`, zone: zone as string };
}

/** The xsd:dateTime for the parts, or an explanation of what is missing or wrong. */
export function composeNavDate(parts: NavDateParts): { value: string } | { error: string } {
  const date = DATE.exec(parts.date);
  if (!date || !validDate(Number(date[1]), Number(date[2]), Number(date[3])))
    return { error: 'Give a date as year-month-day, e.g. 1856-01-01.' };
  const time = TIME.exec(parts.time === '' ? '00:00:00' : parts.time);
  if (!time || Number(time[1]) > 23 || Number(time[2]) > 59 || Number(time[3] ?? 0) > 59)
    return { error: 'Give a time of day as hours:minutes:seconds.' };
  if (!ZONE.test(parts.zone)) return { error: 'Choose a time zone: Z (UTC) or an offset such as +01:00.' };
  const seconds = time[3] ?? '00';
  return { value: `${parts.date}T${time[1]}:${time[2]}:${seconds}${parts.zone}` };
}

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
  return day <= days;
}

/** UTC and the offsets in use around the world, for the zone picker. */
export const TIME_ZONES: readonly string[] = [
  'Z',
  ...[
    '-12:00',
    '-11:00',
    '-10:00',
    '-09:30',
    '-09:00',
    '-08:00',
    '-07:00',
    '-06:00',
    '-05:00',
    '-04:00',
    '-03:30',
    '-03:00',
    '-02:00',
    '-01:00',
    '+00:00',
    '+01:00',
    '+02:00',
    '+03:00',
    '+03:30',
    '+04:00',
    '+04:30',
    '+05:00',
    '+05:30',
    '+05:45',
    '+06:00',
    '+06:30',
    '+07:00',
    '+08:00',
    '+08:45',
    '+09:00',
    '+09:30',
    '+10:00',
    '+10:30',
    '+11:00',
    '+12:00',
    '+12:45',
    '+13:00',
    '+14:00',
  ],
];
