import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { AppInfo } from '../../shared/domain';
import { AppContext, type AppActions } from './AppContext';
import { ErrorBoundary } from './components/ErrorBoundary';
import { ReadOnlyBanner } from './components/ReadOnlyBanner';
import { Sidebar } from './components/Sidebar';
import { whenIdle } from './lazyComponent';
import {
  CommandPalette,
  GraphView,
  HomeView,
  ImportView,
  IntroductionsView,
  JournalView,
  NewOrganizationDialog,
  NewPersonDialog,
  OrganizationPage,
  OrganizationsView,
  PeopleView,
  PersonPage,
  preloadAll,
  RoutesView,
  SearchView,
  SettingsView,
} from './lazyViews';
import { NotFound } from './views/NotFound';
import { JournalHost } from './views/journal/JournalHost';
import { focusSlashTargetWhenShown } from './data/useSlashToFocus';
import { parseRoute, useHash, type Route } from './router';

const PRELOAD_AFTER_MS = 1000;

type Dialog = 'palette' | 'newPerson' | 'newOrganization' | null;

/** The views whose own search box "/" focuses (useSlashToFocus). */
const VIEWS_WITH_SEARCH: ReadonlySet<Route['name']> = new Set(['people', 'orgs', 'search']);

export function AppShell({ info }: { info: AppInfo }) {
  const route = parseRoute(useHash());
  const [dialog, setDialog] = useState<Dialog>(null);

  const actions: AppActions = useMemo(
    () => ({
      info,
      openPalette: () => setDialog('palette'),
      openNewPerson: () => setDialog('newPerson'),
      openNewOrganization: () => setDialog('newOrganization'),
    }),
    [info],
  );
  const close = useCallback(() => setDialog(null), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setDialog((d) => (d === 'palette' ? null : 'palette'));
        return;
      }
      // "/" searches: the lists focus their own search box (and mark the event
      // handled); everywhere else it opens the palette.
      if (event.key === '/' && !event.defaultPrevented && !event.metaKey && !event.ctrlKey && !event.altKey && !isTyping(event.target)) {
        if (document.querySelector('dialog[open]')) return;
        event.preventDefault();
        // A view with its own search that is still loading (views load on
        // first use): its search box gets the key once it is there, rather
        // than the palette opening over it.
        if (VIEWS_WITH_SEARCH.has(parseRoute(window.location.hash).name)) focusSlashTargetWhenShown();
        else setDialog('palette');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // The first view is on screen: load the others a moment later, while
  // nothing else happens (not while the first view still waits for its data,
  // whose answer would then wait for them) (issue 17).
  useEffect(() => whenIdle(preloadAll, PRELOAD_AFTER_MS), []);

  return (
    <AppContext value={actions}>
      <div className="shell">
        <Sidebar route={route} />
        <main className="content" data-testid="content">
          {info.readOnly && <ReadOnlyBanner />}
          <ErrorBoundary key={routeKey(route)}>
            {/* A view not loaded yet (the idle preload has not reached it): an empty, busy page for the moment it takes. */}
            <Suspense fallback={<div className="boot" aria-busy="true" data-testid={route.name === 'graph' ? 'graph-loading' : 'view-loading'} />}>{renderRoute(route)}</Suspense>
          </ErrorBoundary>
        </main>
      </div>
      {/* Dialogs load on first use (or the idle preload); nothing shows until they can. */}
      <Suspense fallback={null}>
        {dialog === 'palette' && <CommandPalette onClose={close} />}
        {dialog === 'newPerson' && <NewPersonDialog onClose={close} />}
        {dialog === 'newOrganization' && <NewOrganizationDialog onClose={close} />}
      </Suspense>
      <JournalHost />
    </AppContext>
  );
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

function routeKey(route: Route): string {
  return 'id' in route ? `${route.name}/${route.id}` : route.name;
}

function renderRoute(route: Route) {
  switch (route.name) {
    case 'people':
      return <PeopleView />;
    case 'person':
      return <PersonPage key={route.id} id={route.id} />;
    case 'orgs':
      return <OrganizationsView />;
    case 'org':
      return <OrganizationPage key={route.id} id={route.id} />;
    case 'import':
      return <ImportView />;
    case 'settings':
      return <SettingsView />;
    case 'routes':
      return <RoutesView org={route.org} person={route.person} hops={route.hops} />;
    case 'introductions':
      return <IntroductionsView />;
    case 'home':
      return <HomeView />;
    case 'journal':
      return <JournalView />;
    case 'search':
      return <SearchView query={route.query} />;
    case 'graph':
      return <GraphView query={route.query} />;
    case 'notFound':
      return <NotFound path={route.path} />;
  }
}
