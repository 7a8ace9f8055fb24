/**
 * axe-core over the page as it is now (issue 13): a screen fails on serious or critical findings and on the
 * page-structure rules a screen-reader user navigates by. Shared by the screen walk (accessibility.e2e.ts) and
 * the features that add screens of their own.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Moderate rules that still fail a screen: the page structure a screen-reader user navigates by. */
const STRUCTURE_RULES = new Set(['page-has-heading-one', 'region', 'landmark-unique', 'landmark-one-main']);

function failing(violation: Result): boolean {
  return (
    violation.impact === 'serious' || violation.impact === 'critical' || STRUCTURE_RULES.has(violation.id)
  );
}

function describeViolations(screen: string, violations: readonly Result[]): string {
  const lines = violations.map((v) => {
    const targets = v.nodes.slice(0, 4).map((n) => n.target.join(' '));
    const summary = v.nodes[0]?.failureSummary?.split('\n').slice(1, 2).join(' ').trim() ?? '';
    return `  ${v.id} (${v.impact ?? 'n/a'}) × ${v.nodes.length}: ${targets.join(' | ')}  [${summary}]`;
  });
  return `${screen}:\n${lines.join('\n')}`;
}

/** Runs axe over the page as it is now and fails, listing what it found, on any violation that counts. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  const counted = results.violations.filter(failing);
  const minor = results.violations.filter((v) => !failing(v));
  if (minor.length > 0) console.info(describeViolations(`${screen} (minor, not failing)`, minor));
  // Soft, so one screen's findings do not leave the next screens unchecked (the walk goes on).
  expect.soft(counted.length === 0 ? '' : describeViolations(screen, counted)).toBe('');
}
