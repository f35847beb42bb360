import { Command } from 'cmdk';
import { useState } from 'react';
import { useApp } from '../AppContext';
import { useDebounced } from '../data/useDebounced';
import { useQuery } from '../data/useQuery';
import { hrefFor, navigate } from '../router';
import { Modal } from './Modal';
import type { QuickResult } from '../../../shared/domain';
import { openEntryEditor } from '../views/journal/journalUi';
import { PaletteEntryHits } from '../views/journal/PaletteEntryHits';
import { searchHref } from '../views/journal/SearchView';

function itemValue(r: QuickResult): string {
  return `${r.kind}-${r.id}`;
}

interface Action {
  id: string;
  label: string;
  hint?: string;
  run: () => void;
}

/** Ctrl+K / ⌘K: jump to anyone or any organization, or run an action. */
export function CommandPalette({ onClose }: { onClose: () => void }) {
  const { info, openNewPerson, openNewOrganization } = useApp();
  const [query, setQuery] = useState('');
  const debounced = useDebounced(query.trim(), 80);
  const results = useQuery('search:quick', { query: debounced, limit: 12 }, debounced !== '');

  const actions: Action[] = [
    { id: 'new-person', label: 'New person', hint: 'Create', run: openNewPerson },
    { id: 'new-organization', label: 'New organization', hint: 'Create', run: openNewOrganization },
    { id: 'log-entry', label: 'Log an entry', hint: 'Journal', run: () => {
        onClose();
        openEntryEditor();
      } },
    { id: 'go-home', label: 'Go to Home', hint: 'Navigate', run: () => go(hrefFor.home()) },
    { id: 'go-journal', label: 'Go to Journal', hint: 'Navigate', run: () => go(hrefFor.journal()) },
    ...(query.trim() ? [{ id: 'search-all', label: `Search everything for “${query.trim()}”`, hint: 'Notes and journal too', run: () => go(searchHref(query.trim())) }] : []),
    { id: 'go-people', label: 'Go to People', hint: 'Navigate', run: () => go(hrefFor.people()) },
    { id: 'go-orgs', label: 'Go to Organizations', hint: 'Navigate', run: () => go(hrefFor.orgs()) },
    { id: 'go-graph', label: 'Go to Network', hint: 'The network graph', run: () => go(hrefFor.graph()) },
    { id: 'go-import', label: 'Import people', hint: 'LinkedIn, vCard, Google, Kith JSON', run: () => go(hrefFor.import()) },
    { id: 'go-settings', label: 'Go to Settings', hint: 'Export, backups, data folder', run: () => go(hrefFor.settings()) },
    { id: 'go-routes', label: 'Go to Routes', hint: 'Find introduction routes', run: () => go(hrefFor.routes()) },
    { id: 'go-introductions', label: 'Go to Introductions', hint: 'Navigate', run: () => go(hrefFor.introductions()) },
    { id: 'go-me', label: 'Go to Me', hint: info.me.displayName, run: () => go(hrefFor.person(info.me.id)) },
  ];
  function go(href: string) {
    onClose();
    navigate(href);
  }

  const words = query.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const matchingActions = actions.filter((a) => words.every((w) => a.label.toLocaleLowerCase().includes(w)));
  const hits = debounced === '' ? [] : (results.data ?? []);
  const people = hits.filter((r) => r.kind === 'person');
  const orgs = hits.filter((r) => r.kind === 'organization');
  // The server ranks names that start with what was typed first: the group of the best hit leads.
  const orgsFirst = hits[0]?.kind === 'organization';

  // Enter always runs the top item of the current results: reset the selection
  // whenever the results change, instead of keeping a stale one from a shorter query.
  const firstValue = (orgsFirst ? orgs : people)[0] ?? (orgsFirst ? people : orgs)[0];
  const topValue = firstValue ? itemValue(firstValue) : matchingActions[0] ? `action-${matchingActions[0].id}` : '';
  const resultsKey = `${debounced}|${hits.map(itemValue).join(',')}|${matchingActions.map((a) => a.id).join(',')}`;
  const [selection, setSelection] = useState({ key: '', value: '' });
  if (selection.key !== resultsKey) setSelection({ key: resultsKey, value: topValue });

  const peopleGroup = people.length > 0 && (
    <Command.Group heading="People">
      {people.map((r) => (
        <Command.Item key={itemValue(r)} value={itemValue(r)} onSelect={() => go(hrefFor.person(r.id))} data-testid="palette-item" data-kind="person">
          <span className="truncate">{r.label}</span>
          <span className="palette-detail truncate">{r.detail}</span>
        </Command.Item>
      ))}
    </Command.Group>
  );
  const orgsGroup = orgs.length > 0 && (
    <Command.Group heading="Organizations">
      {orgs.map((r) => (
        <Command.Item key={itemValue(r)} value={itemValue(r)} onSelect={() => go(hrefFor.org(r.id))} data-testid="palette-item" data-kind="organization">
          <span className="truncate">{r.label}</span>
          <span className="palette-detail truncate">{r.detail}</span>
        </Command.Item>
      ))}
    </Command.Group>
  );

  return (
    <Modal title="Command palette" onClose={onClose} className="palette-modal" testId="palette">
      <Command
        label="Command palette"
        shouldFilter={false}
        loop
        className="palette"
        value={selection.value}
        onValueChange={(value) => setSelection({ key: resultsKey, value })}
      >
        <Command.Input
          autoFocus
          value={query}
          onValueChange={setQuery}
          placeholder="Search people and organizations, or type a command…"
          className="palette-input"
          data-testid="palette-input"
        />
        {/* data-settled-search: the search whose results are shown, so tests wait for them (issue 18). */}
        <Command.List className="palette-list" data-testid="palette-list" data-settled-search={debounced === '' || !results.loading ? debounced : undefined}>
          {results.error && <div className="palette-empty">{results.error.message}</div>}
          {query.trim() !== '' && !results.loading && hits.length === 0 && matchingActions.length === 0 && (
            <div className="palette-empty">Nothing matches “{query.trim()}”.</div>
          )}
          {orgsFirst ? orgsGroup : peopleGroup}
          {orgsFirst ? peopleGroup : orgsGroup}
          <PaletteEntryHits query={debounced} onClose={onClose} />
          {matchingActions.length > 0 && (
            <Command.Group heading="Actions">
              {matchingActions.map((a) => (
                <Command.Item key={a.id} value={`action-${a.id}`} onSelect={a.run} data-testid="palette-item" data-kind="action">
                  <span className="truncate">{a.label}</span>
                  {a.hint && <span className="palette-detail truncate">{a.hint}</span>}
                </Command.Item>
              ))}
            </Command.Group>
          )}
        </Command.List>
      </Command>
    </Modal>
  );
}
