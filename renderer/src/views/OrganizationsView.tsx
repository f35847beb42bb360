import { useRef, useState } from 'react';
import type { OrganizationRow } from '../../../shared/domain';
import { useApp } from '../AppContext';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { handleListKey, VirtualList } from '../components/VirtualList';
import { useDebounced } from '../data/useDebounced';
import { useQuery } from '../data/useQuery';
import { useSlashToFocus } from '../data/useSlashToFocus';
import { useStickyState } from '../data/useStickyState';
import { hrefFor, navigate } from '../router';
import { SearchField } from '../components/SearchField';

const ROW_HEIGHT = 44;
type OrgSort = 'name' | 'people';

export function OrganizationsView() {
  const { openNewOrganization } = useApp();
  const [search, setSearch] = useStickyState('orgs.search', '');
  const [sort, setSort] = useStickyState<OrgSort>('orgs.sort', 'name');
  const [showArchived, setShowArchived] = useStickyState('orgs.archived', false);
  const [selected, setSelected] = useState(0);
  const searchRef = useRef<HTMLInputElement>(null);
  useSlashToFocus(searchRef);

  const debounced = useDebounced(search.trim(), 120);
  const query = useQuery('orgs:list', { search: debounced || undefined, sort, archived: showArchived ? 'include' : 'exclude' });
  const items = query.data?.items ?? [];

  const currentQuery = `${debounced}|${sort}|${showArchived}`;
  const [lastQuery, setLastQuery] = useState(currentQuery);
  if (currentQuery !== lastQuery) {
    setLastQuery(currentQuery);
    setSelected(0);
  }
  // The list can shrink under the selection (an archive, a refetch): clamp instead of storing a fix-up.
  const current = Math.min(selected, items.length - 1);

  const open = (row: OrganizationRow) => navigate(hrefFor.org(row.id));

  return (
    // data-settled-search: the search whose results are on screen, so tests wait for them (issue 18).
    <div className="list-view" data-testid="orgs-view" data-settled-search={query.loading ? undefined : debounced}>
      <header className="view-header">
        <div className="view-title-row">
          <h1 className="view-title">Organizations</h1>
          <span className="view-count">{query.data ? items.length.toLocaleString() : ''}</span>
          <div className="view-header-actions">
            <button type="button" className="button primary" onClick={openNewOrganization} data-testid="new-org">
              New organization
            </button>
          </div>
        </div>
        <div className="toolbar">
          <SearchField
            inputRef={searchRef}
            value={search}
            onChange={setSearch}
            placeholder="Search organizations…"
            label="Search organizations"
            testId="orgs-search"
            onListKey={(event) => handleListKey(event, items, current, setSelected, open, ROW_HEIGHT, null)}
          />
          <label className="toolbar-field">
            <span>Sort</span>
            <select className="select" value={sort} onChange={(event) => setSort(event.target.value as OrgSort)} data-testid="orgs-sort">
              <option value="name">Name</option>
              <option value="people">Most people</option>
            </select>
          </label>
          <label className="toggle">
            <input type="checkbox" checked={showArchived} onChange={(event) => setShowArchived(event.target.checked)} />
            <span>Show archived</span>
          </label>
        </div>
      </header>
      {query.error ? (
        <div className="page">
          <ErrorNotice title="The organizations could not be loaded" message={query.error.message} />
        </div>
      ) : query.data && items.length === 0 ? (
        <EmptyState title={debounced ? `No organization matches “${debounced}”` : 'No organizations yet'} testId="orgs-empty">
          {!debounced && <p>Organizations appear here when you add where someone works, or create one directly.</p>}
        </EmptyState>
      ) : (
        <>
          <div className="list-columns org-columns" aria-hidden="true">
            <span>Name</span>
            <span>Kind</span>
            <span className="num">Current</span>
            <span className="num">Former</span>
            <span className="num">Known directly</span>
          </div>
          <VirtualList
            items={items}
            rowHeight={ROW_HEIGHT}
            selected={current}
            onSelect={setSelected}
            onOpen={open}
            itemKey={organizationRowKey}
            label="Organizations"
            testId="orgs-list"
            renderRow={(row) => <OrganizationListRow row={row} />}
          />
        </>
      )}
    </div>
  );
}

/** Stable, so the list does not re-measure its rows on every render (VirtualList). */
function organizationRowKey(row: OrganizationRow): number {
  return row.id;
}

function OrganizationListRow({ row }: { row: OrganizationRow }) {
  return (
    <div className="org-row org-columns" data-testid="org-row" data-org-id={row.id}>
      <span className="org-row-name truncate">
        <span className="org-mark" aria-hidden="true">
          {row.name.trim().charAt(0).toUpperCase()}
        </span>
        <span className="truncate" data-testid="org-row-name">
          {row.name}
        </span>
        {row.archived && <span className="pill muted">Archived</span>}
      </span>
      <span className="org-row-kind truncate">{row.kind}</span>
      <span className="num" data-testid="org-row-current">{row.currentPeople}</span>
      <span className="num muted-text">{row.formerPeople}</span>
      <span className={`num${row.knownDirectly > 0 ? ' known' : ' muted-text'}`}>{row.knownDirectly}</span>
    </div>
  );
}
