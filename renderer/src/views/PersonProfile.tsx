import type { ReactNode } from 'react';
import type { LabeledValue, Person } from '../../../shared/domain';

/** The read view of a profile: only what is filled in, and a nudge when nothing is. */
export function PersonProfile({ person, onEdit }: { person: Person; onEdit: () => void }) {
  const rows: { label: string; testId: string; content: ReactNode }[] = [];
  const nameParts = [person.givenName, person.familyName].filter(Boolean).join(' ');
  if (nameParts && nameParts !== person.displayName) {
    rows.push({ label: 'Name', testId: 'profile-name-parts', content: nameParts });
  }
  if (person.location) rows.push({ label: 'Location', testId: 'profile-location', content: person.location });
  if (person.emails.length) rows.push({ label: 'Email', testId: 'profile-emails', content: <ValueList values={person.emails} /> });
  if (person.phones.length) rows.push({ label: 'Phone', testId: 'profile-phones', content: <ValueList values={person.phones} /> });
  if (person.links.length) rows.push({ label: 'Links', testId: 'profile-links', content: <ValueList values={person.links} /> });
  if (person.howWeMet) rows.push({ label: 'How we met', testId: 'profile-how-we-met', content: <p className="prose">{person.howWeMet}</p> });
  if (person.notes) rows.push({ label: 'Notes', testId: 'profile-notes', content: <p className="prose">{person.notes}</p> });
  if (person.tags.length) {
    rows.push({
      label: 'Tags',
      testId: 'profile-tags',
      content: (
        <span className="tag-list">
          {person.tags.map((t) => (
            <span key={t} className="tag" data-testid="tag">
              {t}
            </span>
          ))}
        </span>
      ),
    });
  }

  return (
    <section className="section" data-testid="profile">
      <div className="section-header">
        <h2 className="section-title">Profile</h2>
      </div>
      {rows.length === 0 ? (
        <p className="muted-text">
          Nothing here yet.{' '}
          <button type="button" className="link-button" onClick={onEdit}>
            Add how you met, contact details or notes
          </button>
        </p>
      ) : (
        <dl className="fields">
          {rows.map((row) => (
            <div className="field-row" key={row.label}>
              <dt>{row.label}</dt>
              <dd data-testid={row.testId}>{row.content}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

function ValueList({ values }: { values: LabeledValue[] }) {
  return (
    <ul className="value-list">
      {values.map((v, i) => (
        <li key={`${v.value}-${i}`}>
          <span className="selectable truncate">{v.value}</span>
          {v.label && <span className="value-label">{v.label}</span>}
        </li>
      ))}
    </ul>
  );
}
