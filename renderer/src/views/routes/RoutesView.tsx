import { useState, type ReactNode } from 'react';
import { byPersonLine, ROUTE_GOALS, ROUTE_LIMITS, type Introduction, type Route, type RouteGoal, type RoutesQuery, type RoutesResult } from '../../../../shared/routes';
import type { RouteCardPerson } from '../../../../shared/targets';
import { Avatar } from '../../components/Avatar';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice, InlineError } from '../../components/ErrorNotice';
import { Modal } from '../../components/Modal';
import { errorMessage, mutate } from '../../data/mutate';
import { useQuery } from '../../data/useQuery';
import { useStickyState } from '../../data/useStickyState';
import { hrefFor, navigate } from '../../router';
import { IntroductionMessage } from '../introductions/IntroductionMessage';
import { LikelyTiesQueue } from '../LikelyTiesSection';
import { firstName } from '../introductions/introText';
import { RouteCard } from './RouteCard';
import { TargetPicker } from './TargetPicker';
import { TargetJob } from './TargetJob';
import { TargetsPanel } from './TargetsPanel';
import { TargetToggle } from './TargetToggle';
import { WarmthExplainer } from './WarmthExplainer';
import '../../styles/routes.css';

export interface Props {
  org: number | null;
  person: number | null;
  hops: number | null;
}

/** #/routes: pick an organization or a person, see the warmest introduction routes, ask for one. */
export function RoutesView({ org, person, hops }: Props) {
  const hasTarget = org !== null || person !== null;
  return (
    <div className="page wide-page routes-page" data-testid="routes-view">
      <header className="routes-header">
        <div className="view-title-row">
          <h1 className="view-title">Routes</h1>
        </div>
        <p className="muted-text">The warmest ways from you to an organization or a person, through the people you know.</p>
        <TargetPicker hops={hops} autoFocus={!hasTarget} />
      </header>
      <div className="routes-layout">
        <div className="routes-main">
          {hasTarget ? (
            <RoutesForTarget key={`${org}-${person}`} org={org} person={person} hops={hops} />
          ) : (
            <EmptyState title="Where do you want to go?" testId="routes-start">
              <p>
                Type an organization you would like to work at, or a person you would like to meet. Kith ranks the routes through your network by
                warmth and explains every hop.
              </p>
            </EmptyState>
          )}
        </div>
        <aside className="routes-side">
          <TargetsPanel currentOrg={org} />
          <LikelyTiesQueue />
          <WarmthExplainer />
        </aside>
      </div>
    </div>
  );
}

/** How the goal picker names each goal (issue 12). */
const GOAL_LABELS: Record<RouteGoal, string> = {
  hiring_manager: 'Hiring manager',
  recruiter: 'Recruiter',
  hiring_manager_or_recruiter: 'Hiring manager or recruiter',
  anyone: 'Anyone there',
};

const GOAL_PHRASES: Record<RouteGoal, string> = {
  hiring_manager: 'a hiring manager',
  recruiter: 'a recruiter',
  hiring_manager_or_recruiter: 'a hiring manager or recruiter',
  anyone: 'someone who works there now',
};

