/** The Split or Merge dialog, whichever is open. */
import { MergeDialog } from './MergeDialog';
import { SplitDialog } from './SplitDialog';
import { useSplitMergeStore } from './split-merge-store';

export function SplitMergeDialogs() {
  const open = useSplitMergeStore((s) => s.open);
  const close = () => useSplitMergeStore.getState().close();
  if (open === 'split') return <SplitDialog onClose={close} />;
  if (open === 'merge') return <MergeDialog onClose={close} />;
  return null;
}
