import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../shared/iiif/json';
import { validate } from '../../../shared/iiif/validation/validate';
import { diffAgainstLastPublication } from '../../../electron/services/publish/last-publication';
import { publish, type PublishOptions } from '../../../electron/services/publish/publish';
import { canvas, loadFixture, manifest } from '../../shared/validation/helpers';
import { canvasFromMedia } from '../../../shared/iiif/media';
import { createIdMinter } from '../../../shared/iiif/document/mint-ids';
import { wavBytes } from '../../fixtures/media';
import { corpusPresent, corpusRoot, officialSchemaErrors } from '../../shared/validation/official-corpus';

const BASE = 'https://pub.example.com/hours';
const LOCAL = 'http://127.0.0.1:5173/local-images';
const schema = corpusPresent ? officialSchemaErrors() : undefined;
if (!corpusPresent)
  console.log(`No corpus at ${corpusRoot}: published files are checked by our validator only.`);

let root: string;
let out: string;

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'tessera-publish-'));
  out = path.join(root, 'site', 'hours');
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

/** A level-0 tile folder as the imaging service writes it (only the files the test needs). */
async function tileFolder(name: string): Promise<string> {
  const dir = path.join(root, 'tiles', name);
  await fs.mkdir(path.join(dir, 'full', 'max', '0'), { recursive: true });
  await fs.writeFile(
    path.join(dir, 'info.json'),
    JSON.stringify({ id: `${LOCAL}/${name}`, type: 'ImageService3', profile: 'level0' }),
  );
  await fs.writeFile(
    path.join(dir, 'full', 'max', '0', 'default.jpg'),
    Buffer.from([0xff, 0xd8, 0xff, 0xd9]),
  );
  return dir;
}

function localImageManifest(): JsonObject {
  const body = {
    id: `${LOCAL}/leaf1/full/max/0/default.jpg`,
    type: 'Image',
    format: 'image/jpeg',
    width: 1000,
    height: 1500,
    service: [{ id: `${LOCAL}/leaf1`, type: 'ImageService3', profile: 'level0' }],
  };
  return manifest({ id: 'https://example.org/unpublished/p1/manifest' }, [canvas(1, {}, body), canvas(2)]);
}

async function readJson(file: string): Promise<JsonObject> {
  return JSON.parse(await fs.readFile(file, 'utf8')) as JsonObject;
}

async function expectPublishable(file: string): Promise<void> {
  const doc = await readJson(file);
  expect(validate(doc).filter((f) => f.severity === 'error')).toEqual([]);
  if (schema) expect(schema(doc)).toEqual([]);
}

async function siblings(): Promise<string[]> {
  return fs.readdir(path.dirname(out));
}

