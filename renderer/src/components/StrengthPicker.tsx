import { TIE_STRENGTH_LABELS } from '../../../shared/domain';

interface Props {
  value: number | null;
  onChange: (strength: number) => void;
  disabled?: boolean;
  size?: 'small' | 'large';
  label: string;
  testId?: string;
}

const STRENGTHS = [1, 2, 3, 4, 5] as const;

/** Five segments: one click sets the strength. */
export function StrengthPicker({ value, onChange, disabled, size = 'small', label, testId }: Props) {
  return (
    <div className={`strength-picker ${size}`} role="radiogroup" aria-label={label} data-testid={testId ?? 'strength-picker'}>
      {STRENGTHS.map((s) => (
        <button
          key={s}
          type="button"
          role="radio"
          aria-checked={value === s}
          className={`strength-segment s${s}${value !== null && s <= value ? ' filled' : ''}${value === s ? ' current' : ''}`}
          title={`${s}: ${TIE_STRENGTH_LABELS[s]}`}
          disabled={disabled}
          data-testid={`strength-${s}`}
          onClick={() => {
            if (value !== s) onChange(s);
          }}
        >
          {s}
        </button>
      ))}
    </div>
  );
}
