import { describe, expect, it } from 'vitest';
import {
  ALLOWED_TAGS,
  escapeHtml,
  isHtmlValue,
  sanitizeValue,
  valueToSafeHtml,
} from '../../../shared/iiif/html';

/** Independent check of the output: only allowed tags, only allowed attributes, only allowed URL schemes. */
function expectOnlySafeMarkup(html: string): void {
  for (const [, tag] of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g))
    expect(ALLOWED_TAGS).toContain(tag?.toLowerCase());
  for (const [, attribute] of html.matchAll(/\s([^\s=/>]+)=/g))
    expect(['href', 'src', 'alt']).toContain(attribute);
  for (const [, url] of html.matchAll(/(?:href|src)="([^"]*)"/g)) expect(url).toMatch(/^(https?|mailto):/);
  expect(html).not.toMatch(/javascript|vbscript|data:|onerror|onload|<!--|<\?/i);
}

describe('isHtmlValue', () => {
  it('follows the spec: first character "<" and last ">"', () => {
    expect(isHtmlValue('<p>x</p>')).toBe(true);
    expect(isHtmlValue('<br>')).toBe(true);
    expect(isHtmlValue(' <p>x</p>')).toBe(false);
    expect(isHtmlValue('<p>x</p> ')).toBe(false);
    expect(isHtmlValue('Use <b> for bold')).toBe(false);
    expect(isHtmlValue('<')).toBe(false);
    expect(isHtmlValue('')).toBe(false);
  });
});

describe('sanitizeValue', () => {
  it('keeps clean spec-conformant HTML byte for byte', () => {
    for (const text of [
      '<p>Short <b>summary</b> of the resource.</p>',
      '<span>From: <a href="https://example.org/db/1.html">Some Collection</a></span>',
      '<span>Glen Robson <a href="https://creativecommons.org/licenses/by-sa/3.0">CC BY-SA 3.0</a> <img src="https://licensebuttons.net/l/by-sa/3.0/88x31.png"/></span>',
      '<p><i>i</i><small>s</small><sub>2</sub><sup>3</sup><br/><a href="mailto:info@example.org">mail</a></p>',
      '<p>5 &lt; 6 &amp; "quoted"</p>',
    ]) {
      expect(sanitizeValue(text)).toEqual({ text, changed: false, removed: [] });
    }
  });

  it('leaves plain text alone: it is escaped when displayed, not parsed', () => {
    const text = 'Scripts look like <script>alert(1)</script> in HTML';
    expect(sanitizeValue(text)).toEqual({ text, changed: false, removed: [] });
    expect(valueToSafeHtml(text)).toBe('Scripts look like &lt;script&gt;alert(1)&lt;/script&gt; in HTML');
    expect(valueToSafeHtml(' <img src=x onerror=alert(1)>')).toBe(' &lt;img src=x onerror=alert(1)&gt;');
  });

  it.each([
    ['<p><script>alert(1)</script>Text</p>', '<p>Text</p>', ['script element']],
    ['<img src=x onerror=alert(1)>', '', ['relative image source', 'onerror attribute']],
    [
      '<img src="https://example.org/a.jpg" onerror="alert(1)">',
      '<img src="https://example.org/a.jpg" />',
      ['onerror attribute'],
    ],
    ['<a href="javascript:alert(1)">x</a>', '<a>x</a>', ['javascript: link']],
    ['<a href="&#106;avascript:alert(1)">x</a>', '<a>x</a>', ['javascript: link']],
    ['<a href="&#x6A;&#x61;vascript&colon;alert(1)">x</a>', '<a>x</a>', ['javascript: link']],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', '<a>x</a>', ['javascript: link']],
    ['<a href="java\tscript:alert(1)">x</a>', '<a>x</a>', ['javascript: link']],
    ['<a href=" javascript:alert(1)">x</a>', '<a>x</a>', ['javascript: link']],
    ['<a href="vbscript:msgbox(1)">x</a>', '<a>x</a>', ['vbscript: link']],
    ['<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', '<a>x</a>', ['data: link']],
    ['<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="a">', '', ['data: image source']],
    ['<a href="/relative/page">x</a>', '<a>x</a>', ['relative link']],
    ['<svg onload=alert(1)><p>Text</p></svg>', '<p>Text</p>', ['svg element']],
    ['<iframe src="https://evil.example/"></iframe>', '', ['iframe element']],
    ['<p style="background:url(javascript:alert(1))">x</p>', '<p>x</p>', ['style attribute']],
    ['<p><style>p{color:red}</style>x</p>', '<p>x</p>', ['style element']],
    [
      '<a href="https://example.org/" target="_blank" onclick="steal()">x</a>',
      '<a href="https://example.org/">x</a>',
      ['target attribute', 'onclick attribute'],
    ],
    ['<form action="https://evil.example/"><input name="q"></form>', '', ['form element', 'input element']],
    ['<object data="x.swf"></object><embed src="x.swf">', '', ['object element', 'embed element']],
    ['<p>a<!-- <script>alert(1)</script> --></p>', '<p>a</p>', ['comment']],
    ['<p><![CDATA[<script>alert(1)</script>]]>b</p>', '<p>b</p>', ['CDATA section']],
    ['<p><?php echo 1 ?>c</p>', '<p>c</p>', ['processing instruction']],
    [
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
      '',
      ['math element'],
    ],
    [
      '<div><p><b><i><span>deep</span></i></b></p></div>',
      '<p><b><i><span>deep</span></i></b></p>',
      ['div element'],
    ],
    ['<P CLASS="x"><B>Loud</B></P>', '<p><b>Loud</b></p>', ['class attribute']],
  ])('%s', (input, text, removed) => {
    const result = sanitizeValue(input);
    expect(result.changed).toBe(true);
    expect(result.text).toBe(text);
    expect(result.removed).toEqual(expect.arrayContaining(removed));
    expectOnlySafeMarkup(result.text);
    expectOnlySafeMarkup(valueToSafeHtml(input));
  });

  it('reports each kind of removal once', () => {
    expect(sanitizeValue('<p onclick="a()"><b onclick="b()">x</b></p>').removed).toEqual([
      'onclick attribute',
    ]);
  });

  it('always hands the page the sanitiser output, never the original string', () => {
    // Unchanged for storage, but display still goes through the serialiser (one parse, one output).
    expect(valueToSafeHtml('<p>x<br/></p>')).toBe('<p>x<br /></p>');
  });
});

describe('escapeHtml', () => {
  it('escapes the five significant characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('sanitizeValue on long values', () => {
  it('sanitises a long value once, however often validation and its fixes ask (found by the fuzz gate)', () => {
    const long = `<p>${'<b>x</b>'.repeat(2_000)}<script>alert(1)</script></p>`;
    const first = sanitizeValue(long);
    expect(first.removed).toContain('script element');
    expect(sanitizeValue(long)).toBe(first);
    const short = '<p>x</p>';
    expect(sanitizeValue(short)).toEqual(sanitizeValue(short));
  });
});
