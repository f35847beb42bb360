import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useQuery } from '../../data/useQuery';
import { hrefFor } from '../../router';
import { firstName } from '../introductions/introText';

/** My target organizations, each with its best route warmth; refetched whenever anything changes (global revision). */
export function TargetsPanel({ currentOrg }: { currentOrg: number | null }) {
  const query = useQuery('targets:list', {});
  const items = query.data?.items ?? [];
  return (
    <section className="targets-panel" data-testid="targets-panel" aria-labelledby="targets-title">
      <h2 className="section-title" id="targets-title">
        Targets <span className="section-count">{query.data ? items.length : ''}</span>
      </h2>
      {query.error && !query.data ? (
        <ErrorNotice title="Your targets could not be loaded" message={query.error.message} />
      ) : query.data && items.length === 0 ? (
        <EmptyState title="No targets yet" testId="targets-empty">
          <p>Mark the organizations you want to reach as targets, here or on their page, to keep their best route in view.</p>
        </EmptyState>
      ) : (
        <ul className="targets-list">
          {items.map((t) => (
            <li key={t.organization.id}>
              <a
                href={hrefFor.routes({ org: t.organization.id })}
                className={`target-row${currentOrg === t.organization.id ? ' active' : ''}`}
                aria-current={currentOrg === t.organization.id ? 'page' : undefined}
                data-testid="target-row"
                data-org-id={t.organization.id}
              >
                <span className="org-mark" aria-hidden="true">
                  {t.organization.name.trim().charAt(0).toUpperCase()}
                </span>
                <span className="target-row-text">
                  <span className="target-row-name truncate">{t.organization.name}</span>
                  <span className="target-row-detail truncate">
                    {t.best
                      ? `via ${firstName(t.best.via.name)}${t.best.hops > 1 ? ` · ${t.best.hops} hops` : ' · direct'}`
                      : t.status === 'noPeople'
                        ? 'Nobody known there yet'
                        : 'No route yet'}
                  </span>
                </span>
                <span className={`target-row-warmth${t.best ? '' : ' none'}`} data-testid="target-warmth">
                  {t.best ? `${t.best.warmthPercent}%` : '—'}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
