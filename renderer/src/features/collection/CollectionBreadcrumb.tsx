/**
 * Where the member grid is in a collection's embedded sub-collections: the collections from the document down
 * to the one shown, each but the last a button that goes back out to it (WAI-ARIA breadcrumb: a nav landmark
 * with an ordered list, the current one marked aria-current). Shown only inside a sub-collection.
 */
import { useAppStore } from '../../store/store';
import { crumbText, showCollectionAt, type Crumb } from './member-navigation';

export function CollectionBreadcrumb() {
  const crumbs = JSON.parse(useAppStore(crumbText)) as Crumb[];
  if (crumbs.length < 2) return null;
  return (
    <nav className="collection-breadcrumb" aria-label="Collection path" data-testid="collection-breadcrumb">
      <ol>
        {crumbs.map((crumb, k) => (
          <li key={crumb.depth}>
            {k === crumbs.length - 1 ? (
              <span aria-current="location" dir="auto">
                {crumb.name}
              </span>
            ) : (
              <button type="button" dir="auto" onClick={() => showCollectionAt(crumb.depth)}>
                {crumb.name}
              </button>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
