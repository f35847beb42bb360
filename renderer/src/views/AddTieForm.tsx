import { useState } from 'react';
import type { Person, TieView } from '../../../shared/domain';
import { Combobox, type ComboOption } from '../components/Combobox';
import { InlineError } from '../components/ErrorNotice';
import { StrengthPicker } from '../components/StrengthPicker';
import { useDebounced } from '../data/useDebounced';
import { errorMessage, mutate } from '../data/mutate';
import { useQuery } from '../data/useQuery';

/** "Add a tie": pick another person as you type, give a strength, optionally a context. */
export function AddTieForm({ person, existing, meId, onDone }: { person: Person; existing: TieView[]; meId: number; onDone: () => void }) {
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<{ id: number; name: string } | null>(null);
  const [strength, setStrength] = useState<number | null>(null);
  const [context, setContext] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const debounced = useDebounced(text.trim(), 100);
  const results = useQuery('search:quick', { query: debounced, limit: 20 }, debounced !== '' && !picked);
  const tiedIds = new Set(existing.map((t) => t.otherId));
  const options: ComboOption[] = (debounced ? (results.data ?? []) : [])
    .filter((r) => r.kind === 'person' && r.id !== person.id)
    .map((r) => ({
      key: String(r.id),
      label: r.id === meId ? `${r.label} (you)` : r.label,
      detail: tiedIds.has(r.id) ? 'already tied' : r.detail,
    }));

  const submit = async () => {
    setError(null);
    if (!picked) return setError('Pick a person from the suggestions.');
    if (strength === null) return setError('Pick a strength from 1 to 5.');
    setSaving(true);
    try {
      await mutate('ties:create', { personA: person.id, personB: picked.id, strength, context: context.trim() || undefined });
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="add-form"
      data-testid="add-tie-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onDone();
        }
      }}
    >
      <div className="add-form-row">
        <label className="form-field grow">
          <span className="form-label">Person</span>
          {picked ? (
            <div className="picked">
              <span className="truncate" data-testid="tie-picked">
                {picked.name}
              </span>
              <button type="button" className="link-button" onClick={() => setPicked(null)}>
                Change
              </button>
            </div>
          ) : (
            <Combobox
              label="Person to tie with"
              value={text}
              onValueChange={setText}
              options={options}
              autoFocus
              placeholder="Type a name…"
              testId="tie-person-input"
              onPick={(option) => {
                setPicked({ id: Number(option.key), name: option.label });
                setText('');
              }}
            />
          )}
        </label>
        <div className="form-field">
          <span className="form-label">Strength</span>
          <StrengthPicker value={strength} onChange={setStrength} label="Strength of the new tie" testId="new-tie-strength" />
        </div>
      </div>
      <label className="form-field">
        <span className="form-label">Context</span>
        <input className="input" value={context} placeholder="Worked together at…, school, conference" data-testid="tie-context-new" onChange={(event) => setContext(event.target.value)} />
      </label>
      <InlineError message={error} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={saving} data-testid="save-tie">
          Add tie
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
