// IPC channels of issue 6, "Getting people in and out": import previews and
// commits, and exports. Spread into shared/contract.ts's `contract`. The
// renderer never sees a file path: it reads the file the user picked as bytes
// (issue 13: encoding detection needs them) and passes them base64-encoded,
// which survives every transport; main finds the encoding.
import { z } from 'zod';

export const IMPORT_FORMATS = ['linkedin', 'vcard', 'google', 'json'] as const;
export const ImportFormat = z.enum(IMPORT_FORMATS);
export type ImportFormat = z.infer<typeof ImportFormat>;

export const EXPORT_FORMATS = ['json', 'csv', 'vcard', 'gexf', 'graphml'] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** 50 million characters: far more than any real export (10,000 LinkedIn rows are about 1.5 MB). */
export const MAX_IMPORT_CHARS = 50_000_000;

export const ImportText = z
  .string({ error: 'The file contents must be text' })
  .max(MAX_IMPORT_CHARS, 'The file is too large to import (more than 50 MB of text). Split it into smaller files and import them one by one.');

/** The encodings decoding recognises (issue 13); 'mixed' is UTF-8 with some Windows-1252 lines. */
export const IMPORT_ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252', 'mixed'] as const;
export const ImportEncoding = z.enum(IMPORT_ENCODINGS);
export type ImportEncoding = z.infer<typeof ImportEncoding>;

export const ENCODING_LABELS: Record<ImportEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 (with byte-order mark)',
  'utf-16le': 'UTF-16 little-endian',
  'utf-16be': 'UTF-16 big-endian',
  'windows-1252': 'Windows-1252 (Western European)',
  mixed: 'UTF-8 with some Windows-1252 lines',
};

/** The file's bytes as base64: 50 MB of file is at most this many characters. */
export const MAX_IMPORT_BASE64 = Math.ceil(MAX_IMPORT_CHARS / 3) * 4;

export const ImportBytes = z
  .string({ error: 'The file contents must be base64 text' })
  .max(MAX_IMPORT_BASE64, 'The file is too large to import (more than 50 MB). Split it into smaller files and import them one by one.')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file contents must be base64 text');

export const ImportRequest = z
  .strictObject({
    format: ImportFormat,
    /** The file's bytes, base64: the encoding is found in main (issue 13). */
    bytes: ImportBytes.optional(),
    /** Already-decoded text, for callers that hold text (tests, scripts); `bytes` is what the app sends. */
    text: ImportText.optional(),
    /** Records the user unticked in the preview, by key (`line 12`, `card 3`): they are left out. */
    exclude: z.array(z.string().max(100)).max(1_000_000).optional(),
    /** Items offered unticked that the user ticked (LinkedIn message senders who are not connections: `sender <url>`). */
    include: z.array(z.string().max(1000)).max(1_000_000).optional(),
    /** Import LinkedIn messages' text into the journal entries (off by default, issue 13). */
    messageText: z.boolean().optional(),
    /** A folder the user chose with the native dialog (import:chooseFolder), by its token: never a path. */
    folder: z.uuid().optional(),
    /** Issue 14: the file is this person's own Connections.csv (LinkedIn only): they are tied to each connection, not me. */
    of: z.number().int().positive().optional(),
    /** Issue 14: import it as theirs even though it looks like a list imported before as someone else's. */
    confirmOwner: z.boolean().optional(),
  })
  .refine((r) => [r.bytes, r.text, r.folder].filter((v) => v !== undefined).length === 1, {
    message: 'Send the file as bytes (or as text), or a chosen folder: exactly one of them',
  });
export type ImportRequest = z.infer<typeof ImportRequest>;

