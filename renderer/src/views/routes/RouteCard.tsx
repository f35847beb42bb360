import type { ReactNode } from 'react';
import type { Introduction, Route, RouteTarget } from '../../../../shared/routes';
import type { RouteCardPerson } from '../../../../shared/targets';
import { Avatar } from '../../components/Avatar';
import { StrengthBadge } from '../../components/StrengthBadge';
import { hrefFor } from '../../router';
import { FIT_LABELS, STATUS_LABELS, firstName, percent } from '../introductions/introText';

interface Props {
  route: Route;
  target: RouteTarget;
  people: ReadonlyMap<number, RouteCardPerson>;
  /** An open introduction already recorded for exactly this route. */
  existing: Introduction | undefined;
  onAsk: (route: Route) => void;
  asking: boolean;
  /** Shown instead of the rank: a labelled alternative when nobody meets the goal (issue 12). */
  label?: string;
  /** At the foot of the card: "Other ways through Arjun" (issue 12). */
  children?: ReactNode;
}

/** What the last person is to the goal, in words: "Dalia is a hiring manager at Acme Labs". */
function fitSentence(route: Route, target: RouteTarget): string {
  const last = route.hops[route.hops.length - 1]!.to;
  const who = firstName(last.name);
  const at = target.name;
  switch (route.fit) {
    case 'target_person':
      return `${who} is the person you chose`;
    case 'hiring_manager':
      return `${who} is a hiring manager at ${at}`;
    case 'recruiter':
      return `${who} is a recruiter at ${at}`;
    case 'referrer':
      return `${who} works at ${at} and refers people`;
    case 'employee':
      return `${who} works at ${at}`;
    case 'former_employee':
      return `${who} used to work at ${at}`;
  }
}

