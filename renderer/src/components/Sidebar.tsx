import { useApp } from '../AppContext';
import { hrefFor, type Route } from '../router';
import { Avatar } from './Avatar';

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);
export const MOD_KEY = isMac ? '⌘' : 'Ctrl';

export function Sidebar({ route }: { route: Route }) {
  const { info, openPalette, openNewPerson } = useApp();
  const meId = info.me.id;
  const onMe = route.name === 'person' && route.id === meId;
  const active = {
    people: route.name === 'people' || (route.name === 'person' && !onMe),
    orgs: route.name === 'orgs' || route.name === 'org',
    me: onMe,
  };
  return (
    <nav className="sidebar" aria-label="Main" data-testid="sidebar">
      <div className="sidebar-brand">Kith</div>
      <button type="button" className="search-affordance" onClick={openPalette} data-testid="open-palette">
        <span className="search-icon" aria-hidden="true" />
        <span className="search-affordance-label">Search…</span>
        <kbd>{MOD_KEY} K</kbd>
      </button>
      <ul className="sidebar-nav">
        <li>
          <a href={hrefFor.home()} className={route.name === 'home' ? 'active' : ''} aria-current={route.name === 'home' ? 'page' : undefined} data-testid="nav-home">
            <span className="nav-icon nav-icon-home" aria-hidden="true" />
            Home
          </a>
        </li>
        <li>
          <a href={hrefFor.journal()} className={route.name === 'journal' ? 'active' : ''} aria-current={route.name === 'journal' ? 'page' : undefined} data-testid="nav-journal">
            <span className="nav-icon nav-icon-journal" aria-hidden="true" />
            Journal
          </a>
        </li>
        <li>
          <a href={hrefFor.people()} className={active.people ? 'active' : ''} aria-current={active.people ? 'page' : undefined} data-testid="nav-people">
            <span className="nav-icon nav-icon-people" aria-hidden="true" />
            People
          </a>
        </li>
        <li>
          <a href={hrefFor.orgs()} className={active.orgs ? 'active' : ''} aria-current={active.orgs ? 'page' : undefined} data-testid="nav-orgs">
            <span className="nav-icon nav-icon-orgs" aria-hidden="true" />
            Organizations
          </a>
        </li>
        <li>
          <a href={hrefFor.graph()} className={route.name === 'graph' ? 'active' : ''} aria-current={route.name === 'graph' ? 'page' : undefined} data-testid="nav-graph">
            <span className="nav-icon nav-icon-graph" aria-hidden="true" />
            Network
          </a>
        </li>
        <li>
          <a href={hrefFor.routes()} className={route.name === 'routes' ? 'active' : ''} aria-current={route.name === 'routes' ? 'page' : undefined} data-testid="nav-routes">
            <span className="nav-icon nav-icon-routes" aria-hidden="true" />
            Routes
          </a>
        </li>
        <li>
          <a href={hrefFor.introductions()} className={route.name === 'introductions' ? 'active' : ''} aria-current={route.name === 'introductions' ? 'page' : undefined} data-testid="nav-introductions">
            <span className="nav-icon nav-icon-introductions" aria-hidden="true" />
            Introductions
          </a>
        </li>
      </ul>
      <div className="sidebar-spacer" />
      <ul className="sidebar-nav sidebar-nav-bottom">
        <li>
          <a href={hrefFor.import()} className={route.name === 'import' ? 'active' : ''} aria-current={route.name === 'import' ? 'page' : undefined} data-testid="nav-import">
            <span className="nav-icon nav-icon-import" aria-hidden="true" />
            Import
          </a>
        </li>
        <li>
          <a href={hrefFor.settings()} className={route.name === 'settings' ? 'active' : ''} aria-current={route.name === 'settings' ? 'page' : undefined} data-testid="nav-settings">
            <span className="nav-icon nav-icon-settings" aria-hidden="true" />
            Settings
          </a>
        </li>
      </ul>
      <button type="button" className="sidebar-action" onClick={openNewPerson} data-testid="sidebar-new-person">
        <span aria-hidden="true">+</span> New person
      </button>
      <a href={hrefFor.person(meId)} className={`sidebar-me${active.me ? ' active' : ''}`} aria-current={active.me ? 'page' : undefined} data-testid="nav-me">
        <Avatar name={info.me.displayName} id={meId} />
        <span className="truncate">{info.me.displayName}</span>
        <span className="sidebar-me-hint">Me</span>
      </a>
    </nav>
  );
}
