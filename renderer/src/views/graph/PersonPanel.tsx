// The side panel of a clicked person: summary and actions (issue 5).
import type { GraphData, GraphNode } from '../../../../shared/graph';
import { Avatar } from '../../components/Avatar';
import { StrengthBadge } from '../../components/StrengthBadge';
import { hrefFor, navigate } from '../../router';
import { graphHref } from './params';

export function PersonPanel({ node, data, orgName, onClose }: { node: GraphNode; data: GraphData; orgName: string | null; onClose: () => void }) {
  const ties = data.edges.filter((e) => e.source === node.id || e.target === node.id);
  const mine = ties.find((e) => e.source === data.meId || e.target === data.meId);
  const weak = ties.filter((e) => e.strength <= 2).length;
  return (
    <div className="graph-panel" data-testid="graph-person-panel">
      <div className="graph-panel-head">
        <Avatar name={node.name} id={node.id} />
        <div className="graph-panel-title">
          <strong className="truncate">{node.name}</strong>
          {node.headline && <span className="truncate">{node.headline}</span>}
          {orgName && <span className="truncate">{orgName}</span>}
        </div>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close" data-testid="graph-panel-close">
          ×
        </button>
      </div>
      <dl className="graph-facts">
        {!node.isMe && (
          <>
            <dt>Tie with me</dt>
            <dd>{mine ? <StrengthBadge strength={mine.strength} /> : 'None shown'}</dd>
          </>
        )}
        <dt>Ties shown</dt>
        <dd>
          {ties.length} ({weak} weak)
        </dd>
        <dt>Bridging</dt>
        <dd title="Betweenness: the share of the shortest paths between two other people in your network that pass through them" data-testid="graph-panel-bridging">
          on {(node.betweenness * 100).toFixed(1)}% of the shortest paths between others
        </dd>
        {node.tags.length > 0 && (
          <>
            <dt>Tags</dt>
            <dd className="tag-list">
              {node.tags.map((t) => (
                <span key={t} className="tag">
                  {t}
                </span>
              ))}
            </dd>
          </>
        )}
      </dl>
      <div className="graph-actions">
        <a className="button primary small" href={hrefFor.person(node.id)} data-testid="graph-open-person">
          Open
        </a>
        {!node.isMe && (
          <a className="button small" href={hrefFor.person(node.id)} data-testid="graph-log-entry">
            Log an entry
          </a>
        )}
        {node.orgId !== null && !node.isMe && (
          <a className="button small" href={`#/routes?org=${node.orgId}`} data-testid="graph-find-routes">
            Find routes to {orgName ?? 'their organization'}
          </a>
        )}
        <button type="button" className="button small" onClick={() => navigate(graphHref({ mode: { kind: 'ego', personId: node.id, hops: 2 } }))} data-testid="graph-centre">
          Centre the ego view here
        </button>
      </div>
    </div>
  );
}
