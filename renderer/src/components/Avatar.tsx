import { initials } from '../../../shared/text';

/** Initials on a tint picked from the id, so a face is recognisable in a long list. */
export function Avatar({ name, id, size = 'small' }: { name: string; id: number; size?: 'small' | 'large' }) {
  return (
    <span className={`avatar avatar-${size} tint-${id % 8}`} aria-hidden="true">
      {initials(name)}
    </span>
  );
}
