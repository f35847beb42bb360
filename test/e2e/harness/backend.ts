// The main process's data path, running in the test's Node process: the real
// openKith() on a real SQLite file, the real handlers, and the dispatcher with
// output validation on (as in development). The page reaches it through
// window.kith.invoke, bridged by fixtures.ts. A data file protected with a
// passphrase opens locked, as in the app: only app:unlock answers until the
// page unlocks it (the passphrase is not kept across restart()).
import { createDispatcher, type Dispatch } from '../../../main/ipc/dispatch';
import { createHandlers } from '../../../main/ipc/handlers';
import { createLockedDispatch } from '../../../main/ipc/handlers-encryption';
import { openKith, type KithStore } from '../../../main/db/kith';
import { encryptionStatus } from '../../../main/services/encryption';
import { KithError } from '../../../shared/errors';

export class KithBackend {
  private current: { store: KithStore; dispatch: Dispatch } | null = null;
  private locked: Dispatch | null = null;
  /** Unexpected handler failures (INTERNAL results), with their stacks. */
  readonly internalErrors: string[] = [];
  /**
   * What the native folder dialog answers next, one per sync:chooseFolder
   * (issue 19): a folder, or null for "cancelled" (also when none is queued).
   */
  readonly folderDialogAnswers: Array<string | null> = [];

  constructor(readonly dataDir: string) {
    this.open();
  }

  get store(): KithStore {
    if (!this.current) throw new Error(this.locked ? 'The Kith database is locked (protected with a passphrase).' : 'The Kith database is closed.');
    return this.current.store;
  }

  /** Whether the data file waits for its passphrase. */
  get isLocked(): boolean {
    return this.current === null && this.locked !== null;
  }

  dispatch: Dispatch = (channel, input) => {
    if (this.current) return this.current.dispatch(channel, input);
    if (this.locked) return this.locked(channel, input);
    return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'The Kith database is closed.' } });
  };

  /** What the app does at start: open (and migrate) the data dir, build the handlers; locked if it needs a passphrase. */
  open(passphrase?: string): void {
    if (this.current) throw new Error('The Kith database is already open.');
    try {
      this.openWith(passphrase ?? null);
    } catch (error) {
      if (!(error instanceof KithError && error.code === 'PASSPHRASE_REQUIRED')) throw error;
      this.locked = createLockedDispatch((p) => encryptionStatus(this.openWith(p).db));
    }
  }

  private openWith(passphrase: string | null): KithStore {
    const store = openKith(this.dataDir, { passphrase });
    const dispatch = createDispatcher(createHandlers({
        db: store.db,
        dataDir: store.dataDir,
        chooseSyncFolder: () => Promise.resolve(this.folderDialogAnswers.shift() ?? null),
      }), {
      validateOutput: true,
      log: (message, error) => {
        this.internalErrors.push(`${message}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      },
    });
    this.current = { store, dispatch };
    this.locked = null;
    return store;
  }

  close(): void {
    this.current?.store.close();
    this.current = null;
    this.locked = null;
  }

  /** Close the database and open it again from the file, as an app restart does. */
  restart(): void {
    this.close();
    this.open();
  }
}
