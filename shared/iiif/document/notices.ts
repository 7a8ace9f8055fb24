/** Things the user should know about a document that opened fine: it was upgraded, or its source has problems. */
export interface Notice {
  /** Stable, machine-readable: 'upgraded', 'source-no-label', 'numeric-keys', ... */
  readonly code: string;
  readonly severity: 'info' | 'warning';
  /** A sentence a curator understands. */
  readonly message: string;
}

export function notice(code: string, severity: Notice['severity'], message: string): Notice {
  return { code, severity, message };
}

/** "1 canvas" / "3 canvases": counts in messages read naturally. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