function RoutesForTarget({ org, person, hops }: Props) {
  // An old link may carry a hop limit above today's maximum (issue 12): use the default then.
  const maxHops = hops !== null && hops >= 1 && hops <= ROUTE_LIMITS.maxHops ? hops : undefined;
  const [goal, setGoal] = useState<RouteGoal | undefined>(undefined);
  // Issue 15: likely ties are on by default; the choice holds while the app runs.
  const [likelyTies, setLikelyTies] = useStickyState('routes.likelyTies', true);
  const input = org !== null ? { organizationId: org, maxHops, goal, likelyTies } : { personId: person!, maxHops, likelyTies };
  const query = useQuery('targets:routes', input);
  const intros = useQuery('introductions:list', {});
  const [asking, setAsking] = useState(false);
  const [askError, setAskError] = useState<string | null>(null);
  const [draft, setDraft] = useState<Introduction | null>(null);
  const [byPerson, setByPerson] = useState(false);

  if (query.error && !query.data) {
    return <ErrorNotice title="Routes could not be found" message={query.error.message} />;
  }
  if (!query.data) return <div className="routes-loading" aria-busy="true" />;
  const { result, people: peopleList, isTarget } = query.data;
  const people = new Map<number, RouteCardPerson>(peopleList.map((p) => [p.id, p]));
  const open = (intros.data?.items ?? []).filter((i) => i.status !== 'declined' && i.status !== 'met');
  const existingFor = (route: Route) => open.find((i) => i.route.join(',') === route.personIds.join(','));

  const ask = async (route: Route) => {
    setAskError(null);
    setAsking(true);
    try {
      const intro = await mutate('introductions:create', {
        route: route.personIds,
        targetOrganizationId: result.target.kind === 'organization' ? result.target.id : null,
      });
      setDraft(intro);
    } catch (e) {
      setAskError(errorMessage(e));
    } finally {
      setAsking(false);
    }
  };

  const setHops = (n: number) => navigate(hrefFor.routes(org !== null ? { org, hops: n } : { person: person!, hops: n }));

  return (
    <div className="routes-result" data-testid="routes-result" data-kind={result.kind} aria-busy={query.loading}>
      <TargetHeader result={result} isTarget={isTarget} onHops={setHops} onGoal={setGoal} people={people} likelyTies={likelyTies} onLikelyTies={setLikelyTies} />
      {result.target.kind === 'organization' && <TargetJob organizationId={result.target.id} />}
      <p className="routes-message" data-testid="routes-message">
        {result.message}
      </p>
      <InlineError message={askError} />
      {result.kind === 'noRoute' && (
        <div className="routes-callout" data-testid="routes-none">
          <strong>No route within {result.maxHops} hops.</strong>
          <div className="routes-callout-actions">
            {result.maxHops < ROUTE_LIMITS.maxHops && (
              <button
                type="button"
                className="button"
                onClick={() => setHops(Math.min(ROUTE_LIMITS.maxHops, result.maxHops + 2))}
                data-testid="allow-more-hops"
              >
                Allow {Math.min(ROUTE_LIMITS.maxHops, result.maxHops + 2)} hops
              </button>
            )}
            <a className="button ghost" href={result.target.kind === 'organization' ? hrefFor.org(result.target.id) : hrefFor.person(result.target.id)}>
              Open {result.target.kind === 'organization' ? result.target.name : firstName(result.target.name)} to add who they know
            </a>
          </div>
        </div>
      )}
      {result.kind === 'noPeople' && (
        <div className="routes-callout" data-testid="routes-nobody">
          <strong>Nobody to route to at {result.target.name}.</strong>
          <div className="routes-callout-actions">
            <a className="button" href={hrefFor.org(result.target.id)}>
              Open {result.target.name}
            </a>
          </div>
        </div>
      )}
      {result.kind === 'noGoalPerson' && (
        <div className="routes-callout" data-testid="routes-no-goal">
          <strong>Nobody Kith knows there is {GOAL_PHRASES[result.goal ?? 'anyone']}.</strong>
          <span>{result.alternatives.length > 0 ? 'The nearest alternatives:' : 'Nobody else there is within reach either.'}</span>
        </div>
      )}
      {result.kind === 'noGoalPerson' && result.alternatives.length > 0 && (
        <ol className="route-list" aria-label="Nearest alternatives">
          {result.alternatives.map((alt) => (
            <li key={alt.label} data-testid="route-alternative">
              <RouteCard label={alt.label} route={alt.route} target={result.target} people={people} existing={existingFor(alt.route)} onAsk={(r) => void ask(r)} asking={asking} />
            </li>
          ))}
        </ol>
      )}
      {result.kind === 'direct' && (
        <div className="routes-callout direct" data-testid="routes-direct">
          <strong>You know {result.target.name} directly.</strong>
          <span>Reaching out yourself is the simplest way; the warmest routes are below if an introduction would help.</span>
          <div className="routes-callout-actions">
            <a className="button" href={hrefFor.person(result.target.id)}>
              Open {firstName(result.target.name)}’s page
            </a>
          </div>
        </div>
      )}
      {result.kind === 'found' && result.target.kind === 'organization' && (
        <div className="route-view-switch" role="group" aria-label="Show routes">
          <button type="button" className="button small ghost" aria-pressed={!byPerson} onClick={() => setByPerson(false)} data-testid="routes-by-contact">
            By your contact
          </button>
          <button type="button" className="button small ghost" aria-pressed={byPerson} onClick={() => setByPerson(true)} data-testid="routes-by-person">
            By person to reach
          </button>
        </div>
      )}
      {result.kind === 'found' && byPerson && result.target.kind === 'organization' ? (
        <ByPersonList
          input={input}
          card={(route, label) => <RouteCard route={route} label={label} target={result.target} people={people} existing={existingFor(route)} onAsk={(r) => void ask(r)} asking={asking} />}
        />
      ) : (
        (result.kind === 'found' || result.kind === 'direct') && (
          <ol className="route-list" aria-label="Routes, warmest first: one through each of your contacts">
            {result.routes.map((route) => (
              <li key={route.personIds.join(',')}>
                <RouteCard route={route} target={result.target} people={people} existing={existingFor(route)} onAsk={(r) => void ask(r)} asking={asking}>
                  {route.hops.length > 1 && (
                    <OtherWays
                      input={input}
                      through={route.hops[0]!.to}
                      card={(other, extra) => (
                        <RouteCard
                          route={other}
                          label={`via ${firstName(other.hops[other.hops.length - 1]!.from.name)}`}
                          target={result.target}
                          people={new Map([...people, ...extra])}
                          existing={existingFor(other)}
                          onAsk={(r) => void ask(r)}
                          asking={asking}
                        />
                      )}
                    />
                  )}
                </RouteCard>
              </li>
            ))}
          </ol>
        )
      )}
      {draft && <DraftDialog intro={draft} onClose={() => setDraft(null)} />}
    </div>
  );
}

