// IPC channels of issue 14's calendars and mail ("history": who I met and
// wrote to, and when). Spread into shared/contract.ts's `contract`.
// No channel takes a path: an mbox can be 2 GB, so both kinds of file are
// chosen with the native dialog in main (history:chooseFile answers a token,
// as import:chooseFolder does); a small .ics may also come as bytes, read by
// the renderer from the file the user picked.
import { z } from 'zod';
import { ImportBytes, ImportIssue } from './importExport';

export const HISTORY_SOURCES = ['ics', 'mbox'] as const;
export const HistorySource = z.enum(HISTORY_SOURCES);
export type HistorySource = z.infer<typeof HistorySource>;

/** Issue 14: events with more than 8 people, and mail to more than 8, are not contacts with each. */
export const DEFAULT_MAX_ATTENDEES = 8;

const Email = z.string().trim().min(3).max(320).regex(/^[^\s@]+@[^\s@]+$/, 'An e-mail address looks like name@example.org');
export const MyEmails = z.array(Email).max(50);

export const HistoryRequest = z
  .strictObject({
    source: HistorySource,
    /** A file chosen with history:chooseFile, by its token: never a path. */
    file: z.uuid().optional(),
    /** A calendar's bytes, base64 (the renderer read the file the user picked). */
    bytes: ImportBytes.optional(),
    /** Names this run for history:progress and history:cancel. */
    run: z.uuid().optional(),
    /** My e-mail addresses for this import; a commit also keeps them as the setting. Absent: the setting. */
    myEmails: MyEmails.optional(),
    /** Events with more people than this (rooms and resources not counted) are left out. */
    maxAttendees: z.number().int().min(1).max(500).optional(),
    /** People offered unticked that the user ticked (`attendee ana@example.org`). */
    include: z.array(z.string().max(400)).max(100_000).optional(),
  })
  .refine((r) => (r.file === undefined) !== (r.bytes === undefined), { message: 'Send a chosen file or the calendar’s bytes: exactly one of them' })
  .refine((r) => r.bytes === undefined || r.source === 'ics', { message: 'An mbox is chosen with the file dialog, never sent as bytes' });
export type HistoryRequest = z.infer<typeof HistoryRequest>;

const count = z.number().int();

export const CalendarSummary = z.object({
  /** VEVENTs read (an override of a recurring series counts as one). */
  events: count,
  /** New journal entries: single events plus months of recurring series. */
  entries: count,
  /** Of those, months of recurring series (one entry per month a series met). */
  seriesMonths: count,
  /** Occurrences of recurring series in those months. */
  occurrences: count,
  alreadyImported: count,
  /** Months of series imported before that met again since: their entry is brought up to date. */
  updated: count,
  maxAttendees: count,
  leftOut: z.object({
    declined: count,
    cancelled: count,
    tooManyAttendees: count,
    noMatchedAttendee: count,
    noAttendees: count,
    future: count,
  }),
});
export type CalendarSummary = z.infer<typeof CalendarSummary>;

export const MailSummary = z.object({
  messages: count,
  bytes: count,
  /** New journal entries: one per UTC day and person. */
  entries: count,
  alreadyImported: count,
  /** Days imported before with more mail in this file: their entry is brought up to date. */
  updated: count,
  maxRecipients: count,
  leftOut: z.object({
    mailingLists: count,
    tooManyRecipients: count,
    noReply: count,
    withNobodyKnown: count,
    undated: count,
    malformed: count,
    /** The same Message-ID again (Takeout repeats a message under labels). */
    duplicates: count,
  }),
});
export type MailSummary = z.infer<typeof MailSummary>;

/** Someone in the file who is not in Kith, offered as a new person (unticked unless listed in `include`). */
export const OfferedPerson = z.object({ key: z.string(), name: z.string(), email: z.string(), items: count, included: z.boolean() });
export type OfferedPerson = z.infer<typeof OfferedPerson>;

export const HistoryPreview = z.object({
  source: HistorySource,
  /** The addresses that were taken as mine (the setting, my own person's, or the request's). */
  myEmails: z.array(z.string()),
  calendar: CalendarSummary.optional(),
  mail: MailSummary.optional(),
  offered: z.array(OfferedPerson),
  /** How many of those are ticked. */
  newPeople: count,
  skipped: z.array(ImportIssue),
  warnings: z.array(ImportIssue),
  nothingToDo: z.boolean(),
});
export type HistoryPreview = z.infer<typeof HistoryPreview>;

export const HistoryResult = HistoryPreview.extend({ importId: z.number().int().nullable() });
export type HistoryResult = z.infer<typeof HistoryResult>;

export const ChosenFile = z.object({ token: z.uuid(), name: z.string(), sizeBytes: count });
export type ChosenFile = z.infer<typeof ChosenFile>;

export const HistoryProgress = z.object({ bytesRead: count, totalBytes: count, done: z.boolean() });
export type HistoryProgress = z.infer<typeof HistoryProgress>;

export const historyContract = {
  /** Shows the OS file dialog in main; answers a token for the file (never its path), or null when cancelled. */
  'history:chooseFile': { input: z.strictObject({ source: HistorySource }), output: ChosenFile.nullable() },
  'history:preview': { input: HistoryRequest, output: HistoryPreview },
  /** Imports everything the preview showed in one transaction, or nothing. */
  'history:commit': { input: HistoryRequest, output: HistoryResult },
  /** How far the run has read its file; null for a run not (or no longer) known. */
  'history:progress': { input: z.strictObject({ run: z.uuid() }), output: HistoryProgress.nullable() },
  /** Stops a run while it reads: nothing is written. */
  'history:cancel': { input: z.strictObject({ run: z.uuid() }), output: z.object({ cancelled: z.boolean() }) },
  'settings:myEmails': { input: z.strictObject({}).optional(), output: z.object({ emails: z.array(z.string()) }) },
  'settings:setMyEmails': { input: z.strictObject({ emails: MyEmails }), output: z.object({ emails: z.array(z.string()) }) },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
