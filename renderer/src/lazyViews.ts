// Every view and dialog as its own chunk (issue 17): the start-up script holds
// the shell (sidebar, routing, data layer) and React; the view the window
// opens on starts loading before the first app:info answer (main.tsx), and
// the others are preloaded when the app is idle (AppShell), so moving between
// views does not wait on a file. The Network view was already split (its
// Cytoscape and graphology are most of the code); it is still loaded only
// when opened, not preloaded.
import { MarkdownBody } from './components/lazyMarkdown';
import { lazyComponent, type LazyComponent } from './lazyComponent';
import type { Route } from './router';

/** A view's code together with the Markdown renderer, for views whose reader shows Markdown (journal entries). */
function withMarkdown<M>(load: Promise<M>): Promise<M> {
  return Promise.all([load, MarkdownBody.preload()]).then(([module]) => module);
}

export const PeopleView = lazyComponent(() => import('./views/PeopleView').then((m) => m.PeopleView));
export const PersonPage = lazyComponent(() => withMarkdown(import('./views/PersonPage')).then((m) => m.PersonPage));
export const OrganizationsView = lazyComponent(() => import('./views/OrganizationsView').then((m) => m.OrganizationsView));
export const OrganizationPage = lazyComponent(() => import('./views/OrganizationPage').then((m) => m.OrganizationPage));
export const ImportView = lazyComponent(() => import('./views/import/ImportView').then((m) => m.ImportView));
export const SettingsView = lazyComponent(() => import('./views/settings/SettingsView').then((m) => m.SettingsView));
export const RoutesView = lazyComponent(() => import('./views/routes/RoutesView').then((m) => m.RoutesView));
export const IntroductionsView = lazyComponent(() => import('./views/introductions/IntroductionsView').then((m) => m.IntroductionsView));
export const HomeView = lazyComponent(() => import('./views/home/HomeView').then((m) => m.HomeView));
export const JournalView = lazyComponent(() => withMarkdown(import('./views/journal/JournalView')).then((m) => m.JournalView));
export const SearchView = lazyComponent(() => import('./views/journal/SearchView').then((m) => m.SearchView));
export const GraphView = lazyComponent(() => import('./views/graph/GraphView').then((m) => m.GraphView));

// Shown before the shell, or only when asked for.
export const Welcome = lazyComponent(() => import('./views/Welcome').then((m) => m.Welcome));
export const UnlockView = lazyComponent(() => import('./views/unlock/UnlockView').then((m) => m.UnlockView));
export const CommandPalette = lazyComponent(() => import('./components/CommandPalette').then((m) => m.CommandPalette));
export const NewPersonDialog = lazyComponent(() => import('./views/NewPersonDialog').then((m) => m.NewPersonDialog));
export const NewOrganizationDialog = lazyComponent(() => import('./views/NewOrganizationDialog').then((m) => m.NewOrganizationDialog));
export const EntryEditor = lazyComponent(() => import('./views/journal/EntryEditor').then((m) => m.EntryEditor));

/** The component a route shows (null: the not-found page, which is in the shell). */
export function viewFor(route: Route): LazyComponent<never> | null {
  const views: Record<Route['name'], LazyComponent<never> | null> = {
    people: PeopleView,
    person: PersonPage,
    orgs: OrganizationsView,
    org: OrganizationPage,
    import: ImportView,
    settings: SettingsView,
    routes: RoutesView,
    introductions: IntroductionsView,
    home: HomeView,
    journal: JournalView,
    search: SearchView,
    graph: GraphView,
    notFound: null,
  };
  return views[route.name];
}

/** Starts loading a route's view; a failure shows when the view renders (its error boundary). */
export function preloadView(route: Route): void {
  viewFor(route)
    ?.preload()
    .catch(() => undefined);
}

/** Everything a user may open next (and the Markdown renderer), except the Network view: loaded while the app is idle. */
export function preloadAll(): void {
  const all: LazyComponent<never>[] = [
    PeopleView,
    PersonPage,
    OrganizationsView,
    OrganizationPage,
    ImportView,
    SettingsView,
    RoutesView,
    IntroductionsView,
    HomeView,
    JournalView,
    SearchView,
    CommandPalette,
    NewPersonDialog,
    NewOrganizationDialog,
    EntryEditor,
    MarkdownBody,
  ];
  for (const view of all) view.preload().catch(() => undefined);
}
