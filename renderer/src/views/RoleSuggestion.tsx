// The role a title suggests (issue 17), the same way as the importers: the
// new-person dialog and the work form tick "Hiring manager" and "Recruiter"
// from the title until the user ticks them by hand, and offer people managers
// ("Engineering Manager") as a one-click hiring-manager suggestion.
import { useState } from 'react';
import { likelyHiringManager, roleFlags } from '../../../shared/roles';

export interface Roles {
  isHiringManager: boolean;
  isRecruiter: boolean;
}

/** The roles for a title, following it until the user sets them by hand. */
export function useSuggestedRoles(title: string, initial?: Roles): { roles: Roles; set: (roles: Roles) => void; touched: boolean } {
  const [manual, setManual] = useState<Roles | null>(initial ?? null);
  const roles = manual ?? roleFlags(title);
  return { roles, set: setManual, touched: manual !== null };
}

export function HiringManagerHint({ title, roles, onAccept, testId }: { title: string; roles: Roles; onAccept: () => void; testId: string }) {
  if (roles.isHiringManager || !likelyHiringManager(title)) return null;
  return (
    <p className="role-hint" data-testid={testId}>
      “{title.trim()}” usually hires for their team.{' '}
      <button type="button" className="link-button" onClick={onAccept} data-testid={`${testId}-accept`}>
        Mark as hiring manager
      </button>
    </p>
  );
}