/** One ranked route: the chain of people, the reason for each hop, the warmth and how it was computed. */
export function RouteCard({ route, target, people, existing, onAsk, asking, label, children }: Props) {
  const chain = route.personIds.map((id, i) => {
    const known = people.get(id);
    const name = known?.name ?? (i === 0 ? route.hops[0]!.from.name : route.hops[i - 1]!.to.name);
    return { id, name, isMe: known?.isMe ?? i === 0, title: known?.title ?? '', organization: known?.organization ?? '' };
  });
  const direct = route.hops.length === 1;
  const last = chain[chain.length - 1]!;
  const warmthLevel = route.warmthPercent >= 40 ? 'warm' : route.warmthPercent >= 15 ? 'mild' : 'cool';

  return (
    <article
      className="route-card"
      data-testid="route-card"
      data-rank={route.rank ?? ''}
      data-person-ids={route.personIds.join(',')}
      aria-label={`Route ${label ?? route.rank ?? ''}: ${percent(route.warmth)} warm, through ${chain.slice(1).map((p) => p.name).join(', ')}`}
    >
      <header className="route-card-head">
        <span className="route-rank">{label ?? (route.rank === null ? 'Direct' : `#${route.rank}`)}</span>
        <span className={`route-warmth ${warmthLevel}`} data-testid="route-warmth" title="Route warmth: the product of its hops, times the fit of the last person">
          {route.warmthPercent}%
        </span>
        <span className="warmth-meter" aria-hidden="true">
          <span className={`warmth-meter-fill ${warmthLevel}`} style={{ width: `${Math.max(2, route.warmthPercent)}%` }} />
        </span>
        <span className={`pill fit fit-${route.fit}`} data-testid="route-fit">
          {FIT_LABELS[route.fit]}
        </span>
        <span className="route-hops muted-text">{route.hops.length === 1 ? '1 hop' : `${route.hops.length} hops`}</span>
        <span className="route-card-actions">
          <a className="button small ghost" href={`#/graph?route=${route.personIds.join(',')}`} data-testid="route-show-in-graph">
            Show in graph
          </a>
          {direct ? (
            <a className="button small" href={hrefFor.person(last.id)} data-testid="route-reach-out">
              Reach out yourself
            </a>
          ) : existing ? (
            <a className="button small" href={hrefFor.introductions()} data-testid="route-existing-intro" title="An introduction for this route is already recorded">
              Introduction: {STATUS_LABELS[existing.status].toLowerCase()}
            </a>
          ) : (
            <button type="button" className="button small primary" disabled={asking} onClick={() => onAsk(route)} data-testid="ask-intro">
              Ask for this introduction
            </button>
          )}
        </span>
      </header>

      {/* Each tie travels with the person after it, so a wrapped chain never ends a line on a dangling "— 3 —" (issue 17, item owned by issue 12). */}
      <ol className="route-chain" aria-label="Chain of people">
        {chain.map((p, i) => (
          <li key={p.id} className="chain-step">
            {i > 0 && (
              <ChainLink hop={route.hops[i - 1]!} />
            )}
            <span className={`chain-person${p.isMe ? ' me' : ''}${i === chain.length - 1 ? ' last' : ''}`} data-testid="chain-person" data-person-id={p.id}>
              <Avatar name={p.name} id={p.id} />
              <span className="chain-person-text">
                {p.isMe ? (
                  <span className="chain-name">You</span>
                ) : (
                  <a className="chain-name truncate" href={hrefFor.person(p.id)} title={p.name}>
                    {p.name}
                  </a>
                )}
                {/* The role as well as the organization: a route to a person showed no role (issue 17). */}
                <span className="chain-org truncate" data-testid="chain-role" title={[p.title, p.organization].filter(Boolean).join(', ')}>
                  {p.isMe ? '' : [p.title, p.organization].filter(Boolean).join(' · ') || '\u00a0'}
                </span>
              </span>
            </span>
          </li>
        ))}
      </ol>

      <ol className="route-reasons" data-testid="route-reasons">
        {route.hops.map((hop, i) => (
          <li key={`${hop.from.id}-${hop.to.id}`} className={`route-reason${hop.likely ? ' likely-hop' : ''}`} data-testid="route-reason" data-likely={hop.likely ? 'true' : undefined}>
            <span className="route-reason-step">{i + 1}</span>
            <span className="route-reason-text">{hop.reason}</span>
            <span className="route-reason-warmth" title={hop.quietFactor < 1 ? 'Base warmth for the strength, lowered because the tie has gone quiet' : 'Base warmth for the strength'}>
              {percent(hop.warmth)}
              {hop.quietFactor < 1 && <span className="quiet-note"> (quiet ×{hop.quietFactor.toFixed(2)})</span>}
            </span>
          </li>
        ))}
        {route.fit !== 'target_person' && (
          <li className="route-reason fit-reason">
            <span className="route-reason-step" aria-hidden="true">
              ✓
            </span>
            <span className="route-reason-text">{fitSentence(route, target)}</span>
            <span className="route-reason-warmth" title="How well the last person fits the goal">
              fit ×{route.fitFactor.toFixed(2)}
            </span>
          </li>
        )}
      </ol>
      <p className="route-math" data-testid="route-math">
        {route.hops.map((h) => percent(h.warmth)).join(' × ')}
        {route.fit !== 'target_person' && ` × fit ${route.fitFactor.toFixed(2)}`} = <strong>{route.warmthPercent}%</strong>
      </p>
      {children}
    </article>
  );
}

/**
 * The tie between two people of the chain. A likely tie (issue 15) is not a
 * tie anyone recorded: drawn dotted, with "?" after its suggested strength, and
 * said so to a screen reader and on hover.
 */
function ChainLink({ hop }: { hop: Route['hops'][number] }) {
  const label = hop.likely ? `likely tie, not confirmed: suggested strength ${hop.strength}` : `tie strength ${hop.strength}`;
  return (
    <span className={`chain-link s${hop.strength}${hop.likely ? ' likely' : ''}`} aria-label={label} title={hop.likely ? `Likely tie, not confirmed (${hop.likely.evidence.join('; ')})` : undefined} data-testid="chain-link" data-likely={hop.likely ? 'true' : undefined}>
      <span className="chain-line" aria-hidden="true" />
      <StrengthBadge strength={hop.strength} />
      {hop.likely && (
        <span className="chain-likely-mark" aria-hidden="true">
          ?
        </span>
      )}
      <span className="chain-line" aria-hidden="true" />
    </span>
  );
}
