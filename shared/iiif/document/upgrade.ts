/**
 * Presentation 2 -> 3, once, on open, so that everything after (edits, validation, save) knows one version.
 * The conversion itself is IIIF-Commons' upgrader (the community's reference implementation); this module
 * makes it safe to call on anything a user opens and tells the user what happened.
 */
import { upgrade } from '@iiif/parser/upgrader';
import type { JsonObject, JsonValue } from '../json';
import { isJsonObject } from '../json';
import type { Notice } from './notices';
import { notice } from './notices';
import { carryLicenses, licensesOf } from './carry-license';
import { dropForeignBehaviors } from './drop-foreign-behaviors';
import { resolveBehaviorConflicts } from './resolve-behavior-conflicts';
import { stripEmbeddedContexts } from './strip-embedded-contexts';
import { explainPresentation2Source } from './upgrade-notices';
import { prepareP2Ranges, rebuildP2Ranges } from '../structure/upgrade-p2-ranges';
import { finishP2TextBodies, markP2TextBodies } from './p2-text-bodies';
import { locateUpgradeFailure } from './locate-upgrade-failure';
import { markRepeatedMembers, restoreRepeatedMembers } from './p2-repeated-members';
import { describeValue, repairPresentation2 } from './repair-p2';
import { hasSpecialNames, shieldSpecialNames, unshieldSpecialNames } from './shield-keys';

export const PRESENTATION_2_CONTEXT = 'http://iiif.io/api/presentation/2/context.json';

export type UpgradeResult =
  | { readonly ok: true; readonly doc: JsonObject; readonly notices: Notice[] }
  | { readonly ok: false; readonly message: string };

/**
 * Upgrades a parsed Presentation 2 Manifest or Collection. `source` is consumed: the upgrader modifies its input
 * in place, so pass a tree nobody else holds (a fresh JSON.parse result).
 */
/** The upgrader keys plain objects by data (languages, types): special names go in shielded, come out restored. */
function upgradeShielded(tree: JsonValue): unknown {
  const input = hasSpecialNames(tree) ? shieldSpecialNames(tree) : tree;
  return upgrade(input as Parameters<typeof upgrade>[0]);
}

export function upgradePresentation2(source: JsonObject): UpgradeResult {
  // Repair the shapes the upgrader cannot read, then explain: the upgrader is about to modify `source`.
  const repaired = repairPresentation2(source);
  const explanations = explainPresentation2Source(source);
  const licenses = licensesOf(source);
  // Transcriptions' text resources are marked now and finished after the upgrade (p2-text-bodies.ts).
  const textBodies = markP2TextBodies(source);
  const mutable = source as Record<string, unknown>;
  // We carry `license` ourselves (carry-license.ts): the upgrader drops it, and throws on the object form
  // ({"@id": ...}) that real manifests use, which would refuse a readable document.
  delete mutable['license'];
  // The upgrader only recognises P2 by its @context or by @id + @type; Mirador's fixtures show real files with
  // neither context nor id, so we state the context the @type already implies.
  if (mutable['@context'] === undefined) mutable['@context'] = PRESENTATION_2_CONTEXT;
  // The upgrader merges members by @id: distinct embedded members sharing one keep theirs (p2-repeated-members).
  const repeatedMembers = markRepeatedMembers(mutable as JsonObject);
  // The upgrader mishandles the Range hierarchy (within, cycles, "top"): we rebuild it (upgrade-p2-ranges.ts).
  const rangePlan = prepareP2Ranges(mutable as JsonObject);
  const shielded = hasSpecialNames(source);
  // The upgrader consumes its input: keep the text to look for the fault in if it throws.
  const before = JSON.stringify(mutable);
  let upgraded: unknown;
  try {
    upgraded = upgradeShielded(mutable as JsonValue);
  } catch {
    // The upgrader's own words ("e.sequences.map is not a function") mean nothing to a curator; what the repair
    // pass could not mend is the best account of where the document is broken, else the place we find by asking
    // the upgrader about smaller copies.
    const fault =
      repaired.unrepairable.length > 0
        ? undefined
        : locateUpgradeFailure(JSON.parse(before) as JsonValue, (tree) => {
            try {
              upgradeShielded(JSON.parse(JSON.stringify(tree)) as JsonValue);
              return true;
            } catch {
              return false;
            }
          });
    const where =
      repaired.unrepairable.length > 0
        ? `: ${repaired.unrepairable.slice(0, 3).join('; ')}${repaired.unrepairable.length > 3 ? '; ...' : ''}`
        : fault !== undefined
          ? `; the first such place found is ${fault.path === '' ? 'the top level' : `"${fault.path}"`} (${describeValue(fault.value)})`
          : ', in a place Tessera could not find';
    return {
      ok: false,
      message:
        'This Presentation 2 document could not be upgraded to Presentation 3: part of it is not shaped as ' +
        `Presentation 2 describes${where}.`,
    };
  }
  // A JSON round trip drops the `undefined` holes the upgrader leaves and unshares objects it reuses (nested
  // ranges), so the result is plain JSON like any document read from text. P2 documents are small; it is cheap.
  const plain = JSON.parse(JSON.stringify(upgraded)) as JsonValue;
  if (repeatedMembers > 0 && isJsonObject(plain)) restoreRepeatedMembers(plain);
  const doc = shielded ? unshieldSpecialNames(plain) : plain;
  if (!isJsonObject(doc) || (doc['type'] !== 'Manifest' && doc['type'] !== 'Collection')) {
    return {
      ok: false,
      message:
        'This Presentation 2 document could not be upgraded to Presentation 3: the upgrader did not recognise it.',
    };
  }
  const rebuilt = rangePlan === undefined ? undefined : rebuildP2Ranges(rangePlan, doc['structures']);
  const structured = rebuilt === undefined ? doc : { ...doc, structures: rebuilt };
  const texted = textBodies > 0 ? finishP2TextBodies(structured) : structured;
  // What the upgrader writes that our own validator would report: P3 contexts inside, contradicting hints.
  const tidy = dropForeignBehaviors(texted);
  stripEmbeddedContexts(tidy);
  const resolved = resolveBehaviorConflicts(tidy);
  const carried = carryLicenses(tidy, licenses);
  return {
    ok: true,
    doc: carried.doc,
    notices: [
      notice(
        'upgraded',
        'info',
        'This document was upgraded from Presentation 2 to Presentation 3; saving writes Presentation 3.',
      ),
      ...repaired.notices,
      ...explanations,
      ...resolved,
      ...carried.notices,
    ],
  };
}
