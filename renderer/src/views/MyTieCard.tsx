import { useState } from 'react';
import type { PersonDetail } from '../../../shared/domain';
import { TIE_STRENGTH_LABELS } from '../../../shared/vocabulary';
import { InlineError } from '../components/ErrorNotice';
import { StrengthPicker } from '../components/StrengthPicker';
import { errorMessage, mutate } from '../data/mutate';
import { TieContextEditor } from './TieContextEditor';

/** On someone else's page: my tie with them, front and centre, set in one click. */
export function MyTieCard({ detail, meId }: { detail: PersonDetail; meId: number }) {
  const { person, myTie } = detail;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const setStrength = async (strength: number) => {
    setError(null);
    setBusy(true);
    try {
      if (myTie) await mutate('ties:update', { id: myTie.id, patch: { strength } });
      else await mutate('ties:create', { personA: meId, personB: person.id, strength });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={`my-tie-card${myTie ? '' : ' absent'}`} data-testid="my-tie" data-strength={myTie?.strength ?? ''}>
      <div className="my-tie-text">
        <h2 className="my-tie-title">Your tie with {firstName(person.displayName)}</h2>
        <p className="my-tie-meaning" data-testid="my-tie-meaning">
          {myTie ? `${myTie.strength} · ${TIE_STRENGTH_LABELS[myTie.strength]}` : 'No tie yet. Pick how well you know them.'}
        </p>
      </div>
      <StrengthPicker value={myTie?.strength ?? null} onChange={setStrength} disabled={busy} size="large" label={`Your tie strength with ${person.displayName}`} testId="my-tie-strength" />
      {myTie && (
        <div className="my-tie-context">
          <TieContextEditor tieId={myTie.id} context={myTie.context} testId="my-tie-context" />
        </div>
      )}
      <InlineError message={error} />
    </section>
  );
}

function firstName(name: string): string {
  return name.trim().split(/\s+/u)[0] ?? name;
}
