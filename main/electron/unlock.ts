// The app's dispatcher across the unlock (issue 7): while the data file waits
// for its passphrase only app:unlock answers (app:info and everything else say
// PASSPHRASE_REQUIRED, which the renderer turns into its unlock screen); once
// open, every channel goes to handlers built on the opened store. Plain Node
// (no electron import), so main.ts stays a few lines.
import type { KithStore } from '../db/kith';
import type { Dispatch } from '../ipc/dispatch';
import { createLockedDispatch } from '../ipc/handlers-encryption';
import { encryptionStatus } from '../services/encryption';

export interface AppDispatch {
  dispatch: Dispatch;
  /** Switches to the real handlers for an opened store (at start, or after app:unlock). */
  opened(store: KithStore): void;
}

export function createAppDispatch(options: {
  /** Opens the data folder with a passphrase (throws WRONG_PASSPHRASE with the file untouched). */
  open: (passphrase: string) => KithStore;
  buildDispatch: (store: KithStore) => Dispatch;
  /** Starts what needs the data (backups, notifications). */
  onOpened: (store: KithStore) => void;
}): AppDispatch {
  let current: Dispatch | null = null;
  const opened = (store: KithStore): void => {
    current = options.buildDispatch(store);
    options.onOpened(store);
  };
  const locked = createLockedDispatch((passphrase) => {
    const store = options.open(passphrase);
    opened(store);
    return encryptionStatus(store.db);
  });
  return { dispatch: (channel, input) => (current ?? locked)(channel, input), opened };
}
