// The journal, search, keep-in-touch, follow-ups, tie-strength suggestions and
// the reciprocity ledger (issue 3): zod schemas and IPC channels. The channels
// are spread into `contract` in shared/contract.ts.
import { z } from 'zod';
import { isJournalTime, isLocalDate, isValidTimeZone } from './cadence';
import { Id, LIMITS, RequiredName, Tie, TieStrength } from './domain';
import { INTERACTION_KINDS } from './vocabulary';

const id = Id;
const ok = z.object({ ok: z.literal(true) });
const byId = z.strictObject({ id });

// The kinds and their labels live in vocabulary.ts, which has no zod (issue 17).
export { INTERACTION_KIND_LABELS, INTERACTION_KINDS } from './vocabulary';
export const InteractionKind = z.enum(INTERACTION_KINDS);
export type InteractionKind = z.infer<typeof InteractionKind>;

/** A calendar date in the user's local calendar: 'YYYY-MM-DD'. */
export const LocalDateSchema = z.string().refine(isLocalDate, 'must be a date like 2024-03-15');
/** When an entry happened: '2024-03-15', '2024-03-15T10:30' (local) or '2024-03-15T10:30:00Z' / '+01:00'. */
export const JournalTime = z
  .string()
  .trim()
  .refine(isJournalTime, 'must be a date like 2024-03-15 or a date and time like 2024-03-15T10:30');
/** An instant: an ISO date-time with Z or an offset. */
export const Instant = z.iso.datetime({ offset: true });
/** The user's time zone: an IANA name (Intl's resolved zone) or a fixed offset like +05:30. */
export const TimeZoneSchema = z.string().max(100).refine(isValidTimeZone, 'must be a time zone like Europe/Lisbon or +05:30');

/** "Today" as the renderer sees it: the zone, and optionally the date (tests fix it). */
const clock = {
  timeZone: TimeZoneSchema,
  today: LocalDateSchema.optional(),
};

// ---- Journal entries -----------------------------------------------------

export const Participant = z.object({ id, displayName: z.string(), archived: z.boolean() });
export type Participant = z.infer<typeof Participant>;

