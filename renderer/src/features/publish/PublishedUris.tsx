/**
 * The review's account of published URIs since the last publication at this place: the ones that would be
 * renamed, the new ones, and the ones no longer published. Other people's annotations and citations point at
 * published URIs, and a link breaks whether its URI is renamed or dropped, so either waits for an explicit yes.
 */
import type { ResponseOf } from '../../../../shared/ipc/contract';
import { Icon } from '../../components/icons';

type Uris = ResponseOf<'reviewPublication'>['uris'];

export function PublishedUris({
  uris,
  confirmed,
  onConfirm,
}: {
  uris: Uris;
  confirmed: boolean;
  onConfirm(confirmed: boolean): void;
}) {
  const { counts } = uris;
  const breaking = counts.changed + counts.removed;
  return (
    <div data-testid="publish-uris">
      <p>
        Published URIs: {counts.changed} changed, {counts.added} new, {counts.removed} no longer published.
      </p>
      {counts.changed > 0 ? (
        <ul className="notice-list" aria-label="Changed URIs">
          {uris.changed.map((c) => (
            <li key={c.before}>
              <code>{c.before}</code> <Icon name="arrow-right" label="becomes" /> <code>{c.after}</code>
            </li>
          ))}
        </ul>
      ) : null}
      {counts.removed > 0 ? (
        <ul className="notice-list" aria-label="No longer published">
          {uris.removed.map((uri) => (
            <li key={uri}>
              No longer published: <code>{uri}</code>
            </li>
          ))}
        </ul>
      ) : null}
      {breaking > 0 ? (
        <label className="check">
          <input type="checkbox" checked={confirmed} onChange={(e) => onConfirm(e.target.checked)} />{' '}
          {confirmText(counts.changed, counts.removed)} (links to the old ones will break)
        </label>
      ) : null}
    </div>
  );
}

function confirmText(changed: number, removed: number): string {
  const uris = (n: number) => `${n} published URI${n === 1 ? '' : 's'}`;
  if (removed === 0) return `Change ${uris(changed)}`;
  if (changed === 0) return `Stop publishing ${uris(removed)}`;
  return `Change ${uris(changed)} and stop publishing ${removed}`;
}