/**
 * "Other ways through Arjun" (issue 12): asked for only when opened; each
 * other route ends with a different final introducer.
 */
function OtherWays({
  input,
  through,
  card,
}: {
  input: RoutesQuery;
  through: { id: number; name: string };
  card: (route: Route, people: ReadonlyMap<number, RouteCardPerson>) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const who = firstName(through.name);
  return (
    <div className="route-others" data-testid="route-others">
      <button type="button" className="button small ghost" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="route-expand">
        {open ? `Hide other ways through ${who}` : `Other ways through ${who}`}
      </button>
      {open && <OtherWaysList input={input} throughId={through.id} card={card} />}
    </div>
  );
}

function OtherWaysList({
  input,
  throughId,
  card,
}: {
  input: RoutesQuery;
  throughId: number;
  card: (route: Route, people: ReadonlyMap<number, RouteCardPerson>) => ReactNode;
}) {
  const query = useQuery('targets:routesThrough', { ...input, throughId });
  if (query.error && !query.data) return <InlineError message={query.error.message} />;
  if (!query.data) return <div className="routes-loading small" aria-busy="true" />;
  const { result, people } = query.data;
  const extra = new Map<number, RouteCardPerson>(people.map((p) => [p.id, p]));
  return (
    <>
      <p className="muted-text route-others-message" data-testid="route-others-message">
        {result.message}
      </p>
      {result.others.length > 0 && (
        <ol className="route-list nested" aria-label={`Other ways through ${result.through.name}`}>
          {result.others.map((route) => (
            <li key={route.personIds.join(',')} data-testid="route-other">
              {card(route, extra)}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/** Each person who meets the goal, with the best way to them (issue 12). */
function ByPersonList({ input, card }: { input: RoutesQuery; card: (route: Route, label: string) => ReactNode }) {
  const query = useQuery('targets:routesByPerson', input);
  if (query.error && !query.data) return <InlineError message={query.error.message} />;
  if (!query.data) return <div className="routes-loading" aria-busy="true" />;
  const { result } = query.data;
  return (
    <div className="routes-by-person" data-testid="routes-by-person-list">
      <p className="muted-text">{result.message}</p>
      <ol className="route-list">
        {result.items.map((item) => (
          <li key={item.person.id}>
            <details className="route-person" data-testid="route-person" data-person-id={item.person.id}>
              <summary className="route-person-line">{byPersonLine(item)}</summary>
              {/* The by-contact list's "#n" means nothing here: the card is the best way to this person. */}
              {card(item.route, `Best way to ${firstName(item.person.name)}`)}
            </details>
          </li>
        ))}
      </ol>
    </div>
  );
}

function TargetHeader({
  result,
  isTarget,
  onHops,
  onGoal,
  people,
  likelyTies,
  onLikelyTies,
}: {
  result: RoutesResult;
  isTarget: boolean | null;
  onHops: (n: number) => void;
  onGoal: (goal: RouteGoal) => void;
  people: ReadonlyMap<number, RouteCardPerson>;
  likelyTies: boolean;
  onLikelyTies: (on: boolean) => void;
}) {
  const t = result.target;
  // A person's role, when Kith knows it (issue 17, the route-card defects owned by issue 12).
  const known = t.kind === 'person' ? people.get(t.id) : undefined;
  const role = known ? [known.title, known.organization].filter(Boolean).join(' · ') : '';
  return (
    <div className="routes-target" data-testid="routes-target" data-target-kind={t.kind} data-target-id={t.id}>
      {t.kind === 'organization' ? (
        <span className="org-mark large" aria-hidden="true">
          {t.name.trim().charAt(0).toUpperCase()}
        </span>
      ) : (
        <Avatar name={t.name} id={t.id} size="large" />
      )}
      <div className="routes-target-text">
        <h2 className="routes-target-name truncate" data-testid="routes-target-name">
          <a href={t.kind === 'organization' ? hrefFor.org(t.id) : hrefFor.person(t.id)}>{t.name}</a>
        </h2>
        <span className="muted-text truncate" data-testid="routes-target-role">
          {t.kind === 'organization' ? 'Organization' : role || 'Person'}
        </span>
      </div>
      <div className="routes-target-actions">
        {t.kind === 'organization' && result.goal !== null && (
          <label className="toolbar-field">
            <span>Reach</span>
            <select className="select route-goal-select" value={result.goal} onChange={(e) => onGoal(e.target.value as RouteGoal)} data-testid="route-goal">
              {ROUTE_GOALS.map((g) => (
                <option key={g} value={g}>
                  {GOAL_LABELS[g]}
                  {g === result.goal && result.goalFallback ? ' (fallback)' : ''}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="toolbar-field">
          <span>At most</span>
          <select className="select" value={result.maxHops} onChange={(e) => onHops(Number(e.target.value))} data-testid="max-hops">
            {Array.from({ length: ROUTE_LIMITS.maxHops }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n === 1 ? '1 hop' : `${n} hops`}
              </option>
            ))}
          </select>
        </label>
        <label className="toolbar-field" title="Use ties Kith guesses from shared organizations, schools and entries, at half warmth, marked in the route">
          <input type="checkbox" checked={likelyTies} onChange={(e) => onLikelyTies(e.target.checked)} data-testid="routes-likely-ties" />
          <span>Likely ties</span>
        </label>
        {t.kind === 'organization' && <TargetToggle organizationId={t.id} isTarget={isTarget} />}
      </div>
    </div>
  );
}

/** Right after "Ask for this introduction": the drafted request, editable, to copy and send yourself. */
function DraftDialog({ intro, onClose }: { intro: Introduction; onClose: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState(intro.status);
  const who = intro.introducer ? firstName(intro.introducer.name) : 'the introducer';
  const markAsked = async () => {
    setError(null);
    try {
      const updated = await mutate('introductions:setStatus', { id: intro.id, status: 'asked' });
      setStatus(updated.status);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Modal title={`Ask ${who} for an introduction`} onClose={onClose} className="intro-dialog" testId="intro-dialog">
      <div className="dialog-form">
        <h2 className="dialog-title" data-testid="intro-dialog-title">
          {/* Past one go-between, the introducer does not introduce me to the person at the end: the
              drafted request asks for the next person on the way (review 31: the title said otherwise). */}
          {intro.route.length > 3 ? `Ask ${who} to help you reach` : `Ask ${who} to introduce you to`} {intro.targetPerson?.name ?? 'them'}
        </h2>
        <p className="muted-text">
          Saved in <a href={hrefFor.introductions()}>Introductions</a> as an idea. Edit the message, copy it, and send it to {who} the way you usually
          talk.
        </p>
        <IntroductionMessage intro={intro} autoFocus />
        <InlineError message={error} />
        <div className="form-actions">
          {status === 'idea' ? (
            <button type="button" className="button" onClick={() => void markAsked()} data-testid="intro-mark-asked">
              I sent it: mark as asked
            </button>
          ) : (
            <span className="pill accent" data-testid="intro-asked">
              Marked as asked
            </span>
          )}
          <a className="button ghost" href={hrefFor.introductions()} onClick={onClose}>
            Open Introductions
          </a>
          <button type="button" className="button ghost" onClick={onClose} data-testid="intro-dialog-close">
            Close
          </button>
        </div>
      </div>
    </Modal>
  );
}
