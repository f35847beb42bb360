import { useId, useState, type KeyboardEvent } from 'react';

export interface ComboOption {
  key: string;
  label: string;
  detail?: string;
}

interface Props {
  value: string;
  onValueChange: (text: string) => void;
  options: ComboOption[];
  onPick: (option: ComboOption) => void;
  placeholder?: string;
  label: string;
  testId?: string;
  autoFocus?: boolean;
  /** Shown as the last row when the typed text matches nothing exactly (e.g. "Create “Acme”"). */
  createLabel?: string | null;
  onCreate?: () => void;
}

/** A text input with a suggestion list below it, driven by the keyboard or the mouse. */
export function Combobox({ value, onValueChange, options, onPick, placeholder, label, testId, autoFocus, createLabel, onCreate }: Props) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const rows = createLabel && onCreate ? [...options, { key: '__create', label: createLabel }] : options;
  const showList = open && value.trim() !== '' && rows.length > 0;
  const activeIndex = Math.min(active, rows.length - 1);

  const choose = (index: number) => {
    const row = rows[index];
    if (!row) return;
    setOpen(false);
    if (row.key === '__create') onCreate?.();
    else onPick(row);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (!showList) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((i) => Math.min(i + 1, rows.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(activeIndex);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <div className="combobox">
      <input
        className="input"
        role="combobox"
        aria-label={label}
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList ? `${listId}-${activeIndex}` : undefined}
        value={value}
        placeholder={placeholder}
        autoFocus={autoFocus}
        data-testid={testId}
        onChange={(event) => {
          onValueChange(event.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {showList && (
        <ul className="combobox-list" id={listId} role="listbox" data-testid={testId ? `${testId}-options` : undefined}>
          {rows.map((row, index) => (
            <li
              key={row.key}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              className={`combobox-option${index === activeIndex ? ' active' : ''}${row.key === '__create' ? ' create' : ''}`}
              // mousedown, not click: the input's blur would close the list first.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(index);
              }}
              onMouseEnter={() => setActive(index)}
            >
              <span className="truncate">{row.label}</span>
              {row.detail && <span className="combobox-detail truncate">{row.detail}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
