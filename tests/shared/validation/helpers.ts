/** Builders for small Presentation 3 documents, and readers for the validation fixtures. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { JsonObject, JsonValue } from '../../../shared/iiif/json';
import type { Finding, Severity } from '../../../shared/iiif/validation/types';

export const BASE = 'https://example.org/iiif/t';
export const CONTEXT = 'http://iiif.io/api/presentation/3/context.json';

export function loadFixture(name: string): JsonObject {
  const file = path.join(import.meta.dirname, '../../fixtures/validation', `${name}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as JsonObject;
}

export function image(n: number, width = 1000, height = 1500): JsonObject {
  return {
    id: `https://images.example.org/iiif/img${n}/full/max/0/default.jpg`,
    type: 'Image',
    format: 'image/jpeg',
    width,
    height,
    service: [{ id: `https://images.example.org/iiif/img${n}`, type: 'ImageService3', profile: 'level1' }],
  };
}

export function canvas(n: number, extra: JsonObject = {}, body: JsonValue = image(n)): JsonObject {
  const id = `${BASE}/canvas/${n}`;
  return {
    id,
    type: 'Canvas',
    label: { none: [`p. ${n}`] },
    width: 1000,
    height: 1500,
    items: [
      {
        id: `${id}/page/1`,
        type: 'AnnotationPage',
        items: [
          { id: `${id}/page/1/annotation/1`, type: 'Annotation', motivation: 'painting', body, target: id },
        ],
      },
    ],
    ...extra,
  };
}

export function manifest(extra: JsonObject = {}, canvases: JsonValue[] = [canvas(1), canvas(2)]): JsonObject {
  return {
    '@context': CONTEXT,
    id: `${BASE}/manifest.json`,
    type: 'Manifest',
    label: { en: ['Test manifest'] },
    summary: { en: ['For tests.'] },
    metadata: [{ label: { en: ['Date'] }, value: { none: ['1900'] } }],
    thumbnail: [image(1)],
    provider: [{ id: 'https://example.org/about', type: 'Agent', label: { en: ['Example'] } }],
    items: canvases,
    ...extra,
  };
}

export function only(findings: readonly Finding[], severity: Severity): Finding[] {
  return findings.filter((f) => f.severity === severity);
}

/** "code@pathText" for each finding of the severity, for compact, exact expectations. */
export function summary(findings: readonly Finding[], severity?: Severity): string[] {
  return findings
    .filter((f) => severity === undefined || f.severity === severity)
    .map((f) => `${f.code}@${f.pathText}`);
}
