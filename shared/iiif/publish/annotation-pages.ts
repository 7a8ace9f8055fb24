/**
 * Publishing annotation pages as their own files (issue 16): instead of embedding them, each embedded page in
 * the manifest's or a canvas's `annotations` is written as `annotations/<name>.json` under the manifest's base,
 * and the manifest keeps a reference (`id`, `type`, and its `label` when it has one). Runs on the manifest whose
 * ids were already made final (rewrite-ids.ts), so the pages' targets follow the canvas ids and each page's name
 * comes from its final id: the same page gets the same address at every publication, as the record keeps its id.
 * Pure: the caller stages the files.
 */
import { updateIn, type JsonObject } from '../json';
import { documentPages, listPages, type PageView } from '../annotations/pages';

const PRESENTATION_3_CONTEXT = 'http://iiif.io/api/presentation/3/context.json';

export interface PublishedPage {
  /** Path inside the manifest's folder, with "/" separators. */
  readonly file: string;
  readonly url: string;
  readonly page: JsonObject;
}

/** A file name for the page from its final id: the part after the base, with anything unsafe as "-". */
function pageName(id: string, base: string, taken: Set<string>): string {
  const relative = id.startsWith(`${base}/`) ? id.slice(base.length + 1) : id.replace(/^[a-z]+:\/\//i, '');
  const stem =
    relative
      .replace(/\.json$/i, '')
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 120) || 'page';
  let name = stem;
  for (let n = 2; taken.has(name); n += 1) name = `${stem}-${n}`;
  taken.add(name);
  return name;
}

/** The pages to write out: embedded ones in `annotations` (never the painting pages in `items`). */
function pagesToWrite(doc: JsonObject): PageView[] {
  const canvasPages = listPages(doc).filter(
    (p) => p.owner === 'canvas' && p.path[2] === 'annotations' && p.path.length === 4,
  );
  return [...documentPages(doc), ...canvasPages].filter((p) => p.embedded && p.id !== undefined);
}

export function referenceAnnotationPages(
  doc: JsonObject,
  base: string,
): { doc: JsonObject; pages: PublishedPage[] } {
  const root = base.replace(/\/+$/, '');
  const taken = new Set<string>();
  const pages: PublishedPage[] = [];
  let out = doc;
  for (const view of pagesToWrite(doc)) {
    const node = view.page;
    const name = pageName(view.id as string, root, taken);
    const url = `${root}/annotations/${name}.json`;
    const page: JsonObject = { '@context': PRESENTATION_3_CONTEXT, ...node, id: url };
    pages.push({ file: `annotations/${name}.json`, url, page });
    const reference: JsonObject = {
      id: url,
      type: 'AnnotationPage',
      ...(node.label === undefined ? {} : { label: node.label }),
    };
    out = updateIn(out, view.path, () => reference) as JsonObject;
  }
  return { doc: out, pages };
}
