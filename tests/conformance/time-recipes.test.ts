/**
 * The time-based cookbook recipes (found by content: a Canvas with a duration, in `items` or as a placeholder
 * or accompanying Canvas) open and save unchanged, and every time span they name is listed by the model the
 * editor reads it through: Range items by the structure view (the structure panel), annotations by
 * listAnnotations (the annotation panel), painting clips by clipsOf (the timeline). The spans are found
 * independently, by a brute-force walk over the raw JSON, and compared. Counts are printed.
 */
import { describe, expect, it } from 'vitest';
import { listAnnotations } from '../../shared/iiif/annotations';
import { readDocument, writeDocument } from '../../shared/iiif/document';
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../../shared/iiif/json';
import { clipsOf } from '../../shared/iiif/media';
import { rangeItemTimeSpan, structureView } from '../../shared/iiif/structure';
import { readTimeFragment, type TimeSpan } from '../../shared/iiif/time';
import { canvasesOf, cookbook, cookbookPresent, NAMED, timeRecipes } from './time-recipes-corpus';

/** `t=` of a URI's fragment, found without the model's readers: the raw text after "t=". */
function rawSpan(uri: string): string | undefined {
  const fragment = uri.split('#')[1];
  return fragment
    ?.split('&')
    .find((p) => p.startsWith('t='))
    ?.slice(2);
}

function spanText(span: TimeSpan | undefined): string | undefined {
  return span === undefined ? undefined : `${span.start}${span.end === undefined ? '' : `,${span.end}`}`;
}

/** Every `t=` under `key` subtrees of the raw JSON, as written (strings and FragmentSelector values). */
function bruteForce(
  node: JsonValue,
  inside: (trail: readonly string[]) => boolean,
  trail: string[] = [],
): string[] {
  if (typeof node === 'string') {
    const span = inside(trail) ? rawSpan(node) : undefined;
    return span === undefined ? [] : [span];
  }
  if (isJsonArray(node)) return node.flatMap((child) => bruteForce(child, inside, trail));
  if (!isJsonObject(node)) return [];
  if (node.type === 'FragmentSelector' && typeof node.value === 'string' && inside(trail)) {
    const span = rawSpan(`#${node.value}`);
    return span === undefined ? [] : [span];
  }
  return Object.entries(node).flatMap(([key, child]) => bruteForce(child, inside, [...trail, key]));
}

/** Compares "0,302.05" as written with the model's numbers (302.05 vs "302.05", "702.0" vs 702). */
function sameSpan(written: string, read: string | undefined): boolean {
  const normal = (text: string) => {
    const reading = readTimeFragment(`t=${text}`);
    return reading?.kind === 'span' ? spanText(reading.span) : `invalid ${text}`;
  };
  return read !== undefined && normal(written) === read;
}

if (!cookbookPresent) {
  const reason = `the IIIF cookbook is not at ${cookbook}`;
  console.log(`time recipe conformance skipped: ${reason}`);
  describe.skip(`time recipe conformance (skipped: ${reason})`, () => {
    it('needs ../shared/corpus', () => {});
  });
} else {
  const recipes = timeRecipes();

  describe('time-based cookbook recipes', () => {
    it('are found by content, the named ones among them', () => {
      const names = recipes.map((r) => r.name);
      for (const [what, name] of Object.entries(NAMED)) expect(names, what).toContain(name);
      console.log(`time recipes: ${recipes.length} with a Canvas that has a duration`);
    });

    it.each(recipes.map((r) => [r.name, r] as const))('%s opens and saves unchanged', (_, recipe) => {
      const read = readDocument(recipe.text);
      if (!read.ok) throw new Error(read.error.message);
      expect(read.upgraded).toBeFalsy();
      const saved = writeDocument(read.doc, read.format);
      expect(JSON.stringify(JSON.parse(saved))).toBe(JSON.stringify(JSON.parse(recipe.text)));
      // The text itself too, where the recipe is laid out as the writer lays JSON out.
      const standard = JSON.stringify(JSON.parse(recipe.text), null, read.format.indent);
      if (writeDocument(JSON.parse(standard) as JsonObject, read.format) === recipe.text)
        expect(saved).toBe(recipe.text);
    });

    it('lists every time span of Ranges, annotations and painting clips', () => {
      const totals = { ranges: 0, annotations: 0, clips: 0, regionAndTime: 0 };
      for (const recipe of recipes) {
        const read = readDocument(recipe.text);
        if (!read.ok) throw new Error(read.error.message);
        const doc = read.doc;

        // Ranges: every t= under structures, against the structure view's items.
        const inRanges = bruteForce(doc.structures ?? null, () => true);
        const listedRanges = structureView(doc).nodes.flatMap((node) =>
          isJsonArray(node.json.items)
            ? node.json.items.map((item) => spanText(rangeItemTimeSpan(item))).filter((s) => s !== undefined)
            : [],
        );
        expect(listedRanges.length, `${recipe.name}: range spans`).toBe(inRanges.length);
        inRanges.forEach((written, i) =>
          expect(sameSpan(written, listedRanges[i]), `${recipe.name} range ${i}`).toBe(true),
        );
        totals.ranges += listedRanges.length;

        // Annotations in `annotations` pages: every t= in a target, against the annotation panel's reading.
        const inAnnotations = canvasesOf(doc).flatMap((canvas) =>
          bruteForce(canvas.annotations ?? null, (trail) => trail.includes('target')),
        );
        const listedAnnotations = listAnnotations(doc).flatMap((view) =>
          view.targets.filter((t) => t.geometry.kind === 'time').map((t) => spanText(t.geometry as TimeSpan)),
        );
        expect(listedAnnotations.length, `${recipe.name}: annotation spans`).toBe(inAnnotations.length);
        inAnnotations.forEach((written, i) =>
          expect(sameSpan(written, listedAnnotations[i]), `${recipe.name} annotation ${i}`).toBe(true),
        );
        totals.annotations += listedAnnotations.length;

        // Painting: each clip of the timeline has the span its target names (the whole Canvas when none).
        for (const canvas of canvasesOf(doc)) {
          const duration = canvas.duration;
          if (typeof duration !== 'number') continue;
          const pages = isJsonArray(canvas.items) ? canvas.items : [];
          for (const clip of clipsOf(canvas)) {
            const annotation = (pages[clip.page] as JsonObject).items as JsonValue[];
            const target = (annotation[clip.item] as JsonObject).target;
            const written = typeof target === 'string' ? rawSpan(target) : undefined;
            // A region and a time together (`#xywh=…&t=…`) is read as a region: counted, not compared.
            if (typeof target === 'string' && /#(?:.*&)?xywh=/.test(target) && written !== undefined) {
              totals.regionAndTime += 1;
              continue;
            }
            const expected = written === undefined ? `0,${duration}` : written;
            const reading = readTimeFragment(`t=${expected}`);
            const closed =
              reading?.kind === 'span'
                ? { start: reading.span.start, end: reading.span.end ?? duration }
                : undefined;
            expect(spanText(clip.span), `${recipe.name} clip ${clip.page}/${clip.item}`).toBe(
              spanText(closed),
            );
            totals.clips += 1;
          }
        }
      }
      console.log(
        `time recipes: spans listed: ${totals.ranges} in Ranges, ${totals.annotations} in annotations, ` +
          `${totals.clips} painting clips (${totals.regionAndTime} region-and-time targets read as regions)`,
      );
      expect(totals.ranges).toBeGreaterThan(0);
      expect(totals.annotations).toBeGreaterThan(0);
    });
  });
}
