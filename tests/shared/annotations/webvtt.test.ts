import { describe, expect, it } from 'vitest';
import {
  cueText,
  formatVttTimestamp,
  formatWebVtt,
  parseWebVtt,
  readVttTimestamp,
  type VttReading,
} from '../../../shared/iiif/annotations';

function cues(reading: VttReading) {
  if (!reading.ok) throw new Error(`line ${reading.line}: ${reading.message}`);
  return reading.cues;
}

function failure(reading: VttReading): { line: number; message: string } {
  if (reading.ok) throw new Error('expected the file to be refused');
  return { line: reading.line, message: reading.message };
}

describe('WebVTT timestamps', () => {
  it('reads mm:ss.ttt and hh:mm:ss.ttt, hours of any length, exactly', () => {
    expect(readVttTimestamp('00:01.500')).toBe(1.5);
    expect(readVttTimestamp('01:02:03.004')).toBe(3723.004);
    expect(readVttTimestamp('123:00:00.000')).toBe(442800);
    expect(readVttTimestamp('00:01.234')).toBe(1.234);
  });

  it('says why a time cannot be read', () => {
    expect(readVttTimestamp('00:01,500')).toMatch(/comma.*SubRip/);
    expect(readVttTimestamp('1:2.5')).toMatch(/not a WebVTT time/);
    expect(readVttTimestamp('00:61.000')).toMatch(/above 59/);
    expect(readVttTimestamp('00:01.5')).toMatch(/not a WebVTT time/);
  });

  it('writes hh:mm:ss.ttt, rounding to the millisecond', () => {
    expect(formatVttTimestamp(0)).toBe('00:00:00.000');
    expect(formatVttTimestamp(3723.004)).toBe('01:02:03.004');
    expect(formatVttTimestamp(59.9996)).toBe('00:01:00.000');
    expect(formatVttTimestamp(100 * 3600)).toBe('100:00:00.000');
  });
});

