// Forget a person (issue 18): remove someone completely from the live data,
// and see and purge the backups that still hold them. Channels spread into
// shared/contract.ts.
import { z } from 'zod';
import { Id } from './domain';

/** What forgetting this person removes, counted before anything changes. */
export const ForgetPreview = z.object({
  personId: Id,
  displayName: z.string(),
  ties: z.number().int().min(0),
  affiliations: z.number().int().min(0),
  /** Journal entries with nobody else in them: removed whole. */
  journalEntries: z.number().int().min(0),
  /** Journal entries shared with others: only they are taken out. */
  participations: z.number().int().min(0),
  /** @mentions of them in other entries, replaced by "[forgotten]". */
  mentions: z.number().int().min(0),
  favors: z.number().int().min(0),
  followUps: z.number().int().min(0),
  introductions: z.number().int().min(0),
  /** Rows in any other table that refers to people (aliases, import records, decisions…). */
  otherRecords: z.number().int().min(0),
  /** Saved settings that name them (graph positions, saved routes). */
  savedViews: z.number().int().min(0),
  /**
   * Second-degree people Kith knows only from their connections list (no tie
   * of their own with anyone else, nothing of yours names them): forgotten
   * with them, or they would stay as strangers tied to nobody.
   */
  onlyThroughThem: z.number().int().min(0),
});
export type ForgetPreview = z.infer<typeof ForgetPreview>;

export const ForgetResult = ForgetPreview.extend({
  /** Names the forgetting in the list of backups that still hold them; never their name. */
  forgottenKey: z.string(),
});
export type ForgetResult = z.infer<typeof ForgetResult>;

/** One forgotten person (not named: their name is what was forgotten) and the backups that still hold them. */
export const ForgottenInBackups = z.object({
  key: z.string(),
  forgottenAt: z.string(),
  /** Backup file names that still contain them. */
  backups: z.array(z.string()),
  /** Backups that could not be opened to check (an earlier passphrase, damaged). */
  unchecked: z.array(z.string()),
});
export type ForgottenInBackups = z.infer<typeof ForgottenInBackups>;

export const PurgeResult = z.object({ deleted: z.array(z.string()) });
export type PurgeResult = z.infer<typeof PurgeResult>;

const ForgetKey = z.string().regex(/^[0-9a-f]{32}$/, 'is not a forgotten person key');

export const forgetContract = {
  'people:forgetPreview': { input: z.strictObject({ id: Id }), output: ForgetPreview },
  /** `confirm: true` only after the user was shown the preview and said yes. */
  'people:forget': { input: z.strictObject({ id: Id, confirm: z.literal(true) }), output: ForgetResult },
  'backups:forgotten': { input: z.strictObject({}).optional(), output: z.array(ForgottenInBackups) },
  /** Deletes the backups that still hold this forgotten person (asked first in Settings). */
  'backups:purgeForgotten': { input: z.strictObject({ key: ForgetKey, confirm: z.literal(true) }), output: PurgeResult },
} as const;
