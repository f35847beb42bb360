// The requests the first screen needs, sent when the script starts (issue 17):
// before, app:info went out after React's first commit, the view's code after
// the app:info answer, and the People list's first page after the view had
// rendered, one after the other. Now the three travel together.
import type { AppInfo } from '../../shared/domain';
import { invoke } from './api';
import { prefetchPeopleFirstPage } from './data/usePagedPeople';
import { preloadView } from './lazyViews';
import { parseRoute } from './router';

let earlyInfo: Promise<AppInfo> | null = null;

export function startEarly(hash: string): void {
  earlyInfo = invoke('app:info');
  earlyInfo.catch(() => undefined); // App takes it and shows its failure
  const route = parseRoute(hash);
  preloadView(route);
  if (route.name === 'people') prefetchPeopleFirstPage(hash);
}

/** The app:info sent at start, once; later loads ask again. */
export function takeEarlyAppInfo(): Promise<AppInfo> | null {
  const info = earlyInfo;
  earlyInfo = null;
  return info;
}
