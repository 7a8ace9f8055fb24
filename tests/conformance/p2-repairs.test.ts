/**
 * Every Presentation 2 file of ../shared/corpus opens (issue 14.1), wherever it sits in the corpus, and the run
 * prints how many opened, how many needed repairs before the upgrade, and which repairs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classifyJson, decodeDocumentBytes, readDocument } from '../../shared/iiif/document';
import type { JsonValue } from '../../shared/iiif/json';
import { validate } from '../../shared/iiif/validation/validate';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// TESSERA_CORPUS: where a worktree does not sit beside ../shared (the lead's checkout does).
const corpus = process.env['TESSERA_CORPUS'] ?? path.resolve(projectRoot, '../shared/corpus');

/**
 * Findings that only the upgrade itself could cause (a P3 context on embedded resources, the manifest's and the
 * sequence's viewing hints merged into a contradiction): nothing Tessera writes may be a finding of its own
 * validator (issue 13, item 4).
 */
const UPGRADE_OWN_FINDINGS = new Set(['context-in-embedded', 'behavior-conflict', 'behavior-not-allowed']);

/** Texts the upgrader or the engine say, which must never reach a user. */
const INTERNAL = /is not a function|Cannot (use|read)|undefined|the upgrader stopped/;

if (!existsSync(corpus)) {
  const reason = `the IIIF corpus is not at ${corpus}`;
  console.log(`Presentation 2 repair conformance skipped: ${reason}`);
  describe.skip(`Presentation 2 repairs (skipped: ${reason})`, () => {
    it('needs ../shared/corpus', () => {});
  });
} else {
  describe('Presentation 2 files of the corpus', () => {
    it('all open, and the repairs made are counted', () => {
      const files = (readdirSync(corpus, { recursive: true }) as string[])
        .filter((f) => f.endsWith('.json'))
        .sort();
      let p2 = 0;
      let opened = 0;
      let repaired = 0;
      const byRepair = new Map<string, number>();
      const refused: string[] = [];
      const ownFindings: string[] = [];
      for (const rel of files) {
        const decoded = decodeDocumentBytes(readFileSync(path.join(corpus, rel)));
        if (!decoded.ok) continue;
        let parsed: JsonValue;
        try {
          parsed = JSON.parse(decoded.text.replace(/^\uFEFF/, '')) as JsonValue;
        } catch {
          continue;
        }
        const kind = classifyJson(parsed);
        if (!kind.ok || kind.version !== 2) continue;
        p2 += 1;
        const read = readDocument(decoded.text);
        if (!read.ok) {
          refused.push(`${rel}: ${read.error.message}`);
          expect(read.error.message, rel).not.toMatch(INTERNAL);
          continue;
        }
        opened += 1;
        for (const finding of validate(read.doc))
          if (finding.severity === 'error' && UPGRADE_OWN_FINDINGS.has(finding.code))
            ownFindings.push(`${rel} ${finding.pathText}: ${finding.code}`);
        const repairs = read.notices.filter((n) => n.code.startsWith('repaired-'));
        if (repairs.length > 0) repaired += 1;
        for (const r of repairs) byRepair.set(r.code, (byRepair.get(r.code) ?? 0) + 1);
      }
      const how = [...byRepair.entries()].map(([code, n]) => `${code} ×${n}`).join(', ') || 'none needed';
      console.log(
        `Presentation 2 conformance: ${opened} of ${p2} files open; ${repaired} repaired before upgrading (${how}).`,
      );
      expect(p2).toBeGreaterThan(50);
      expect(refused).toEqual([]);
      expect(ownFindings, 'errors of our own validator in what the upgrade wrote').toEqual([]);
    });
  });
}
