// Issue 14 in the app: a Google calendar (.ics) through the import page's
// "Meetings and mail" preview: my addresses asked and kept, the attendee limit
// adjusted, a person not in Kith ticked, then one transaction. The mbox path
// (a file chosen with the native dialog, progress, cancel) is covered through
// the same handlers in test/unit/import-history.test.ts: the harness has no
// native dialog. Screenshots at 1280×800 and 1024×700, light and dark.
import path from 'node:path';
import { expect, test } from './fixtures';
import { WelcomePage } from './pages/WelcomePage';
import { HISTORY_FIXTURES } from '../helpers/fixtures';

const GOOGLE = path.join(HISTORY_FIXTURES, 'google.ics');

test.use({ kithNow: '2027-01-31T12:00:00Z', timezoneId: 'Europe/Berlin' });

test('a Google calendar: preview with my addresses and the attendee limit, tick a new person, import', async ({ app }) => {
  await app.open();
  await new WelcomePage(app.page).startEmpty('Sam Rivera');
  await app.call('people:create', { displayName: 'Ana Acosta', emails: [{ value: 'ana.acosta@example.org' }] });
  await app.call('people:create', { displayName: 'Tom Weber', emails: [{ value: 'tom@weber.example' }] });
  await app.page.getByTestId('nav-import').click();
  const history = app.page.getByTestId('history-import');
  await expect(history).toBeVisible();

  await history.getByTestId('history-ics-file').setInputFiles(GOOGLE);
  const preview = app.page.getByTestId('history-preview');
  await expect(preview).toBeVisible();
  // No address of mine yet: my own address looks like a stranger, and nothing can be told declined.
  await expect(preview.getByTestId('history-offered-person').filter({ hasText: 'me@example.com' })).toHaveCount(1);
  await expect(app.page.getByTestId('history-warnings')).toContainText('no e-mail address of yours is set');

  await preview.getByTestId('history-my-emails').fill('me@example.com');
  await preview.getByTestId('history-apply').click();
  await expect(preview.getByTestId('history-entries')).toContainText('6');
  await expect(preview.getByTestId('history-series')).toContainText('3');
  await expect(preview.getByTestId('history-left-out')).toHaveText(
    'Left out: 1 declined, 1 cancelled, 1 with more than 8 people, 1 with nobody in Kith, 1 with no one else, 1 in the future.',
  );
  await expect(preview.getByTestId('history-offered-person').filter({ hasText: 'me@example.com' })).toHaveCount(0);

  await preview.getByTestId('history-max-attendees').fill('10');
  await preview.getByTestId('history-apply').click();
  await expect(preview.getByTestId('history-entries')).toContainText('7');
  await expect(preview.getByTestId('history-left-out')).not.toContainText('more than');

  const lena = preview.getByTestId('history-offered-person').filter({ hasText: 'Lena Park' });
  await expect(lena.getByRole('checkbox')).not.toBeChecked();
  await lena.getByRole('checkbox').check();
  await expect(preview.getByTestId('history-new-people')).toContainText('1');
  await expect(preview.getByTestId('history-entries')).toContainText('8');
  // The preview changed nothing.
  expect((await app.call('people:list', {})).total).toBe(2);

  for (const size of [
    { width: 1280, height: 800 },
    { width: 1024, height: 700 },
  ]) {
    await app.page.setViewportSize(size);
    await history.scrollIntoViewIfNeeded();
    await app.screenshot(`import-history-${size.width}-light`);
    await app.page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot(`import-history-${size.width}-dark`);
    await app.page.emulateMedia({ colorScheme: 'light' });
  }

  await preview.getByTestId('history-commit').click();
  await expect(app.page.getByTestId('history-done-summary')).toHaveText('8 journal entries, 1 new person.');
  expect(await app.call('settings:myEmails', {})).toEqual({ emails: ['me@example.com'] });
  expect((await app.call('people:list', {})).total).toBe(3);
  const { backups } = await app.call('backups:list', {});
  expect(backups.map((b) => b.kind)).toEqual(['before-import']);
});
