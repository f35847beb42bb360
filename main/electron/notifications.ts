// Desktop notifications for follow-ups that fall due while Kith is open
// (issue 3): a check at start and every minute; what to announce is decided by
// the plain, unit-tested main/notify/dueReminders.ts. A click brings the
// window forward and opens the person's page.
import { now as clockNow, timeZone } from '../../shared/clock';
import { Notification, type BrowserWindow } from 'electron';
import type { Db } from '../db/open';
import { checkDueReminders } from '../notify/dueReminders';

interface Options {
  db: Db;
  getWindow: () => BrowserWindow | null;
  log: (message: string) => void;
  intervalMs?: number;
}

/** Starts the checks; returns a function that stops them. */
export function startDueNotifications({ db, getWindow, log, intervalMs = 60_000 }: Options): () => void {
  // Shown notifications are kept referenced until closed: a collected one loses its click handler.
  const live = new Set<Notification>();
  const check = () => {
    if (!Notification.isSupported()) return;
    let notices;
    try {
      notices = checkDueReminders(db, clockNow(), timeZone());
    } catch (error) {
      log(`Could not check follow-ups: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    for (const notice of notices) {
      const notification = new Notification({ title: notice.title, body: notice.body });
      live.add(notification);
      notification.on('close', () => live.delete(notification));
      notification.on('click', () => {
        live.delete(notification);
        const win = getWindow();
        if (!win || win.isDestroyed()) return;
        if (win.isMinimized()) win.restore();
        win.show();
        win.focus();
        // A same-document hash change: the renderer's router follows it. The href is built from a number.
        void win.webContents.executeJavaScript(`window.location.hash = ${JSON.stringify(notice.href)};`).catch(() => undefined);
      });
      notification.show();
    }
  };
  check();
  const timer = setInterval(check, intervalMs);
  return () => {
    clearInterval(timer);
    live.clear();
  };
}
