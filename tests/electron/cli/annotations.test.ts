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
