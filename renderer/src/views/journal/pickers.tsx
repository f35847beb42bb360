// Typeahead pickers for the journal: a person (with "create on the spot") and
// an organization. Both reuse the app's Combobox.
import { useState } from 'react';
import { NOT_BY_NAME, nameKey, nameMatchRank } from '../../../../shared/text';
import { Combobox } from '../../components/Combobox';
import { useDebounced } from '../../data/useDebounced';
import { useQuery } from '../../data/useQuery';

export interface PickedPerson {
  /** null for a person to be created when the entry is saved. */
  id: number | null;
  displayName: string;
}

interface PersonPickerProps {
  onPick: (person: PickedPerson) => void;
  exclude?: readonly number[];
  /** Offer "Add “name” as a new person" for a name nobody has. */
  allowCreate?: boolean;
  label: string;
  placeholder?: string;
  testId: string;
}

export function PersonPicker({ onPick, exclude = [], allowCreate = false, label, placeholder, testId }: PersonPickerProps) {
  const [text, setText] = useState('');
  const debounced = useDebounced(text.trim(), 80);
  const results = useQuery('people:list', { search: debounced, limit: 12, bestMatchFirst: true }, debounced !== '');
  // Issue 17: the list shown is ranked against what is typed now, so Enter
  // picks the best visible name. While the answer for the latest keystrokes is
  // on its way, rows that no longer match by name are hidden rather than
  // offered (they matched an older, shorter text).
  const typed = text.trim();
  const fresh = debounced === typed;
  const people = debounced
    ? (results.data?.items ?? [])
        .filter((p) => !p.isMe && !exclude.includes(p.id))
        .map((p, order) => ({ p, order, rank: nameMatchRank(typed, p.displayName) }))
        .filter((r) => fresh || r.rank < NOT_BY_NAME)
        .sort((a, b) => a.rank - b.rank || a.order - b.order)
        .map((r) => r.p)
        .slice(0, 8)
    : [];
  const exact = people.some((p) => nameKey(p.displayName) === nameKey(text));
  return (
    <Combobox
      label={label}
      value={text}
      onValueChange={setText}
      placeholder={placeholder ?? 'Type a name…'}
      testId={testId}
      options={people.map((p) => ({ key: String(p.id), label: p.displayName, detail: p.organizationName ?? p.headline }))}
      onPick={(option) => {
        onPick({ id: Number(option.key), displayName: option.label });
        setText('');
      }}
      createLabel={allowCreate && text.trim() && !exact ? `Add “${text.trim()}” as a new person` : null}
      onCreate={() => {
        onPick({ id: null, displayName: text.trim() });
        setText('');
      }}
    />
  );
}

interface OrgPickerProps {
  value: { id: number; name: string } | null;
  onChange: (org: { id: number; name: string } | null) => void;
  testId: string;
  label?: string;
}

/** Pick an existing organization, or clear the choice. */
export function OrganizationPicker({ value, onChange, testId, label = 'Organization' }: OrgPickerProps) {
  const [text, setText] = useState('');
  const debounced = useDebounced(text.trim(), 80);
  const results = useQuery('orgs:list', { search: debounced, sort: 'people' }, debounced !== '');
  const orgs = debounced ? (results.data?.items ?? []).slice(0, 8) : [];
  if (value) {
    return (
      <div className="picked-chip-row">
        <span className="chip" data-testid={`${testId}-picked`}>
          <span className="truncate">{value.name}</span>
          <button type="button" className="chip-remove" aria-label={`Clear ${value.name}`} onClick={() => onChange(null)}>
            ×
          </button>
        </span>
      </div>
    );
  }
  return (
    <Combobox
      label={label}
      value={text}
      onValueChange={setText}
      placeholder="Any organization"
      testId={testId}
      options={orgs.map((o) => ({ key: String(o.id), label: o.name }))}
      onPick={(option) => {
        onChange({ id: Number(option.key), name: option.label });
        setText('');
      }}
    />
  );
}
