// The requests the first screen needs, sent when the script starts (issue 17):
// before, app:info went out after React's first commit, the view's code after
// the app:info answer, and the People list's first page after the view had
// rendered, one after the other. Now the three travel together, sent when
// this module is first imported (main.tsx imports it first).
import type { AppInfo } from '../../shared/domain';
import { invoke } from './api';
import { prefetchPeopleFirstPage } from './data/usePagedPeople';
import { preloadView } from './lazyViews';
import { parseRoute } from './router';

let earlyInfo: Promise<AppInfo> | null = null;

function startEarly(hash: string): void {
  const route = parseRoute(hash);
  preloadView(route);
  earlyInfo = invoke('app:info');
  earlyInfo.catch(() => undefined); // App takes it and shows its failure
  if (route.name === 'people') prefetchPeopleFirstPage(hash);
}

// On import, not from main.tsx's body: main.tsx imports this module before
// react-dom, so these go out before react-dom's code has run (some 20 ms of a
// cold start), and the answers come back while it runs.
startEarly(window.location.hash);

/** The app:info sent at start, once; later loads ask again. */
export function takeEarlyAppInfo(): Promise<AppInfo> | null {
  const info = earlyInfo;
  earlyInfo = null;
  return info;
}
