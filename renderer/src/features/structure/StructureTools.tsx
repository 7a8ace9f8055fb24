/** The structure panel's toolbar: every action of the tree as a button with an accessible name. */
import type { MoveDirection } from '../../../../shared/iiif/structure';
import type { TreeRow } from './tree-rows';
import { Icon } from '../../components/icons';
import './structure.css';

export interface StructureToolActions {
  newTop(): void;
  newChild(): void;
  wrap(): void;
  rename(): void;
  split(): void;
  merge(): void;
  move(direction: MoveDirection): void;
  remove(): void;
  notInAny(): void;
  generate(): void;
}

export function StructureTools({
  focused,
  actions,
}: {
  focused: TreeRow | undefined;
  actions: StructureToolActions;
}) {
  const onRange = focused?.kind === 'range';
  const nested = focused !== undefined && focused.level > 1;
  return (
    <div className="structure-tools" role="toolbar" aria-label="Structure actions">
      <button type="button" onClick={actions.newTop} title="A new range of the canvases selected in the grid">
        New range
      </button>
      <button
        type="button"
        onClick={actions.newChild}
        disabled={focused === undefined}
        title="A new range of the selected canvases, inside the range of the cursor"
      >
        New child range
      </button>
      <button type="button" onClick={actions.wrap} disabled={focused === undefined}>
        Wrap in range
      </button>
      <button type="button" onClick={actions.rename} disabled={!onRange}>
        Rename
      </button>
      <button
        type="button"
        onClick={actions.split}
        disabled={!nested || onRange}
        title="Split the range so that this canvas starts a new one"
      >
        Split here
      </button>
      <button type="button" onClick={actions.merge} disabled={!onRange} title="Merge with the next range">
        Merge with next
      </button>
      <button type="button" aria-label="Move up" onClick={() => actions.move('up')} disabled={!focused}>
        <Icon name="move-up" />
      </button>
      <button type="button" aria-label="Move down" onClick={() => actions.move('down')} disabled={!focused}>
        <Icon name="move-down" />
      </button>
      <button
        type="button"
        aria-label="Move into the range above"
        onClick={() => actions.move('in')}
        disabled={!focused}
      >
        <Icon name="move-in" />
      </button>
      <button
        type="button"
        aria-label="Move out of its range"
        onClick={() => actions.move('out')}
        disabled={!nested}
      >
        <Icon name="move-out" />
      </button>
      <button type="button" onClick={actions.remove} disabled={!focused}>
        Remove
      </button>
      <button type="button" onClick={actions.notInAny}>
        Not in any range
      </button>
      <button
        type="button"
        onClick={actions.generate}
        title="Ranges from canvas labels or from a CSV/TSV outline, shown before they are added"
      >
        Generate…
      </button>
    </div>
  );
}
