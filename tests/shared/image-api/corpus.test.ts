/**
 * Every info.json in ../shared/corpus/info: the deliberately broken ones (`*bad*`) must be refused with
 * reasons, every other one read with the right version and size. The expectations are written out per file,
 * so a file added to the corpus without an expectation fails the test instead of passing unchecked.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseInfoJson } from '../../../shared/iiif/image-api/parse-info-json';

const projectRoot = fileURLToPath(new URL('../../..', import.meta.url));
const infoRoot = path.join(path.resolve(projectRoot, '../shared/corpus'), 'info');
const corpusPresent = existsSync(infoRoot);
if (!corpusPresent) console.warn(`[image-api corpus] skipped: ${infoRoot} does not exist on this machine.`);

type Good = { version: 1 | 2 | 3; width: number; height: number; level: 0 | 1 | 2 };
const good = (version: 1 | 2 | 3, level: 0 | 1 | 2, width: number, height: number): Good => ({
  version,
  level,
  width,
  height,
});

/** Why each bad file is bad; the test checks that our reasons mention it. */
const expected: Record<string, Good | { bad: RegExp }> = {
  'v1/leaflet-iiif/edge_case.json': good(1, 1, 4132, 8176),
  'v1/leaflet-iiif/statue_info.json': good(1, 1, 4132, 8176),
  'v1/openseadragon/iiif_1_0_files.json': good(1, 1, 775, 1024),
  'v1/openseadragon/iiif_1_1_no_tiles_1048.json': good(1, 1, 1048, 870),
  'v1/openseadragon/iiif_1_1_no_tiles_255.json': good(1, 1, 255, 212),
  'v1/openseadragon/iiif_1_1_no_tiles_384.json': good(1, 1, 384, 319),
  'v1/openseadragon/iiif_1_1_no_tiles_768.json': good(1, 2, 768, 637),
  'v1/openseadragon/iiif_1_1_tiled.json': good(1, 2, 775, 1024),
  'v1/zimeon-iiif/1_0__info_bad_context.json': { bad: /@context/ },
  'v1/zimeon-iiif/1_0__info_from_spec.json': good(1, 0, 6000, 4000),
  'v1/zimeon-iiif/1_1__info_bad_context.json': { bad: /@context/ },
  'v1/zimeon-iiif/1_1__info_from_spec.json': good(1, 0, 6000, 4000),
  'v2/leaflet-iiif/acrobat_info.json': good(2, 2, 5594, 7200),
  'v2/leaflet-iiif/cantaloupe.json': good(2, 2, 4032, 3024),
  'v2/leaflet-iiif/mlk.json': good(2, 0, 5426, 3820),
  'v2/leaflet-iiif/profile_object.json': good(2, 2, 7384, 4692),
  'v2/openseadragon/iiif_2_0_sizes.json': good(2, 0, 6976, 5074),
  'v2/openseadragon/iiif_2_0_tiled.json': good(2, 1, 775, 1024),
  'v2/openseadragon/iiif_2_0_tiled_sf1.json': good(2, 1, 775, 1024),
  'v2/zimeon-iiif/2_0__info_bad_context.json': { bad: /@context/ },
  'v2/zimeon-iiif/2_0__info_from_spec.json': good(2, 2, 6000, 4000),
  'v2/zimeon-iiif/2_0__info_with_extra.json': good(2, 2, 6000, 4000),
  'v2/zimeon-iiif/2_1__info_bad_context1.json': { bad: /@context/ },
  'v2/zimeon-iiif/2_1__info_bad_context2.json': { bad: /@context.*list/ },
  'v2/zimeon-iiif/2_1__info_from_spec_section_5_2.json': good(2, 2, 6000, 4000),
  'v2/zimeon-iiif/2_1__info_from_spec_section_5_3.json': good(2, 2, 4000, 3000),
  'v2/zimeon-iiif/2_1__info_from_spec_section_5_6.json': good(2, 2, 6000, 4000),
  'v2/zimeon-iiif/2_1__info_with_extra.json': good(2, 2, 6000, 4000),
  'v3/leaflet-iiif/v3.json': good(3, 1, 2000, 1271),
  'v3/openseadragon/iiif_3_0_sizes.json': good(3, 0, 6976, 5074),
  'v3/openseadragon/iiif_3_0_tiled.json': good(3, 2, 775, 1024),
  'v3/openseadragon/iiif_3_0_tiled_sf1.json': good(3, 2, 775, 1024),
  'v3/zimeon-iiif/3_0__info_bad_context1.json': { bad: /@context/ },
  'v3/zimeon-iiif/3_0__info_bad_context2.json': { bad: /@context/ },
  'v3/zimeon-iiif/3_0__info_bad_context3.json': { bad: /@context.*last/ },
  'v3/zimeon-iiif/3_0__info_bad_profile1.json': { bad: /profile.*level5/ },
  'v3/zimeon-iiif/3_0__info_bad_profile2.json': { bad: /profile.*one string/ },
  'v3/zimeon-iiif/3_0__info_bad_sizes1.json': { bad: /sizes.*list/ },
  'v3/zimeon-iiif/3_0__info_bad_sizes2.json': { bad: /sizes.*entry 2.*height/ },
  'v3/zimeon-iiif/3_0__info_bad_sizes3.json': { bad: /sizes.*entry 2.*width/ },
  'v3/zimeon-iiif/3_0__info_bad_sizes4.json': { bad: /sizes.*entry 1.*object/ },
  'v3/zimeon-iiif/3_0__info_from_spec_section_5_2.json': good(3, 2, 6000, 4000),
  'v3/zimeon-iiif/3_0__info_from_spec_section_5_3.json': good(3, 2, 6000, 4000),
  'v3/zimeon-iiif/3_0__info_from_spec_section_5_4.json': good(3, 2, 6000, 4000),
  'v3/zimeon-iiif/3_0__info_from_spec_section_5_5.json': good(3, 2, 6000, 4000),
  'v3/zimeon-iiif/3_0__info_from_spec_section_5_7.json': good(3, 2, 6000, 4000),
  'v3/zimeon-iiif/3_0__info_from_spec_section_5_8.json': good(3, 1, 6000, 4000),
  'v3/zimeon-iiif/3_0__info_good_context1.json': good(3, 2, 6000, 4000),
  'v3/zimeon-iiif/3_0__info_good_context2.json': good(3, 2, 6000, 4000),
  'v3/zimeon-iiif/3_0__info_good_context3.json': good(3, 2, 6000, 4000),
  'v3/zimeon-iiif/3_0__info_with_extra.json': good(3, 2, 6000, 4000),
};