describe('parseWebVtt', () => {
  it('reads a real file: BOM, CRLF, header, NOTE, STYLE, REGION, ids, settings, multi-line payloads', () => {
    const file = [
      '\uFEFFWEBVTT - Lunchroom Manners',
      'Kind: captions',
      'Language: en',
      '',
      'STYLE',
      '::cue { color: yellow }',
      '',
      'REGION',
      'id:fred width:40% lines:3',
      '',
      'NOTE This file was made by hand',
      'and the note runs on',
      '',
      '1',
      '00:00.000 --> 00:02.500 align:start line:0 region:fred',
      '<v Narrator>Good manners</v>',
      'begin at <i>lunch</i>.',
      '',
      '',
      'intro-2',
      '00:00:02.500 --> 00:00:05.000',
      'Tom &amp; Jerry &lt;3',
      '',
      '00:05.000 --> 00:07.000',
      'no id here',
      '',
    ].join('\r\n');
    const reading = parseWebVtt(file);
    expect(reading.ok && reading.language).toBe('en');
    const read = cues(reading);
    expect(read).toEqual([
      {
        id: '1',
        start: 0,
        end: 2.5,
        text: 'Good manners\nbegin at lunch.',
        settings: 'align:start line:0 region:fred',
        line: 15,
      },
      { id: 'intro-2', start: 2.5, end: 5, text: 'Tom & Jerry <3', settings: '', line: 21 },
      { start: 5, end: 7, text: 'no id here', settings: '', line: 24 },
    ]);
  });

  it('reads the header language only when it is a language tag', () => {
    const language = (header: string) => {
      const reading = parseWebVtt(`WEBVTT\n${header}\n\n00:01.000 --> 00:02.000\nx\n`);
      return reading.ok ? reading.language : 'refused';
    };
    expect(language('Language: pt-br')).toBe('pt-BR');
    expect(language('Language: <script>')).toBeUndefined();
    expect(language('Kind: captions')).toBeUndefined();
  });

  it('reads lone CR line ends, a file with no cues, and cues that follow each other without a blank line', () => {
    expect(cues(parseWebVtt('WEBVTT\r\r00:01.000 --> 00:02.000\rone\r'))).toHaveLength(1);
    expect(cues(parseWebVtt('WEBVTT\n'))).toEqual([]);
    expect(cues(parseWebVtt('WEBVTT'))).toEqual([]);
    const runOn = cues(parseWebVtt('WEBVTT\n\n00:01.000 --> 00:02.000\none\n00:02.000 --> 00:03.000\ntwo'));
    expect(runOn.map((c) => c.text)).toEqual(['one', 'two']);
  });

  it('keeps an empty cue (the caller decides) and a cue whose text is only markup as empty text', () => {
    const read = cues(parseWebVtt('WEBVTT\n\n00:01.000 --> 00:02.000\n\n00:02.000 --> 00:03.000\n<b></b>\n'));
    expect(read.map((c) => c.text)).toEqual(['', '']);
  });

  it('refuses what is not WebVTT, saying where and why', () => {
    expect(failure(parseWebVtt(''))).toEqual({
      line: 1,
      message: expect.stringMatching(/starts with.*WEBVTT/),
    });
    expect(failure(parseWebVtt('WEBVTTX\n'))).toMatchObject({ line: 1 });
    expect(failure(parseWebVtt('1\n00:00:01,000 --> 00:00:02,000\nHi\n')).message).toMatch(/SubRip/);
    expect(failure(parseWebVtt('WEBVTT\n00:01.000 --> 00:02.000\nHi\n'))).toMatchObject({
      line: 2,
      message: expect.stringMatching(/blank line/),
    });
    expect(failure(parseWebVtt('WEBVTT\n\n00:01,000 --> 00:02.000\nHi\n'))).toMatchObject({
      line: 3,
      message: expect.stringMatching(/start time.*comma/),
    });
    expect(failure(parseWebVtt('WEBVTT\n\n00:01.000 --> 00:0x.000\nHi\n'))).toMatchObject({
      line: 3,
      message: expect.stringMatching(/end time/),
    });
    expect(failure(parseWebVtt('WEBVTT\n\n00:05.000 --> 00:02.000\nHi\n'))).toMatchObject({
      line: 3,
      message: expect.stringMatching(/ends .* before/),
    });
    expect(failure(parseWebVtt('WEBVTT\n\n00:01.000 -->\nHi\n')).message).toMatch(/no end time/);
    expect(failure(parseWebVtt('WEBVTT\n\n--> 00:01.000\nHi\n')).message).toMatch(/no start time/);
    expect(failure(parseWebVtt('WEBVTT\n\njust some words\nand more\n'))).toMatchObject({
      line: 3,
      message: expect.stringMatching(/no cue timing/),
    });
    expect(failure(parseWebVtt('WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n\nSTYLE\n::cue {}\n'))).toMatchObject({
      line: 6,
      message: expect.stringMatching(/STYLE block must come before/),
    });
  });

  it('reduces hostile cue markup to text: no tag survives as markup', () => {
    const file = [
      'WEBVTT',
      '',
      '00:01.000 --> 00:02.000',
      '<script>alert(1)</script><img src=x onerror=alert(2)>',
      '<c.red.loud>shout</c> <00:01.500>late &#60;b&#62; &#0; &#xD800; &bogus;',
      '<ruby>漢<rt>kan</rt></ruby> a < b',
    ].join('\n');
    const [cue] = cues(parseWebVtt(file));
    expect(cue?.text).toBe('alert(1)\nshout late <b> &#0; &#xD800; &bogus;\n漢kan a ');
    // The decoded "<b>" is text: it goes into a text/plain body, and out again escaped.
    expect(formatWebVtt([{ start: 1, end: 2, text: cue?.text ?? '' }])).toContain('late &lt;b&gt;');
  });

  it('handles a very long file in one pass', () => {
    const blocks = Array.from(
      { length: 20_000 },
      (_, i) => `${formatVttTimestamp(i)} --> ${formatVttTimestamp(i + 1)}\ncue ${i}`,
    );
    const read = cues(parseWebVtt(['WEBVTT', ...blocks].join('\n\n')));
    expect(read).toHaveLength(20_000);
    expect(read[19_999]).toMatchObject({ start: 19_999, end: 20_000, text: 'cue 19999' });
  });
});

describe('cueText', () => {
  it('drops tags, decodes entities, and keeps line breaks', () => {
    expect(cueText('<v.first Roger Bingham>Hi&nbsp;there</v>\n<b>bold</b>')).toBe('Hi\u00a0there\nbold');
  });
});

describe('formatWebVtt', () => {
  it('writes cues that read back the same, escaping markup and dropping what would end a cue', () => {
    const written = formatWebVtt([
      { id: 'a', start: 0, end: 1.5, text: 'one & <two>' },
      { id: 'x --> y\nz', start: 1.5, end: 3, text: 'first\n\n\nsecond --> third' },
      { start: 3, end: 4, text: 'plain' },
    ]);
    expect(written.startsWith('WEBVTT\n\na\n00:00:00.000 --> 00:00:01.500\none &amp; &lt;two&gt;\n')).toBe(
      true,
    );
    const back = cues(parseWebVtt(written));
    expect(back.map((c) => [c.id, c.start, c.end, c.text])).toEqual([
      ['a', 0, 1.5, 'one & <two>'],
      ['x -> y z', 1.5, 3, 'first\nsecond --> third'],
      [undefined, 3, 4, 'plain'],
    ]);
  });
});
