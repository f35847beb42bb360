// A person's page, issue 3 part: keep-in-touch cadence, a tie-strength
// suggestion (only ever applied on Accept), the favors balance, and the
// timeline of entries, introductions, favors and follow-ups, newest first.
import { useState, type FormEvent } from 'react';
import { CADENCE_PRESETS, describeCadence } from '../../../../shared/cadence';
import type { Person } from '../../../../shared/domain';
import { FAVOR_KINDS, type FavorDirection, type FavorKind, type TimelineItem } from '../../../../shared/journal';
import { INTERACTION_KIND_LABELS } from '../../../../shared/vocabulary';
import { ErrorNotice, InlineError } from '../../components/ErrorNotice';
import { errorMessage, mutate } from '../../data/mutate';
import { useQuery } from '../../data/useQuery';
import { formatDay, today, userTimeZone } from './clock';
import { EntryView } from './EntryView';
import { FollowUpForm } from './FollowUpForm';
import { openEntryEditor } from './journalUi';
import '../../styles/journal.css';

const FAVOR_KIND_LABELS: Record<FavorKind, string> = {
  referral: 'Referral',
  advice: 'Advice',
  introduction: 'Introduction',
  article: 'Article',
  reference: 'Reference',
  other: 'Other',
};

/** Above the profile: a tie-strength suggestion (if any) and the keep-in-touch cadence. */
export function PersonKeepInTouch({ person }: { person: Person }) {
  return (
    <>
      <SuggestionCard personId={person.id} />
      <KeepInTouch person={person} />
    </>
  );
}

/** Below work and ties: the favors balance, the actions and the timeline. */
export function PersonTimeline({ person }: { person: Person }) {
  const [adding, setAdding] = useState<'followUp' | 'favor' | null>(null);
  const logEntry = () => openEntryEditor({ participants: [{ id: person.id, displayName: person.displayName }] });
  return (
    <section className="section person-journal" data-testid="person-timeline">
      <div className="section-header">
        <h2 className="section-title">Timeline</h2>
        <div className="section-actions">
          <button type="button" className="button small" onClick={logEntry} data-testid="timeline-log-entry">
            Log an entry
          </button>
          <button type="button" className="button small" onClick={() => setAdding('followUp')} data-testid="timeline-add-followup">
            Add a follow-up
          </button>
          <button type="button" className="button small" onClick={() => setAdding('favor')} data-testid="timeline-record-favor">
            Record a favor
          </button>
        </div>
      </div>
      <FavorBalance personId={person.id} />
      {adding === 'followUp' && <FollowUpForm people={[person]} onDone={() => setAdding(null)} />}
      {adding === 'favor' && <FavorForm personId={person.id} onDone={() => setAdding(null)} />}
      <Timeline personId={person.id} onLog={logEntry} />
    </section>
  );
}

// ---- Keep in touch ------------------------------------------------------------

const PRESETS: { days: number; label: string }[] = [
  { days: CADENCE_PRESETS.month, label: 'Every month' },
  { days: CADENCE_PRESETS.threeMonths, label: 'Every 3 months' },
  { days: CADENCE_PRESETS.sixMonths, label: 'Every 6 months' },
  { days: CADENCE_PRESETS.year, label: 'Every year' },
];

