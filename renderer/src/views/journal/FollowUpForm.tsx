// A follow-up ("send her the article by Friday"): from a person's page, or
// from a journal entry, where it stays linked to the entry it came from.
import { useState, type FormEvent } from 'react';
import { InlineError } from '../../components/ErrorNotice';
import { errorMessage, mutate } from '../../data/mutate';
import { daysFromToday } from './clock';

export interface FollowUpFormProps {
  /** Who it is about: fixed on a person's page, chosen among the participants on an entry. */
  people: readonly { id: number; displayName: string }[];
  interactionId?: number;
  onDone: () => void;
}

export function FollowUpForm({ people, interactionId, onDone }: FollowUpFormProps) {
  const [title, setTitle] = useState('');
  // A week out is the usual promise ("by next week"); the date is one click to change.
  const [dueOn, setDueOn] = useState(daysFromToday(7));
  const [personId, setPersonId] = useState<number | null>(people[0]?.id ?? null);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!title.trim()) return setError('Say what to follow up on.');
    try {
      await mutate('reminders:create', { title: title.trim(), dueOn, personId, interactionId: interactionId ?? null });
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <form className="inline-form timeline-form" onSubmit={submit} data-testid="followup-form">
      <input
        className="input"
        autoFocus
        placeholder="Send them the article about…"
        value={title}
        aria-label="Follow-up"
        data-testid="followup-title"
        onChange={(e) => setTitle(e.target.value)}
      />
      {people.length > 1 && (
        <select
          className="select"
          value={personId ?? ''}
          aria-label="With whom"
          data-testid="followup-person"
          onChange={(e) => setPersonId(Number(e.target.value))}
        >
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.displayName}
            </option>
          ))}
        </select>
      )}
      <input
        className="input date-input"
        type="date"
        value={dueOn}
        aria-label="Due on"
        data-testid="followup-due"
        onChange={(e) => setDueOn(e.target.value)}
      />
      <button type="submit" className="button small primary" data-testid="followup-save">
        Add
      </button>
      <button type="button" className="button small" onClick={onDone}>
        Cancel
      </button>
      <InlineError message={error} />
    </form>
  );
}
