import type { JsonPath } from '../json';

export type Severity = 'error' | 'warning' | 'info';

/**
 * Identifiers of the automatic repairs in fixes.ts. A finding carries one only when the repair is certain
 * (it cannot lose meaning or guess at the publisher's intent).
 */
export type FixId =
  | 'rename-none-key'
  | 'string-to-language-map'
  | 'wrap-in-array'
  | 'canonical-rights'
  | 'canonical-context'
  | 'move-logo-to-provider'
  | 'p2-image-service-to-v2'
  | 'add-service-type'
  | 'remove-range-item'
  | 'remove-empty-range'
  | 'remove-disallowed-html'
  | 'clamp-time-to-duration'
  | 'close-polygon-ring'
  | 'number-from-text'
  | 'canonical-motivation';

export interface Finding {
  readonly severity: Severity;
  /** Stable, kebab-case: the UI groups by it and "fix all of this kind" keys on it. */
  readonly code: string;
  /** A sentence a curator understands. */
  readonly message: string;
  readonly path: JsonPath;
  /** The same path as text, e.g. `$.items[3].label`. */
  readonly pathText: string;
  /** The nearest enclosing resource that has an id, so the UI can jump to it. */
  readonly resourceId?: string;
  readonly resourceType?: string;
  /** The section of the Presentation 3 specification that states the rule. */
  readonly specUrl: string;
  readonly fix?: FixId;
}
