/** The collection.json files of a publication plan, for the steps that write, verify and check them all. */
import type { PlannedCollection, PublicationPlan } from './publish';

/** The top one, then those beneath it (a Collection published with local Collections among its members). */
export function collectionsOf(plan: PublicationPlan): PlannedCollection[] {
  return [...(plan.collection ? [plan.collection] : []), ...(plan.subCollections ?? [])];
}
