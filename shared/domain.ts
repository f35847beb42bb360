// Domain schemas shared by main and renderer. Pure TypeScript + zod: no node:*,
// no electron, nothing from main/ or renderer/ (see test/unit/boundaries.test.ts).
import { z } from 'zod';
import { nameTextProblem } from './text';

/** Generous ceilings: large enough for any real note, small enough to refuse a runaway payload. */
export const LIMITS = {
  name: 2_000,
  shortText: 10_000,
  longText: 2_000_000,
  listItems: 100,
} as const;

const id = z.number().int().positive();
export const Id = id;

/**
 * A required name: must contain something visible, and no NUL or other control
 * character (issue 18: "\u0000" used to pass here and fail later in SQLite as
 * INTERNAL; a name of zero-width spaces made an invisible person). Surrounding
 * white space is dropped; invisible characters inside are kept (ZWJ/ZWNJ are
 * real parts of names). The same check (shared/text.ts) runs in the importers.
 */
export const RequiredName = (what: string) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .max(LIMITS.name, `${what} is too long (at most ${LIMITS.name} characters)`)
    .check((ctx) => {
      const problem = nameTextProblem(ctx.value, what);
      if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
    });

/**
 * An optional title (a job title): may be empty, but when given follows the
 * same rule as a name (issue 18): no control characters, not only invisible ones.
 */
export const OptionalTitle = (what: string) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .max(LIMITS.shortText, `${what} is too long (at most ${LIMITS.shortText} characters)`)
    .check((ctx) => {
      if (ctx.value === '') return;
      const problem = nameTextProblem(ctx.value, what);
      if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
    });

const shortText = z.string().max(LIMITS.shortText, `is too long (at most ${LIMITS.shortText} characters)`);
const longText = z.string().max(LIMITS.longText, `is too long (at most ${LIMITS.longText} characters)`);

/**
 * A calendar date as precise as the user knows it: `2024`, `2024-03` or `2024-03-15`.
 * Imported exports and people's memories are rarely exact to the day.
 */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be a date like 2024, 2024-03 or 2024-03-15')
  .refine((s) => {
    if (s.length < 10) return true;
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'is not a real calendar date');
export type PartialDate = z.infer<typeof PartialDate>;

export const LabeledValue = z.object({
  value: z.string().trim().min(1, 'cannot be empty').max(LIMITS.name),
  label: z.string().max(200).optional(),
});
export type LabeledValue = z.infer<typeof LabeledValue>;

export const TagName = RequiredName('A tag').pipe(z.string().max(200, 'A tag is too long (at most 200 characters)'));

export const TieStrength = z
  .number({ error: 'Strength must be a number from 1 to 5' })
  .int('Strength must be a whole number from 1 to 5')
  .min(1, 'Strength must be from 1 to 5')
  .max(5, 'Strength must be from 1 to 5');
export type TieStrength = z.infer<typeof TieStrength>;

/** What each strength means: in vocabulary.ts, which has no zod (issue 17). */
export { TIE_STRENGTH_LABELS } from './vocabulary';

export const TIE_SOURCES = ['manual', 'imported', 'introduced', 'their-connections'] as const;
export const TieSource = z.enum(TIE_SOURCES);
export type TieSource = z.infer<typeof TieSource>;

export const ORGANIZATION_KINDS = [
  'company',
  'school',
  'hospital',
  'association',
  'government',
  'nonprofit',
  'other',
] as const;
export const OrganizationKind = z.enum(ORGANIZATION_KINDS);
export type OrganizationKind = z.infer<typeof OrganizationKind>;

/** Organization size bands (issue 15, migration 100); null = not known, which likely-tie inference counts as large. */
export const SIZE_BANDS = ['1-10', '11-50', '51-200', '201-1000', '1001-10000', '10001+'] as const;
export const SizeBand = z.enum(SIZE_BANDS, { message: `The size band must be one of ${SIZE_BANDS.join(', ')}` });
export type SizeBand = z.infer<typeof SizeBand>;

// ---- People -------------------------------------------------------------

export const Person = z.object({
  id,
  isMe: z.boolean(),
  displayName: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  headline: z.string(),
  location: z.string(),
  emails: z.array(LabeledValue),
  phones: z.array(LabeledValue),
  links: z.array(LabeledValue),
  linkedinUrl: z.string().nullable(),
  howWeMet: z.string(),
  notes: z.string(),
  cadenceDays: z.number().int().nullable(),
  tags: z.array(z.string()),
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Issue 14: known only through a contact's list (people.degree 2); absent for everyone I know. */
  secondDegree: z.literal(true).optional(),
});
export type Person = z.infer<typeof Person>;

/** Fields a person can be created or edited with. Every field but the name is optional. */
const personFields = {
  displayName: RequiredName('Name'),
  givenName: z.string().max(LIMITS.name).optional(),
  familyName: z.string().max(LIMITS.name).optional(),
  headline: shortText.optional(),
  location: shortText.optional(),
  emails: z.array(LabeledValue).max(LIMITS.listItems).optional(),
  phones: z.array(LabeledValue).max(LIMITS.listItems).optional(),
  links: z.array(LabeledValue).max(LIMITS.listItems).optional(),
  linkedinUrl: z.string().max(LIMITS.name).nullable().optional(),
  howWeMet: longText.optional(),
  notes: longText.optional(),
  cadenceDays: z.number().int().min(1, 'Cadence must be at least 1 day').max(3650).nullable().optional(),
  tags: z.array(TagName).max(LIMITS.listItems).optional(),
};
export const PersonCreate = z.strictObject(personFields);
export type PersonCreate = z.infer<typeof PersonCreate>;
export const PersonPatch = z.strictObject({ ...personFields, displayName: personFields.displayName.optional() });
export type PersonPatch = z.infer<typeof PersonPatch>;

export const PEOPLE_SORTS = ['name', 'organization', 'strength', 'added'] as const;
export const PeopleSort = z.enum(PEOPLE_SORTS);
export type PeopleSort = z.infer<typeof PeopleSort>;

/** One row of the People list: what the list shows, nothing more (it may hold 10,000 of them). */
export const PersonRow = z.object({
  id,
  isMe: z.boolean(),
  displayName: z.string(),
  headline: z.string(),
  organizationId: id.nullable(),
  organizationName: z.string().nullable(),
  title: z.string().nullable(),
  myTieStrength: TieStrength.nullable(),
  archived: z.boolean(),
  /** Issue 14: known only through a contact's list; absent for everyone I know. */
  secondDegree: z.literal(true).optional(),
});
export type PersonRow = z.infer<typeof PersonRow>;

export const PeopleQuery = z.strictObject({
  search: z.string().max(LIMITS.name).optional(),
  sort: PeopleSort.optional(),
  archived: z.enum(['exclude', 'include', 'only']).optional(),
  organizationId: id.optional(),
  tag: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100_000).optional(),
  /** Rows to skip (the People list fetches the pages it shows, issue 17). */
  offset: z.number().int().min(0).max(10_000_000).optional(),
  /**
   * With a search: best name matches first, whatever `sort` says (the pickers,
   * issue 17): name prefixes, then matches inside the name, then title or
   * organization, then the stronger tie.
   */
  bestMatchFirst: z.boolean().optional(),
  /** Only people an import brought in and nobody has looked at since (Home's "Review N imported contacts", issue 17). */
  review: z.literal('imported').optional(),
  /** Only the people one import brought in (people.import_batch, issue 17). */
  importBatch: z.string().max(40).optional(),
  /**
   * Issue 14: people I know ('first'), people known only through a contact's
   * list ('second'), or both. The default is 'first', or 'all' with a search:
   * second-degree people are found by name.
   */
  degree: z.enum(['first', 'second', 'all']).optional(),
});
export type PeopleQuery = z.infer<typeof PeopleQuery>;

