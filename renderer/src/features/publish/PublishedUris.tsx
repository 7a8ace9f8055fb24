/**
 * The review's account of published URIs since the last publication at this place: the ones that would be
 * renamed (other people's annotations and citations point at them, so publishing waits for an explicit yes),
 * the new ones, and the ones no longer published.
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
  return (
    <div data-testid="publish-uris">
      <p>
        Published URIs: {counts.changed} changed, {counts.added} new, {counts.removed} no longer published.
      </p>
      {counts.changed > 0 ? (
        <>
          <ul className="notice-list" aria-label="Changed URIs">
            {uris.changed.map((c) => (
              <li key={c.before}>
                <code>{c.before}</code> <Icon name="arrow-right" label="becomes" /> <code>{c.after}</code>
              </li>
            ))}
          </ul>
          <label className="check">
            <input type="checkbox" checked={confirmed} onChange={(e) => onConfirm(e.target.checked)} /> Change{' '}
            {counts.changed} published URI{counts.changed === 1 ? '' : 's'} (links to the old ones will break)
          </label>
        </>
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
    </div>
  );
}
