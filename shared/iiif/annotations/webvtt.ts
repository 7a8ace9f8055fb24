/**
 * WebVTT (https://www.w3.org/TR/webvtt1/) read into plain cues and written back. Reading follows the
 * specification's block structure: an optional byte order mark, the `WEBVTT` signature line and its header,
 * then blocks separated by blank lines (CRLF, LF or CR): NOTE comments, STYLE and REGION blocks (skipped: they
 * style a player, not the text), and cues (an optional id line, `start --> end [settings]`, then the payload
 * lines). Where the specification's own parser quietly drops what it cannot read, this one refuses with the line
 * number: a curator importing captions must hear that a cue was lost, not find it missing later.
 *
 * Cue payloads are markup (`<v Speaker>`, `<i>`, `<c.yellow>`, `<00:01.500>`, `&amp;`); they are reduced to
 * plain text here, so no tag of a caption file ever reaches the document as markup. Pure.
 */
import { formatLanguageTag, isWellFormedLanguageTag } from '../language/bcp47';

export interface VttCue {
  /** The cue identifier line, when the cue has one. */
  readonly id?: string;
  /** Seconds from the start of the media. */
  readonly start: number;
  readonly end: number;
  /** The payload as plain text, lines joined with "\n". */
  readonly text: string;
  /** The cue settings after the end time (`align:start line:0`), as written; '' when none. */
  readonly settings: string;
  /** 1-based line of the cue's timing line in the file, for messages. */
  readonly line: number;
}

export type VttReading =
  | {
      readonly ok: true;
      readonly cues: readonly VttCue[];
      /** The `Language:` line of the header, which many caption tools write, when it is a BCP 47 tag. */
      readonly language?: string;
    }
  | { readonly ok: false; readonly line: number; readonly message: string };

/** A WebVTT timestamp: hours optional (any number of digits), minutes and seconds two digits, three for ms. */
const TIMESTAMP = /^(?:(\d+):)?(\d{2}):(\d{2})\.(\d{3})$/;

class VttError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** Seconds for a WebVTT timestamp, or a sentence saying what is wrong with it. */
export function readVttTimestamp(text: string): number | string {
  const match = TIMESTAMP.exec(text);
  if (!match) {
    if (/^(?:\d+:)?\d{1,2}:\d{1,2},\d{1,3}$/.test(text))
      return `"${text}" separates the milliseconds with a comma, as SubRip (.srt) does; WebVTT uses a full stop (00:01.500).`;
    return `"${text}" is not a WebVTT time (mm:ss.ttt or hh:mm:ss.ttt).`;
  }
  const [, h, m, s, ms] = match;
  const minutes = Number(m);
  const seconds = Number(s);
  if (minutes > 59 || seconds > 59) return `"${text}" has minutes or seconds above 59.`;
  // Whole milliseconds first, then one division: 1.234 stays 1.234, not 1.2340000000000002.
  return (((Number(h ?? 0) * 60 + minutes) * 60 + seconds) * 1000 + Number(ms)) / 1000;
}

