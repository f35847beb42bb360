import { useState } from 'react';
import type { PersonDetail } from '../../../shared/domain';
import { useApp } from '../AppContext';
import { Avatar } from '../components/Avatar';
import { ErrorNotice, InlineError } from '../components/ErrorNotice';
import { errorMessage, mutate } from '../data/mutate';
import { useQuery } from '../data/useQuery';
import { hrefFor } from '../router';
import { AffiliationsSection } from './AffiliationsSection';
import { MyTieCard } from './MyTieCard';
import { PersonProfile } from './PersonProfile';
import { PersonProfileForm } from './PersonProfileForm';
import { LikelyTiesSection } from './LikelyTiesSection';
import { TiesSection } from './TiesSection';
import { PersonKeepInTouch, PersonTimeline } from './journal/PersonJournal';

export function PersonPage({ id }: { id: number }) {
  const query = useQuery('people:get', { id });
  if (query.error && !query.data) {
    return (
      <div className="page">
        <ErrorNotice title="This person could not be shown" message={query.error.message} />
        <p>
          <a href={hrefFor.people()}>Back to People</a>
        </p>
      </div>
    );
  }
  if (!query.data) return <div className="page" aria-busy="true" />;
  return <PersonPageBody detail={query.data} />;
}

function PersonPageBody({ detail }: { detail: PersonDetail }) {
  const { info } = useApp();
  const { person, affiliations } = detail;
  const [editing, setEditing] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const current = affiliations.filter((a) => a.current);
  const role = current[0] ? [current[0].title, current[0].organizationName].filter(Boolean).join(' at ') : '';

  const toggleArchive = async () => {
    setActionError(null);
    try {
      await mutate(person.archived ? 'people:restore' : 'people:archive', { id: person.id });
    } catch (error) {
      setActionError(errorMessage(error));
    }
  };

  return (
    <div className="page person-page" data-testid="person-page" data-person-id={person.id}>
      <a href={hrefFor.people()} className="back-link">
        ← People
      </a>
      <header className="entity-header">
        <Avatar name={person.displayName} id={person.id} size="large" />
        <div className="entity-header-text">
          <h1 className="entity-title truncate" data-testid="person-name" title={person.displayName}>
            {person.displayName}
            {person.isMe && <span className="pill accent">You</span>}
            {person.archived && (
              <span className="pill muted" data-testid="archived-pill">
                Archived
              </span>
            )}
            {person.secondDegree && (
              <span className="pill muted" data-testid="second-degree-pill" title="Known through a contact's connections: not tied to you. A tie with you or a journal entry makes them someone you know.">
                2nd degree
              </span>
            )}
          </h1>
          {person.headline && (
            <p className="entity-subtitle truncate" data-testid="person-headline">
              {person.headline}
            </p>
          )}
          <p className="entity-meta truncate">
            {/* The headline often already says the current role: do not repeat it. */}
            {[person.headline.includes(role) ? '' : role, person.location].filter(Boolean).join(' · ')}
          </p>
        </div>
        {!editing && (
          <div className="entity-actions">
            {!person.isMe && !person.archived && (
              <a className="button" href={hrefFor.routes({ person: person.id })} data-testid="person-find-routes">
                Find routes
              </a>
            )}
            <button type="button" className="button" onClick={() => setEditing(true)} data-testid="edit-person">
              Edit
            </button>
            {!person.isMe && (
              <button type="button" className="button" onClick={toggleArchive} data-testid={person.archived ? 'restore-person' : 'archive-person'}>
                {person.archived ? 'Restore' : 'Archive'}
              </button>
            )}
          </div>
        )}
      </header>
      <InlineError message={actionError} />
      {!person.isMe && <MyTieCard detail={detail} meId={info.me.id} />}
      {!person.isMe && <PersonKeepInTouch person={person} />}
      {editing ? (
        <PersonProfileForm person={person} onDone={() => setEditing(false)} />
      ) : (
        <PersonProfile person={person} onEdit={() => setEditing(true)} />
      )}
      <AffiliationsSection personId={person.id} affiliations={affiliations} />
      <TiesSection detail={detail} meId={info.me.id} />
      {!person.isMe && !person.archived && <LikelyTiesSection person={person} />}
      {!person.isMe && <PersonTimeline person={person} />}
    </div>
  );
}
