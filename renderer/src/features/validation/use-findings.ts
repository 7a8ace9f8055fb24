/**
 * Live validation: the document is validated shortly after it stops changing, not on every keystroke, and in
 * the background worker (features/background), so that a 10k-canvas manifest, which takes a few hundred
 * milliseconds to validate, never pauses typing or dragging. The latest edit wins: a result for a document that
 * has since changed is never shown.
 */
import { useEffect, useState } from 'react';
import type { JsonObject } from '../../../../shared/iiif/json';
import type { Finding } from '../../../../shared/iiif/validation/types';
import { useUnreachablePages } from '../annotations/referenced-page-loader';
import { textFindingsInBackground, validateInBackground } from '../background/background-work';

export const VALIDATION_DELAY_MS = 300;

export function useFindings(
  doc: JsonObject | null,
  /** The text as opened or last saved: what only the text shows (duplicate keys) is found there. */
  text: string | null = null,
): {
  findings: readonly Finding[];
  validatedDoc: JsonObject | null;
} {
  const [textFindings, setTextFindings] = useState<{ text: string | null; findings: readonly Finding[] }>({
    text: null,
    findings: [],
  });
  useEffect(() => {
    if (!doc || text === null) return;
    let current = true;
    void textFindingsInBackground(doc, text).then((findings) => {
      if (current && findings) setTextFindings({ text, findings });
    });
    return () => {
      current = false;
    };
    // Only a new text needs a new scan; the document it came with is just what the worker mirrors.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);
  const [state, setState] = useState<{ findings: readonly Finding[]; validatedDoc: JsonObject | null }>({
    findings: [],
    validatedDoc: null,
  });
  // Referenced annotation pages the panel could not fetch are findings too; a new failure validates again.
  const unreachable = useUnreachablePages();
  useEffect(() => {
    if (!doc) return;
    let current = true;
    const timer = setTimeout(() => {
      void validateInBackground(doc, unreachable).then((findings) => {
        if (current && findings) setState({ findings, validatedDoc: doc });
      });
    }, VALIDATION_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [doc, unreachable]);
  if (!doc) return { findings: [], validatedDoc: null };
  const fromText = textFindings.text === text ? textFindings.findings : [];
  return fromText.length === 0 ? state : { ...state, findings: [...fromText, ...state.findings] };
}

export interface FindingGroup {
  key: string;
  title: string;
  /** Index of the canvas the group belongs to, when it is within one. */
  canvasIndex: number | null;
  findings: Finding[];
}

const ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Groups findings by the resource they are about (the canvas, or the manifest), errors first within each. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const finding of findings) {
    const [first, second] = finding.path;
    const canvasIndex = first === 'items' && typeof second === 'number' ? second : null;
    const key = canvasIndex !== null ? `canvas:${canvasIndex}` : (finding.resourceId ?? 'document');
    let group = groups.get(key);
    if (!group) {
      const title =
        canvasIndex !== null
          ? `Canvas ${canvasIndex + 1}`
          : finding.resourceType
            ? `${finding.resourceType}${finding.resourceId ? ` ${finding.resourceId}` : ''}`
            : 'Document';
      group = { key, title, canvasIndex, findings: [] };
      groups.set(key, group);
    }
    group.findings.push(finding);
  }
  const list = [...groups.values()];
  for (const group of list) group.findings.sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  return list.sort((a, b) => (a.canvasIndex ?? -1) - (b.canvasIndex ?? -1));
}

export function countBySeverity(findings: readonly Finding[]) {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}
