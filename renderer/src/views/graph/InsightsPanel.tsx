// Weak-tie insights beside the graph (issue 5): each item focuses the graph.
import { describeSpan } from '../../../../shared/cadence';
import type { GraphInsights } from '../../../../shared/graph';
import { daysFromToday } from '../journal/clock';
import { InlineError } from '../../components/ErrorNotice';
import { StrengthBadge } from '../../components/StrengthBadge';

interface Props {
  insights: GraphInsights | undefined;
  error: string | null;
  onPerson(id: number): void;
  /** Issue 16: a bridge opens on the person and the communities they join. */
  onBridge(id: number, communityIds: number[]): void;
  /** Issue 16: with the way in (me, …, one of its people), highlighted with its weak ties marked. */
  onOrganization(id: number, path: number[]): void;
  onCommunity(id: number, memberIds: number[]): void;
}

/** "5 months quiet", "2 years quiet": by the calendar (shared/cadence.ts describeSpan), as everywhere. */
function quiet(days: number): string {
  return `${describeSpan(daysFromToday(-days), daysFromToday(0))} quiet`;
}

export function InsightsPanel({ insights, error, onPerson, onBridge, onOrganization, onCommunity }: Props) {
  if (error) return <InlineError message={error} />;
  if (!insights) return <p className="graph-muted">Finding bridges and communities…</p>;
  return (
    <div className="graph-insights" data-testid="graph-insights">
      <section>
        <h2 className="graph-insights-title">Bridges</h2>
        <p className="graph-muted">People who connect otherwise separate parts of your network.</p>
        {insights.bridges.length === 0 && <p className="graph-muted">No one bridges yet.</p>}
        {insights.betweennessSampled && (
          <p className="graph-muted" data-testid="insight-bridges-estimated">
            Estimated for now: the exact ranking of {insights.bridges.length ? 'these' : 'your'} bridges is being worked out.
          </p>
        )}
        {/* Ranked by betweenness, and the rank shows (issue 16). */}
        <ol className="graph-list">
          {insights.bridges.map((b, i) => (
            <li key={b.id}>
              <button type="button" onClick={() => onBridge(b.id, b.communityIds)} data-testid="insight-bridge" title={`On ${(b.betweenness * 100).toFixed(1)}% of the shortest paths between others`}>
                <span className="graph-list-rank" data-testid="insight-bridge-rank">
                  {i + 1}
                </span>
                <span className="truncate">{b.name}</span>
                <span className="graph-list-meta">{b.communities} groups</span>
              </button>
            </li>
          ))}
        </ol>
      </section>
      <section>
        <h2 className="graph-insights-title">Reached only through weak ties</h2>
        {insights.weakOnlyOrganizations.length === 0 && <p className="graph-muted">None: a strong tie leads everywhere you can reach.</p>}
        <ul className="graph-list">
          {insights.weakOnlyOrganizations.map((o) => (
            <li key={o.id}>
              <button type="button" onClick={() => onOrganization(o.id, o.path)} data-testid="insight-weak-org">
                <span className="truncate">{o.name}</span>
                <span className="graph-list-meta truncate">{o.via ? `via ${o.via.name}` : ''}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h2 className="graph-insights-title">Communities</h2>
        <p className="graph-muted">Found by Louvain (modularity {insights.modularity.toFixed(2)}).</p>
        <ul className="graph-list">
          {insights.communities.map((c) => (
            <li key={c.id}>
              <button type="button" onClick={() => onCommunity(c.id, c.memberIds)} data-testid="insight-community">
                <span className="truncate">{c.label}</span>
                <span className="graph-list-meta">{c.size}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h2 className="graph-insights-title">Dormant weak ties worth reviving</h2>
        {insights.dormantWeakTies.length === 0 && <p className="graph-muted">None gone quiet for over a year.</p>}
        <ul className="graph-list">
          {insights.dormantWeakTies.map((t) => (
            <li key={t.id}>
              <button type="button" onClick={() => onPerson(t.id)} data-testid="insight-dormant">
                <span className="truncate">{t.name}</span>
                <StrengthBadge strength={t.strength} />
                <span className="graph-list-meta">{quiet(t.quietDays)}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
