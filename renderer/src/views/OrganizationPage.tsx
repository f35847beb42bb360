import { Fragment, useState } from 'react';
import type { OrganizationDetail, OrganizationMember } from '../../../shared/domain';
import { Avatar } from '../components/Avatar';
import { ErrorNotice, InlineError } from '../components/ErrorNotice';
import { StrengthBadge } from '../components/StrengthBadge';
import { errorMessage, mutate } from '../data/mutate';
import { useQuery } from '../data/useQuery';
import { hrefFor } from '../router';
import { OrganizationForm } from './OrganizationForm';
import { kindLabel } from '../orgKind';
import { TargetJob } from './routes/TargetJob';
import { TargetToggle } from './routes/TargetToggle';

export function OrganizationPage({ id }: { id: number }) {
  const query = useQuery('orgs:get', { id });
  if (query.error && !query.data) {
    return (
      <div className="page">
        <ErrorNotice title="This organization could not be shown" message={query.error.message} />
        <p>
          <a href={hrefFor.orgs()}>Back to Organizations</a>
        </p>
      </div>
    );
  }
  if (!query.data) return <div className="page" aria-busy="true" />;
  return <OrganizationPageBody detail={query.data} />;
}

function OrganizationPageBody({ detail }: { detail: OrganizationDetail }) {
  const { organization: org, members } = detail;
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const current = sortMembers(members.filter((m) => m.current));
  const former = sortMembers(members.filter((m) => !m.current));
  const known = members.filter((m) => m.current && m.myTieStrength !== null).length;

  const toggleArchive = async () => {
    setError(null);
    try {
      await mutate(org.archived ? 'orgs:restore' : 'orgs:archive', { id: org.id });
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <div className="page org-page" data-testid="org-page" data-org-id={org.id}>
      <a href={hrefFor.orgs()} className="back-link">
        ← Organizations
      </a>
      <header className="entity-header">
        <span className="org-mark large" aria-hidden="true">
          {org.name.trim().charAt(0).toUpperCase()}
        </span>
        <div className="entity-header-text">
          <h1 className="entity-title truncate" data-testid="org-name" title={org.name}>
            {org.name}
            {org.archived && <span className="pill muted">Archived</span>}
          </h1>
          {/* Wraps between its parts, never inside one ("24 / current"), and is never cut: at
              1024 px beside four buttons it read "Hospital · pineconehealth.example · 24 …" (review 31). */}
          <p className="entity-meta" data-testid="org-meta">
            {[kindLabel(org.kind), org.domain, `${current.length} current`, `${former.length} former`, `${known} known directly`]
              .filter(Boolean)
              .map((part, i) => (
                <Fragment key={i}>
                  {i > 0 && ' · '}
                  <span className="meta-part">{part}</span>
                </Fragment>
              ))}
          </p>
        </div>
        {!editing && (
          <div className="entity-actions">
            <TargetToggle organizationId={org.id} />
            <a className="button" href={hrefFor.routes({ org: org.id })} data-testid="org-find-routes">
              Find routes
            </a>
            <button type="button" className="button" onClick={() => setEditing(true)} data-testid="edit-org">
              Edit
            </button>
            <button type="button" className="button" onClick={toggleArchive} data-testid={org.archived ? 'restore-org' : 'archive-org'}>
              {org.archived ? 'Restore' : 'Archive'}
            </button>
          </div>
        )}
      </header>
      <InlineError message={error} />
      {!editing && <TargetJob organizationId={org.id} onlyForTarget />}
      {editing ? (
        <OrganizationForm organization={org} onDone={() => setEditing(false)} />
      ) : (
        org.notes && (
          <section className="section">
            <h2 className="section-title">Notes</h2>
            <p className="prose" data-testid="org-notes">
              {org.notes}
            </p>
          </section>
        )
      )}
      <MemberSection title="Works there now" members={current} testId="org-current" empty="No one you know works here now." />
      {former.length > 0 && <MemberSection title="Worked there" members={former} testId="org-former" />}
    </div>
  );
}

/** Hiring managers, then recruiters, then people I know best, then by name. */
function sortMembers(members: OrganizationMember[]): OrganizationMember[] {
  const rank = (m: OrganizationMember) => (m.isHiringManager ? 0 : m.isRecruiter ? 1 : 2);
  return [...members].sort(
    (a, b) => rank(a) - rank(b) || (b.myTieStrength ?? 0) - (a.myTieStrength ?? 0) || a.displayName.localeCompare(b.displayName),
  );
}

function MemberSection({ title, members, testId, empty }: { title: string; members: OrganizationMember[]; testId: string; empty?: string }) {
  return (
    <section className="section" data-testid={testId}>
      <div className="section-header">
        <h2 className="section-title">
          {title} <span className="section-count">{members.length}</span>
        </h2>
      </div>
      {members.length === 0 ? (
        <p className="muted-text">{empty}</p>
      ) : (
        <ul className="rows">
          {members.map((m) => (
            <li key={m.affiliationId} className="member-row" data-testid="member-row" data-person-id={m.personId}>
              <a href={hrefFor.person(m.personId)} className="member-link">
                <Avatar name={m.displayName} id={m.personId} />
                <span className="member-name truncate" data-testid="member-name">
                  {m.displayName}
                </span>
                <span className="member-title truncate">{m.title}</span>
                <span className="member-flags">
                  {m.isHiringManager && <span className="pill hiring">Hiring manager</span>}
                  {m.isRecruiter && <span className="pill recruiter">Recruiter</span>}
                  {m.isReferrer && <span className="pill referrer">Referrer</span>}
                  {m.archived && <span className="pill muted">Archived</span>}
                </span>
                <StrengthBadge strength={m.myTieStrength} />
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