function listJson(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? listJson(full) : name.endsWith('.json') ? [full] : [];
    })
    .sort();
}

describe.skipIf(!corpusPresent)('info.json corpus (../shared/corpus/info)', () => {
  const files = corpusPresent
    ? listJson(infoRoot).map((file) => path.relative(infoRoot, file).split(path.sep).join('/'))
    : [];

  it('has an expectation for every file, and every expected file exists', () => {
    expect(files.filter((file) => !(file in expected))).toEqual([]);
    expect(Object.keys(expected).filter((file) => !files.includes(file))).toEqual([]);
  });

  it.each(files)('%s', (file) => {
    const json: unknown = JSON.parse(readFileSync(path.join(infoRoot, file), 'utf8'));
    const result = parseInfoJson(json, `https://example.test/iiif/${path.basename(file, '.json')}/info.json`);
    const expectation = expected[file];
    if (!expectation) throw new Error(`no expectation for ${file}`);
    if ('bad' in expectation) {
      expect(file).toMatch(/bad/);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.reasons.length).toBeGreaterThan(0);
      expect(result.reasons.join(' ')).toMatch(expectation.bad);
    } else {
      expect(file).not.toMatch(/bad/);
      expect(result).toMatchObject({ ok: true, value: expectation });
      if (!result.ok) return;
      expect(result.value.id).toMatch(/^https?:\/\//);
      expect(result.value.id).not.toMatch(/\/$|info\.json$/);
    }
  });
});
