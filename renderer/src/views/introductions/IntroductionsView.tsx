import { useState } from 'react';
import { openEntryEditor, showToast } from '../journal/journalUi';
import { INTRODUCTION_STATUSES, type Introduction, type IntroductionStatus } from '../../../../shared/routes';
import { Avatar } from '../../components/Avatar';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice, InlineError } from '../../components/ErrorNotice';
import { errorMessage, mutate } from '../../data/mutate';
import { useQuery } from '../../data/useQuery';
import { hrefFor } from '../../router';
import { IntroductionMessage } from './IntroductionMessage';
import { NEXT_LABEL, NEXT_STATUS, STATUS_LABELS, firstName, formatDay } from './introText';
import '../../styles/routes.css';

/** Every introduction, grouped by where it stands: idea → asked → agreed → made → met, or declined. */
export function IntroductionsView() {
  const query = useQuery('introductions:list', {});
  // Introductions marked met here and now: their cards prompt to log the meeting and to say thanks (issue 17).
  const [justMet, setJustMet] = useState<ReadonlySet<number>>(new Set());
  const setMetPrompt = (id: number, shown: boolean) =>
    setJustMet((prev) => {
      const next = new Set(prev);
      if (shown) next.add(id);
      else next.delete(id);
      return next;
    });
  const items = query.data?.items ?? [];
  const byStatus = new Map<IntroductionStatus, Introduction[]>(INTRODUCTION_STATUSES.map((s) => [s, []]));
  for (const intro of items) byStatus.get(intro.status)!.push(intro);

  return (
    <div className="page wide-page intros-page" data-testid="introductions-view">
      <header className="routes-header">
        <div className="view-title-row">
          <h1 className="view-title">Introductions</h1>
          <span className="view-count">{query.data ? items.length.toLocaleString() : ''}</span>
        </div>
        <p className="muted-text">The introductions you asked for, from the idea to the meeting. Each move is dated.</p>
      </header>
      {query.error && !query.data ? (
        <ErrorNotice title="The introductions could not be loaded" message={query.error.message} />
      ) : query.data && items.length === 0 ? (
        <EmptyState title="No introductions yet" testId="introductions-empty">
          <p>
            Find a warm route to someone in <a href={hrefFor.routes()}>Routes</a>, then choose “Ask for this introduction”.
          </p>
        </EmptyState>
      ) : (
        <>
          <ol className="intro-pipeline" aria-label="Introductions by status" data-testid="intro-pipeline">
            {INTRODUCTION_STATUSES.map((s) => (
              <li key={s} className={`intro-stage stage-${s}${byStatus.get(s)!.length ? '' : ' empty'}`} data-status={s}>
                <span className="intro-stage-count">{byStatus.get(s)!.length}</span>
                <span className="intro-stage-label">{STATUS_LABELS[s]}</span>
              </li>
            ))}
          </ol>
          {INTRODUCTION_STATUSES.filter((s) => byStatus.get(s)!.length > 0).map((s) => (
            <section key={s} className="section intro-group" data-testid="intro-group" data-status={s}>
              <h2 className="section-title">
                <span className={`status-dot stage-${s}`} aria-hidden="true" />
                {STATUS_LABELS[s]} <span className="section-count">{byStatus.get(s)!.length}</span>
              </h2>
              <ul className="intro-list">
                {byStatus.get(s)!.map((intro) => (
                  <IntroductionCard key={intro.id} intro={intro} metPrompt={justMet.has(intro.id)} setMetPrompt={(shown) => setMetPrompt(intro.id, shown)} />
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </div>
  );
}

interface CardProps {
  intro: Introduction;
  /** Just marked met: offer to log the meeting and to say thanks. */
  metPrompt: boolean;
  setMetPrompt: (shown: boolean) => void;
}

function IntroductionCard({ intro, metPrompt, setMetPrompt }: CardProps) {
  const [showMessage, setShowMessage] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = NEXT_STATUS[intro.status];
  const canDecline = intro.status === 'asked' || intro.status === 'agreed';
  const target = intro.targetPerson;
  const introducer = intro.introducer;

  const move = async (status: IntroductionStatus) => {
    setError(null);
    setBusy(true);
    try {
      const moved = await mutate('introductions:setStatus', { id: intro.id, status });
      const eventId = moved.events[moved.events.length - 1]!.id;
      if (status === 'met') setMetPrompt(true);
      // Issue 17: every move can be taken back, exactly (introductions:undoMove).
      showToast(`Marked ${STATUS_LABELS[status].toLowerCase()}${target ? `: ${target.name}` : ''}.`, {
        label: 'Undo',
        run: async () => {
          await mutate('introductions:undoMove', { id: intro.id, eventId });
          setMetPrompt(false);
        },
      });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="intro-card" data-testid="intro-card" data-intro-id={intro.id} data-status={intro.status}>
      <div className="intro-card-main">
        <div className="intro-people">
          {introducer ? (
            <a href={hrefFor.person(introducer.id)} className="intro-person">
              <Avatar name={introducer.name} id={introducer.id} />
              <span className="truncate">{introducer.name}</span>
            </a>
          ) : (
            <span className="muted-text">Introducer deleted</span>
          )}
          <span className="intro-arrow" aria-label="introduces you to">
            →
          </span>
          {target ? (
            <a href={hrefFor.person(target.id)} className="intro-person" data-testid="intro-target">
              <Avatar name={target.name} id={target.id} />
              <span className="truncate" data-testid="intro-target-name">
                {target.name}
              </span>
            </a>
          ) : (
            <span className="muted-text">Person deleted</span>
          )}
          {intro.targetOrganization && (
            <a href={hrefFor.org(intro.targetOrganization.id)} className="intro-org truncate">
              at {intro.targetOrganization.name}
            </a>
          )}
        </div>
        <ol className="intro-events" aria-label="History" data-testid="intro-events">
          {intro.events.map((e) => (
            <li key={e.id} className="intro-event" data-status={e.status}>
              <span className={`status-dot stage-${e.status}`} aria-hidden="true" />
              <span className="intro-event-status">{STATUS_LABELS[e.status]}</span> <span className="intro-event-date">{formatDay(e.at)}</span>
              {e.note && <span className="intro-event-note"> — {e.note}</span>}
            </li>
          ))}
        </ol>
      </div>
      <div className="intro-card-actions">
        {next && (
          <button type="button" className="button primary small" disabled={busy} onClick={() => void move(next)} data-testid="intro-next">
            {NEXT_LABEL[next]}
          </button>
        )}
        {canDecline && (
          <button type="button" className="button small" disabled={busy} onClick={() => void move('declined')} data-testid="intro-decline">
            Declined
          </button>
        )}
        <button
          type="button"
          className="button ghost small"
          aria-expanded={showMessage}
          onClick={() => setShowMessage((v) => !v)}
          data-testid="intro-toggle-message"
        >
          {showMessage ? 'Hide message' : 'Message'}
        </button>
        {intro.route.length > 0 && (
          <a className="button ghost small" href={`#/graph?route=${intro.route.join(',')}`} data-testid="intro-show-in-graph">
            Show in graph
          </a>
        )}
      </div>
      {metPrompt && intro.status === 'met' && target && <MetPrompt intro={intro} target={target} onDone={() => setMetPrompt(false)} />}
      {(intro.status === 'made' || intro.status === 'met') && target && <NewTieOffer intro={intro} personId={target.id} personName={target.name} />}
      {showMessage && (
        <div className="intro-card-message">
          <IntroductionMessage intro={intro} />
        </div>
      )}
      <InlineError message={error} />
    </li>
  );
}

/** Once an introduction is made: the new tie (strength 1, source "introduced"), offered in one click. */
function NewTieOffer({ intro, personId, personName }: { intro: Introduction; personId: number; personName: string }) {
  const person = useQuery('people:get', { id: personId });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!person.data) return null;
  const tie = person.data.myTie;
  const name = firstName(personName);
  if (tie) {
    return (
      <p className="intro-tie done" data-testid="intro-tie-done">
        You and {name} are tied{tie.source === 'introduced' ? ' since this introduction' : ''} (strength {tie.strength}).{' '}
        <a href={hrefFor.person(personId)}>Open {name}’s page</a>
      </p>
    );
  }
  const add = async () => {
    setError(null);
    setBusy(true);
    try {
      await mutate('introductions:addTie', { id: intro.id });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="intro-tie" data-testid="intro-tie-offer">
      <span>
        {intro.introducer ? firstName(intro.introducer.name) : 'Someone'} introduced you to {name}. Add {name} to your network as a new tie
        (strength 1, “introduced”)?
      </span>
      <button type="button" className="button small primary" disabled={busy} onClick={() => void add()} data-testid="intro-add-tie">
        Add the new tie
      </button>
      <InlineError message={error} />
    </div>
  );
}

/**
 * Right after "Mark met" (issue 17): log the meeting while it is fresh, and
 * thank the introducer; each opens the entry editor, ready to save.
 */
function MetPrompt({ intro, target, onDone }: { intro: Introduction; target: { id: number; name: string }; onDone: () => void }) {
  const name = firstName(target.name);
  const introducer = intro.introducer;
  return (
    <div className="intro-met-prompt" role="group" aria-label="After the meeting" data-testid="intro-met-prompt">
      <span className="intro-met-text">
        You met {name}. Log the meeting while you remember it{introducer ? `, and thank ${firstName(introducer.name)} for the introduction` : ''}.
      </span>
      <span className="intro-met-actions">
        <button
          type="button"
          className="button small primary"
          data-testid="intro-log-meeting"
          onClick={() =>
            openEntryEditor({
              participants: [{ id: target.id, displayName: target.name }],
              draft: { kind: 'meeting', title: `Met ${target.name}${introducer ? ` (introduced by ${introducer.name})` : ''}` },
              onSaved: onDone,
            })
          }
        >
          Log the meeting
        </button>
        {introducer && (
          <button
            type="button"
            className="button small"
            data-testid="intro-say-thanks"
            onClick={() =>
              openEntryEditor({
                participants: [{ id: introducer.id, displayName: introducer.name }],
                draft: { kind: 'message', title: `Thanked ${firstName(introducer.name)} for the introduction to ${target.name}` },
              })
            }
          >
            Thank {firstName(introducer.name)}
          </button>
        )}
        <button type="button" className="button ghost small" data-testid="intro-met-dismiss" onClick={onDone}>
          Not now
        </button>
      </span>
    </div>
  );
}
