// #/home, the landing page (issue 3): who is due or overdue, follow-ups,
// people to thank, dormant weak ties worth reviving and recent entries. Each
// item is done, snoozed a week or dismissed in one click (home:act), and each
// can be undone from the toast that says what happened (home:undo, issue 17);
// nothing changes without the user.
import { useState, type ReactNode } from 'react';
import type { HomeItemRef } from '../../../../shared/journal';
import { INTERACTION_KIND_LABELS } from '../../../../shared/vocabulary';
import { missingCase } from '../../../../shared/errors';
import { Avatar } from '../../components/Avatar';
import { EmptyState } from '../../components/EmptyState';
import { GettingStarted } from '../../components/GettingStarted';
import { ErrorNotice, InlineError } from '../../components/ErrorNotice';
import { StrengthBadge } from '../../components/StrengthBadge';
import { errorMessage, mutate } from '../../data/mutate';
import { useQuery } from '../../data/useQuery';
import { hrefFor } from '../../router';
import { describeSpan } from '../../../../shared/cadence';
import { daysFromToday, formatDay, relativeDays, userTimeZone } from '../journal/clock';
import { openEntryEditor, showToast } from '../journal/journalUi';
import '../../styles/journal.css';

const SNOOZE_DAYS = 7;

type HomeItemAction = 'done' | 'snooze' | 'dismiss';

/** What "Done" means for each kind of item, in the words of its button. */
const DONE_WORDS: Record<HomeItemRef['type'], string> = {
  cadence: 'as contacted',
  dormant: 'as reached out',
  thanks: 'as thanked',
  reminder: 'done',
};

/** The toast after an action: "Marked Ana Acosta as reached out", "Snoozed “Call Ben” until Sat, Feb 7". */
function actionWords(item: HomeItemRef, action: HomeItemAction, what: string, until: string | undefined): string {
  const name = item.type === 'reminder' ? `“${what}”` : what;
  switch (action) {
    case 'done':
      return `Marked ${name} ${DONE_WORDS[item.type]}`;
    case 'snooze':
      return `Snoozed ${name} until ${formatDay(until!)}`;
    case 'dismiss':
      return `Dismissed ${name}`;
    default:
      return missingCase(action);
  }
}

