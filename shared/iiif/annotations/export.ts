/**
 * The annotations of a document as records, plain text and CSV: what `tessera annotations` prints and what the
 * panel exports. Pure; the CSV follows RFC 4180 through the project's CSV writer.
 */
import { formatCsv } from '../csv/rfc4180';
import { isJsonArray, isJsonObject, type JsonValue } from '../json';
import { bodyText, type BodyView } from './bodies';
import { canvasIndexById, listAnnotations, type AnnotationView } from './pages';
import type { Geometry, TargetShape } from './target-shape';

export interface AnnotationRecord {
  readonly id?: string;
  readonly page?: string;
  /** 1-based number of the canvas holding the page, or of the first canvas targeted; undefined when none. */
  readonly canvas?: number;
  readonly motivation: readonly string[];
  readonly targets: readonly TargetShape[];
  readonly bodies: readonly BodyView[];
}

function round(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** A few words for where: "whole", "box 10,20,30,40", "point 5,6", "polygon (7 points)", "time 1-3". */
export function describeGeometry(geometry: Geometry): string {
  switch (geometry.kind) {
    case 'whole':
      return 'whole';
    case 'box':
      return `box ${[geometry.x, geometry.y, geometry.w, geometry.h].map(round).join(',')}${geometry.unit === 'percent' ? ' %' : ''}`;
    case 'point':
      return `point ${round(geometry.x)},${round(geometry.y)}`;
    case 'polygon':
      return `polygon (${geometry.points.length} points)`;
    case 'svg':
      return 'svg shape';
    case 'time':
      return `time ${geometry.start}${geometry.end === undefined ? '' : `-${geometry.end}`}`;
    case 'selector':
      return `selector ${geometry.selector}`;
    case 'invalid':
      return `invalid: ${geometry.reason}`;
  }
}

export function describeTarget(target: TargetShape): string {
  return `${describeGeometry(target.geometry)} on ${target.source || '(no source)'}`;
}

function canvasNumber(view: AnnotationView, byId: Map<string, number>): number | undefined {
  if (view.page.canvasIndex !== undefined) return view.page.canvasIndex + 1;
  for (const target of view.targets) {
    const index = byId.get(target.source);
    if (index !== undefined) return index + 1;
  }
  return undefined;
}

export function annotationRecords(doc: JsonValue): AnnotationRecord[] {
  const byId = canvasIndexById(doc);
  return listAnnotations(doc).map((view) => {
    const canvas = canvasNumber(view, byId);
    return {
      ...(view.id === undefined ? {} : { id: view.id }),
      ...(view.page.id === undefined ? {} : { page: view.page.id }),
      ...(canvas === undefined ? {} : { canvas }),
      motivation: view.motivations,
      targets: view.targets,
      bodies: view.bodies,
    };
  });
}

/** Referenced pages: listed so that a reader knows annotations live elsewhere. */
export function referencedPageIds(doc: JsonValue): string[] {
  const ids: string[] = [];
  const visit = (holder: JsonValue): void => {
    if (!isJsonObject(holder) || !isJsonArray(holder.annotations)) return;
    for (const page of holder.annotations)
      if (isJsonObject(page) && !isJsonArray(page.items) && typeof page.id === 'string') ids.push(page.id);
  };
  visit(doc);
  if (isJsonObject(doc) && isJsonArray(doc.items)) doc.items.forEach(visit);
  return ids;
}

/**
 * Transcriptions as plain text in reading order: the text bodies of `supplementing` annotations, page by
 * page in the order the pages list them, one line each, with a blank line between canvases. HTML bodies are
 * reduced to their text.
 */
export function transcriptionText(doc: JsonValue): string {
  const byCanvas = new Map<number | undefined, string[]>();
  for (const record of annotationRecords(doc)) {
    if (!record.motivation.includes('supplementing')) continue;
    for (const body of record.bodies) {
      if (body.kind !== 'text') continue;
      const text = body.format === 'text/html' ? htmlToText(body.value) : body.value;
      const lines = byCanvas.get(record.canvas) ?? [];
      lines.push(text);
      byCanvas.set(record.canvas, lines);
    }
  }
  return [...byCanvas.values()].map((lines) => `${lines.join('\n')}\n`).join('\n');
}

/** The text of an HTML body: tags dropped (a line break becomes a space), the common entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

export const CSV_COLUMNS = ['canvas', 'page', 'id', 'motivation', 'target', 'body', 'language', 'format'];

/** One row per annotation: bodies joined with " | ", targets with "; ". */
export function annotationsCsv(doc: JsonValue): string {
  const rows = annotationRecords(doc).map((record) => {
    const texts = record.bodies.map(bodyText);
    const first = record.bodies.find((b) => b.kind === 'text');
    return [
      record.canvas === undefined ? '' : String(record.canvas),
      record.page ?? '',
      record.id ?? '',
      record.motivation.join(' '),
      record.targets.map(describeTarget).join('; '),
      texts.join(' | '),
      first?.kind === 'text' ? (first.language ?? '') : '',
      first?.kind === 'text' ? (first.format ?? '') : '',
    ];
  });
  return formatCsv([CSV_COLUMNS, ...rows]);
}
