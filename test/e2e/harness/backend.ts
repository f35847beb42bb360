// The main process's data path, running in the test's Node process: the real
// openKith() on a real SQLite file, the real handlers, and the dispatcher with
// output validation on (as in development). The page reaches it through
// window.kith.invoke, bridged by fixtures.ts.
import { createDispatcher, type Dispatch } from '../../../main/ipc/dispatch';
import { createHandlers } from '../../../main/ipc/handlers';
import { openKith, type KithStore } from '../../../main/db/kith';

export class KithBackend {
  private current: { store: KithStore; dispatch: Dispatch } | null = null;
  /** Unexpected handler failures (INTERNAL results), with their stacks. */
  readonly internalErrors: string[] = [];

  constructor(readonly dataDir: string) {
    this.open();
  }

  get store(): KithStore {
    if (!this.current) throw new Error('The Kith database is closed.');
    return this.current.store;
  }

  dispatch: Dispatch = (channel, input) => {
    if (!this.current) return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'The Kith database is closed.' } });
    return this.current.dispatch(channel, input);
  };

  /** What the app does at start: open (and migrate) the data dir, build the handlers. */
  open(): void {
    if (this.current) throw new Error('The Kith database is already open.');
    const store = openKith(this.dataDir);
    const dispatch = createDispatcher(createHandlers({ db: store.db, dataDir: store.dataDir }), {
      validateOutput: true,
      log: (message, error) => {
        this.internalErrors.push(`${message}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      },
    });
    this.current = { store, dispatch };
  }

  close(): void {
    this.current?.store.close();
    this.current = null;
  }

  /** Close the database and open it again from the file, as an app restart does. */
  restart(): void {
    this.close();
    this.open();
  }
}
