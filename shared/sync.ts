// IPC channels for syncing through a folder (issue 19), spread into
// shared/contract.ts's `contract`. No channel takes a path: the folder is
// chosen with the native dialog in main, and the renderer gets a token for it
// (the pattern of import:chooseFolder). The sync passphrase crosses IPC only
// inward, once, and is never answered back.
//
// The status is what main/sync/run.ts's syncStatus() reports, read
// defensively (main/ipc/handlers-sync.ts): fields the engine adds later
// (device names, skewed clocks, files waiting) are optional here, so both the
// engine's first shape and a richer one fit this contract.
import { z } from 'zod';
import { Passphrase } from './encryption';

const Token = z.string().uuid('Choose the sync folder again.');

export const ChosenSyncFolder = z.object({
  token: z.string(),
  /** The folder, to show (it never comes back in). */
  folder: z.string(),
  /** Another device already set sync up in it: its passphrase is asked once, not twice. */
  existing: z.boolean(),
});
export type ChosenSyncFolder = z.infer<typeof ChosenSyncFolder>;

export const SyncPassSummary = z.object({
  /** This device's id after the pass (a copied data file takes a new one). */
  device: z.string(),
  written: z.number().int().nonnegative(),
  applied: z.number().int().nonnegative(),
  operations: z.number().int().nonnegative(),
  waiting: z.array(z.object({ device: z.string(), reason: z.string() })),
  ignored: z.array(z.string()),
  newDeviceId: z.boolean(),
});
export type SyncPassSummary = z.infer<typeof SyncPassSummary>;

/** The last pass this app ran (kept in memory: gone at restart). */
export const LastSyncPass = z.object({
  /** When it ran (ISO 8601, UTC). */
  at: z.string(),
  pass: SyncPassSummary.nullable(),
  /** What went wrong, in words, when the pass did not run. */
  error: z.string().nullable(),
});
export type LastSyncPass = z.infer<typeof LastSyncPass>;

export const SyncDeviceSeen = z.object({
  device: z.string(),
  name: z.string().nullable().optional(),
  /** The last change file applied from it (0: none yet). */
  appliedFile: z.number().int().nonnegative(),
  /** When that file was applied here. */
  appliedAt: z.string().nullable(),
  /** When the last change applied from it was made there, if the engine says. */
  lastChangeAt: z.string().nullable().optional(),
  waiting: z.string().nullable(),
  /** How far its clock was ahead of this one's (0 when not). */
  clockAheadMs: z.number().optional(),
  /** Forgotten ("will never sync again"): old change files are no longer kept for it. */
  forgotten: z.boolean().optional(),
  /** This computer keeps old change files until that one has applied them. */
  holdsBack: z.boolean().optional(),
});
export type SyncDeviceSeen = z.infer<typeof SyncDeviceSeen>;

export const SYNC_WAITING_KINDS = ['newer-version', 'failed-file', 'waiting'] as const;

export const SyncWaitingItem = z.object({
  kind: z.enum(SYNC_WAITING_KINDS),
  device: z.string().nullable(),
  message: z.string(),
});
export type SyncWaitingItem = z.infer<typeof SyncWaitingItem>;

export const SyncStatusView = z.object({
  enabled: z.boolean(),
  device: z.string().nullable(),
  /** This computer's name, to tell devices apart. */
  deviceName: z.string().nullable(),
  folder: z.string().nullable(),
  devices: z.array(SyncDeviceSeen),
  /** Devices whose clock was more than a day ahead: their changes were clamped. */
  skewedDevices: z.array(z.object({ device: z.string(), clockAheadMs: z.number().nullable() })).optional(),
  /** Anything waiting: a newer version's files, a file that failed, a file not arrived yet. */
  waiting: z.array(SyncWaitingItem).optional(),
  /** Entries (and notes) with two versions kept, for the user to resolve. */
  conflicts: z.number().int().nonnegative(),
  lastPass: LastSyncPass.nullable(),
});
export type SyncStatusView = z.infer<typeof SyncStatusView>;

export const SYNC_CONFLICT_KINDS = ['entry', 'person', 'organization', 'other'] as const;

export const SyncConflictView = z.object({
  kind: z.enum(SYNC_CONFLICT_KINDS),
  /** The local row, to link to (null when it is not here). */
  id: z.number().int().nullable(),
  /** What it is, in words: the entry's title and date, the person's name. */
  label: z.string(),
  /** Which text has two versions: "the entry's text", "the notes". */
  field: z.string(),
  /** The version kept aside (the other is the one shown on the entry). */
  otherValue: z.string(),
});
export type SyncConflictView = z.infer<typeof SyncConflictView>;

export const SyncSetUpResult = z.object({
  device: z.string(),
  /** This device created the sync folder's key (it is the first). */
  created: z.boolean(),
  last: LastSyncPass,
});
export type SyncSetUpResult = z.infer<typeof SyncSetUpResult>;

const nothing = z.strictObject({}).optional();

export const syncContract = {
  'sync:status': { input: nothing, output: SyncStatusView },
  'sync:chooseFolder': { input: nothing, output: ChosenSyncFolder.nullable() },
  'sync:setUp': {
    input: z.strictObject({ token: Token, passphrase: Passphrase, confirmPassphrase: Passphrase.optional() }),
    output: SyncSetUpResult,
  },
  'sync:now': { input: nothing, output: LastSyncPass },
  'sync:conflicts': { input: nothing, output: z.array(SyncConflictView) },
  /** "Forget this computer": one that will never sync again stops holding back the removal of old change files. */
  'sync:forgetDevice': {
    input: z.strictObject({ device: z.string().min(1, 'Name the computer to forget.').max(200) }),
    output: z.object({ device: z.string(), alreadyForgotten: z.boolean() }),
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
