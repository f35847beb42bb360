import { useState } from 'react';
import { Combobox, type ComboOption } from '../../components/Combobox';
import { useDebounced } from '../../data/useDebounced';
import { useQuery } from '../../data/useQuery';
import { hrefFor, navigate } from '../../router';

/** Type an organization or a person; picking one opens its routes (#/routes?org=ID or ?person=ID). */
export function TargetPicker({ hops, autoFocus }: { hops: number | null; autoFocus?: boolean }) {
  const [text, setText] = useState('');
  const debounced = useDebounced(text.trim(), 80);
  const results = useQuery('search:quick', { query: debounced, limit: 12 }, debounced !== '');
  const options: ComboOption[] =
    debounced === ''
      ? []
      : (results.data ?? []).map((r) => ({
          key: `${r.kind}-${r.id}`,
          label: r.label,
          detail: [r.kind === 'organization' ? 'Organization' : 'Person', r.detail].filter(Boolean).join(' · '),
        }));
  return (
    <div className="target-picker">
      <Combobox
        label="Find routes to an organization or a person"
        placeholder="Find routes to… (type an organization or a person)"
        value={text}
        onValueChange={setText}
        options={options}
        autoFocus={autoFocus}
        testId="route-target-input"
        onPick={(option) => {
          const [kind, id] = option.key.split('-');
          setText('');
          const n = Number(id);
          navigate(hrefFor.routes(kind === 'organization' ? { org: n, hops: hops ?? undefined } : { person: n, hops: hops ?? undefined }));
        }}
      />
    </div>
  );
}
