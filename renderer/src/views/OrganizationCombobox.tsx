import { Combobox } from '../components/Combobox';
import { nameKey } from '../../../shared/text';
import { useDebounced } from '../data/useDebounced';
import { useQuery } from '../data/useQuery';
import { kindLabel } from '../orgKind';

interface Props {
  value: string;
  onValueChange: (text: string) => void;
  onPick: (id: number, name: string) => void;
}

/** Type an organization: existing ones are suggested; a new name is created on save. */
export function OrganizationCombobox({ value, onValueChange, onPick }: Props) {
  const debounced = useDebounced(value.trim(), 100);
  const results = useQuery('orgs:list', { search: debounced, sort: 'people' }, debounced !== '');
  const orgs = debounced ? (results.data?.items ?? []).slice(0, 8) : [];
  const exact = orgs.some((o) => nameKey(o.name) === nameKey(value));
  return (
    <Combobox
      label="Organization"
      value={value}
      onValueChange={onValueChange}
      placeholder="Type an organization…"
      testId="affiliation-org-input"
      autoFocus
      options={orgs.map((o) => ({
        key: String(o.id),
        label: o.name,
        detail: `${kindLabel(o.kind)} · ${o.currentPeople} ${o.currentPeople === 1 ? 'person' : 'people'}`,
      }))}
      onPick={(option) => onPick(Number(option.key), option.label)}
      createLabel={value.trim() && !exact ? `Create “${value.trim()}”` : null}
      onCreate={() => onValueChange(value.trim())}
    />
  );
}
