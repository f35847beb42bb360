// IPC channels of issue 6, "Getting people in and out": import previews and
// commits, and exports. Spread into shared/contract.ts's `contract`. The
// renderer never sees a file path: the Electron layer reads the file the user
// picked and passes its text, and writes the export's text where they chose.
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

export const ImportRequest = z.strictObject({
  format: ImportFormat,
  text: ImportText,
  /** Records the user unticked in the preview, by key (`line 12`, `card 3`): they are left out. */
  exclude: z.array(z.string().max(100)).max(1_000_000).optional(),
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

export const ImportPreview = z.object({
  format: ImportFormat,
  counts: ImportCounts,
  newPeople: z.array(z.object({ key: z.string(), where: z.string(), name: z.string(), organization: z.string().nullable() })),
  newOrganizations: z.array(z.string()),
  matches: z.array(ImportMatch),
  skipped: z.array(ImportIssue),
  warnings: z.array(ImportIssue),
  /** Nothing would change (the same file was imported before, or a JSON export of this very data). */
  nothingToDo: z.boolean(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportResult = z.object({
  format: ImportFormat,
  counts: ImportCounts,
  skipped: z.array(ImportIssue),
  warnings: z.array(ImportIssue),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const ExportRequest = z.strictObject({ format: ExportFormat });
export const ExportResult = z.object({ fileName: z.string(), mimeType: z.string(), text: z.string() });
export type ExportResult = z.infer<typeof ExportResult>;

export const importExportContract = {
  'import:preview': { input: ImportRequest, output: ImportPreview },
  'import:commit': { input: ImportRequest, output: ImportResult },
  'export:run': { input: ExportRequest, output: ExportResult },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
