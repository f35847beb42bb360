import { createContext, useContext } from 'react';
import type { AppInfo } from '../../shared/domain';

export interface AppActions {
  info: AppInfo;
  openPalette: () => void;
  openNewPerson: () => void;
  openNewOrganization: () => void;
}

export const AppContext = createContext<AppActions | null>(null);

export function useApp(): AppActions {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp() outside <AppContext>');
  return value;
}