export function HomeView() {
  const timeZone = userTimeZone();
  const query = useQuery('home:get', { timeZone });
  // Anyone at all? A new user is guided in, not told they are "all caught up" (issue 17).
  const anyone = useQuery('people:list', { limit: 1 });
  const [error, setError] = useState<string | null>(null);

  if (query.error && !query.data) {
    return (
      <div className="page">
        <ErrorNotice title="Home could not be loaded" message={query.error.message} />
      </div>
    );
  }
  const home = query.data;
  if (!home) return <div className="page" aria-busy="true" data-testid="home-loading" />;

  // Issue 17: every action says what it did and can be taken back (home:undo),
  // since the row leaves at once and a misclick used to lose it.
  const act = async (item: HomeItemRef, action: HomeItemAction, what: string) => {
    setError(null);
    const until = action === 'snooze' ? daysFromToday(SNOOZE_DAYS) : undefined;
    try {
      const { undo } = await mutate('home:act', { item, action, timeZone, ...(until ? { until } : {}) });
      const message = actionWords(item, action, what, until);
      showToast(
        message,
        undo
          ? {
              label: 'Undo',
              run: async () => {
                await mutate('home:undo', undo);
              },
            }
          : undefined,
      );
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const nothing = home.due.length + home.followUps.length + home.thanks.length + home.dormant.length + (home.reviewImported ?? 0) === 0;

  return (
    <div className="page home-view" data-testid="home-view">
      <header className="view-title-row home-header">
        <h1 className="view-title">Home</h1>
        <span className="view-count">{formatDay(home.today)}</span>
        <div className="view-header-actions">
          <button type="button" className="button primary" data-testid="home-log-entry" onClick={() => openEntryEditor()}>
            Log an entry
          </button>
        </div>
      </header>
      <InlineError message={error} />
      {(home.reviewImported ?? 0) > 0 && <ReviewImportedCard count={home.reviewImported!} />}
      {nothing && anyone.data?.total === 0 && <GettingStarted testId="home-getting-started" />}
      {nothing && anyone.data !== undefined && anyone.data.total > 0 && (
        <EmptyState title="You are all caught up" testId="home-caught-up">
          Nobody is due, no follow-up is waiting. Set a keep-in-touch cadence on a person’s page to see them here when it is time.
        </EmptyState>
      )}

      <HomeSection title="Keep in touch" count={home.due.length} testId="home-due">
        {home.due.map((d) => (
          <HomeRow
            key={d.personId}
            testId="home-due-item"
            personId={d.personId}
            name={d.displayName}
            detail={
              <>
                <span className={`due-state due-${d.state}`}>
                  {d.state === 'overdue' ? `${d.daysOverdue} ${d.daysOverdue === 1 ? 'day' : 'days'} overdue` : d.state === 'due' ? 'due today' : `due ${relativeDays(-d.daysOverdue)}`}
                </span>
                <span>
                  {d.cadenceLabel}
                  {d.lastContactOn ? ` · last talked ${formatDay(d.lastContactOn)}` : ' · never logged'}
                </span>
              </>
            }
            actions={
              <>
                <button
                  type="button"
                  className="button small"
                  data-testid="home-log"
                  onClick={() => openEntryEditor({ participants: [{ id: d.personId, displayName: d.displayName }] })}
                >
                  Log…
                </button>
                <ItemActions onAct={(a) => act({ type: 'cadence', personId: d.personId }, a, d.displayName)} doneLabel="Contacted" />
              </>
            }
          />
        ))}
      </HomeSection>

      <HomeSection title="Follow-ups" count={home.followUps.length} testId="home-followups">
        {home.followUps.map((r) => (
          <HomeRow
            key={r.id}
            testId="home-followup-item"
            personId={r.personId}
            avatarName={r.personName ?? undefined}
            name={r.title}
            detail={
              <>
                <span className={`due-state ${(r.snoozedUntil ?? r.dueOn) < home.today ? 'due-overdue' : 'due-due'}`}>
                  due {formatDay(r.snoozedUntil ?? r.dueOn)}
                </span>
                {r.personName && <span>{r.personName}</span>}
              </>
            }
            actions={<ItemActions onAct={(a) => act({ type: 'reminder', id: r.id }, a, r.title)} doneLabel="Done" />}
          />
        ))}
      </HomeSection>

      <HomeSection title="Say thanks" count={home.thanks.length} testId="home-thanks">
        {home.thanks.map((t) => (
          <HomeRow
            key={t.personId}
            testId="home-thanks-item"
            personId={t.personId}
            name={t.displayName}
            detail={
              <span>
                helped you: {t.favors.map((f) => f.note || f.kind).join('; ')} · {formatDay(t.favors[0]!.occurredOn)}
              </span>
            }
            actions={<ItemActions onAct={(a) => act({ type: 'thanks', personId: t.personId }, a, t.displayName)} doneLabel="Thanked" />}
          />
        ))}
      </HomeSection>

      <HomeSection title="Worth reviving" count={home.dormant.length} testId="home-dormant">
        {home.dormant.map((d) => (
          <HomeRow
            key={d.personId}
            testId="home-dormant-item"
            personId={d.personId}
            name={d.displayName}
            badge={<StrengthBadge strength={d.strength} />}
            detail={
              // Issue 17: the main reason first and whole (it wrapped away as
              // "Bridges to 2 o…"), the silence once (it was said twice).
              <span className="dormant-detail" title={d.reasons.join(' · ')} data-testid="home-dormant-reason">
                {[
                  ...d.reasons.filter((r) => !SILENCE_REASON.test(r)),
                  d.daysSinceContact === null ? 'never logged' : `quiet for ${quietFor(d.daysSinceContact)}`,
                ].join(' · ')}
              </span>
            }
            actions={
              <>
                <button
                  type="button"
                  className="button small"
                  onClick={() => openEntryEditor({ participants: [{ id: d.personId, displayName: d.displayName }] })}
                >
                  Log…
                </button>
                <ItemActions onAct={(a) => act({ type: 'dormant', personId: d.personId }, a, d.displayName)} doneLabel="Reached out" />
              </>
            }
          />
        ))}
      </HomeSection>

      <HomeSection title="Recent entries" count={home.recent.length} testId="home-recent" link={{ href: '#/journal', label: 'Open the journal' }}>
        {home.recent.map((e) => (
          <li key={e.id}>
            <a className="home-recent" href={`#/journal?entry=${e.id}`} data-testid="home-recent-item">
              <span className="home-recent-date">{formatDay(e.occurredAt)}</span>
              <span className={`kind-dot kind-${e.kind}`} aria-hidden="true" />
              <span className="home-recent-title truncate">{e.title || INTERACTION_KIND_LABELS[e.kind]}</span>
              <span className="home-recent-people truncate">{e.participants.map((p) => p.displayName).join(', ')}</span>
            </a>
          </li>
        ))}
      </HomeSection>
    </div>
  );
}

function HomeSection({ title, count, testId, link, children }: { title: string; count: number; testId: string; link?: { href: string; label: string }; children: ReactNode }) {
  if (count === 0) return null;
  return (
    <section className="section home-section" data-testid={testId}>
      <div className="section-header">
        <h2 className="section-title">
          {title} <span className="section-count">{count}</span>
        </h2>
        {link && (
          <a className="section-link" href={link.href}>
            {link.label}
          </a>
        )}
      </div>
      <ul className="rows">{children}</ul>
    </section>
  );
}

/** The server's own silence reason ("No contact for 18 months", "No conversation logged yet"), said once by the row instead. */
const SILENCE_REASON = /^(No contact for |No conversation logged yet)/u;
const quietFor = (days: number) => describeSpan(daysFromToday(-days), daysFromToday(0));

/**
 * Fresh imports with no history (issue 17): one card instead of a "Worth
 * reviving" row each; "See the people" lists just them, to set how well you
 * know each and a cadence for the few that matter.
 */
function ReviewImportedCard({ count }: { count: number }) {
  return (
    <section className="home-section review-imported" data-testid="home-review-imported">
      <div className="review-imported-text">
        <h2 className="review-imported-title">
          Review {count} imported {count === 1 ? 'contact' : 'contacts'}
        </h2>
        <p className="muted-text">Set how well you know each one, and a keep-in-touch cadence for the few that matter. It takes a minute.</p>
      </div>
      <a className="button primary" href="#/people?review=imported" data-testid="home-review-imported-open">
        See the people
      </a>
    </section>
  );
}

function HomeRow({ personId, name, avatarName, detail, actions, badge, testId }: { personId: number | null; name: string; avatarName?: string; detail: ReactNode; actions: ReactNode; badge?: ReactNode; testId: string }) {
  return (
    <li className="home-row" data-testid={testId} data-person-id={personId ?? undefined}>
      {personId !== null ? <Avatar name={avatarName ?? name} id={personId} /> : <span className="avatar avatar-small home-row-icon" aria-hidden="true" />}
      <div className="home-row-text">
        <span className="home-row-title">
          {personId !== null ? (
            <a href={hrefFor.person(personId)} className="truncate" data-testid="home-item-name">
              {name}
            </a>
          ) : (
            <span className="truncate">{name}</span>
          )}
          {badge}
        </span>
        <span className="home-row-detail">{detail}</span>
      </div>
      <div className="home-row-actions">{actions}</div>
    </li>
  );
}

function ItemActions({ onAct, doneLabel }: { onAct: (action: HomeItemAction) => void; doneLabel: string }) {
  return (
    <>
      <button type="button" className="button small" data-testid="home-done" onClick={() => onAct('done')}>
        {doneLabel}
      </button>
      <button type="button" className="button small ghost" data-testid="home-snooze" title={`Hide for ${SNOOZE_DAYS} days`} onClick={() => onAct('snooze')}>
        Snooze
      </button>
      <button type="button" className="button small ghost" data-testid="home-dismiss" title="Not this time" onClick={() => onAct('dismiss')}>
        Dismiss
      </button>
    </>
  );
}
