/**
 * The time-based cookbook recipes, found by content (a Canvas with a duration, in `items` or as a placeholder
 * or accompanying Canvas), not by a list of names. The conformance run (time-recipes.test.ts: open and save
 * unchanged) and the Chromium run (tests/e2e/time-recipes-play.e2e.ts: play in the preview) take the same set
 * from here, so a recipe added to the cookbook is checked by both.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isJsonArray, isJsonObject, type JsonObject, type JsonValue } from '../../shared/iiif/json';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = process.env['TESSERA_CORPUS'] ?? path.resolve(projectRoot, '../shared/corpus');
export const cookbook = path.join(corpus, 'p3/cookbook');
export const cookbookPresent = existsSync(cookbook);

export interface Recipe {
  /** The file's name, e.g. 0002-mvm-audio.json */
  readonly name: string;
  readonly text: string;
}

/** The recipes the issue names, by what they show: each must be among those found by content. */
export const NAMED = {
  audio: '0002-mvm-audio.json',
  video: '0003-mvm-video.json',
  placeholder: '0013-placeholderCanvas.json',
  accompanying: '0014-accompanyingcanvas.json',
  'ranges over time': '0026-toc-opera.json',
  'ranges over several canvases': '0065-opera-multiple-canvases.json',
  'clips and ranges on one canvas': '0064-opera-one-canvas.json',
  'transcript annotations': '0103-poetry-reading-annotations.json',
  captions: '0219-using-caption-file.json',
  'captions in several languages': '0074-multiple-language-captions.json',
  'content on a timeline': '0560-resources-on-a-timeline.json',
} as const;

/** Every Canvas of a document: its items, and the placeholder and accompanying Canvases of each. */
export function canvasesOf(doc: JsonObject): JsonObject[] {
  const found: JsonObject[] = [];
  const add = (canvas: JsonValue | undefined) => {
    if (!isJsonObject(canvas)) return;
    found.push(canvas);
    add(canvas.placeholderCanvas);
    add(canvas.accompanyingCanvas);
  };
  if (isJsonArray(doc.items)) doc.items.forEach((c) => add(c));
  add(doc.placeholderCanvas);
  add(doc.accompanyingCanvas);
  return found;
}

export const isTimeBased = (doc: JsonObject) => canvasesOf(doc).some((c) => c.duration !== undefined);

/** The recipe's JSON (a byte order mark is allowed before it). */
export const parseRecipe = (recipe: Recipe) => JSON.parse(recipe.text.replace(/^\uFEFF/, '')) as JsonObject;

/** The time-based recipes of the cookbook, by name; empty where the cookbook is absent. */
export function timeRecipes(): Recipe[] {
  if (!cookbookPresent) return [];
  return readdirSync(cookbook)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(cookbook, name), 'utf8') }))
    .filter((r) => isTimeBased(parseRecipe(r)));
}
