// IPC channels for backups and restore (issue 6, "Getting people in and out").
// Spread into shared/contract.ts's `contract`. A backup is named by its file
// name inside the data folder's backups/ folder: the renderer never sends a
// path, and main refuses any name that is not one of Kith's backup names.
import { z } from 'zod';

export const BACKUP_KINDS = ['daily', 'weekly', 'manual', 'before-import', 'before-merge', 'before-migration', 'before-restore'] as const;
export const BackupKind = z.enum(BACKUP_KINDS);
export type BackupKind = z.infer<typeof BackupKind>;

/** What each kind means, in words, for the Settings list and the CLI. */
export const BACKUP_KIND_LABELS: Record<BackupKind, string> = {
  daily: 'Daily',
  weekly: 'Weekly',
  manual: 'Made by you',
  'before-import': 'Before an import',
  'before-merge': 'Before merging duplicates',
  'before-migration': 'Before an update',
  'before-restore': 'Before a restore',
};

/**
 * `kith-<kind>-<UTC time with - for : and .>[-<n>].db`; a migration's backup
 * also names the schema versions (`kith-before-migration-1-to-2-…`), as
 * main/db/open.ts writes it.
 */
export const BACKUP_NAME_PATTERN =
  /^kith-(daily|weekly|manual|before-import|before-merge|before-restore|before-migration(?:-\d+-to-\d+)?)-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)(?:-(\d{1,4}))?\.db$/;

export const BackupName = z
  .string()
  .max(200)
  .regex(BACKUP_NAME_PATTERN, 'This is not the name of one of Kith\'s backups (choose one from the list of backups).');

export const BackupInfo = z.object({
  name: BackupName,
  kind: BackupKind,
  /** When it was taken (ISO 8601, UTC). */
  createdAt: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  /** A detail worth showing: "schema 1 → 2" for a migration's backup. */
  detail: z.string().nullable(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

export const BackupList = z.object({
  /** The folder the backups are in (inside the data folder). */
  folder: z.string(),
  /** Newest first. */
  backups: z.array(BackupInfo),
});
export type BackupList = z.infer<typeof BackupList>;

export const RestoreScheduled = z.object({
  /** The backup restored. */
  restored: BackupName,
  /** The copy of the data as it was just before, taken first. */
  safetyBackup: BackupInfo,
  /** The file is swapped while Kith restarts (the connection must be closed first). */
  restartRequired: z.literal(true),
});
export type RestoreScheduled = z.infer<typeof RestoreScheduled>;

export const backupsContract = {
  'backups:list': { input: z.strictObject({}).optional(), output: BackupList },
  'backups:create': { input: z.strictObject({}).optional(), output: BackupInfo },
  'backups:restore': { input: z.strictObject({ name: BackupName }), output: RestoreScheduled },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
