// Handlers for the passphrase channels (shared/encryption.ts), and the
// dispatcher used while a protected data file is still locked: it answers
// app:unlock and nothing else (every other channel: PASSPHRASE_REQUIRED).
import { contract } from '../../shared/contract';
import { KithError, type IpcResult } from '../../shared/errors';
import { dataPaths } from '../db/paths';
import type { Db } from '../db/open';
import { changePassphrase, encryptionStatus, removePassphrase, setPassphrase } from '../services/encryption';
import { describeIssues, type Dispatch } from './dispatch';
import type { Handlers } from './handlers';

type EncryptionChannel = 'app:unlock' | 'encryption:status' | 'encryption:set' | 'encryption:change' | 'encryption:remove';

export function createEncryptionHandlers({ db, dataDir }: { db: Db; dataDir: string }): Pick<Handlers, EncryptionChannel> {
  // The file is the connection's own (the data folder's kith.db in the app).
  const place = () => ({ db, dbFile: db.name, backupDir: dataPaths(dataDir).backupDir });
  return {
    // Already open (this handler map exists only for an opened file): nothing to unlock.
    'app:unlock': () => encryptionStatus(db),
    'encryption:status': () => encryptionStatus(db),
    'encryption:set': ({ passphrase }) => setPassphrase(place(), passphrase),
    'encryption:change': ({ current, next }) => changePassphrase(place(), current, next),
    'encryption:remove': ({ current }) => removePassphrase(place(), current),
  };
}

/**
 * The dispatcher while the data file is locked. `unlock` opens the file with
 * the passphrase (throwing WRONG_PASSPHRASE, file untouched) and makes the
 * caller switch to the real handlers; it answers the status to send back.
 */
export function createLockedDispatch(unlock: (passphrase: string) => ReturnType<typeof encryptionStatus>): Dispatch {
  const locked: IpcResult<never> = {
    ok: false,
    error: { code: 'PASSPHRASE_REQUIRED', message: 'Your Kith data is protected with a passphrase. Unlock it first.' },
  };
  return (channel, input) => {
    if (channel !== 'app:unlock') return Promise.resolve(locked);
    const parsed = contract['app:unlock'].input.safeParse(input);
    if (!parsed.success) {
      return Promise.resolve({ ok: false, error: { code: 'INVALID_INPUT', message: `Invalid request (app:unlock): ${describeIssues(parsed.error)}` } });
    }
    try {
      return Promise.resolve({ ok: true, value: unlock(parsed.data.passphrase) });
    } catch (error) {
      if (error instanceof KithError) return Promise.resolve({ ok: false, error: error.toJSON() });
      const message = error instanceof Error ? error.message : String(error);
      return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: `Kith could not open its data: ${message}` } });
    }
  };
}
