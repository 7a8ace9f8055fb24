/**
 * The middle pane of a collection (where a manifest shows its canvas viewer): what the focused member is and
 * where it points (the panel's toolbar acts on it). No viewer, no Compose: a member is a reference, not a canvas.
 */
import { isEmbeddedMember, memberIdOf, memberItems, memberTypeOf } from '../../../../shared/iiif/collection';
import { isJsonObject, type JsonValue } from '../../../../shared/iiif/json';
import { useDisplayText } from '../../components/language/display-language';
import { listOwner } from '../../store/grid-list';
import { useAppStore } from '../../store/store';

export function MemberDetails() {
  const focus = useAppStore((s) => s.focus);
  // The member of the collection the grid lists (the document's, or an embedded one opened in it).
  const member = useAppStore((s) => (s.focus === null ? undefined : memberItems(listOwner(s))[s.focus]));
  const count = useAppStore((s) => memberItems(listOwner(s)).length);
  const label = useDisplayText(isJsonObject(member) ? member['label'] : undefined);
  if (focus === null || member === undefined) {
    return (
      <section className="member-details" aria-label="Member">
        <p className="muted">
          {count === 0
            ? 'This collection has no members yet. Add manifests or collections by address or file, or drag them from the Sources panel.'
            : 'Choose a member to see where it points.'}
        </p>
      </section>
    );
  }
  const type = memberTypeOf(member);
  const embedded = isEmbeddedMember(member);
  const id = memberIdOf(member);
  const navDate = isJsonObject(member) && typeof member['navDate'] === 'string' ? member['navDate'] : null;
  return (
    <section className="member-details" aria-labelledby="member-details-title" data-testid="member-details">
      <h2 id="member-details-title" dir="auto">
        {label || `Member ${focus + 1}`}
      </h2>
      <dl>
        <dt>Position</dt>
        <dd>
          {focus + 1} of {count}
        </dd>
        <dt>Type</dt>
        <dd>{type ?? 'not a manifest or collection'}</dd>
        <dt>Held</dt>
        <dd>{embedded ? `embedded in this collection, with ${contentsOf(member, type)}` : 'by reference'}</dd>
        <dt>Id</dt>
        <dd>{id || 'none'}</dd>
        {navDate ? (
          <>
            <dt>Navigation date</dt>
            <dd>{navDate}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

/** "12 canvases" for an embedded manifest, "3 members" for an embedded collection (nested to any depth). */
function contentsOf(member: JsonValue, type: 'Manifest' | 'Collection' | null): string {
  const n = memberItems(member).length;
  const noun = type === 'Collection' ? 'member' : 'canvas';
  return `${n.toLocaleString('en')} ${n === 1 ? noun : noun === 'canvas' ? 'canvases' : 'members'}`;
}
