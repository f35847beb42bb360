import type { LabeledValue } from '../../../shared/domain';

interface Props {
  label: string;
  singular: string;
  rows: LabeledValue[];
  onChange: (rows: LabeledValue[]) => void;
  error?: string;
  testId: string;
}

/** Emails, phones or links: a value and an optional label ("work", "home") per row. */
export function LabeledValuesEditor({ label, singular, rows, onChange, error, testId }: Props) {
  const update = (index: number, patch: Partial<LabeledValue>) => onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  return (
    <fieldset className={`form-field labeled-values${error ? ' invalid' : ''}`} data-testid={`field-${testId}`}>
      <legend className="form-label">{label}</legend>
      {rows.map((row, index) => (
        <div className="labeled-value-row" key={index}>
          <input
            className="input"
            aria-label={`${label} ${index + 1}`}
            value={row.value}
            placeholder={singular}
            data-testid={`${testId}-value-${index}`}
            onChange={(event) => update(index, { value: event.target.value })}
          />
          <input
            className="input label-input"
            aria-label={`${label} ${index + 1} label`}
            value={row.label ?? ''}
            placeholder="label"
            onChange={(event) => update(index, { label: event.target.value })}
          />
          <button type="button" className="icon-button" aria-label={`Remove ${singular} ${index + 1}`} onClick={() => onChange(rows.filter((_, i) => i !== index))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="link-button" onClick={() => onChange([...rows, { value: '' }])} data-testid={`add-${testId}`}>
        + Add {singular}
      </button>
      {error && <span className="field-error">{error}</span>}
    </fieldset>
  );
}
