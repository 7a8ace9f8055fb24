/**
 * Publishing annotation pages as files of their own (issue 16): with annotationPages 'referenced', each embedded
 * page of the manifest and its canvases is written under the base as annotations/NAME.json, with the published
 * ids, its targets on the published canvas ids, and the manifest references it; republishing gives every page
 * the same address; embedded (the default) leaves the manifest as before.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getIn, type JsonObject } from '../../../shared/iiif/json';
import { validate } from '../../../shared/iiif/validation/validate';
import { publish } from '../../../electron/services/publish/publish';
import { annotatedManifest } from '../../shared/annotations/sample';

const BASE = 'https://pub.example.com/annotated';

let root: string;
let out: string;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'tessera-publish-pages-'));
  out = path.join(root, 'site');
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

/** The sample without its remote page reference (publishing fetches nothing) and with the draft ids moved. */
function draft(): JsonObject {
  const text = JSON.stringify(annotatedManifest()).replaceAll(
    'https://example.org/',
    'https://draft.example.org/',
  );
  const doc = JSON.parse(text) as JsonObject;
  const canvas = (doc['items'] as JsonObject[])[0] as JsonObject;
  const pages = (canvas['annotations'] as JsonObject[]).filter((p) => Array.isArray(p['items']));
  return { ...doc, items: [{ ...canvas, annotations: pages }, ...(doc['items'] as JsonObject[]).slice(1)] };
}

const readJson = async (file: string) => JSON.parse(await fs.readFile(file, 'utf8')) as JsonObject;

describe('publishing annotation pages', () => {
  it('writes each embedded page as its own file under the base, referenced by the manifest', async () => {
    const outcome = await publish({
      outDir: out,
      base: BASE,
      manifests: [{ doc: draft() }],
      annotationPages: 'referenced',
    });
    if (!outcome.ok) throw new Error(outcome.error.message);
    const manifest = await readJson(path.join(out, 'manifest.json'));
    const canvasId = getIn(manifest, ['items', 0, 'id']) as string;
    expect(canvasId.startsWith(`${BASE}/`)).toBe(true);
    const manifestRef = getIn(manifest, ['annotations', 0]) as JsonObject;
    const canvasRef = getIn(manifest, ['items', 0, 'annotations', 0]) as JsonObject;
    for (const reference of [manifestRef, canvasRef]) {
      expect(Object.keys(reference)).toEqual(['id', 'type']);
      expect(reference['id']).toMatch(new RegExp(`^${BASE}/annotations/[A-Za-z0-9_-]+\\.json$`));
    }
    expect(validate(manifest).filter((f) => f.severity === 'error')).toEqual([]);

    const file = (reference: JsonObject) =>
      path.join(out, ...(reference['id'] as string).slice(BASE.length + 1).split('/'));
    const canvasPage = await readJson(file(canvasRef));
    expect(canvasPage['@context']).toBe('http://iiif.io/api/presentation/3/context.json');
    expect(canvasPage['id']).toBe(canvasRef['id']);
    expect(getIn(canvasPage, ['items', 0, 'target'])).toBe(`${canvasId}#xywh=10,20,30,40`);
    expect(getIn(canvasPage, ['items', 1, 'target', 'source', 'id'])).toBe(canvasId);
    // Every id moved, but the linked body's: a resource elsewhere, which publishing does not own.
    expect(JSON.stringify(canvasPage).replace('https://draft.example.org/people/ada', '')).not.toContain(
      'draft.example.org',
    );
    expect(validate(canvasPage).filter((f) => f.severity === 'error')).toEqual([]);
    const tour = await readJson(file(manifestRef));
    expect(getIn(tour, ['items', 0, 'target', 0])).toBe(canvasId);

    // Again, from the same draft: the same addresses, with nothing to confirm.
    const again = await publish({
      outDir: out,
      base: BASE,
      manifests: [{ doc: draft() }],
      annotationPages: 'referenced',
      allowUriChanges: false,
    });
    if (!again.ok) throw new Error(again.error.message);
    expect(await readJson(path.join(out, 'manifest.json'))).toEqual(manifest);
  });

  it('embeds them by default, and refuses referenced pages in Presentation 2.1', async () => {
    const outcome = await publish({ outDir: out, base: BASE, manifests: [{ doc: draft() }] });
    if (!outcome.ok) throw new Error(outcome.error.message);
    const manifest = await readJson(path.join(out, 'manifest.json'));
    expect(getIn(manifest, ['items', 0, 'annotations', 0, 'items', 0, 'type'])).toBe('Annotation');
    await expect(fs.readdir(path.join(out, 'annotations'))).rejects.toThrow();
    const p2 = await publish({
      outDir: path.join(root, 'p2'),
      base: BASE,
      manifests: [{ doc: draft() }],
      annotationPages: 'referenced',
      presentation2: true,
    });
    expect(p2.ok).toBe(false);
    if (!p2.ok) expect(p2.error.message).toMatch(/choose embedded annotation pages/);
  });
});
