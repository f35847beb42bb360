// #/search?q=…: everything that matches, in three sections (people,
// organizations, journal entries), each hit with its highlighted snippet.
import { useRef, useState } from 'react';
import type { SearchHit } from '../../../../shared/journal';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useDebounced } from '../../data/useDebounced';
import { useQuery } from '../../data/useQuery';
import { useSlashToFocus } from '../../data/useSlashToFocus';
import { hrefFor } from '../../router';
import { Snippet } from './Snippet';
import '../../styles/journal.css';

export function searchHref(query: string): string {
  return `#/search?q=${encodeURIComponent(query)}`;
}

export function hitHref(hit: SearchHit): string {
  switch (hit.kind) {
    case 'person':
      return hrefFor.person(hit.id);
    case 'organization':
      return hrefFor.org(hit.id);
    case 'entry':
      return `#/journal?entry=${hit.id}`;
  }
}

export function SearchView({ query: initial }: { query: string }) {
  const [text, setText] = useState(initial);
  // A new search from outside (the palette) while this view is open.
  const [lastInitial, setLastInitial] = useState(initial);
  if (initial !== lastInitial) {
    setLastInitial(initial);
    if (initial !== text) setText(initial);
  }
  const inputRef = useRef<HTMLInputElement>(null);
  useSlashToFocus(inputRef);
  const debounced = useDebounced(text.trim(), 120);
  const results = useQuery('search:all', { query: debounced, limit: 50 }, debounced !== '');
  const data = debounced ? results.data : undefined;
  const count = data ? data.people.length + data.organizations.length + data.entries.length : 0;

  return (
    // data-settled-search: the search whose results are on screen, so tests wait for them (issue 18).
    <div className="page search-view" data-testid="search-view" data-settled-search={debounced === '' || !results.loading ? debounced : undefined}>
      <h1 className="view-title">Search</h1>
      <div className="search-field search-view-field">
        <span className="search-icon" aria-hidden="true" />
        <input
          ref={inputRef}
          type="search"
          className="input"
          autoFocus
          placeholder="Search people, organizations, notes and journal entries…"
          aria-label="Search everything"
          value={text}
          data-testid="search-input"
          onChange={(e) => {
            setText(e.target.value);
            window.history.replaceState(null, '', searchHref(e.target.value));
          }}
        />
      </div>
      {results.error && <ErrorNotice title="Search failed" message={results.error.message} />}
      {debounced && data && count === 0 && (
        <EmptyState title={`Nothing matches “${debounced}”`} testId="search-empty">
          Search looks at names, headlines, notes and every journal entry.
        </EmptyState>
      )}
      {data && (
        <>
          <HitSection title="People" hits={data.people} kind="person" />
          <HitSection title="Organizations" hits={data.organizations} kind="organization" />
          <HitSection title="Journal" hits={data.entries} kind="entry" />
        </>
      )}
    </div>
  );
}

function HitSection({ title, hits, kind }: { title: string; hits: SearchHit[]; kind: SearchHit['kind'] }) {
  if (hits.length === 0) return null;
  return (
    <section className="section" data-testid={`search-section-${kind}`}>
      <div className="section-header">
        <h2 className="section-title">
          {title} <span className="section-count">{hits.length}</span>
        </h2>
      </div>
      <ul className="rows">
        {hits.map((hit) => (
          <li key={`${hit.kind}-${hit.id}`}>
            <a className="search-hit" href={hitHref(hit)} data-testid="search-hit" data-kind={hit.kind} data-id={hit.id}>
              <span className="search-hit-head">
                <span className="search-hit-title truncate">{hit.title}</span>
                {hit.archived && <span className="pill muted">Archived</span>}
                <span className="search-hit-detail truncate">{hit.detail}</span>
              </span>
              {hit.snippet.length > 0 && <Snippet segments={hit.snippet} className="search-hit-snippet" />}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
