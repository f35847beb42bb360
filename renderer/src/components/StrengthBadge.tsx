import { TIE_STRENGTH_LABELS } from '../../../shared/vocabulary';

/** My tie strength as a small 1–5 badge; a faint dash when there is no tie. */
export function StrengthBadge({ strength }: { strength: number | null }) {
  if (strength === null) {
    return (
      <span className="strength-badge none" title="No direct tie" data-testid="strength-badge" data-strength="">
        –
      </span>
    );
  }
  return (
    <span
      className={`strength-badge s${strength}`}
      title={`Tie strength ${strength}: ${TIE_STRENGTH_LABELS[strength] ?? ''}`}
      data-testid="strength-badge"
      data-strength={strength}
    >
      {strength}
    </span>
  );
}
