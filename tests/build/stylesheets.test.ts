/**
 * The renderer's stylesheets stay beside the components that use them (issue 12, item 6): styles.css is the
 * global base only, every stylesheet is imported by a module (Vite bundles only what is imported), and no
 * stylesheet keeps rules for class names that nothing in the renderer writes any more.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(__dirname, '../../renderer/src');
const BASE = path.join(SRC, 'styles.css');
/** The base holds tokens, the reset, form controls and the form patterns several features share. */
const BASE_MAX_LINES = 250;
/** Class names written by code other than ours, or built from parts, so that no source file spells them. */
const WRITTEN_ELSEWHERE = new Map([
  ['list-view', 'CanvasGrid.tsx builds it as `${mode}-view`'],
  ['leaflet-interactive', 'Leaflet puts it on the shapes it draws'],
]);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

const files = filesUnder(SRC);
const stylesheets = files.filter((file) => file.endsWith('.css'));
const modules = files.filter((file) => /\.tsx?$/.test(file));
const relative = (file: string) => path.relative(SRC, file);

/** Stylesheet → the modules that import it (side-effect imports of relative .css paths). */
function importersOf(): Map<string, string[]> {
  const importers = new Map<string, string[]>(stylesheets.map((sheet) => [sheet, []]));
  for (const module of modules) {
    for (const match of readFileSync(module, 'utf8').matchAll(/^import '(\.[^']+\.css)';$/gm)) {
      const sheet = path.resolve(path.dirname(module), match[1]!);
      importers.get(sheet)?.push(relative(module));
    }
  }
  return importers;
}

/** The class names a stylesheet's selectors name (declarations and comments left out). */
function classesIn(css: string): Set<string> {
  const selectors = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\{[^}]*\}/g, '{}');
  return new Set([...selectors.matchAll(/\.([A-Za-z][\w-]*)/g)].map((match) => match[1]!));
}

describe('the renderer stylesheets', () => {
  it('are each imported by a module, and the global base only by main.tsx (before App)', () => {
    const importers = importersOf();
    const unimported = stylesheets.filter((sheet) => importers.get(sheet)!.length === 0).map(relative);
    expect(unimported).toEqual([]);
    expect(importers.get(BASE)).toEqual(['main.tsx']);
    const main = readFileSync(path.join(SRC, 'main.tsx'), 'utf8');
    expect(main.indexOf("import './styles.css';")).toBeLessThan(main.indexOf("import { App } from './App';"));
  });

  it(`keep the global base under ${BASE_MAX_LINES} lines: a feature's rules go beside its component`, () => {
    const lines = readFileSync(BASE, 'utf8').split('\n').length;
    expect(lines, 'put new rules in features/<feature>/<name>.css, imported by the component').toBeLessThan(
      BASE_MAX_LINES,
    );
  });

  it('name no class that the renderer never writes', () => {
    const code = modules.map((module) => readFileSync(module, 'utf8')).join('\n');
    const words = new Set(code.match(/[A-Za-z][\w-]*/g));
    const stale = stylesheets.flatMap((sheet) =>
      [...classesIn(readFileSync(sheet, 'utf8'))]
        .filter((name) => !words.has(name) && !WRITTEN_ELSEWHERE.has(name))
        .map((name) => `${relative(sheet)}: .${name}`),
    );
    expect(stale).toEqual([]);
  });
});
