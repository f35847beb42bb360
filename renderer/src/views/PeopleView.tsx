import { useRef, useState } from 'react';
import type { PeopleSort, PersonRow } from '../../../shared/domain';
import { useApp } from '../AppContext';
import { Avatar } from '../components/Avatar';
import { GettingStarted } from '../components/GettingStarted';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { StrengthBadge } from '../components/StrengthBadge';
import { handleListKey, VirtualList } from '../components/VirtualList';
import { useDebounced } from '../data/useDebounced';
import { PEOPLE_VIEW_STATE, peopleListInput, usePagedPeople } from '../data/usePagedPeople';
import { useStickyState } from '../data/useStickyState';
import { useSlashToFocus } from '../data/useSlashToFocus';
import { hrefFor, navigate, useHash } from '../router';
import { SearchField } from '../components/SearchField';

const ROW_HEIGHT = 44;
const SORTS: { value: PeopleSort; label: string }[] = [
  { value: 'name', label: 'Name' },
  { value: 'organization', label: 'Organization' },
  { value: 'strength', label: 'Tie strength' },
  { value: 'added', label: 'Recently added' },
];

export function PeopleView() {
  const { openNewPerson } = useApp();
  const [search, setSearch] = useStickyState(PEOPLE_VIEW_STATE.search.key, PEOPLE_VIEW_STATE.search.initial);
  const [sort, setSort] = useStickyState(PEOPLE_VIEW_STATE.sort.key, PEOPLE_VIEW_STATE.sort.initial);
  const [showArchived, setShowArchived] = useStickyState(PEOPLE_VIEW_STATE.showArchived.key, PEOPLE_VIEW_STATE.showArchived.initial);
  // Issue 14: people known only through a contact's connections are left out unless asked for ('first' lets a search find them).
  const [degree, setDegree] = useStickyState(PEOPLE_VIEW_STATE.degree.key, PEOPLE_VIEW_STATE.degree.initial);
  const [selected, setSelected] = useState(0);
  const searchRef = useRef<HTMLInputElement>(null);
  useSlashToFocus(searchRef);

  const debounced = useDebounced(search.trim(), 120);
  // The route may narrow the list (#/people?review=imported, #/people?batch=…).
  const hash = useHash();
  const input = peopleListInput({ search: debounced, sort, showArchived, degree }, hash);
  const reviewImported = input.review === 'imported';
  const importBatch = input.importBatch ?? null;
  // Pages of 100, fetched as they come into view (issue 17).
  const people = usePagedPeople(input);
  const items = people.items;

  // A new search starts at the top of the list.
  const [lastQuery, setLastQuery] = useState(`${debounced}|${sort}|${showArchived}|${reviewImported}|${importBatch}|${degree}`);
  const currentQuery = `${debounced}|${sort}|${showArchived}|${reviewImported}|${importBatch}|${degree}`;
  if (currentQuery !== lastQuery) {
    setLastQuery(currentQuery);
    setSelected(0);
  }

  // The list can shrink under the selection (an archive, a refetch): clamp instead of storing a fix-up.
  const current = Math.min(selected, items.length - 1);

  const open = (row: PersonRow | undefined) => {
    if (row) navigate(hrefFor.person(row.id));
  };

  return (
    // data-settled-search: the search whose results are on screen, so tests wait for them (issue 18).
    <div className="list-view" data-testid="people-view" data-settled-search={people.loading ? undefined : debounced}>
      <header className="view-header">
        <div className="view-title-row">
          <h1 className="view-title">People</h1>
          <span className="view-count" data-testid="people-count">
            {people.total !== null ? `${people.total.toLocaleString()}${debounced ? ' found' : ''}` : ''}
          </span>
          {importBatch && (
            <span className="chip" data-testid="people-batch-filter">
              <span className="truncate">From one import</span>
              <a className="chip-remove" href={hrefFor.people()} aria-label="Show everyone" title="Show everyone">
                ×
              </a>
            </span>
          )}
          {reviewImported && (
            <span className="chip" data-testid="people-review-filter">
              <span className="truncate">Imported, not reviewed yet</span>
              <a className="chip-remove" href={hrefFor.people()} aria-label="Show everyone" title="Show everyone">
                ×
              </a>
            </span>
          )}
          <div className="view-header-actions">
            <button type="button" className="button primary" onClick={openNewPerson} data-testid="new-person">
              New person
            </button>
          </div>
        </div>
        <div className="toolbar">
          <SearchField
            inputRef={searchRef}
            value={search}
            onChange={setSearch}
            placeholder="Search people, titles, organizations…"
            label="Search people"
            testId="people-search"
            onListKey={(event) => handleListKey(event, items, current, setSelected, open, ROW_HEIGHT, null)}
          />
          <label className="toolbar-field">
            <span>Sort</span>
            <select className="select" value={sort} onChange={(event) => setSort(event.target.value as PeopleSort)} data-testid="people-sort">
              {SORTS.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
          <label className="toolbar-field">
            <span>Show</span>
            <select className="select" value={degree} onChange={(event) => setDegree(event.target.value as 'first' | 'second' | 'all')} data-testid="people-degree">
              <option value="first">People I know</option>
              <option value="second">Second-degree</option>
              <option value="all">Everyone</option>
            </select>
          </label>
          <label className="toggle">
            <input type="checkbox" checked={showArchived} onChange={(event) => setShowArchived(event.target.checked)} data-testid="people-archived" />
            <span>Show archived</span>
          </label>
        </div>
      </header>
      {people.error && people.total === null ? (
        <div className="page">
          <ErrorNotice title="The people list could not be loaded" message={people.error.message} />
        </div>
      ) : people.total === 0 ? (
        debounced ? (
          <EmptyState title={`No one matches “${debounced}”`} testId="people-empty">
            Search looks at names however they are spelled, e-mails, phone numbers, headlines, titles and current organizations.
          </EmptyState>
        ) : (
          <GettingStarted
            testId="people-empty"
            lead="Add the people you know: former coworkers, classmates, someone you met at a conference. Or bring in your LinkedIn connections at once."
          />
        )
      ) : (
        <>
          {/* Column names, as the Organizations list has: the last column's bare "2" or "–"
              is my tie's strength, which nothing on the screen said (review 31). */}
          <div className="list-columns person-columns" aria-hidden="true" data-testid="people-columns">
            <span className="person-columns-name">Name</span>
            <span className="person-columns-role">Title · Organization</span>
            <span className="person-columns-tie">My tie</span>
          </div>
          <VirtualList
            items={items}
            rowHeight={ROW_HEIGHT}
            selected={current}
            onSelect={setSelected}
            onOpen={open}
            itemKey={personRowKey}
            label="People"
            testId="people-list"
            onRange={people.onRange}
            renderRow={(row) => (row ? <PersonListRow row={row} /> : <div className="person-row person-row-loading" aria-busy="true" />)}
          />
        </>
      )}
    </div>
  );
}

/** Stable, so the list does not re-measure its 10,000 rows on every render (VirtualList). */
function personRowKey(row: PersonRow | undefined, index: number): string | number {
  return row?.id ?? `loading-${index}`;
}

function PersonListRow({ row }: { row: PersonRow }) {
  const role = [row.title, row.organizationName].filter(Boolean).join(' · ');
  return (
    <div className="person-row" data-testid="person-row" data-person-id={row.id}>
      <Avatar name={row.displayName} id={row.id} />
      <span className="person-row-name truncate" data-testid="person-row-name">
        {row.displayName}
      </span>
      <span className="person-row-role truncate">{role || row.headline}</span>
      {row.archived && <span className="pill muted">Archived</span>}
      {row.secondDegree && (
        <span className="pill muted" title="Known through a contact's connections">
          2nd degree
        </span>
      )}
      <StrengthBadge strength={row.myTieStrength} />
    </div>
  );
}
