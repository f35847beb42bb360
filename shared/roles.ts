// Roles read from a job title (issue 17: "roles are suggested the same way
// everywhere"): the importers, the new-person dialog and the work form all
// use these rules, so "Senior Recruiter" is a recruiter whether it came from
// LinkedIn or was typed by hand. Routes use the flags to find the hiring
// manager and the recruiters at a target organization (DESIGN.md, "route
// warmth").

/**
 * The flags set without asking (imports set them; the forms tick them).
 * Deliberately narrow: a wrong flag misleads more than a missing one.
 */
export function roleFlags(...texts: string[]): { isHiringManager: boolean; isRecruiter: boolean } {
  const all = texts.join(' ');
  return {
    isHiringManager: /\bhiring manager\b/i.test(all),
    isRecruiter: /\b(recruit(er|ing|ment)?|talent acquisition|talent partner|sourcer)\b/i.test(all),
  };
}

/**
 * Titles of people who usually hire for their team ("Engineering Manager",
 * "Head of Data", "Director of Product", "VP Engineering", "CTO"): not set
 * on their own, but offered as a one-click suggestion where a person types
 * the title. Managers of things rather than people ("Account Manager",
 * "Office Manager", "Product Manager") are left out.
 */
export function likelyHiringManager(title: string): boolean {
  if (roleFlags(title).isHiringManager) return false; // already a flag
  const t = title.toLowerCase();
  if (/\b(account|office|property|case|project|program|product|community|social media|store|sales|brand|marketing)\s+manager\b/u.test(t)) return false;
  return (
    /\b(engineering|development|software|team|data|science|design|research|analytics|infrastructure|platform|delivery|security|qa)\s+manager\b/u.test(t) ||
    /\b(head|director|vp|vice president)\s+(of\s+)?\w/u.test(t) ||
    /\b(cto|cio|chief technology officer|team lead|tech lead|lead engineer)\b/u.test(t)
  );
}
