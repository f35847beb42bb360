// "Whose connections are these?" (issue 14): a Connections.csv is mine, or a
// contact's own list they shared with me. Theirs ties them (not me) to each
// connection, and people new to Kith come in as second-degree. The preview
// says what that means, recognises me in their list, and asks for an explicit
// confirmation when the list looks like someone else's imported before.
import { useState } from 'react';
import type { TheirConnectionsSummary } from '../../../../shared/importExport';
import { useApp } from '../../AppContext';
import { Combobox, type ComboOption } from '../../components/Combobox';
import { useDebounced } from '../../data/useDebounced';
import { useQuery } from '../../data/useQuery';
import { hrefFor } from '../../router';

export interface OwnerChoice {
  /** "Someone else's" is ticked (a person may not be picked yet). */
  someoneElse: boolean;
  owner: { id: number; name: string } | null;
  confirmOwner: boolean;
}

export const MINE: OwnerChoice = { someoneElse: false, owner: null, confirmOwner: false };

export function WhoseConnections({
  choice,
  theirs,
  disabled,
  onChange,
}: {
  choice: OwnerChoice;
  theirs: TheirConnectionsSummary | undefined;
  disabled: boolean;
  onChange: (choice: OwnerChoice) => void;
}) {
  const { info } = useApp();
  const [text, setText] = useState('');
  const debounced = useDebounced(text.trim(), 100);
  const results = useQuery('search:quick', { query: debounced, limit: 20 }, debounced !== '' && choice.someoneElse && !choice.owner);
  const options: ComboOption[] = (debounced ? (results.data ?? []) : [])
    .filter((r) => r.kind === 'person' && r.id !== info.me.id)
    .map((r) => ({ key: String(r.id), label: r.label, ...(r.detail ? { detail: r.detail } : {}) }));
  return (
    <fieldset className="import-owner" data-testid="import-owner" disabled={disabled}>
      <legend className="form-label">Whose connections are these?</legend>
      <label className="toggle">
        <input type="radio" name="import-owner" checked={!choice.someoneElse} onChange={() => onChange(MINE)} data-testid="import-owner-mine" />
        <span>Mine: each is tied to me</span>
      </label>
      <label className="toggle">
        <input
          type="radio"
          name="import-owner"
          checked={choice.someoneElse}
          onChange={() => onChange({ ...MINE, someoneElse: true })}
          data-testid="import-owner-someone"
        />
        <span>Someone else's: they shared their own Connections.csv with me</span>
      </label>
      {choice.someoneElse &&
        (choice.owner ? (
          <div className="picked">
            <span className="truncate" data-testid="import-owner-picked">
              {choice.owner.name}
            </span>
            <button type="button" className="link-button" onClick={() => onChange({ ...MINE, someoneElse: true })}>
              Change
            </button>
          </div>
        ) : (
          <Combobox
            label="Whose connections these are"
            value={text}
            onValueChange={setText}
            options={options}
            placeholder="Type their name…"
            testId="import-owner-input"
            onPick={(option) => {
              setText('');
              onChange({ someoneElse: true, owner: { id: Number(option.key), name: option.label }, confirmOwner: false });
            }}
          />
        ))}
      {choice.someoneElse && !choice.owner && <p className="field-hint">Pick the person in Kith whose list this is; add them first if they are not in Kith yet.</p>}
      {theirs && <TheirsSummary theirs={theirs} choice={choice} onChange={onChange} />}
    </fieldset>
  );
}

function TheirsSummary({ theirs, choice, onChange }: { theirs: TheirConnectionsSummary; choice: OwnerChoice; onChange: (choice: OwnerChoice) => void }) {
  const n = (count: number, one: string, many: string) => `${count.toLocaleString()} ${count === 1 ? one : many}`;
  return (
    <div className="import-owner-summary" data-testid="import-owner-summary">
      <p>
        <a href={hrefFor.person(theirs.personId)}>{theirs.name}</a> will be tied to {n(theirs.newTies, 'person', 'people')} of this list (strength 1,
        “from {theirs.name}'s connections”).{' '}
        {theirs.secondDegree > 0 &&
          `${n(theirs.secondDegree, 'person', 'people')} new to Kith ${theirs.secondDegree === 1 ? 'comes' : 'come'} in as second-degree: not tied to you, left out of Home and of the People list (its “Show” filter and search find them).`}
      </p>
      {theirs.me.length > 0 && (
        <p data-testid="import-owner-me">
          You are in this list ({theirs.me.map((m) => m.where).join(', ')}): you are not added again.{' '}
          {theirs.tieWithMe === 'added'
            ? `It shows you and ${theirs.name} are connected: a tie between you (strength 1) is added.`
            : theirs.tieWithMe === 'exists'
              ? `You and ${theirs.name} already have a tie.`
              : 'You were recognised by name only, so no tie is made from it.'}
        </p>
      )}
      {theirs.sameListAs.map((s) => (
        <div key={s.personId} className="import-owner-warning" role="alert" data-testid="import-owner-same-list">
          <p>
            This looks like <a href={hrefFor.person(s.personId)}>{s.name}</a>'s list, imported before: {s.people.toLocaleString()} of its {s.of.toLocaleString()}{' '}
            people are on it. Importing it as {theirs.name}'s would tie {theirs.name} to all of them too.
          </p>
          <label className="toggle">
            <input
              type="checkbox"
              checked={choice.confirmOwner}
              onChange={(event) => onChange({ ...choice, confirmOwner: event.target.checked })}
              data-testid="import-owner-confirm"
            />
            <span>
              Yes, these are {theirs.name}'s, not {s.name}'s
            </span>
          </label>
        </div>
      ))}
    </div>
  );
}
