import { useState } from 'react';
import type { Affiliation } from '../../../shared/domain';
import { InlineError } from '../components/ErrorNotice';
import { errorMessage, mutate } from '../data/mutate';
import { hrefFor } from '../router';
import { AffiliationForm } from './AffiliationForm';

/** Where this person works or worked: current first, then the most recent. */
export function AffiliationsSection({ personId, affiliations }: { personId: number; affiliations: Affiliation[] }) {
  const [adding, setAdding] = useState(false);
  const [editingId, setEditingId] = useState<number | null>(null);
  const sorted = [...affiliations].sort(
    (a, b) => Number(b.current) - Number(a.current) || (b.startDate ?? '').localeCompare(a.startDate ?? '') || b.id - a.id,
  );

  return (
    <section className="section" data-testid="affiliations">
      <div className="section-header">
        <h2 className="section-title">
          Work <span className="section-count">{affiliations.length}</span>
        </h2>
        {!adding && (
          <button type="button" className="button small" onClick={() => setAdding(true)} data-testid="add-affiliation">
            Add
          </button>
        )}
      </div>
      {adding && <AffiliationForm personId={personId} onDone={() => setAdding(false)} />}
      {sorted.length === 0 && !adding ? (
        <p className="muted-text">No organizations yet. Where do they work, or where did they?</p>
      ) : (
        <ul className="rows">
          {sorted.map((a) =>
            editingId === a.id ? (
              <li key={a.id} className="row-editing">
                <AffiliationForm personId={personId} affiliation={a} onDone={() => setEditingId(null)} />
              </li>
            ) : (
              <AffiliationRow key={a.id} affiliation={a} onEdit={() => setEditingId(a.id)} />
            ),
          )}
        </ul>
      )}
    </section>
  );
}

export function formatSpan(start: string | null, end: string | null, current: boolean): string {
  if (!start && !end) return current ? 'Current' : '';
  return `${start ?? '?'} – ${current ? 'present' : (end ?? '?')}`;
}

function AffiliationRow({ affiliation: a, onEdit }: { affiliation: Affiliation; onEdit: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    if (!window.confirm(`Remove ${a.organizationName} from this person's work history?`)) return;
    setError(null);
    try {
      await mutate('affiliations:delete', { id: a.id });
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <li className={`affiliation-row${a.current ? '' : ' former'}`} data-testid="affiliation-row" data-affiliation-id={a.id}>
      <div className="affiliation-main">
        <span className="affiliation-title truncate">
          <span data-testid="affiliation-title">{a.title || 'No title'}</span>
          <span className="muted-text"> at </span>
          <a href={hrefFor.org(a.organizationId)} data-testid="affiliation-org">
            {a.organizationName}
          </a>
        </span>
        <span className="affiliation-meta">
          <span data-testid="affiliation-span">{formatSpan(a.startDate, a.endDate, a.current)}</span>
          {!a.current && <span className="pill muted">Former</span>}
          {a.isHiringManager && <span className="pill hiring">Hiring manager</span>}
          {a.isRecruiter && <span className="pill recruiter">Recruiter</span>}
          {a.isReferrer && <span className="pill referrer">Referrer</span>}
        </span>
      </div>
      <div className="row-actions">
        <button type="button" className="button small ghost" onClick={onEdit} data-testid="edit-affiliation">
          Edit
        </button>
        <button type="button" className="button small ghost" onClick={remove} data-testid="delete-affiliation">
          Delete
        </button>
      </div>
      {error && (
        <div className="row-error">
          <InlineError message={error} />
        </div>
      )}
    </li>
  );
}