export const JournalEntry = z.object({
  id,
  occurredAt: z.string(),
  kind: InteractionKind,
  title: z.string(),
  body: z.string(),
  organizationId: id.nullable(),
  organizationName: z.string().nullable(),
  participants: z.array(Participant),
  /**
   * People @mentioned in the notes (issue 17): references, not participants.
   * Present on a full entry when there are any; never on list rows.
   */
  mentions: z.array(Participant).optional(),
  deletedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type JournalEntry = z.infer<typeof JournalEntry>;

/** One row of the journal list: the body is cut to an excerpt (lists hold thousands). */
export const JournalRow = JournalEntry.omit({ body: true, mentions: true }).extend({ excerpt: z.string() });
export type JournalRow = z.infer<typeof JournalRow>;

const NewParticipant = z.strictObject({ displayName: RequiredName('Name') });

const entryFields = {
  occurredAt: JournalTime,
  kind: InteractionKind,
  title: z.string().max(LIMITS.shortText).optional(),
  body: z.string().max(LIMITS.longText).optional(),
  organizationId: id.nullable().optional(),
  /** Who the entry is with (me is implicit and never listed). */
  participantIds: z.array(id).max(LIMITS.listItems).optional(),
  /** People to create on the spot (from an unknown @mention), in the same transaction. */
  newParticipants: z.array(NewParticipant).max(LIMITS.listItems).optional(),
  /**
   * People @mentioned in the notes (issue 17). Stored apart from participants:
   * a mention is not contact. A participant or me mentioned is not repeated.
   */
  mentionIds: z.array(id).max(LIMITS.listItems).optional(),
  /**
   * People to create on the spot from an unknown @mention ("Add as a new
   * person"), stored as mentions too (issue 17): naming someone new in the
   * notes is not having talked to them.
   */
  newMentions: z.array(NewParticipant).max(LIMITS.listItems).optional(),
};
export const JournalCreate = z
  .strictObject(entryFields)
  .refine((v) => (v.participantIds?.length ?? 0) + (v.newParticipants?.length ?? 0) > 0, {
    message: 'An entry needs at least one person it was with',
    path: ['participantIds'],
  });
export type JournalCreate = z.infer<typeof JournalCreate>;
export const JournalPatch = z.strictObject({
  ...entryFields,
  occurredAt: entryFields.occurredAt.optional(),
  kind: entryFields.kind.optional(),
});
export type JournalPatch = z.infer<typeof JournalPatch>;

export const JournalQuery = z.strictObject({
  kinds: z.array(InteractionKind).max(INTERACTION_KINDS.length).optional(),
  personId: id.optional(),
  organizationId: id.optional(),
  /** Inclusive local dates. */
  from: LocalDateSchema.optional(),
  to: LocalDateSchema.optional(),
  deleted: z.enum(['exclude', 'include', 'only']).optional(),
  limit: z.number().int().min(1).max(500).optional(),
  /** Either the `nextCursor` of the previous page (keyset) or an offset (for a virtualized list's random access). */
  cursor: z.string().max(200).optional(),
  offset: z.number().int().min(0).optional(),
});
export type JournalQuery = z.infer<typeof JournalQuery>;

export const JournalPage = z.object({
  items: z.array(JournalRow),
  total: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type JournalPage = z.infer<typeof JournalPage>;

// ---- Reminders (follow-ups) --------------------------------------------

export const Reminder = z.object({
  id,
  title: z.string(),
  dueOn: z.string(),
  personId: id.nullable(),
  personName: z.string().nullable(),
  interactionId: id.nullable(),
  snoozedUntil: z.string().nullable(),
  doneAt: z.string().nullable(),
  dismissedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Reminder = z.infer<typeof Reminder>;

export const ReminderCreate = z.strictObject({
  title: RequiredName('A follow-up'),
  dueOn: LocalDateSchema,
  personId: id.nullable().optional(),
  interactionId: id.nullable().optional(),
});
export type ReminderCreate = z.infer<typeof ReminderCreate>;
export const ReminderPatch = z.strictObject({
  title: RequiredName('A follow-up').optional(),
  dueOn: LocalDateSchema.optional(),
  personId: id.nullable().optional(),
  interactionId: id.nullable().optional(),
  snoozedUntil: LocalDateSchema.nullable().optional(),
  done: z.boolean().optional(),
  dismissed: z.boolean().optional(),
});
export type ReminderPatch = z.infer<typeof ReminderPatch>;

export const ReminderQuery = z.strictObject({
  personId: id.optional(),
  interactionId: id.optional(),
  status: z.enum(['open', 'done', 'dismissed', 'all']).optional(),
  /** Open reminders whose (snoozed) due date is on or before this date. */
  dueBy: LocalDateSchema.optional(),
});
export type ReminderQuery = z.infer<typeof ReminderQuery>;

// ---- Favors (the reciprocity ledger) ------------------------------------

export const FAVOR_KINDS = ['referral', 'advice', 'introduction', 'article', 'reference', 'other'] as const;
export const FavorKind = z.enum(FAVOR_KINDS);
export type FavorKind = z.infer<typeof FavorKind>;
export const FavorDirection = z.enum(['given', 'received']);
export type FavorDirection = z.infer<typeof FavorDirection>;

export const Favor = z.object({
  id,
  personId: id,
  personName: z.string(),
  direction: FavorDirection,
  kind: FavorKind,
  occurredOn: z.string(),
  note: z.string(),
  interactionId: id.nullable(),
  acknowledgedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Favor = z.infer<typeof Favor>;

const favorFields = {
  personId: id,
  direction: FavorDirection,
  kind: FavorKind,
  occurredOn: LocalDateSchema,
  note: z.string().max(LIMITS.shortText).optional(),
  interactionId: id.nullable().optional(),
};
export const FavorCreate = z.strictObject(favorFields);
export type FavorCreate = z.infer<typeof FavorCreate>;
export const FavorPatch = z.strictObject({
  personId: id.optional(),
  direction: FavorDirection.optional(),
  kind: FavorKind.optional(),
  occurredOn: LocalDateSchema.optional(),
  note: z.string().max(LIMITS.shortText).optional(),
  interactionId: id.nullable().optional(),
  /** Mark a received favor as thanked (true) or not yet (false). */
  acknowledged: z.boolean().optional(),
});
export type FavorPatch = z.infer<typeof FavorPatch>;

export const FavorBalance = z.object({
  personId: id,
  displayName: z.string(),
  given: z.number().int(),
  received: z.number().int(),
  /** given − received: positive when I have helped them more than they have helped me. */
  net: z.number().int(),
  lastFavorOn: z.string(),
});
export type FavorBalance = z.infer<typeof FavorBalance>;

export const FavorQuery = z.strictObject({
  personId: id.optional(),
  direction: FavorDirection.optional(),
});
export type FavorQuery = z.infer<typeof FavorQuery>;

// ---- Timeline -------------------------------------------------------------

export const TimelineItem = z.discriminatedUnion('type', [
  z.object({ type: z.literal('entry'), date: z.string(), entry: JournalRow }),
  z.object({ type: z.literal('favor'), date: z.string(), favor: Favor }),
  z.object({ type: z.literal('reminder'), date: z.string(), reminder: Reminder }),
  z.object({
    type: z.literal('introduction'),
    date: z.string(),
    introduction: z.object({
      id,
      status: z.string(),
      role: z.enum(['introducer', 'requester', 'target']),
      introducerId: id.nullable(),
      requesterId: id,
      targetPersonId: id.nullable(),
      targetOrganizationId: id.nullable(),
      notes: z.string(),
    }),
  }),
]);
export type TimelineItem = z.infer<typeof TimelineItem>;

// ---- Search -----------------------------------------------------------------

/** Highlighted text as plain segments: the renderer wraps `hit` segments in <mark>, as text. Nothing is HTML. */
export const TextSegment = z.object({ text: z.string(), hit: z.boolean() });
export type TextSegment = z.infer<typeof TextSegment>;

export const SearchHit = z.object({
  kind: z.enum(['person', 'organization', 'entry']),
  id,
  title: z.string(),
  /** A person's headline, an organization's kind, an entry's date and people. */
  detail: z.string(),
  /** Which field matched best ('notes', 'body', ...). */
  field: z.string(),
  snippet: z.array(TextSegment),
  /** bm25 with column weights; lower is better, comparable only within one section. */
  score: z.number(),
  archived: z.boolean(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchQuery = z.strictObject({
  query: z.string().max(LIMITS.name),
  kinds: z.array(z.enum(['person', 'organization', 'entry'])).max(3).optional(),
  /** Per section. */
  limit: z.number().int().min(1).max(200).optional(),
  includeDeleted: z.boolean().optional(),
  includeArchived: z.boolean().optional(),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const SearchResults = z.object({
  people: z.array(SearchHit),
  organizations: z.array(SearchHit),
  entries: z.array(SearchHit),
});
export type SearchResults = z.infer<typeof SearchResults>;

// ---- Home -------------------------------------------------------------------

export const CadenceItem = z.object({
  personId: id,
  displayName: z.string(),
  cadenceDays: z.number().int(),
  cadenceLabel: z.string(),
  lastContactOn: z.string().nullable(),
  dueOn: z.string(),
  /** Days past due; 0 on the day, negative while still ahead (Home shows a week ahead). */
  daysOverdue: z.number().int(),
  state: z.enum(['upcoming', 'due', 'overdue']),
});
export type CadenceItem = z.infer<typeof CadenceItem>;

export const DormantItem = z.object({
  personId: id,
  displayName: z.string(),
  strength: TieStrength,
  lastContactOn: z.string().nullable(),
  daysSinceContact: z.number().int().nullable(),
  usefulness: z.number(),
  /** Why this person is worth reviving, in words. */
  reasons: z.array(z.string()),
});
export type DormantItem = z.infer<typeof DormantItem>;

export const ThanksItem = z.object({
  personId: id,
  displayName: z.string(),
  /** Received favors not yet thanked or returned, newest first. */
  favors: z.array(Favor),
});
export type ThanksItem = z.infer<typeof ThanksItem>;

export const Home = z.object({
  today: z.string(),
  due: z.array(CadenceItem),
  dormant: z.array(DormantItem),
  followUps: z.array(Reminder),
  thanks: z.array(ThanksItem),
  recent: z.array(JournalRow),
  /**
   * Imported contacts nobody has looked at yet (issue 17): one card, not one
   * "Worth reviving" row each. Optional so older answers still parse.
   */
  reviewImported: z.number().int().min(0).optional(),
});
export type Home = z.infer<typeof Home>;

export const HomeQuery = z.strictObject({
  ...clock,
  /** How far ahead cadence items show (default 7 days). */
  lookaheadDays: z.number().int().min(0).max(90).optional(),
  /** No contact for this long makes a weak tie dormant (default 180). */
  dormantAfterDays: z.number().int().min(1).max(3650).optional(),
  limit: z.number().int().min(1).max(200).optional(),
});
export type HomeQuery = z.infer<typeof HomeQuery>;

export const HomeItemRef = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('cadence'), personId: id }),
  z.strictObject({ type: z.literal('dormant'), personId: id }),
  z.strictObject({ type: z.literal('thanks'), personId: id }),
  z.strictObject({ type: z.literal('reminder'), id }),
]);
export type HomeItemRef = z.infer<typeof HomeItemRef>;

export const HomeAction = z
  .strictObject({
    item: HomeItemRef,
    action: z.enum(['done', 'snooze', 'dismiss']),
    /** For snooze: hidden until this local date. */
    until: LocalDateSchema.optional(),
    /** For done on a cadence or dormant item: log this entry; without it the person is marked contacted today. */
    entry: z
      .strictObject({
        kind: InteractionKind,
        title: z.string().max(LIMITS.shortText).optional(),
        body: z.string().max(LIMITS.longText).optional(),
        occurredAt: JournalTime.optional(),
      })
      .optional(),
    ...clock,
  })
  .refine((a) => a.action !== 'snooze' || a.until !== undefined, { message: 'Snooze needs a date', path: ['until'] });
export type HomeAction = z.infer<typeof HomeAction>;

/** A stored timestamp as Kith writes it (nowIso): an ISO instant. */
const Stamp = Instant;
const DismissedKey = z.string().min(1).max(100).regex(/^[\w:-]+$/u, 'must be a dismissed item key');
const AttentionRow = z.strictObject({
  snoozedUntil: LocalDateSchema.nullable(),
  dismissedKey: DismissedKey.nullable(),
  contactedOn: LocalDateSchema.nullable(),
  updatedAt: Stamp,
});
const ReminderState = z.strictObject({
  snoozedUntil: LocalDateSchema.nullable(),
  doneAt: Stamp.nullable(),
  dismissedAt: Stamp.nullable(),
  updatedAt: Stamp,
});
const FavorState = z.strictObject({ acknowledgedAt: Stamp.nullable(), updatedAt: Stamp });

/**
 * What one Home action changed, as it was before and right after (issue 17:
 * a misclicked "Dismiss" lost the row for good). home:act answers it and
 * home:undo takes it back: main puts the "before" values back only where the
 * rows still hold the "after" values, so nothing changed since is undone.
 * The renderer treats it as opaque; main checks every id and kind again.
 */
export const HomeUndo = z.discriminatedUnion('type', [
  // A Home mark on a computed item; `before: null` when there was none.
  z.strictObject({
    type: z.literal('attention'),
    subject: z.enum(['cadence', 'dormant', 'thanks']),
    personId: id,
    before: AttentionRow.nullable(),
    after: AttentionRow,
  }),
  // A follow-up done, snoozed or dismissed.
  z.strictObject({ type: z.literal('reminder'), id, before: ReminderState, after: ReminderState }),
  // "Thanked": the received favors it acknowledged.
  z.strictObject({
    type: z.literal('favors'),
    personId: id,
    favors: z
      .array(z.strictObject({ id, before: FavorState, after: FavorState }))
      .min(1)
      .max(10_000)
      .refine((fs) => new Set(fs.map((f) => f.id)).size === fs.length, 'lists a favor twice'),
  }),
  // "Done" that logged an entry: undone by removing the entry, if untouched since.
  z.strictObject({ type: z.literal('entry'), id, personId: id, updatedAt: Stamp }),
]);
export type HomeUndo = z.infer<typeof HomeUndo>;

/** home:act's answer: `undo` is null when the action changed nothing that can be put back. */
export const HomeActResult = z.object({ ok: z.literal(true), undo: HomeUndo.nullable() });
export type HomeActResult = z.infer<typeof HomeActResult>;

// ---- Tie strength suggestions ----------------------------------------------

export const TieSuggestion = z.object({
  personId: id,
  displayName: z.string(),
  currentStrength: TieStrength.nullable(),
  suggestedStrength: TieStrength,
  evidence: z.object({
    entries: z.number().int(),
    entriesLastYear: z.number().int(),
    lastContactOn: z.string(),
    daysSinceContact: z.number().int(),
    contexts: z.number().int(),
  }),
  reason: z.string(),
});
export type TieSuggestion = z.infer<typeof TieSuggestion>;

export const journalContract = {
  'journal:create': { input: JournalCreate, output: JournalEntry },
  'journal:update': { input: z.strictObject({ id, patch: JournalPatch }), output: JournalEntry },
  'journal:delete': { input: byId, output: JournalEntry },
  'journal:restore': { input: byId, output: JournalEntry },
  'journal:get': { input: byId, output: JournalEntry },
  'journal:list': { input: JournalQuery.optional(), output: JournalPage },
  'timeline:get': {
    input: z.strictObject({ personId: id, limit: z.number().int().min(1).max(1000).optional() }),
    output: z.object({ items: z.array(TimelineItem) }),
  },
  'search:all': { input: SearchQuery, output: SearchResults },
  'home:get': { input: HomeQuery, output: Home },
  'home:act': { input: HomeAction, output: HomeActResult },
  'home:undo': { input: HomeUndo, output: ok },
  'reminders:create': { input: ReminderCreate, output: Reminder },
  'reminders:update': { input: z.strictObject({ id, patch: ReminderPatch }), output: Reminder },
  'reminders:delete': { input: byId, output: ok },
  'reminders:list': { input: ReminderQuery.optional(), output: z.object({ items: z.array(Reminder) }) },
  'reminders:dueSince': {
    input: z.strictObject({ since: Instant, now: Instant, timeZone: TimeZoneSchema }),
    output: z.object({ items: z.array(Reminder) }),
  },
  'favors:create': { input: FavorCreate, output: Favor },
  'favors:update': { input: z.strictObject({ id, patch: FavorPatch }), output: Favor },
  'favors:delete': { input: byId, output: ok },
  'favors:list': { input: FavorQuery.optional(), output: z.object({ items: z.array(Favor), balances: z.array(FavorBalance) }) },
  'suggestions:list': { input: z.strictObject(clock), output: z.object({ items: z.array(TieSuggestion) }) },
  'suggestions:accept': { input: z.strictObject({ personId: id, strength: TieStrength }), output: Tie },
  'suggestions:ignore': { input: z.strictObject({ personId: id, ...clock }), output: ok },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