describe('publish', () => {
  it('writes manifest.json with final ids and copies the local tiles beside it', async () => {
    const options: PublishOptions = {
      outDir: out,
      base: BASE,
      manifests: [
        {
          doc: localImageManifest(),
          tileFolders: [{ sourceDir: await tileFolder('leaf1'), destRelPath: 'images/leaf1' }],
        },
      ],
      localImageBase: LOCAL,
    };
    const outcome = await publish(options);
    if (!outcome.ok) throw new Error(outcome.error.message);
    const [report] = outcome.value.manifests;
    expect(report).toMatchObject({
      url: `${BASE}/manifest.json`,
      file: 'manifest.json',
      tiles: ['images/leaf1'],
      missingTiles: [],
    });
    expect(report?.changes.firstPublication).toBe(true);
    // Fetched back over HTTP on loopback: the manifest, both canvases, their pages and annotations.
    expect(outcome.value.check).toMatchObject({
      documents: 1,
      parsed: 1,
      uris: 7,
      resolved: 7,
      failures: [],
    });
    expect(outcome.value.check.from).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const published = await readJson(path.join(out, 'manifest.json'));
    expect(published.id).toBe(`${BASE}/manifest.json`);
    const body = JSON.stringify(published);
    expect(body).toContain(`${BASE}/images/leaf1/full/max/0/default.jpg`);
    expect(body).not.toContain(LOCAL);
    await expect(
      fs.readFile(path.join(out, 'images', 'leaf1', 'full', 'max', '0', 'default.jpg')),
    ).resolves.toHaveLength(4);
    // Viewers build tile URLs from info.json, so the copy names the address it is published at.
    expect((await readJson(path.join(out, 'images', 'leaf1', 'info.json'))).id).toBe(`${BASE}/images/leaf1`);
    await expectPublishable(path.join(out, 'manifest.json'));
    expect(await siblings()).toEqual(['hours']);
  });

  it('copies the tiles of exactly the local images the id mapping moved', async () => {
    await tileFolder('leaf1');
    await tileFolder('unused');
    // A label that quotes a local URL is text, not a reference: its image is not part of the publication.
    const doc = { ...localImageManifest(), summary: { en: [`${LOCAL}/unused`] } };
    const outcome = await publish({
      outDir: out,
      base: BASE,
      manifests: [{ doc }],
      localImages: { base: LOCAL, dir: path.join(root, 'tiles') },
    });
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.value.manifests[0]?.tiles).toEqual(['images/leaf1']);
    expect(outcome.value.manifests[0]?.missingTiles).toEqual([]);
  });

  it('publishes audio added from a file beside the manifest, as it does image tiles', async () => {
    const dir = path.join(root, 'tiles', 'tone');
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, 'tone.wav'), wavBytes(1));
    const audio = canvasFromMedia(
      { url: `${LOCAL}/tone/tone.wav`, kind: 'Sound', format: 'audio/wav', duration: 1 },
      { mint: createIdMinter('https://example.org/unpublished/p1', new Set()) },
    );
    const doc = manifest({ id: 'https://example.org/unpublished/p1/manifest' }, [audio]);
    const outcome = await publish({
      outDir: out,
      base: BASE,
      manifests: [{ doc }],
      localImages: { base: LOCAL, dir: path.join(root, 'tiles') },
    });
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.value.manifests[0]?.tiles).toEqual(['images/tone']);
    expect(outcome.value.manifests[0]?.missingTiles).toEqual([]);
    expect(JSON.stringify(await readJson(path.join(out, 'manifest.json')))).toContain(
      `${BASE}/images/tone/tone.wav`,
    );
    expect(await fs.readFile(path.join(out, 'images', 'tone', 'tone.wav'))).toEqual(wavBytes(1));
  });

  it('refuses to change a published URI unless allowed, and leaves the publication as it was', async () => {
    const first = await publish({ outDir: out, base: BASE, manifests: [{ doc: localImageManifest() }] });
    if (!first.ok) throw new Error(first.error.message);
    const before = await fs.readFile(path.join(out, 'manifest.json'), 'utf8');
    const moved = {
      outDir: out,
      base: 'https://other.example/hours',
      manifests: [{ doc: localImageManifest() }],
    };
    const refused = await publish({ ...moved, allowUriChanges: false });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('uris-change');
    expect(await fs.readFile(path.join(out, 'manifest.json'), 'utf8')).toBe(before);
    const allowed = await publish({ ...moved, allowUriChanges: true });
    if (!allowed.ok) throw new Error(allowed.error.message);
    // The manifest, both canvases, their pages and their painting annotations.
    expect(allowed.value.manifests[0]?.uris.changed.length).toBe(7);
  });

  it('produces the same bytes when the same document is published again', async () => {
    const options: PublishOptions = {
      outDir: out,
      base: BASE,
      manifests: [{ doc: loadFixture('valid-book') }],
    };
    const first = await publish(options);
    expect(first.ok).toBe(true);
    const bytes = await fs.readFile(path.join(out, 'manifest.json'));
    const second = await publish(options);
    if (!second.ok) throw new Error(second.error.message);
    expect(second.value.manifests[0]?.changes.identical).toBe(true);
    expect((await fs.readFile(path.join(out, 'manifest.json'))).equals(bytes)).toBe(true);
    await expectPublishable(path.join(out, 'manifest.json'));
  });

  it('summarises what changed since the last publication, and writes minified JSON on request', async () => {
    const book = loadFixture('valid-book');
    await publish({ outDir: out, base: BASE, manifests: [{ doc: book }] });
    const edited = { ...book, label: { en: ['Book of hours, edited'] }, navDate: undefined as never };
    const outcome = await publish({
      outDir: out,
      base: BASE,
      manifests: [{ doc: JSON.parse(JSON.stringify(edited)) }],
      minify: true,
    });
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.value.manifests[0]?.changes.diff).toMatchObject({
      removed: ['$.label.fr', '$.navDate'],
      changed: ['$.label.en[0]'],
      added: [],
    });
    const text = await fs.readFile(path.join(out, 'manifest.json'), 'utf8');
    expect(text.includes('\n')).toBe(false);
  });

  it('refuses to publish a document with errors unless errors are allowed', async () => {
    await publish({ outDir: out, base: BASE, manifests: [{ doc: loadFixture('valid-book') }] });
    const before = await fs.readFile(path.join(out, 'manifest.json'), 'utf8');
    const broken = manifest({ rights: 'https://creativecommons.org/licenses/by/4.0/' });
    const refused = await publish({ outDir: out, base: BASE, manifests: [{ doc: broken }] });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('validation-errors');
    expect(refused.error.message).toContain('$.rights');
    expect(refused.findings?.map((f) => f.code)).toEqual(['rights-not-canonical']);
    expect(await fs.readFile(path.join(out, 'manifest.json'), 'utf8')).toBe(before);

    const allowed = await publish({
      outDir: out,
      base: BASE,
      manifests: [{ doc: broken }],
      allowErrors: true,
    });
    expect(allowed.ok).toBe(true);
    expect((await readJson(path.join(out, 'manifest.json'))).rights).toBe(
      'https://creativecommons.org/licenses/by/4.0/',
    );
  });

  it('refuses javascript: and file: ids even with errors allowed, and writes nothing', async () => {
    const body = {
      id: 'javascript:alert(document.cookie)',
      type: 'Image',
      format: 'image/jpeg',
      width: 10,
      height: 10,
      service: [{ id: 'file:///etc/passwd', type: 'ImageService3', profile: 'level0' }],
    };
    const hostile = manifest({}, [canvas(1, {}, body)]);
    for (const allowErrors of [false, true]) {
      const refused = await publish({ outDir: out, base: BASE, manifests: [{ doc: hostile }], allowErrors });
      expect(refused.ok).toBe(false);
      if (refused.ok) return;
      expect(refused.error.message).toContain('javascript:alert');
      expect(refused.findings?.map((f) => f.code)).toEqual(
        expect.arrayContaining(['id-unsafe-scheme', 'id-unsafe-scheme']),
      );
      if (allowErrors) expect(refused.error.message).toMatch(/never published/);
    }
    await expect(fs.stat(path.join(out, 'manifest.json'))).rejects.toThrow();
  });

  it('publishes several Manifests with a collection.json that references them', async () => {
    const outcome = await publish({
      outDir: out,
      base: BASE,
      manifests: [
        { doc: loadFixture('valid-book'), slug: 'book-1' },
        { doc: manifest(), slug: 'book-2' },
      ],
      collectionLabel: { en: ['Two books'] },
    });
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.value.collectionUrl).toBe(`${BASE}/collection.json`);
    const collection = await readJson(path.join(out, 'collection.json'));
    expect((collection.items as JsonObject[]).map((item) => item.id)).toEqual([
      `${BASE}/book-1/manifest.json`,
      `${BASE}/book-2/manifest.json`,
    ]);
    for (const file of ['collection.json', 'book-1/manifest.json', 'book-2/manifest.json']) {
      await expectPublishable(path.join(out, file));
    }
  });

  it('keeps the previous publication when writing the new one fails', async () => {
    await publish({ outDir: out, base: BASE, manifests: [{ doc: loadFixture('valid-book') }] });
    const before = await fs.readFile(path.join(out, 'manifest.json'), 'utf8');
    const failed = await publish({
      outDir: out,
      base: BASE,
      manifests: [
        {
          doc: manifest(),
          tileFolders: [{ sourceDir: path.join(root, 'missing'), destRelPath: 'images/x' }],
        },
      ],
    });
    expect(failed).toMatchObject({ ok: false, error: { code: 'tiles-missing' } });
    expect(await fs.readFile(path.join(out, 'manifest.json'), 'utf8')).toBe(before);
    expect(await siblings()).toEqual(['hours']);
  });

  it('never replaces a folder that is not an earlier publication, and refuses escaping tile paths', async () => {
    await fs.mkdir(out, { recursive: true });
    await fs.writeFile(path.join(out, 'thesis.docx'), 'precious');
    const refused = await publish({ outDir: out, base: BASE, manifests: [{ doc: manifest() }] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'out-not-publication' } });
    expect(await fs.readFile(path.join(out, 'thesis.docx'), 'utf8')).toBe('precious');
    // A manifest.json does not make a curator's working folder a publication.
    await fs.writeFile(path.join(out, 'manifest.json'), '{}');
    const stillRefused = await publish({ outDir: out, base: BASE, manifests: [{ doc: manifest() }] });
    expect(stillRefused).toMatchObject({ ok: false, error: { code: 'out-not-publication' } });
    expect(await fs.readFile(path.join(out, 'thesis.docx'), 'utf8')).toBe('precious');

    const escaping = await publish({
      outDir: path.join(root, 'other'),
      base: BASE,
      manifests: [
        { doc: manifest(), tileFolders: [{ sourceDir: await tileFolder('a'), destRelPath: '../../a' }] },
      ],
    });
    expect(escaping).toMatchObject({ ok: false, error: { code: 'invalid-tile-path' } });
  });

  it('marks its publications, and replaces a marked folder only if none of the inputs lies inside it', async () => {
    const first = await publish({ outDir: out, base: BASE, manifests: [{ doc: manifest() }] });
    if (!first.ok) throw new Error(first.error.message);
    expect((await fs.readdir(out)).sort()).toEqual([
      '.tessera-publication',
      '.tessera-record.json',
      'manifest.json',
    ]);
    // The curator keeps the source beside the published copy: republishing would delete it.
    const source = path.join(out, 'source.json');
    await fs.writeFile(source, JSON.stringify(manifest()));
    const refused = await publish({
      outDir: out,
      base: BASE,
      manifests: [{ doc: manifest() }],
      inputFiles: [path.join(out, '..', path.basename(out), 'source.json')],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'out-holds-input' } });
    expect(await fs.readFile(source, 'utf8')).toBe(JSON.stringify(manifest()));
    // An input outside the folder is fine, and republishing replaces the folder as before.
    const outside = path.join(root, 'source.json');
    await fs.writeFile(outside, JSON.stringify(manifest()));
    const again = await publish({
      outDir: out,
      base: BASE,
      manifests: [{ doc: manifest() }],
      inputFiles: [outside],
    });
    expect(again.ok).toBe(true);
    expect((await fs.readdir(out)).sort()).toEqual([
      '.tessera-publication',
      '.tessera-record.json',
      'manifest.json',
    ]);
  });

  it('reports local images whose tiles are not part of the publication', async () => {
    const outcome = await publish({
      outDir: out,
      base: BASE,
      manifests: [{ doc: localImageManifest() }],
      localImageBase: LOCAL,
    });
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.value.manifests[0]?.missingTiles).toEqual([
      `${BASE}/images/leaf1/full/max/0/default.jpg`,
      `${BASE}/images/leaf1`,
    ]);
  });

  it('refuses a base that is not an http(s) URL', async () => {
    expect(
      await publish({ outDir: out, base: 'file:///srv/www', manifests: [{ doc: manifest() }] }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-base' },
    });
  });
});

describe('diffAgainstLastPublication', () => {
  it('knows a first publication, identical bytes and an unreadable earlier file', async () => {
    await fs.mkdir(out, { recursive: true });
    expect(await diffAgainstLastPublication(out, '{}')).toMatchObject({ firstPublication: true });
    await fs.writeFile(path.join(out, 'manifest.json'), '{"a":1}');
    expect(await diffAgainstLastPublication(out, '{"a":1}')).toMatchObject({ identical: true });
    expect((await diffAgainstLastPublication(out, '{"a":2}')).diff.changed).toEqual(['$.a']);
    await fs.writeFile(path.join(out, 'manifest.json'), 'not json');
    expect(await diffAgainstLastPublication(out, '{}')).toMatchObject({ previousUnreadable: true });
  });
});
