import { useRef, useState, type KeyboardEvent } from 'react';
import { TIE_STRENGTH_LABELS } from '../../../shared/vocabulary';

interface Props {
  value: number | null;
  onChange: (strength: number) => void;
  disabled?: boolean;
  size?: 'small' | 'large';
  label: string;
  testId?: string;
}

const STRENGTHS = [1, 2, 3, 4, 5] as const;

/**
 * Five segments: one click sets the strength. One radio group with one Tab
 * stop (issue 17): the arrows move and set it, Home/End go to 1/5, and the
 * label of the strength under the pointer or focus, else the chosen one
 * ("Met once" … "Close"), is written beside it, not only in a tooltip.
 */
export function StrengthPicker({ value, onChange, disabled, size = 'small', label, testId }: Props) {
  const [preview, setPreview] = useState<number | null>(null);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const tabStop = value ?? 1;
  const shown = preview ?? value;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = value ?? 0;
    let next: number | null = null;
    if (event.key === 'ArrowRight' || event.key === 'ArrowUp') next = Math.min(5, current + 1);
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowDown') next = Math.max(1, current - 1);
    else if (event.key === 'Home') next = 1;
    else if (event.key === 'End') next = 5;
    if (next === null) return;
    event.preventDefault();
    buttons.current[next - 1]?.focus();
    if (next !== value && !disabled) onChange(next);
  };

  return (
    <div
      className={`strength-picker ${size}`}
      role="radiogroup"
      aria-label={label}
      data-testid={testId ?? 'strength-picker'}
      onKeyDown={onKeyDown}
      onMouseLeave={() => setPreview(null)}
    >
      {STRENGTHS.map((s) => (
        <button
          key={s}
          ref={(el) => {
            buttons.current[s - 1] = el;
          }}
          type="button"
          role="radio"
          aria-checked={value === s}
          aria-label={`${s}: ${TIE_STRENGTH_LABELS[s]}`}
          tabIndex={s === tabStop ? 0 : -1}
          className={`strength-segment s${s}${value !== null && s <= value ? ' filled' : ''}${value === s ? ' current' : ''}`}
          title={`${s}: ${TIE_STRENGTH_LABELS[s]}`}
          // aria-disabled, not disabled: a disabled button drops the focus
          // while a change is saved, and the arrows would stop working.
          aria-disabled={disabled || undefined}
          data-testid={`strength-${s}`}
          onMouseEnter={() => setPreview(s)}
          onFocus={() => setPreview(s)}
          onBlur={() => setPreview(null)}
          onClick={() => {
            if (!disabled && value !== s) onChange(s);
          }}
        >
          {s}
        </button>
      ))}
      <span className="strength-caption" aria-hidden="true" data-testid={`${testId ?? 'strength-picker'}-caption`}>
        {shown ? TIE_STRENGTH_LABELS[shown] : 'Not set'}
      </span>
    </div>
  );
}
