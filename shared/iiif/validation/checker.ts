/**
 * The state of one validation run: the findings so far, plus what later checks need to know about the whole
 * document (defined ids, the Manifest's Canvases, references to resolve once the walk is done).
 */
import type { JsonPath, JsonPathStep } from '../json';
import { pathToText } from './path-text';
import type { Finding, FixId, Severity } from './types';
import { clipMessage } from './values';

/** The nearest enclosing resource, reported with each finding so the UI can jump to it. */
export interface Owner {
  readonly id?: string;
  readonly type?: string;
}

/** Where a check is looking: a path plus the resource that contains it. */
export interface Site {
  readonly path: JsonPath;
  readonly owner: Owner;
}

export function at(site: Site, ...steps: JsonPathStep[]): Site {
  return { path: [...site.path, ...steps], owner: site.owner };
}

export interface CanvasReference {
  readonly canvasId: string;
  readonly site: Site;
  readonly kind: 'start' | 'range';
}

export class Checker {
  readonly findings: Finding[] = [];
  /** True when `@context` lists contexts besides Presentation 3: extension terms and values may be defined. */
  hasExtensionContext = false;
  /** Ids of resources given in full (not mere references), to catch two resources sharing one id. */
  private readonly definitions = new Map<string, { path: JsonPath; type: string | undefined }>();
  /** Ids of the Canvases in the Manifest's `items`. */
  readonly canvasIds = new Set<string>();
  /** Durations of the Manifest's Canvases that have a valid one, for time spans named from elsewhere (Ranges). */
  readonly canvasDurations = new Map<string, number>();
  readonly canvasReferences: CanvasReference[] = [];

  report(severity: Severity, code: string, site: Site, message: string, specUrl: string, fix?: FixId): void {
    const finding: Finding = {
      severity,
      code,
      message: clipMessage(message),
      path: site.path,
      pathText: pathToText(site.path),
      specUrl,
      ...(site.owner.id !== undefined ? { resourceId: site.owner.id } : {}),
      ...(site.owner.type !== undefined ? { resourceType: site.owner.type } : {}),
      ...(fix !== undefined ? { fix } : {}),
    };
    this.findings.push(finding);
  }

  error(code: string, site: Site, message: string, specUrl: string, fix?: FixId): void {
    this.report('error', code, site, message, specUrl, fix);
  }

  warning(code: string, site: Site, message: string, specUrl: string, fix?: FixId): void {
    this.report('warning', code, site, message, specUrl, fix);
  }

  info(code: string, site: Site, message: string, specUrl: string, fix?: FixId): void {
    this.report('info', code, site, message, specUrl, fix);
  }

  /** Records a resource given in full; returns the earlier one with the same id, if any. */
  define(
    id: string,
    path: JsonPath,
    type: string | undefined,
  ): { path: JsonPath; type: string | undefined } | undefined {
    const earlier = this.definitions.get(id);
    if (earlier === undefined) this.definitions.set(id, { path, type });
    return earlier;
  }
}
