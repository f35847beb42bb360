import { Suspense, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { AppInfo } from '../../shared/domain';
import { invoke, RequestError } from './api';
import { AppShell } from './AppShell';
import { takeEarlyAppInfo } from './boot';
import { ErrorNotice } from './components/ErrorNotice';
import { errorMessage } from './data/mutate';
import { useRevision } from './data/revision';
import { UnlockView, viewFor, Welcome } from './lazyViews';
import { parseRoute } from './router';

type Boot = { state: 'loading' } | { state: 'locked' } | { state: 'ready'; info: AppInfo } | { state: 'failed'; message: string };

/** Loads app:info, then shows the first-run welcome or the app. */
export function App() {
  const [boot, setBoot] = useState<Boot>({ state: 'loading' });
  const revision = useRevision();

  const booting = useRef(true);

  const load = useCallback(() => {
    // At start, app:info and the view the window opens on have been loading
    // since main.tsx ran (boot.ts, issue 17); waiting for both means the shell
    // and the view show in one commit.
    const firstView = booting.current
      ? viewFor(parseRoute(window.location.hash))
          ?.preload()
          .catch(() => undefined)
      : undefined;
    booting.current = false;
    Promise.all([takeEarlyAppInfo() ?? invoke('app:info'), firstView]).then(
      ([info]) => setBoot({ state: 'ready', info }),
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

  const loading = <div className="boot" data-testid="boot" aria-busy="true" />;
  // The welcome and unlock pages are chunks of their own (lazyViews.ts).
  const withFallback = (page: ReactNode) => <Suspense fallback={loading}>{page}</Suspense>;
  switch (boot.state) {
    case 'loading':
      return loading;
    case 'locked':
      return withFallback(<UnlockView onUnlocked={load} />);
    case 'failed':
      return (
        <div className="boot">
          <ErrorNotice title="Kith could not open your data" message={boot.message} onRetry={load} />
        </div>
      );
    case 'ready':
      return boot.info.onboarded ? <AppShell info={boot.info} /> : withFallback(<Welcome onDone={(info) => setBoot({ state: 'ready', info })} />);
  }
}