function KeepInTouch({ person }: { person: Person }) {
  const current = person.cadenceDays;
  const isPreset = current === null || PRESETS.some((p) => p.days === current);
  const [custom, setCustom] = useState(!isPreset);
  const [days, setDays] = useState(current && !isPreset ? String(current) : '');
  const [error, setError] = useState<string | null>(null);

  const save = async (cadenceDays: number | null) => {
    setError(null);
    try {
      await mutate('people:update', { id: person.id, patch: { cadenceDays } });
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const onSelect = (value: string) => {
    if (value === 'custom') {
      setCustom(true);
      setDays(current ? String(current) : '');
      return;
    }
    setCustom(false);
    void save(value === '' ? null : Number(value));
  };

  const submitCustom = (event: FormEvent) => {
    event.preventDefault();
    const n = Number(days);
    if (!Number.isInteger(n) || n < 1 || n > 3650) {
      setError('Type a whole number of days from 1 to 3650.');
      return;
    }
    void save(n);
  };

  return (
    <div className="keep-in-touch" data-testid="keep-in-touch" data-cadence={current ?? ''}>
      <span className="keep-in-touch-label">Keep in touch</span>
      <select
        className="select"
        aria-label="Keep-in-touch cadence"
        data-testid="cadence-select"
        value={custom ? 'custom' : String(current ?? '')}
        onChange={(e) => onSelect(e.target.value)}
      >
        <option value="">No reminder</option>
        {PRESETS.map((p) => (
          <option key={p.days} value={String(p.days)}>
            {p.label}
          </option>
        ))}
        <option value="custom">Custom…</option>
      </select>
      {custom && (
        <form className="cadence-custom" onSubmit={submitCustom}>
          <span>every</span>
          <input
            className="input cadence-days"
            type="number"
            min={1}
            max={3650}
            value={days}
            aria-label="Days between contacts"
            data-testid="cadence-days"
            onChange={(e) => setDays(e.target.value)}
          />
          <span>days</span>
          <button type="submit" className="button small" data-testid="cadence-save">
            Set
          </button>
        </form>
      )}
      {current !== null && !custom && <span className="muted-text">Kith reminds you {describeCadence(current)} after you last talked.</span>}
      {current !== null && custom && <span className="muted-text">Now {describeCadence(current)}.</span>}
      <InlineError message={error} />
    </div>
  );
}

// ---- Tie strength suggestion ----------------------------------------------------

function SuggestionCard({ personId }: { personId: number }) {
  const timeZone = userTimeZone();
  const query = useQuery('suggestions:list', { timeZone });
  const [error, setError] = useState<string | null>(null);
  const suggestion = query.data?.items.find((s) => s.personId === personId);
  if (!suggestion) return null;
  const run = async (accept: boolean) => {
    setError(null);
    try {
      if (accept) await mutate('suggestions:accept', { personId, strength: suggestion.suggestedStrength });
      else await mutate('suggestions:ignore', { personId, timeZone });
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <div className="suggestion-card" data-testid="tie-suggestion" data-suggested={suggestion.suggestedStrength}>
      <div className="suggestion-text">
        <strong>
          {suggestion.currentStrength === null
            ? `Set your tie strength to ${suggestion.suggestedStrength}?`
            : `Change your tie strength from ${suggestion.currentStrength} to ${suggestion.suggestedStrength}?`}
        </strong>
        <span className="muted-text">{suggestion.reason}</span>
        <InlineError message={error} />
      </div>
      <div className="suggestion-actions">
        <button type="button" className="button small primary" data-testid="suggestion-accept" onClick={() => run(true)}>
          Accept
        </button>
        <button type="button" className="button small ghost" data-testid="suggestion-ignore" onClick={() => run(false)}>
          Ignore
        </button>
      </div>
    </div>
  );
}

// ---- Favors balance ---------------------------------------------------------------

function FavorBalance({ personId }: { personId: number }) {
  const query = useQuery('favors:list', { personId });
  const balance = query.data?.balances.find((b) => b.personId === personId);
  if (!balance) return null;
  const lean =
    balance.net > 0 ? 'You have helped them more.' : balance.net < 0 ? 'They have helped you more: a good moment to give back.' : 'Even.';
  return (
    <p className="favor-balance" data-testid="favor-balance" data-net={balance.net}>
      <span>
        You helped them <strong>{balance.given}×</strong>
      </span>
      <span>
        They helped you <strong>{balance.received}×</strong>
      </span>
      <span className="muted-text">{lean}</span>
    </p>
  );
}

// ---- Forms ----------------------------------------------------------------------------

function FavorForm({ personId, onDone }: { personId: number; onDone: () => void }) {
  const [direction, setDirection] = useState<FavorDirection>('received');
  const [kind, setKind] = useState<FavorKind>('advice');
  const [occurredOn, setOccurredOn] = useState(today());
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await mutate('favors:create', { personId, direction, kind, occurredOn, note: note.trim() });
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <form className="inline-form timeline-form" onSubmit={submit} data-testid="favor-form">
      <select className="select" value={direction} aria-label="Who helped whom" data-testid="favor-direction" onChange={(e) => setDirection(e.target.value as FavorDirection)}>
        <option value="received">They helped me</option>
        <option value="given">I helped them</option>
      </select>
      <select className="select" value={kind} aria-label="Kind of favor" data-testid="favor-kind" onChange={(e) => setKind(e.target.value as FavorKind)}>
        {FAVOR_KINDS.map((k) => (
          <option key={k} value={k}>
            {FAVOR_KIND_LABELS[k]}
          </option>
        ))}
      </select>
      <input className="input date-input" type="date" value={occurredOn} aria-label="When" onChange={(e) => setOccurredOn(e.target.value)} />
      <input className="input" placeholder="What was it?" value={note} aria-label="What was it" data-testid="favor-note" onChange={(e) => setNote(e.target.value)} />
      <button type="submit" className="button small primary" data-testid="favor-save">
        Record
      </button>
      <button type="button" className="button small" onClick={onDone}>
        Cancel
      </button>
      <InlineError message={error} />
    </form>
  );
}

// ---- Timeline ------------------------------------------------------------------------

function Timeline({ personId, onLog }: { personId: number; onLog: () => void }) {
  const query = useQuery('timeline:get', { personId });
  if (query.error && !query.data) return <ErrorNotice title="The timeline could not be loaded" message={query.error.message} />;
  if (!query.data) return null;
  if (query.data.items.length === 0) {
    return (
      <p className="muted-text" data-testid="timeline-empty">
        Nothing yet.{' '}
        <button type="button" className="link-button" onClick={onLog}>
          Log a conversation
        </button>{' '}
        to start their timeline.
      </p>
    );
  }
  return (
    <ol className="timeline" data-testid="timeline">
      {query.data.items.map((item) => (
        <TimelineRow key={timelineKey(item)} item={item} />
      ))}
    </ol>
  );
}

function timelineKey(item: TimelineItem): string {
  switch (item.type) {
    case 'entry':
      return `e${item.entry.id}`;
    case 'favor':
      return `f${item.favor.id}`;
    case 'reminder':
      return `r${item.reminder.id}`;
    case 'introduction':
      return `i${item.introduction.id}`;
  }
}

function TimelineRow({ item }: { item: TimelineItem }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  let body;
  switch (item.type) {
    case 'entry': {
      const e = item.entry;
      body = (
        <>
          <button type="button" className="timeline-entry-toggle" aria-expanded={open} data-testid="timeline-entry-toggle" onClick={() => setOpen(!open)}>
            <span className="timeline-title truncate">{e.title || INTERACTION_KIND_LABELS[e.kind]}</span>
            {!open && e.excerpt && <span className="timeline-excerpt truncate">{e.excerpt}</span>}
          </button>
          {open && <FullEntry id={e.id} />}
        </>
      );
      break;
    }
    case 'reminder': {
      const r = item.reminder;
      const state = r.doneAt ? 'done' : r.dismissedAt ? 'dismissed' : 'open';
      body = (
        <div className="timeline-line">
          <span className="timeline-title truncate">{r.title}</span>
          <span className="muted-text">
            {state === 'open' ? `due ${formatDay(r.snoozedUntil ?? r.dueOn)}` : state === 'done' ? 'done' : 'dismissed'}
          </span>
          {state === 'open' && (
            <button type="button" className="button small" data-testid="timeline-reminder-done" onClick={() => run(() => mutate('reminders:update', { id: r.id, patch: { done: true } }))}>
              Done
            </button>
          )}
        </div>
      );
      break;
    }
    case 'favor': {
      const f = item.favor;
      body = (
        <div className="timeline-line">
          <span className="timeline-title truncate">
            {f.direction === 'given' ? 'You helped them' : 'They helped you'}: {FAVOR_KIND_LABELS[f.kind].toLocaleLowerCase()}
            {f.note && ` — ${f.note}`}
          </span>
          {f.direction === 'received' &&
            (f.acknowledgedAt ? (
              <span className="muted-text">thanked</span>
            ) : (
              <button type="button" className="button small" data-testid="timeline-favor-thanked" onClick={() => run(() => mutate('favors:update', { id: f.id, patch: { acknowledged: true } }))}>
                Mark thanked
              </button>
            ))}
        </div>
      );
      break;
    }
    case 'introduction': {
      const i = item.introduction;
      const role = i.role === 'introducer' ? 'They introduce' : i.role === 'target' ? 'Introduction to them' : 'Introduction';
      body = (
        <div className="timeline-line">
          <span className="timeline-title truncate">
            {role}
            {i.notes && ` — ${i.notes}`}
          </span>
          <span className="pill muted">{i.status}</span>
        </div>
      );
      break;
    }
  }
  return (
    <li className={`timeline-item timeline-${item.type}`} data-testid="timeline-item" data-type={item.type}>
      <span className="timeline-date">{formatDay(item.date)}</span>
      <span className={`timeline-marker ${item.type === 'entry' ? `kind-dot kind-${item.entry.kind}` : `marker-${item.type}`}`} aria-hidden="true" />
      <div className="timeline-body">
        {body}
        <InlineError message={error} />
      </div>
    </li>
  );
}

function FullEntry({ id }: { id: number }) {
  const query = useQuery('journal:get', { id });
  if (query.error && !query.data) return <ErrorNotice title="This entry could not be shown" message={query.error.message} />;
  if (!query.data) return null;
  return <EntryView entry={query.data} />;
}