/** A problem or remark about one line or card of the file. */
export const ImportIssue = z.object({
  where: z.string(),
  line: z.number().int().nullable(),
  card: z.number().int().nullable(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof ImportIssue>;

export const MATCH_REASONS = ['email', 'linkedin', 'name-and-organization', 'name'] as const;

export const ImportMatch = z.object({
  key: z.string(),
  where: z.string(),
  name: z.string(),
  personId: z.number().int(),
  personName: z.string(),
  matchedBy: z.enum(MATCH_REASONS),
  /** What would be filled in, in words ("e-mail tom@example.org", "tag Mentors"); empty when nothing changes. */
  changes: z.array(z.string()),
});
export type ImportMatch = z.infer<typeof ImportMatch>;

export const ImportCounts = z.object({
  records: z.number().int(),
  newPeople: z.number().int(),
  matchedPeople: z.number().int(),
  updatedPeople: z.number().int(),
  newOrganizations: z.number().int(),
  updatedOrganizations: z.number().int(),
  newAffiliations: z.number().int(),
  updatedAffiliations: z.number().int(),
  newTies: z.number().int(),
  updatedTies: z.number().int(),
  skipped: z.number().int(),
});
export type ImportCounts = z.infer<typeof ImportCounts>;

export const ARCHIVE_FILE_KINDS = ['connections', 'messages', 'invitations', 'notes', 'positions', 'recommendations', 'other'] as const;

/** What an import of LinkedIn's data archive does beyond people (issue 13), in the preview and the result. */
export const ArchiveSummary = z.object({
  files: z.array(
    z.object({ name: z.string(), kind: z.enum(ARCHIVE_FILE_KINDS), rows: z.number().int(), encoding: ImportEncoding.nullable() }),
  ),
  /** My profile URL: the one present in every conversation. */
  me: z.string().nullable(),
  messages: z.object({
    messages: z.number().int(),
    /** New journal entries: one per conversation and UTC day with someone in Kith. */
    entries: z.number().int(),
    alreadyImported: z.number().int(),
    /** Conversations with more than 8 people, left out. */
    largeConversations: z.number().int(),
    drafts: z.number().int(),
    spam: z.number().int(),
    sponsored: z.number().int(),
    /** Conversation days with nobody who is in Kith (or ticked as new). */
    withNobodyKnown: z.number().int(),
  }),
  /** Message senders who are not connections, offered as new people; unticked unless listed in `include`. */
  senders: z.array(z.object({ key: z.string(), name: z.string(), url: z.string(), messages: z.number().int(), included: z.boolean() })),
  messageText: z.boolean(),
  howWeMet: z.number().int(),
  notes: z.number().int(),
  positions: z.array(
    z.object({ organization: z.string(), title: z.string(), startDate: z.string().nullable(), endDate: z.string().nullable(), isNew: z.boolean() }),
  ),
  favors: z.number().int(),
});
export type ArchiveSummary = z.infer<typeof ArchiveSummary>;

/** A connection whose employer changed since the last import: the old affiliation ends, the new one starts (issue 13). */
export const JobChange = z.object({ key: z.string(), where: z.string(), personId: z.number().int(), name: z.string(), from: z.array(z.string()), to: z.string() });
export type JobChange = z.infer<typeof JobChange>;

/** Issue 14: what importing a contact's own Connections.csv as theirs does, in the preview and the result. */
export const TheirConnectionsSummary = z.object({
  personId: z.number().int(),
  name: z.string(),
  /** Rows of the file that are me: never added as a person. */
  me: z.array(z.object({ where: z.string(), matchedBy: z.enum(['linkedin', 'email', 'name']) })),
  /** The tie between me and the owner the file is evidence of: added, already there, or none (I am not in the file, or only by name). */
  tieWithMe: z.enum(['added', 'exists', 'none']),
  /** People new to Kith, added as second-degree (no tie with me). */
  secondDegree: z.number().int(),
  /** Connections the owner is tied to by this import. */
  newTies: z.number().int(),
  /** Earlier lists, imported as someone else's, that hold most of this one's people: the commit needs `confirmOwner`. */
  sameListAs: z.array(z.object({ personId: z.number().int(), name: z.string(), people: z.number().int(), of: z.number().int() })),
});
export type TheirConnectionsSummary = z.infer<typeof TheirConnectionsSummary>;

export const ImportPreview = z.object({
  format: ImportFormat,
  counts: ImportCounts,
  newPeople: z.array(z.object({ key: z.string(), where: z.string(), name: z.string(), organization: z.string().nullable() })),
  newOrganizations: z.array(z.string()),
  matches: z.array(ImportMatch),
  skipped: z.array(ImportIssue),
  warnings: z.array(ImportIssue),
  /** How the file's bytes were read (absent when text was sent). */
  encoding: ImportEncoding.optional(),
  jobChanges: z.array(JobChange).optional(),
  archive: ArchiveSummary.optional(),
  theirs: TheirConnectionsSummary.optional(),
  /** Nothing would change (the same file was imported before, or a JSON export of this very data). */
  nothingToDo: z.boolean(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportResult = z.object({
  format: ImportFormat,
  counts: ImportCounts,
  skipped: z.array(ImportIssue),
  warnings: z.array(ImportIssue),
  encoding: ImportEncoding.optional(),
  jobChanges: z.array(JobChange).optional(),
  archive: ArchiveSummary.optional(),
  theirs: TheirConnectionsSummary.optional(),
  /**
   * The batch id of the people this import brought in (people.import_batch,
   * issue 17), for "See the people" (`#/people?batch=…`); absent when it added nobody.
   */
  importBatch: z.string().optional(),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const ExportRequest = z.strictObject({ format: ExportFormat });
export const ExportResult = z.object({ fileName: z.string(), mimeType: z.string(), text: z.string() });
export type ExportResult = z.infer<typeof ExportResult>;

export const ChosenFolder = z.object({ token: z.uuid(), name: z.string(), files: z.number().int() });
export type ChosenFolder = z.infer<typeof ChosenFolder>;

/** One import in the log (issue 13); only the last one not undone can be undone. */
export const ImportLogEntry = z.object({
  id: z.number().int(),
  format: z.string(),
  summary: z.string(),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
  added: z.number().int(),
  changed: z.number().int(),
  canUndo: z.boolean(),
});
export type ImportLogEntry = z.infer<typeof ImportLogEntry>;

export const UndoResult = z.object({
  importId: z.number().int(),
  summary: z.string(),
  removed: z.number().int(),
  restored: z.number().int(),
  /** What was edited since and stops the undo, in words; empty when it can be (or was) undone. */
  blockers: z.array(z.string()),
  undone: z.boolean(),
});
export type UndoResult = z.infer<typeof UndoResult>;

/** Likely duplicates (issue 13), with why they look like one. */
export const DuplicateGroup = z.object({ ids: z.array(z.number().int()), names: z.array(z.string()), evidence: z.array(z.string()) });
export type DuplicateGroup = z.infer<typeof DuplicateGroup>;

export const MERGE_FIELDS = ['displayName', 'givenName', 'familyName', 'headline', 'location', 'linkedinUrl', 'cadenceDays'] as const;
export const MergeField = z.enum(MERGE_FIELDS);
export type MergeField = z.infer<typeof MergeField>;

const mergeIds = z.array(z.number().int().positive()).min(2, 'Name at least two to merge').max(50);

export const PeopleMergeRequest = z.strictObject({
  /** The first is kept. */
  ids: mergeIds,
  /** Whose value to take for a field, instead of the first non-empty one. */
  prefer: z.partialRecord(MergeField, z.number().int().positive()).optional(),
  dryRun: z.boolean().optional(),
});

export const PeopleMergeResult = z.object({
  keptId: z.number().int(),
  mergedIds: z.array(z.number().int()),
  fields: z.array(z.object({ field: z.string(), value: z.string(), fromId: z.number().int() })),
  conflicts: z.array(z.object({ field: MergeField, values: z.array(z.object({ id: z.number().int(), value: z.string() })) })),
  repointed: z.record(z.string(), z.number().int()),
  aliases: z.array(z.string()),
  dryRun: z.boolean(),
});
export type PeopleMergeResult = z.infer<typeof PeopleMergeResult>;

export const OrganizationsMergeResult = z.object({
  keptId: z.number().int(),
  mergedIds: z.array(z.number().int()),
  aliases: z.array(z.string()),
  repointed: z.record(z.string(), z.number().int()),
  dryRun: z.boolean(),
});

export const importExportContract = {
  'duplicates:people': { input: z.strictObject({}).optional(), output: z.object({ groups: z.array(DuplicateGroup) }) },
  'duplicates:organizations': { input: z.strictObject({}).optional(), output: z.object({ groups: z.array(DuplicateGroup) }) },
  /** Merges people into the first (a backup is taken first); dryRun only shows what would happen. */
  'duplicates:mergePeople': { input: PeopleMergeRequest, output: PeopleMergeResult },
  'duplicates:mergeOrganizations': { input: z.strictObject({ ids: mergeIds, dryRun: z.boolean().optional() }), output: OrganizationsMergeResult },
  'imports:list': { input: z.strictObject({}).optional(), output: z.object({ items: z.array(ImportLogEntry) }) },
  /** Undoes the last import; with dryRun, only says whether it can be and what stops it. */
  'imports:undo': { input: z.strictObject({ dryRun: z.boolean().optional() }).optional(), output: UndoResult },
  /** Shows the OS folder dialog in main; answers a token for the folder (never its path), or null when cancelled. */
  'import:chooseFolder': { input: z.strictObject({}).optional(), output: ChosenFolder.nullable() },
  'import:preview': { input: ImportRequest, output: ImportPreview },
  'import:commit': { input: ImportRequest, output: ImportResult },
  'export:run': { input: ExportRequest, output: ExportResult },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
