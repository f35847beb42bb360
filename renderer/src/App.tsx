import { useCallback, useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/domain';
import { invoke, RequestError } from './api';
import { AppShell } from './AppShell';
import { ErrorNotice } from './components/ErrorNotice';
import { errorMessage } from './data/mutate';
import { useRevision } from './data/revision';
import { UnlockView } from './views/unlock/UnlockView';
import { Welcome } from './views/Welcome';

type Boot = { state: 'loading' } | { state: 'locked' } | { state: 'ready'; info: AppInfo } | { state: 'failed'; message: string };

/** Loads app:info, then shows the first-run welcome or the app. */
export function App() {
  const [boot, setBoot] = useState<Boot>({ state: 'loading' });
  const revision = useRevision();

  const load = useCallback(() => {
    invoke('app:info').then(
      (info) => setBoot({ state: 'ready', info }),
      (error: unknown) =>
        // A data file protected with a passphrase: main opened nothing and waits for app:unlock.
        setBoot(error instanceof RequestError && error.code === 'PASSPHRASE_REQUIRED' ? { state: 'locked' } : { state: 'failed', message: errorMessage(error) }),
    );
  }, []);

  // Me's name can change on its own page: keep app:info fresh.
  useEffect(load, [load, revision]);

  // The end-to-end tests' readiness signal: the first app:info has rendered.
  useEffect(() => {
    if (boot.state !== 'loading') document.documentElement.dataset.kithReady = 'true';
  }, [boot.state]);

  switch (boot.state) {
    case 'loading':
      return <div className="boot" data-testid="boot" aria-busy="true" />;
    case 'locked':
      return <UnlockView onUnlocked={load} />;
    case 'failed':
      return (
        <div className="boot">
          <ErrorNotice title="Kith could not open your data" message={boot.message} onRetry={load} />
        </div>
      );
    case 'ready':
      return boot.info.onboarded ? (
        <AppShell info={boot.info} />
      ) : (
        <Welcome onDone={(info) => setBoot({ state: 'ready', info })} />
      );
  }
}
