// Encryption at rest in the real renderer (issue 7): Settings protects the data
// with a passphrase (with its warning), the next start shows the unlock screen
// (a wrong passphrase is refused with the file byte-identical), and the
// passphrase can be changed and removed, each asking for the current one.
import fs from 'node:fs';
import { expect, test, type KithApp } from './fixtures';
import { WelcomePage } from './pages/WelcomePage';

const ONE = 'correct horse battery';
const TWO = 'staple quietly 2026';

async function openDialog(app: KithApp, button: string) {
  await app.page.getByTestId(button).click();
  const dialog = app.page.getByTestId('passphrase-dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

async function fillNew(app: KithApp, passphrase: string) {
  await app.page.getByTestId('passphrase-new').fill(passphrase);
  await app.page.getByTestId('passphrase-again').fill(passphrase);
  await app.page.getByTestId('passphrase-understood').check();
}

async function unlock(app: KithApp, passphrase: string) {
  await app.page.getByTestId('unlock-passphrase').fill(passphrase);
  await app.page.getByTestId('unlock-submit').click();
}

test('protect, unlock at start, change and remove the passphrase from Settings', async ({ app }) => {
  await app.open();
  await new WelcomePage(app.page).loadSample('Sam Rivera');
  await app.open('settings');
  const state = app.page.getByTestId('passphrase-state');
  await expect(state).toHaveAttribute('data-encrypted', 'false');

  // Protect: the warning is there, mismatched passphrases are caught before anything is sent.
  const dialog = await openDialog(app, 'passphrase-set');
  await expect(app.page.getByTestId('passphrase-warning')).toContainText('A lost passphrase cannot be recovered');
  await app.page.getByTestId('passphrase-new').fill(ONE);
  await app.page.getByTestId('passphrase-again').fill(`${ONE}!`);
  await app.page.getByTestId('passphrase-understood').check();
  await app.page.getByTestId('passphrase-confirm').click();
  await expect(dialog.getByTestId('inline-error')).toHaveText('The two new passphrases are not the same.');
  await app.screenshot('passphrase-set-light');
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot('passphrase-set-dark');
  await app.page.emulateMedia({ colorScheme: 'light' });
  await fillNew(app, ONE);
  await app.page.getByTestId('passphrase-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(state).toHaveAttribute('data-encrypted', 'true');
  await expect(app.page.getByTestId('passphrase-done')).toContainText('Your data');
  await app.page.getByTestId('passphrase-done').scrollIntoViewIfNeeded();
  await app.screenshot('passphrase-on-light');
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot('passphrase-on-dark');
  await app.page.emulateMedia({ colorScheme: 'light' });
  // The file on disk no longer holds the names in the clear.
  expect(fs.readFileSync(app.dbFile).includes(Buffer.from('Sam Rivera'))).toBe(false);

  // The next start: the unlock screen, before anything is opened.
  await app.restart();
  await expect(app.page.getByTestId('unlock')).toBeVisible();
  const before = fs.readFileSync(app.dbFile);
  await unlock(app, 'not my passphrase');
  await expect(app.page.getByTestId('inline-error')).toContainText('does not open your data');
  expect(fs.readFileSync(app.dbFile).equals(before)).toBe(true);
  await app.screenshot('unlock-wrong-light');
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot('unlock-wrong-dark');
  await app.page.emulateMedia({ colorScheme: 'light' });
  // While locked, nothing else answers.
  expect((await app.invokeRaw('people:list', {})).ok).toBe(false);
  await unlock(app, ONE);
  await expect(app.page.getByTestId('unlock')).toBeHidden();
  await expect(app.page.getByTestId('nav-settings')).toBeVisible();

  // Change: a wrong current passphrase changes nothing; the right one does.
  await app.open('settings');
  await openDialog(app, 'passphrase-change');
  await app.page.getByTestId('passphrase-current').fill('not my passphrase');
  await fillNew(app, TWO);
  await app.page.getByTestId('passphrase-confirm').click();
  await expect(app.page.getByTestId('passphrase-dialog').getByTestId('inline-error')).toHaveText('That is not your current passphrase. Nothing was changed.');
  await app.page.getByTestId('passphrase-current').fill(ONE);
  await app.page.getByTestId('passphrase-confirm').click();
  await expect(app.page.getByTestId('passphrase-dialog')).toBeHidden();
  await app.restart();
  await unlock(app, ONE);
  await expect(app.page.getByTestId('inline-error')).toContainText('does not open your data');
  await unlock(app, TWO);
  await expect(app.page.getByTestId('nav-settings')).toBeVisible();

  // Remove: asks for the current passphrase; the next start needs none.
  await app.open('settings');
  await openDialog(app, 'passphrase-remove');
  await app.screenshot('passphrase-remove-light');
  await app.page.getByTestId('passphrase-current').fill(TWO);
  await app.page.getByTestId('passphrase-confirm').click();
  await expect(state).toHaveAttribute('data-encrypted', 'false');
  await app.restart();
  await expect(app.page.getByTestId('unlock')).toHaveCount(0);
  await expect(app.page.getByTestId('nav-settings')).toBeVisible();
  expect(fs.readFileSync(app.dbFile).includes(Buffer.from('Sam Rivera'))).toBe(true);

  expect(app.cspViolations).toEqual([]);
  expect(app.pageErrors).toEqual([]);
  expect(app.internalErrors).toEqual([]);
  expect(app.blockedRequests).toEqual([]);
});
