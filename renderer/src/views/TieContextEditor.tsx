import { useState } from 'react';
import { InlineError } from '../components/ErrorNotice';
import { errorMessage, mutate } from '../data/mutate';

/** A tie's context ("worked together at Acme") shown as text, edited in place. */
export function TieContextEditor({ tieId, context, testId }: { tieId: number; context: string; testId: string }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(context);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    setError(null);
    try {
      await mutate('ties:update', { id: tieId, patch: { context: draft.trim() } });
      setEditing(false);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  if (!editing) {
    return (
      <button
        type="button"
        className={`tie-context-button truncate${context ? '' : ' placeholder'}`}
        title={context ? `${context} (click to edit)` : 'Add context'}
        data-testid={testId}
        onClick={() => {
          setDraft(context);
          setEditing(true);
        }}
      >
        {context || 'Add context…'}
      </button>
    );
  }
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <input
        className="input small"
        autoFocus
        value={draft}
        placeholder="Worked together at…, school, conference"
        aria-label="Tie context"
        data-testid={`${testId}-input`}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            setEditing(false);
          }
        }}
      />
      <button type="submit" className="button small primary" data-testid={`${testId}-save`}>
        Save
      </button>
      <button type="button" className="button small" onClick={() => setEditing(false)}>
        Cancel
      </button>
      <InlineError message={error} />
    </form>
  );
}