/** `hh:mm:ss.ttt`, as WebVTT writes times (hours always, so files sort and read alike). */
export function formatVttTimestamp(seconds: number): string {
  const total = Math.max(0, Math.round(seconds * 1000));
  const ms = total % 1000;
  const s = Math.floor(total / 1000) % 60;
  const m = Math.floor(total / 60_000) % 60;
  const h = Math.floor(total / 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(h)}:${two(m)}:${two(s)}.${String(ms).padStart(3, '0')}`;
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  lrm: '\u200e',
  rlm: '\u200f',
};

/**
 * The text of a cue payload: tags (`<b>`, `<v Roger>`, `<c.loud>`, `<00:00:01.000>`, `</i>`, and anything
 * else between < and >) removed, character references decoded. An unclosed `<` runs to the end of the line,
 * as the specification's tokenizer reads it, so `a < b` loses ` b`: files escape a literal < as `&lt;`.
 */
export function cueText(payload: string): string {
  return payload
    .split('\n')
    .map((line) =>
      line.replace(/<[^>]*(?:>|$)/g, '').replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
        if (name[0] === '#') {
          const code =
            name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
          // Control characters and invalid code points stay as written rather than become text.
          return code > 31 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
            ? String.fromCodePoint(code)
            : whole;
        }
        return ENTITIES[name.toLowerCase()] ?? whole;
      }),
    )
    .join('\n');
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** `NOTE`, `STYLE`, `REGION` alone on the line or followed by a space or tab. */
function startsBlock(line: string, keyword: string): boolean {
  return line === keyword || line.startsWith(`${keyword} `) || line.startsWith(`${keyword}\t`);
}

function readTiming(line: string, number: number): { start: number; end: number; settings: string } {
  const arrow = line.indexOf('-->');
  const left = line.slice(0, arrow).trim();
  const rest = line
    .slice(arrow + 3)
    .trim()
    .split(/[ \t]+/);
  const right = rest[0] ?? '';
  if (left === '') throw new VttError(number, 'The cue has no start time before "-->".');
  if (right === '') throw new VttError(number, 'The cue has no end time after "-->".');
  const start = readVttTimestamp(left);
  if (typeof start === 'string') throw new VttError(number, `The start time ${start}`);
  const end = readVttTimestamp(right);
  if (typeof end === 'string') throw new VttError(number, `The end time ${end}`);
  if (end <= start) throw new VttError(number, `The cue ends (${right}) before or when it starts (${left}).`);
  return { start, end, settings: rest.slice(1).join(' ') };
}

/** Reads a whole WebVTT file. */
export function parseWebVtt(input: string): VttReading {
  const lines = input.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  try {
    const cues = readBlocks(lines);
    const language = headerLanguage(lines);
    return language === undefined ? { ok: true, cues } : { ok: true, cues, language };
  } catch (error) {
    if (error instanceof VttError) return { ok: false, line: error.line, message: error.message };
    throw error;
  }
}

/** `Language: en-GB` in the header (the lines after WEBVTT up to the first blank line), when well formed. */
function headerLanguage(lines: readonly string[]): string | undefined {
  for (let i = 1; i < lines.length && !isBlank(lines[i] as string); i++) {
    const match = /^Language:\s*(\S+)\s*$/i.exec(lines[i] as string);
    if (match && isWellFormedLanguageTag(match[1] as string)) return formatLanguageTag(match[1] as string);
  }
  return undefined;
}

function readBlocks(lines: readonly string[]): VttCue[] {
  const signature = lines[0] ?? '';
  if (!/^WEBVTT(?:[ \t].*)?$/.test(signature)) {
    const hint = /-->/.test(lines.slice(0, 3).join('\n'))
      ? ' This looks like a SubRip (.srt) file; WebVTT files start with WEBVTT.'
      : '';
    throw new VttError(1, `A WebVTT file starts with the line "WEBVTT".${hint}`);
  }
  let i = 1;
  // The header runs to the first blank line; a cue right after WEBVTT without a blank line is an error.
  while (i < lines.length && !isBlank(lines[i] as string)) {
    if ((lines[i] as string).includes('-->'))
      throw new VttError(i + 1, 'Leave a blank line between the WEBVTT header and the first cue.');
    i++;
  }
  const cues: VttCue[] = [];
  while (i < lines.length) {
    while (i < lines.length && isBlank(lines[i] as string)) i++;
    if (i >= lines.length) break;
    const first = lines[i] as string;
    if (startsBlock(first, 'NOTE') || startsBlock(first, 'STYLE') || startsBlock(first, 'REGION')) {
      if ((startsBlock(first, 'STYLE') || startsBlock(first, 'REGION')) && cues.length > 0)
        throw new VttError(i + 1, `A ${first.split(/[ \t]/)[0]} block must come before the first cue.`);
      while (i < lines.length && !isBlank(lines[i] as string)) i++;
      continue;
    }
    let id: string | undefined;
    if (!first.includes('-->')) {
      id = first;
      i++;
      const timing = lines[i];
      if (timing === undefined || isBlank(timing) || !timing.includes('-->'))
        throw new VttError(
          i,
          `"${clip(first)}" is followed by no cue timing: a cue is an optional id line, then "start --> end", then its text.`,
        );
    }
    const timingLine = i + 1;
    const timing = readTiming(lines[i] as string, timingLine);
    i++;
    const payload: string[] = [];
    // The payload ends at a blank line; a line with "-->" begins the next cue (the specification reads it so).
    while (i < lines.length && !isBlank(lines[i] as string) && !(lines[i] as string).includes('-->')) {
      payload.push(lines[i] as string);
      i++;
    }
    cues.push({
      ...(id === undefined ? {} : { id }),
      start: timing.start,
      end: timing.end,
      text: cueText(payload.join('\n')),
      settings: timing.settings,
      line: timingLine,
    });
  }
  return cues;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** Cue text escaped for a payload: & and < are markup; "-->" and blank lines would end the cue. */
function payloadOf(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .split(/\r\n|\r|\n/)
    .filter((line) => !isBlank(line))
    .join('\n');
}

/** Cue ids must not contain "-->" or line breaks; anything else is written as given. */
function idLine(id: string | undefined): string | undefined {
  if (id === undefined) return undefined;
  const clean = id.replace(/[\r\n]+/g, ' ').replace(/-->/g, '->');
  return isBlank(clean) ? undefined : clean;
}

/** A WebVTT file of `cues` in the order given, each `[id]`, timing and text. */
export function formatWebVtt(
  cues: readonly {
    readonly id?: string;
    readonly start: number;
    readonly end: number;
    readonly text: string;
  }[],
): string {
  const blocks = cues.map((cue) => {
    const id = idLine(cue.id);
    const timing = `${formatVttTimestamp(cue.start)} --> ${formatVttTimestamp(cue.end)}`;
    return [...(id === undefined ? [] : [id]), timing, payloadOf(cue.text)]
      .filter((line) => line !== '')
      .join('\n');
  });
  return ['WEBVTT', ...blocks].join('\n\n') + '\n';
}
