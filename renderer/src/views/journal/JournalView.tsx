// #/journal: every entry, newest first, virtualized, filtered by kind, person,
// organization and dates; the selected entry shows in full beside the list.
import { useState } from 'react';
import type { InteractionKind, JournalRow } from '../../../../shared/journal';
import { INTERACTION_KIND_LABELS, INTERACTION_KINDS } from '../../../../shared/vocabulary';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { VirtualList } from '../../components/VirtualList';
import { useQuery } from '../../data/useQuery';
import { useStickyState } from '../../data/useStickyState';
import { useHash } from '../../router';
import { formatDay } from './clock';
import { EntryView } from './EntryView';
import { openEntryEditor } from './journalUi';
import { OrganizationPicker, PersonPicker } from './pickers';
import { useJournalRows } from './useJournalRows';
import '../../styles/journal.css';

const ROW_HEIGHT = 56;

type Named = { id: number; name: string } | null;

/** The entry a link asked for: #/journal?entry=12. */
function entryParam(hash: string): number | null {
  const m = /[?&]entry=(\d+)/.exec(hash);
  return m ? Number(m[1]) : null;
}

export function JournalView() {
  const hash = useHash();
  const [kind, setKind] = useStickyState<InteractionKind | ''>('journal.kind', '');
  const [person, setPerson] = useStickyState<Named>('journal.person', null);
  const [org, setOrg] = useStickyState<Named>('journal.org', null);
  const [from, setFrom] = useStickyState('journal.from', '');
  const [to, setTo] = useStickyState('journal.to', '');
  const [selected, setSelected] = useState(0);
  const [openId, setOpenId] = useState<number | null>(() => entryParam(hash));

  // A link to another entry while the view is open (from search or the palette).
  const linked = entryParam(hash);
  const [lastLinked, setLastLinked] = useState(linked);
  if (linked !== lastLinked) {
    setLastLinked(linked);
    if (linked !== null) setOpenId(linked);
  }

  const filter = {
    kinds: kind ? [kind] : undefined,
    personId: person?.id,
    organizationId: org?.id,
    from: from || undefined,
    to: to || undefined,
  };
  const rows = useJournalRows(filter);
  const filtered = !!(kind || person || org || from || to);
  // The list's selection follows the entry shown, once its row has arrived.
  const openIndex = openId === null ? -1 : rows.items.findIndex((r) => r.id === openId);
  // Nothing open, nothing highlighted (issue 17: the first row looked chosen
  // while the reader said "Select an entry"); ArrowDown then starts at the top.
  const current = openIndex >= 0 ? openIndex : openId === null ? -1 : Math.min(selected, rows.items.length - 1);

  const clear = () => {
    setKind('');
    setPerson(null);
    setOrg(null);
    setFrom('');
    setTo('');
  };

  return (
    <div className="list-view journal-view" data-testid="journal-view">
      <header className="view-header">
        <div className="view-title-row">
          <h1 className="view-title">Journal</h1>
          <span className="view-count" data-testid="journal-count">
            {rows.total === null ? '' : `${rows.total.toLocaleString()} ${rows.total === 1 ? 'entry' : 'entries'}${filtered ? ' found' : ''}`}
          </span>
          <div className="view-header-actions">
            <button type="button" className="button primary" data-testid="journal-new" onClick={() => openEntryEditor({ onSaved: (e) => setOpenId(e.id) })}>
              Log an entry
            </button>
          </div>
        </div>
        <div className="toolbar journal-filters" data-testid="journal-filters">
          <label className="toolbar-field">
            <span>Kind</span>
            <select className="select" value={kind} data-testid="filter-kind" onChange={(e) => setKind(e.target.value as InteractionKind | '')}>
              <option value="">All kinds</option>
              {INTERACTION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {INTERACTION_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
          <div className="toolbar-field filter-picker">
            <span>Person</span>
            {person ? (
              <span className="chip" data-testid="filter-person-picked">
                <span className="truncate">{person.name}</span>
                <button type="button" className="chip-remove" aria-label={`Clear ${person.name}`} onClick={() => setPerson(null)}>
                  ×
                </button>
              </span>
            ) : (
              <PersonPicker label="Filter by person" placeholder="Anyone" testId="filter-person" onPick={(p) => p.id !== null && setPerson({ id: p.id, name: p.displayName })} />
            )}
          </div>
          <div className="toolbar-field filter-picker">
            <span>Organization</span>
            <OrganizationPicker value={org} onChange={setOrg} testId="filter-org" label="Filter by organization" />
          </div>
          <label className="toolbar-field">
            <span>From</span>
            <input type="date" className="input date-input" value={from} data-testid="filter-from" onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label className="toolbar-field">
            <span>To</span>
            <input type="date" className="input date-input" value={to} data-testid="filter-to" onChange={(e) => setTo(e.target.value)} />
          </label>
          {filtered && (
            <button type="button" className="button ghost small" onClick={clear} data-testid="filter-clear">
              Clear filters
            </button>
          )}
        </div>
      </header>
      <div className="journal-split">
        <div className="journal-list-pane">
          {rows.error ? (
            <div className="page">
              <ErrorNotice title="The journal could not be loaded" message={rows.error.message} />
            </div>
          ) : rows.total === 0 ? (
            filtered ? (
              <EmptyState title="No entries match these filters" testId="journal-empty">
                <button type="button" className="button" onClick={clear}>
                  Clear filters
                </button>
              </EmptyState>
            ) : (
              <EmptyState title="Nothing in your journal yet" testId="journal-empty">
                <p>Write down a coffee chat, a call or an email: who it was with, what you talked about, what you promised.</p>
                <button type="button" className="button primary" onClick={() => openEntryEditor({ onSaved: (e) => setOpenId(e.id) })}>
                  Log your first entry
                </button>
              </EmptyState>
            )
          ) : (
            <VirtualList
              items={rows.items}
              rowHeight={ROW_HEIGHT}
              selected={current}
              onSelect={(i) => {
                setSelected(i);
                const row = rows.items[i];
                if (row) setOpenId(row.id);
              }}
              onOpen={(row) => setOpenId(row.id)}
              itemKey={journalRowKey}
              label="Journal entries"
              testId="journal-list"
              renderRow={(row) => <JournalListRow row={row} open={row.id === openId} />}
            />
          )}
        </div>
        <div className="journal-detail-pane" data-testid="journal-detail">
          {openId === null ? (
            // Only when there is an entry to select: beside "Nothing in your journal yet" it
            // contradicted the empty list (review 31).
            rows.total ? (
              <p className="muted-text journal-detail-hint" data-testid="journal-detail-hint">
                Select an entry to read it.
              </p>
            ) : null
          ) : (
            <OpenEntry id={openId} onGone={() => setOpenId(null)} />
          )}
        </div>
      </div>
    </div>
  );
}

function OpenEntry({ id, onGone }: { id: number; onGone: () => void }) {
  const query = useQuery('journal:get', { id });
  if (query.error && !query.data) return <ErrorNotice title="This entry could not be shown" message={query.error.message} />;
  if (!query.data) return null;
  if (query.data.deletedAt) return <p className="muted-text journal-detail-hint">This entry was deleted.</p>;
  return <EntryView entry={query.data} onDeleted={onGone} />;
}

/** Stable, so the list does not re-measure its rows on every render (VirtualList). */
function journalRowKey(row: JournalRow): number {
  return row.id;
}

function JournalListRow({ row, open }: { row: JournalRow; open: boolean }) {
  const people = row.participants.map((p) => p.displayName).join(', ');
  return (
    <div className={`journal-row${open ? ' open' : ''}`} data-testid="journal-row" data-entry-id={row.id}>
      <div className="journal-row-line">
        <span className="journal-row-title truncate" data-testid="journal-row-title">
          {row.title || INTERACTION_KIND_LABELS[row.kind]}
        </span>
        <span className="journal-row-date">{formatDay(row.occurredAt)}</span>
      </div>
      <div className="journal-row-line journal-row-sub">
        <span className={`kind-dot kind-${row.kind}`} title={INTERACTION_KIND_LABELS[row.kind]} aria-hidden="true" />
        <span className="journal-row-people truncate">{people}</span>
        {row.excerpt && <span className="journal-row-excerpt truncate">{row.excerpt}</span>}
      </div>
    </div>
  );
}
