import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { AppInfo } from '../../shared/domain';
import { AppContext, type AppActions } from './AppContext';
import { CommandPalette } from './components/CommandPalette';
import { ErrorBoundary } from './components/ErrorBoundary';
import { ReadOnlyBanner } from './components/ReadOnlyBanner';
import { Sidebar } from './components/Sidebar';
import { NewOrganizationDialog } from './views/NewOrganizationDialog';
import { NewPersonDialog } from './views/NewPersonDialog';
import { OrganizationPage } from './views/OrganizationPage';
import { OrganizationsView } from './views/OrganizationsView';
import { PeopleView } from './views/PeopleView';
import { PersonPage } from './views/PersonPage';
import { NotFound } from './views/NotFound';
import { ImportView } from './views/import/ImportView';
import { SettingsView } from './views/settings/SettingsView';
import { IntroductionsView } from './views/introductions/IntroductionsView';
import { RoutesView } from './views/routes/RoutesView';
import { HomeView } from './views/home/HomeView';
import { JournalHost } from './views/journal/JournalHost';
import { JournalView } from './views/journal/JournalView';
import { SearchView } from './views/journal/SearchView';
import { parseRoute, useHash, type Route } from './router';

// The Network view carries Cytoscape and graphology (most of the renderer's
// code): loaded when it is first opened, so every other view starts faster.
const GraphView = lazy(() => import('./views/graph/GraphView').then((m) => ({ default: m.GraphView })));

type Dialog = 'palette' | 'newPerson' | 'newOrganization' | null;

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
        setDialog('palette');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <AppContext value={actions}>
      <div className="shell">
        <Sidebar route={route} />
        <main className="content" data-testid="content">
          {info.readOnly && <ReadOnlyBanner />}
          <ErrorBoundary key={routeKey(route)}>{renderRoute(route)}</ErrorBoundary>
        </main>
      </div>
      {dialog === 'palette' && <CommandPalette onClose={close} />}
      {dialog === 'newPerson' && <NewPersonDialog onClose={close} />}
      {dialog === 'newOrganization' && <NewOrganizationDialog onClose={close} />}
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
      return (
        <Suspense fallback={<div className="boot" aria-busy="true" data-testid="graph-loading" />}>
          <GraphView query={route.query} />
        </Suspense>
      );
    case 'notFound':
      return <NotFound path={route.path} />;
  }
}
