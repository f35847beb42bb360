// Handlers of the forget channels (issue 18, shared/forget.ts).
import type { forgetContract } from '../../shared/forget';
import { dataPaths } from '../db/paths';
import { forgetPerson, forgottenInBackups, previewForget, purgeForgottenBackups } from '../services/forget';
import type { Handler, HandlerContext } from './handlers';

type ForgetChannel = keyof typeof forgetContract;

export function createForgetHandlers({ db, dataDir }: HandlerContext): { [C in ForgetChannel]: Handler<C> } {
  const place = { db, backupDir: dataPaths(dataDir).backupDir };
  return {
    'people:forgetPreview': ({ id }) => previewForget(db, id),
    'people:forget': ({ id }) => forgetPerson(db, id),
    'backups:forgotten': () => forgottenInBackups(place),
    'backups:purgeForgotten': ({ key }) => purgeForgottenBackups(place, key),
  };
}
