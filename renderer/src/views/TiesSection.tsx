import { useState } from 'react';
import type { PersonDetail, TieView } from '../../../shared/domain';
import { Avatar } from '../components/Avatar';
import { InlineError } from '../components/ErrorNotice';
import { StrengthPicker } from '../components/StrengthPicker';
import { errorMessage, mutate } from '../data/mutate';
import { hrefFor } from '../router';
import { AddTieForm } from './AddTieForm';
import { TieContextEditor } from './TieContextEditor';

/** Who this person knows, and how well: strength in one click, context in place. */
export function TiesSection({ detail, meId }: { detail: PersonDetail; meId: number }) {
  const { person, ties } = detail;
  const [adding, setAdding] = useState(false);
  // My own tie is shown in its own card on someone else's page.
  const others = person.isMe ? ties : ties.filter((t) => !t.otherIsMe);
  const sorted = [...others].sort((a, b) => b.strength - a.strength || a.otherName.localeCompare(b.otherName));

  return (
    <section className="section" data-testid="ties">
      <div className="section-header">
        <h2 className="section-title">
          {person.isMe ? 'People I know' : 'Knows'} <span className="section-count">{sorted.length}</span>
        </h2>
        {!adding && (
          <button type="button" className="button small" onClick={() => setAdding(true)} data-testid="add-tie">
            Add a tie
          </button>
        )}
      </div>
      {adding && <AddTieForm person={person} existing={ties} meId={meId} onDone={() => setAdding(false)} />}
      {sorted.length === 0 && !adding ? (
        <p className="muted-text">
          {person.isMe ? 'You have not recorded anyone you know yet.' : `No ties recorded for ${person.displayName} yet. Who else do they know?`}
        </p>
      ) : (
        <ul className="rows">
          {sorted.map((tie) => (
            <TieRow key={tie.id} tie={tie} ownerName={person.displayName} />
          ))}
        </ul>
      )}
    </section>
  );
}

function TieRow({ tie, ownerName }: { tie: TieView; ownerName: string }) {
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <li className="tie-row" data-testid="tie-row" data-other-id={tie.otherId} data-strength={tie.strength}>
      <a href={hrefFor.person(tie.otherId)} className="tie-person">
        <Avatar name={tie.otherName} id={tie.otherId} />
        <span className="tie-person-text">
          <span className="tie-name truncate" data-testid="tie-name">
            {tie.otherName}
            {tie.otherIsMe && ' (you)'}
          </span>
          <span className="tie-org truncate">
            {tie.otherOrganizationName ?? ''}
            {tie.fromListOf && (
              <span className="muted-text" data-testid="tie-from-list">
                {tie.otherOrganizationName ? ' · ' : ''}from {tie.fromListOf.name}'s connections
              </span>
            )}
          </span>
        </span>
      </a>
      <div className="tie-context">
        <TieContextEditor tieId={tie.id} context={tie.context} testId="tie-context" />
      </div>
      <StrengthPicker
        value={tie.strength}
        label={`Tie strength between ${ownerName} and ${tie.otherName}`}
        onChange={(strength) => run(() => mutate('ties:update', { id: tie.id, patch: { strength } }))}
      />
      <button
        type="button"
        className="icon-button"
        aria-label={`Remove the tie with ${tie.otherName}`}
        title="Remove this tie"
        data-testid="remove-tie"
        onClick={() => {
          if (window.confirm(`Remove the tie between ${ownerName} and ${tie.otherName}?`)) void run(() => mutate('ties:delete', { id: tie.id }));
        }}
      >
        ×
      </button>
      {error && (
        <div className="row-error">
          <InlineError message={error} />
        </div>
      )}
    </li>
  );
}
