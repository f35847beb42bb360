// One journal entry in full: who, when, what kind, and its Markdown body.
import { useState } from 'react';
import type { JournalEntry } from '../../../../shared/journal';
import { INTERACTION_KIND_LABELS } from '../../../../shared/vocabulary';
import { InlineError } from '../../components/ErrorNotice';
import { mutate } from '../../data/mutate';
import { useQuery } from '../../data/useQuery';
import { FollowUpForm } from './FollowUpForm';
import { Markdown } from '../../components/Markdown';
import { errorMessage } from '../../data/mutate';
import { hrefFor } from '../../router';
import { formatDay, timeOf } from './clock';
import { deleteEntryWithUndo } from './entryActions';
import { openEntryEditor } from './journalUi';

export function EntryView({ entry, onDeleted }: { entry: JournalEntry; onDeleted?: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [addingFollowUp, setAddingFollowUp] = useState(false);
  const time = timeOf(entry.occurredAt);
  return (
    <article className="entry-view" data-testid="entry-view" data-entry-id={entry.id}>
      <header className="entry-view-header">
        <div className="entry-meta">
          <span className={`pill kind-pill kind-${entry.kind}`}>{INTERACTION_KIND_LABELS[entry.kind]}</span>
          <span className="entry-date">
            {formatDay(entry.occurredAt)}
            {time && ` · ${time}`}
          </span>
          {entry.deletedAt && <span className="pill muted">Deleted</span>}
        </div>
        <div className="entry-view-actions">
          {!entry.deletedAt && (
            <button type="button" className="button small" data-testid="entry-add-followup" onClick={() => setAddingFollowUp(true)}>
              Add a follow-up
            </button>
          )}
          <button type="button" className="button small" data-testid="edit-entry" onClick={() => openEntryEditor({ entry })}>
            Edit
          </button>
          <button
            type="button"
            className="button small ghost"
            data-testid="delete-entry"
            onClick={async () => {
              setError(null);
              try {
                await deleteEntryWithUndo(entry);
                onDeleted?.();
              } catch (e) {
                setError(errorMessage(e));
              }
            }}
          >
            Delete
          </button>
        </div>
      </header>
      <h2 className="entry-view-title selectable" data-testid="entry-view-title">
        {entry.title || <span className="muted-text">Untitled {INTERACTION_KIND_LABELS[entry.kind].toLocaleLowerCase()}</span>}
      </h2>
      <p className="entry-people">
        With{' '}
        {entry.participants.map((p, i) => (
          <span key={p.id}>
            {i > 0 && (i === entry.participants.length - 1 ? ' and ' : ', ')}
            <a href={hrefFor.person(p.id)} data-testid="entry-person-link">
              {p.displayName}
            </a>
          </span>
        ))}
        {entry.organizationId && entry.organizationName && (
          <>
            {' · '}
            <a href={hrefFor.org(entry.organizationId)}>{entry.organizationName}</a>
          </>
        )}
      </p>
      <InlineError message={error} />
      {addingFollowUp && <FollowUpForm people={entry.participants} interactionId={entry.id} onDone={() => setAddingFollowUp(false)} />}
      <EntryFollowUps entryId={entry.id} people={entry.participants} />
      {entry.body.trim() ? (
        <Markdown
          text={entry.body}
          className="entry-body-rendered selectable"
          testId="entry-body-rendered"
          people={[...entry.participants, ...(entry.mentions ?? [])]}
        />
      ) : (
        <p className="muted-text">No notes.</p>
      )}
    </article>
  );
}

/** Follow-ups promised in this conversation, with one-click done. */
function EntryFollowUps({ entryId, people }: { entryId: number; people: readonly { id: number; displayName: string }[] }) {
  const query = useQuery('reminders:list', { interactionId: entryId, status: 'all' });
  const items = query.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <ul className="entry-followups" data-testid="entry-followups">
      {items.map((r) => (
        <li key={r.id} data-testid="entry-followup" data-done={r.doneAt ? 'true' : 'false'}>
          <span className={r.doneAt ? 'followup-done' : ''}>{r.title}</span>
          <span className="muted-text">
            {r.personId !== null && people.length > 1 && ` · ${people.find((p) => p.id === r.personId)?.displayName ?? ''}`} · due {formatDay(r.dueOn)}
          </span>
          {!r.doneAt && !r.dismissedAt && (
            <button type="button" className="button small ghost" onClick={() => void mutate('reminders:update', { id: r.id, patch: { done: true } })}>
              Done
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
