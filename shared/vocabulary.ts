// The words Kith shows for stored values, as plain constants with no zod
// (issue 17): the renderer's People list and Home need these labels at start,
// and importing them from the schema modules (domain.ts, journal.ts) made the
// app's start load zod and build every schema first. The schema modules
// re-export them, so either import works; the renderer's start path uses this one.

/** What each strength means (DESIGN.md, "Tie strength and route warmth"). */
export const TIE_STRENGTH_LABELS: Readonly<Record<number, string>> = {
  5: 'Close',
  4: 'Friend',
  3: 'Worked together',
  2: 'Acquaintance',
  1: 'Met once',
};

export const INTERACTION_KINDS = [
  'coffee',
  'call',
  'video_call',
  'email',
  'message',
  'meeting',
  'event',
  'informational_interview',
  'referral',
] as const;

export const INTERACTION_KIND_LABELS: Readonly<Record<(typeof INTERACTION_KINDS)[number], string>> = {
  coffee: 'Coffee',
  call: 'Call',
  video_call: 'Video call',
  email: 'Email',
  message: 'Message',
  meeting: 'Meeting',
  event: 'Event',
  informational_interview: 'Informational interview',
  referral: 'Referral',
};

/** An organization's kind as shown beside other text: "nonprofit" → "Nonprofit" (the app and the palette's answers from main). */
export function organizationKindLabel(kind: string): string {
  return kind.charAt(0).toUpperCase() + kind.slice(1);
}