// ---- Organizations ------------------------------------------------------

export const Organization = z.object({
  id,
  name: z.string(),
  kind: OrganizationKind,
  domain: z.string(),
  notes: z.string(),
  tags: z.array(z.string()),
  archived: z.boolean(),
  /** Issue 15: how many people work there, as a band; null when not known. */
  sizeBand: SizeBand.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Organization = z.infer<typeof Organization>;

const organizationFields = {
  name: RequiredName('Organization name'),
  kind: OrganizationKind.optional(),
  domain: z.string().trim().max(500).optional(),
  notes: longText.optional(),
  tags: z.array(TagName).max(LIMITS.listItems).optional(),
  sizeBand: SizeBand.nullable().optional(),
};
export const OrganizationCreate = z.strictObject(organizationFields);
export type OrganizationCreate = z.infer<typeof OrganizationCreate>;
export const OrganizationPatch = z.strictObject({ ...organizationFields, name: organizationFields.name.optional() });
export type OrganizationPatch = z.infer<typeof OrganizationPatch>;

export const OrganizationRow = z.object({
  id,
  name: z.string(),
  kind: OrganizationKind,
  domain: z.string(),
  currentPeople: z.number().int(),
  formerPeople: z.number().int(),
  /** People there that I have a direct tie with. */
  knownDirectly: z.number().int(),
  archived: z.boolean(),
});
export type OrganizationRow = z.infer<typeof OrganizationRow>;

export const OrganizationsQuery = z.strictObject({
  search: z.string().max(LIMITS.name).optional(),
  sort: z.enum(['name', 'people']).optional(),
  archived: z.enum(['exclude', 'include', 'only']).optional(),
});
export type OrganizationsQuery = z.infer<typeof OrganizationsQuery>;

// ---- Affiliations -------------------------------------------------------

export const Affiliation = z.object({
  id,
  personId: id,
  organizationId: id,
  organizationName: z.string(),
  title: z.string(),
  isHiringManager: z.boolean(),
  isRecruiter: z.boolean(),
  isReferrer: z.boolean(),
  startDate: PartialDate.nullable(),
  endDate: PartialDate.nullable(),
  current: z.boolean(),
});
export type Affiliation = z.infer<typeof Affiliation>;

const affiliationFields = {
  title: OptionalTitle('A title').optional(),
  isHiringManager: z.boolean().optional(),
  isRecruiter: z.boolean().optional(),
  isReferrer: z.boolean().optional(),
  startDate: PartialDate.nullable().optional(),
  endDate: PartialDate.nullable().optional(),
  current: z.boolean().optional(),
};
/** Name an existing organization by id, or by name (created when new, matched case-insensitively). */
export const AffiliationCreate = z
  .strictObject({
    personId: id,
    organizationId: id.optional(),
    organizationName: RequiredName('Organization name').optional(),
    ...affiliationFields,
  })
  .refine((v) => (v.organizationId === undefined) !== (v.organizationName === undefined), {
    message: 'Give either an organization id or an organization name',
    path: ['organizationId'],
  });
export type AffiliationCreate = z.infer<typeof AffiliationCreate>;
export const AffiliationPatch = z.strictObject(affiliationFields);
export type AffiliationPatch = z.infer<typeof AffiliationPatch>;

// ---- Ties ---------------------------------------------------------------

export const Tie = z.object({
  id,
  personA: id,
  personB: id,
  strength: TieStrength,
  context: z.string(),
  since: PartialDate.nullable(),
  source: TieSource,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Tie = z.infer<typeof Tie>;

/** A tie seen from one person: who is on the other end. */
export const TieView = z.object({
  id,
  otherId: id,
  otherName: z.string(),
  otherIsMe: z.boolean(),
  otherArchived: z.boolean(),
  otherOrganizationName: z.string().nullable(),
  strength: TieStrength,
  context: z.string(),
  since: PartialDate.nullable(),
  source: TieSource,
  /** Issue 14: the person whose list said these two are connected (ties.source_person_id), when it was a contact's list. */
  fromListOf: z.object({ id, name: z.string() }).optional(),
});
export type TieView = z.infer<typeof TieView>;

const tieFields = {
  strength: TieStrength,
  context: shortText.optional(),
  since: PartialDate.nullable().optional(),
  // 'their-connections' is written only by the import of a contact's list (issue 14), which names whose it was.
  source: z.enum(['manual', 'imported', 'introduced']).optional(),
};
export const TieCreate = z
  .strictObject({ personA: id, personB: id, ...tieFields })
  .refine((t) => t.personA !== t.personB, { message: 'A person cannot have a tie with themselves', path: ['personB'] });
export type TieCreate = z.infer<typeof TieCreate>;
export const TiePatch = z.strictObject({ ...tieFields, strength: TieStrength.optional() });
export type TiePatch = z.infer<typeof TiePatch>;

// ---- Composite views ----------------------------------------------------

export const PersonDetail = z.object({
  person: Person,
  affiliations: z.array(Affiliation),
  ties: z.array(TieView),
  /** My own tie with this person, if any (also present in `ties` when viewing someone else). */
  myTie: TieView.nullable(),
});
export type PersonDetail = z.infer<typeof PersonDetail>;

export const OrganizationMember = z.object({
  affiliationId: id,
  personId: id,
  displayName: z.string(),
  title: z.string(),
  isHiringManager: z.boolean(),
  isRecruiter: z.boolean(),
  isReferrer: z.boolean(),
  current: z.boolean(),
  myTieStrength: TieStrength.nullable(),
  archived: z.boolean(),
});
export type OrganizationMember = z.infer<typeof OrganizationMember>;

export const OrganizationDetail = z.object({
  organization: Organization,
  members: z.array(OrganizationMember),
});
export type OrganizationDetail = z.infer<typeof OrganizationDetail>;

export const QuickResult = z.object({
  kind: z.enum(['person', 'organization']),
  id,
  label: z.string(),
  detail: z.string(),
});
export type QuickResult = z.infer<typeof QuickResult>;

export const Stats = z.object({
  /** People I know (first-degree), not archived, me not counted. */
  people: z.number().int(),
  /** Issue 14: people known only through a contact's list, not archived. */
  secondDegreePeople: z.number().int(),
  archivedPeople: z.number().int(),
  organizations: z.number().int(),
  affiliations: z.number().int(),
  ties: z.number().int(),
  myTies: z.number().int(),
  interactions: z.number().int(),
  tiesByStrength: z.record(z.string(), z.number().int()),
});
export type Stats = z.infer<typeof Stats>;

export const SampleOptions = z.strictObject({
  people: z.number().int().min(10).max(100_000).optional(),
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
});
export type SampleOptions = z.infer<typeof SampleOptions>;

export const SampleResult = z.object({
  people: z.number().int(),
  organizations: z.number().int(),
  ties: z.number().int(),
  interactions: z.number().int(),
});
export type SampleResult = z.infer<typeof SampleResult>;

export const AppInfo = z.object({
  version: z.string(),
  schemaVersion: z.number().int(),
  dataDir: z.string(),
  onboarded: z.boolean(),
  me: Person,
  /** The data file was opened read-only (issue 7): the app shows it and saves nothing. */
  readOnly: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfo>;
