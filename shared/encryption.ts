// IPC channels for protecting the data with a passphrase (issue 7). Spread
// into shared/contract.ts's `contract`. A passphrase crosses IPC only inward
// (renderer → main), is never answered back, never logged, never stored.
import { z } from 'zod';

/** A passphrase being checked: anything the user typed. */
export const Passphrase = z.string().min(1, 'Type the passphrase.').max(1024, 'A passphrase is at most 1,024 characters.');

export const MIN_PASSPHRASE_LENGTH = 8;

/** A new passphrase: long enough to be worth the name. */
export const NewPassphrase = z
  .string()
  .min(MIN_PASSPHRASE_LENGTH, `A passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters; a few words are easier to remember and harder to guess.`)
  .max(1024, 'A passphrase is at most 1,024 characters.')
  .refine((s) => s.trim().length === s.length, 'A passphrase cannot start or end with a space (it would be easy to mistype).');

export const EncryptionStatus = z.object({
  encrypted: z.boolean(),
  /** How, in words (null when not protected). */
  cipher: z.string().nullable(),
  kdf: z.string().nullable(),
});
export type EncryptionStatus = z.infer<typeof EncryptionStatus>;

export const EncryptionChange = EncryptionStatus.extend({
  /** Backups brought to the new passphrase (or to none). */
  backupsRekeyed: z.number().int().nonnegative(),
  /** Backups left as they were: protected with an older passphrase. */
  backupsSkipped: z.number().int().nonnegative(),
});
export type EncryptionChange = z.infer<typeof EncryptionChange>;

const nothing = z.strictObject({}).optional();

export const encryptionContract = {
  /** Opens a protected data file at start (the only channel that works while locked, with app:info answering PASSPHRASE_REQUIRED). */
  'app:unlock': { input: z.strictObject({ passphrase: Passphrase }), output: EncryptionStatus },
  'encryption:status': { input: nothing, output: EncryptionStatus },
  'encryption:set': { input: z.strictObject({ passphrase: NewPassphrase }), output: EncryptionChange },
  'encryption:change': { input: z.strictObject({ current: Passphrase, next: NewPassphrase }), output: EncryptionChange },
  'encryption:remove': { input: z.strictObject({ current: Passphrase }), output: EncryptionChange },
} as const;
