import type { FitKind, IntroductionStatus } from '../../../../shared/routes';

export const STATUS_LABELS: Record<IntroductionStatus, string> = {
  idea: 'Idea',
  asked: 'Asked',
  agreed: 'Agreed',
  made: 'Made',
  met: 'Met',
  declined: 'Declined',
};

/** The one-click move forward from each status (declined is offered separately while the request is open). */
export const NEXT_STATUS: Record<IntroductionStatus, IntroductionStatus | null> = {
  idea: 'asked',
  asked: 'agreed',
  agreed: 'made',
  made: 'met',
  met: null,
  declined: null,
};

export const NEXT_LABEL: Record<IntroductionStatus, string> = {
  idea: '',
  asked: 'Mark asked',
  agreed: 'Mark agreed',
  made: 'Mark made',
  met: 'Mark met',
  declined: 'Declined',
};

export const FIT_LABELS: Record<FitKind, string> = {
  target_person: 'The person you chose',
  hiring_manager: 'Hiring manager',
  recruiter: 'Recruiter',
  referrer: 'Refers people',
  employee: 'Works there',
  former_employee: 'Used to work there',
};

export function firstName(name: string): string {
  return name.trim().split(/\s+/u)[0] ?? name;
}

const dateFormat = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "3 Mar 2026" from a timestamp or a date; "Mar 2026" / "2026" from a partial date. */
export function formatDay(at: string): string {
  if (/^\d{4}$/.test(at)) return at;
  if (/^\d{4}-\d{2}$/.test(at)) return monthFormat.format(new Date(`${at}-01T00:00:00Z`));
  const t = Date.parse(at.length === 10 ? `${at}T00:00:00Z` : at);
  return Number.isNaN(t) ? at : dateFormat.format(new Date(t));
}

export function percent(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}
