import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../shared/iiif/csv/rfc4180';
import { annotatedManifest } from '../../shared/annotations/sample';
import { cli, tempDir, write } from './cli-harness';

const temp = tempDir();
afterAll(() => temp.remove());

describe('tessera annotations', () => {
  it('lists every annotation with motivation and target as JSON', async () => {
    const file = await write(path.join(temp.dir, 'm.json'), JSON.stringify(annotatedManifest()));
    const run = await cli(['annotations', file, '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      annotations: {
        id: string;
        canvas?: number;
        motivation: string[];
        targets: { geometry: { kind: string } }[];
      }[];
      referencedPages: string[];
    };
    expect(
      report.annotations.map((a) => [
        a.id.split('/').pop(),
        a.canvas,
        a.motivation,
        a.targets.map((t) => t.geometry.kind),
      ]),
    ).toEqual([
      ['tour', 1, ['describing'], ['whole', 'time']],
      ['box', 1, ['commenting'], ['box']],
      ['point', 1, ['tagging'], ['point']],
    ]);
    expect(report.referencedPages).toEqual(['https://example.org/page/remote']);
  });

  it('prints readable lines, transcriptions and CSV', async () => {
    const doc = annotatedManifest();
    const page = {
      id: 'https://example.org/page/t',
      type: 'AnnotationPage',
      items: ['first line', 'second, "quoted" line'].map((value, i) => ({
        id: `https://example.org/t/${i}`,
        type: 'Annotation',
        motivation: 'supplementing',
        body: { type: 'TextualBody', value, format: 'text/plain' },
        target: `https://example.org/canvas/2#xywh=0,${i * 10},10,10`,
      })),
    };
    const file = await write(path.join(temp.dir, 'page.json'), JSON.stringify(page));
    const text = await cli(['annotations', file, '--text']);
    expect(text).toMatchObject({ code: 0, stdout: 'first line\nsecond, "quoted" line\n' });
    const csv = await cli(['annotations', file, '--csv']);
    const rows = parseCsv(csv.stdout).records.map((r) => r.fields);
    expect(rows[0]).toEqual(['canvas', 'page', 'id', 'motivation', 'target', 'body', 'language', 'format']);
    expect(rows[2]?.slice(3, 6)).toEqual([
      'supplementing',
      'box 0,10,10,10 on https://example.org/canvas/2',
      'second, "quoted" line',
    ]);
    const manifest = await write(path.join(temp.dir, 'm2.json'), JSON.stringify(doc));
    const readable = await cli(['annotations', manifest]);
    expect(readable.stdout).toContain('3 annotations, 1 referenced page(s) not read');
    expect(readable.stdout).toContain(
      'canvas 1  commenting  box 10,20,30,40 on https://example.org/canvas/1  "A box"',
    );
  });

  it('refuses what it cannot read and a wrong command line', async () => {
    const other = await write(path.join(temp.dir, 'x.json'), '{"type":"Thing"}');
    expect((await cli(['annotations', other])).code).toBe(1);
    expect((await cli(['annotations', path.join(temp.dir, 'missing.json')])).stderr).toContain(
      'no such file',
    );
    expect((await cli(['annotations', other, '--json', '--csv'])).code).toBe(2);
    expect((await cli(['annotations'])).code).toBe(2);
  });
});

describe('tessera annotations --vtt', () => {
  const video = (n: number, annotations: unknown[] = []) => ({
    id: `https://example.org/canvas/v${n}`,
    type: 'Canvas',
    width: 640,
    height: 360,
    duration: 30,
    items: [],
    annotations: [{ id: `https://example.org/p${n}`, type: 'AnnotationPage', items: annotations }],
  });
  const caption = (n: number, t: string, value: string) => ({
    id: `https://example.org/a${n}/${t}`,
    type: 'Annotation',
    motivation: 'supplementing',
    body: { type: 'TextualBody', value, format: 'text/plain' },
    target: `https://example.org/canvas/v${n}#t=${t}`,
  });
  const film = (canvases: unknown[]) => ({
    '@context': 'http://iiif.io/api/presentation/3/context.json',
    id: 'https://example.org/m',
    type: 'Manifest',
    label: { en: ['Film'] },
    items: canvases,
  });

  it('prints the captions of the only captioned canvas, or of the canvas chosen', async () => {
    const file = await write(
      path.join(temp.dir, 'film.json'),
      JSON.stringify(
        film([video(1), video(2, [caption(2, '5,6.5', 'later <b>'), caption(2, '1,2', 'first')])]),
      ),
    );
    const run = await cli(['annotations', file, '--vtt']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(
      'WEBVTT\n\nhttps://example.org/a2/1,2\n00:00:01.000 --> 00:00:02.000\nfirst\n\n' +
        'https://example.org/a2/5,6.5\n00:00:05.000 --> 00:00:06.500\nlater &lt;b&gt;\n',
    );
    expect((await cli(['annotations', file, '--vtt', '--canvas', '2'])).stdout).toBe(run.stdout);
    const none = await cli(['annotations', file, '--vtt', '--canvas', '1']);
    expect(none).toMatchObject({ code: 1, stdout: '' });
    expect(none.stderr).toMatch(/canvas 1 of \S*film\.json has no annotations with text on time spans/);
    expect((await cli(['annotations', file, '--vtt', '--canvas', '3'])).stderr).toMatch(
      /has 2 canvases, not 3/,
    );
  });

  it('asks for --canvas when several canvases have captions, and refuses bad command lines', async () => {
    const file = await write(
      path.join(temp.dir, 'two.json'),
      JSON.stringify(film([video(1, [caption(1, '0,1', 'a')]), video(2, [caption(2, '0,1', 'b')])])),
    );
    const run = await cli(['annotations', file, '--vtt']);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toMatch(/canvases 1, 2 have captions; choose one with --canvas N/);
    expect((await cli(['annotations', file, '--vtt', '--canvas', '0'])).code).toBe(2);
    expect((await cli(['annotations', file, '--vtt', '--canvas', 'x'])).stderr).toMatch(
      /canvas number counted from 1/,
    );
    expect((await cli(['annotations', file, '--canvas', '1'])).stderr).toMatch(/--canvas goes with --vtt/);
    expect((await cli(['annotations', file, '--vtt', '--csv'])).code).toBe(2);
    const empty = await write(path.join(temp.dir, 'still.json'), JSON.stringify(film([video(1)])));
    expect((await cli(['annotations', empty, '--vtt'])).stderr).toMatch(
      /has no annotations with text on time spans/,
    );
  });
});
