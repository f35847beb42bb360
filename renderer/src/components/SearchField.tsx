// The search box above a list: Escape clears it, "/" focuses it (the hint),
// and other keys go to the list (arrows move the selection, Enter opens).
import type { KeyboardEvent, Ref } from 'react';

export interface SearchFieldProps {
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  label: string;
  testId: string;
  inputRef?: Ref<HTMLInputElement>;
  /** Keys the field does not handle itself: list navigation. */
  onListKey?: (event: KeyboardEvent<HTMLInputElement>) => void;
}

export function SearchField({ value, onChange, placeholder, label, testId, inputRef, onListKey }: SearchFieldProps) {
  return (
    <div className="search-field">
      <span className="search-icon" aria-hidden="true" />
      <input
        ref={inputRef}
        type="search"
        className="input"
        placeholder={placeholder}
        aria-label={label}
        value={value}
        data-testid={testId}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && value) {
            event.preventDefault();
            onChange('');
            return;
          }
          onListKey?.(event);
        }}
      />
      <kbd className="search-kbd">/</kbd>
    </div>
  );
}
