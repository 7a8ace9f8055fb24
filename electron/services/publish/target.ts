/**
 * Where a publication goes. Every target takes the same steps (publish.ts): read what it serves now (the last
 * publication's files and record), let the plan be staged and verified in a folder, then switch to it at once,
 * so a failure at any step leaves the previous publication serving; afterwards the publication is fetched back
 * from where it is served and checked.
 */
import type { PublicationCheck } from './check-published';
import type { PublishedFiles } from './last-publication';
import type { PublicationPlan } from './publish';
import type { TransferControl } from './transfer-control';

export interface PublicationTarget {
  /** How reports name it: the output folder, or the repository and branch. */
  readonly where: string;
  /** The folder written into, for a folder target; other targets stage in the temporary folder. */
  readonly outputFolder?: string;
  /** What the target serves now (for a remote, fetched first). */
  open(control?: TransferControl): Promise<PublishedFiles>;
  /**
   * Stages the publication with `stage` into a folder of the target's choosing, then switches to it at once.
   * Cancelling (control.signal) before the switch leaves the previous publication serving; after it, too late.
   */
  switchTo(stage: (dir: string) => Promise<void>, control?: TransferControl): Promise<void>;
  /** Fetches the publication back from where it is served, and parses it. */
  check(plan: PublicationPlan): Promise<PublicationCheck>;
}
