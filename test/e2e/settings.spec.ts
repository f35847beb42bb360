// Settings: the data folder, exports downloaded through the app's blob link,
// "Back up now" listing a backup, and a one-step restore that is applied when
// Kith reopens the data (restart() reopens the file as the app's relaunch does).
import fs from 'node:fs';
import { expect, test } from './fixtures';
import { SettingsPage } from './pages/SettingsPage';
import { WelcomePage } from './pages/WelcomePage';

test('Settings shows the data folder, and a backup after "Back up now"', async ({ app }) => {
  await app.open();
  await new WelcomePage(app.page).loadSample('Sam Rivera');
  await app.page.getByTestId('nav-settings').click();
  const settings = new SettingsPage(app.page);
  await expect(settings.root).toBeVisible();
  await expect(settings.dataDir).toHaveText(app.dataDir);
  await expect(app.page.getByTestId('backups-empty')).toBeVisible();

  await settings.backupNow.click();
  await expect(settings.backupsOfKind('manual')).toHaveCount(1);
  await expect(settings.backupsOfKind('manual')).toContainText('Made by you');
  await expect(settings.backupsOfKind('manual')).toContainText(/\d+ KB/);
  const [backup] = (await app.call('backups:list', {})).backups;
  expect(fs.existsSync(`${app.dataDir}/backups/${backup!.name}`)).toBe(true);

  await app.screenshot('settings-light');
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot('settings-dark');

  expect(app.cspViolations).toEqual([]);
  expect(app.pageErrors).toEqual([]);
  expect(app.internalErrors).toEqual([]);
  expect(app.blockedRequests).toEqual([]);
});

test('exporting JSON downloads a file that parses, with everyone in it', async ({ app }) => {
  await app.open();
  await new WelcomePage(app.page).loadSample('Sam Rivera');
  await app.open('settings');
  const settings = new SettingsPage(app.page);

  const downloading = app.page.waitForEvent('download');
  await settings.exportButton('json').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^kith-\d{4}-\d{2}-\d{2}\.json$/);
  expect(download.url()).toMatch(/^blob:/);
  const parsed = JSON.parse(fs.readFileSync(await download.path(), 'utf8')) as { format: string; tables: { people: { display_name: string }[] } };
  expect(parsed.format).toBe('kith-export');
  const stats = await app.call('stats:get', {});
  // Everyone, me included.
  expect(parsed.tables.people.length).toBe(stats.people + stats.archivedPeople + 1);
  expect(parsed.tables.people.map((p) => p.display_name)).toContain('Sam Rivera');
  await expect(app.page.getByTestId('export-done')).toHaveText(`Saved ${download.suggestedFilename()}.`);

  const graphml = app.page.waitForEvent('download');
  await settings.exportButton('graphml').click();
  const xml = fs.readFileSync(await (await graphml).path(), 'utf8');
  expect(xml).toMatch(/^<\?xml[^>]*\?>\s*<graphml/);
  expect(app.pageErrors).toEqual([]);
});

test('restoring a backup takes a copy first and brings the data back after the restart', async ({ app }) => {
  await app.open();
  await new WelcomePage(app.page).startEmpty('Sam Rivera');
  await app.call('people:create', { displayName: 'Kept Person' });
  await app.open('settings');
  const settings = new SettingsPage(app.page);
  await settings.backupNow.click();
  await expect(settings.backupsOfKind('manual')).toHaveCount(1);

  // A change made after the backup: the restore takes it away (and keeps it in its safety copy).
  await app.call('people:create', { displayName: 'Added Later' });
  await settings.restore(settings.backupsOfKind('manual'));
  await expect(settings.backupsOfKind('before-restore')).toHaveCount(1);

  await app.restart();
  const names = (await app.call('people:list', {})).items.map((p) => p.displayName);
  expect(names).toEqual(['Kept Person']);
  await app.open('settings');
  await expect(settings.backupsOfKind('before-restore')).toHaveCount(1);
  expect(app.internalErrors).toEqual([]);
  expect(app.pageErrors).toEqual([]);
});

test('Settings always shows whether the data is protected, and forgets a person after asking, then offers to purge the backups that hold them (issue 18)', async ({ app }) => {
  await app.open();
  await new WelcomePage(app.page).loadSample('Sam Rivera');
  const zeb = await app.call('people:create', { displayName: 'Zebulon Quaxworth', notes: 'private' });
  const ana = (await app.call('people:list', { sort: 'strength' })).items.find((p) => !p.isMe)!;
  await app.call('ties:create', { personA: zeb.id, personB: ana.id, strength: 3 });
  await app.call('backups:create', {});
  await app.open('settings');

  const state = app.page.getByTestId('passphrase-state');
  await expect(state).toHaveAttribute('data-encrypted', 'false');
  await expect(state).toContainText('Not protected');

  const section = app.page.getByTestId('settings-forget');
  await section.getByTestId('forget-search').fill('quaxworth');
  await expect(section.getByTestId('forget-candidate')).toHaveText(['Zebulon Quaxworth']);
  await section.getByTestId('forget-candidate').click();
  await expect(section.getByTestId('forget-removals')).toContainText('1 tie');
  await section.getByTestId('forget-start').click();
  const dialog = app.page.getByTestId('forget-dialog');
  await expect(dialog).toContainText('Forget Zebulon Quaxworth?');
  await app.screenshot('settings-forget-dialog');
  await dialog.getByTestId('forget-confirm').click();
  await expect(section.getByTestId('forget-done')).toHaveText('Kith has forgotten Zebulon Quaxworth.');
  expect((await app.call('people:list', { search: 'quaxworth' })).total).toBe(0);

  // The backup taken before still holds them: listed, and purged after asking.
  const row = section.getByTestId('forgotten-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('is still in 1 backup');
  await app.screenshot('settings-forgotten-backups');
  await row.getByTestId('forgotten-purge').click();
  await app.page.getByTestId('purge-confirm').click();
  await expect(section.getByTestId('forgotten-backups')).toHaveCount(0);
  expect((await app.call('backups:list', {})).backups).toEqual([]);
});
