// Issue 19 in the app: Settings › Sync. The first computer sets sync up in a
// folder (the native dialog answered by the harness), with the passphrase
// twice; Sync now writes its changes; another data file sharing the folder
// (opened here with the real openKith, as `kith sync` would) writes a person,
// and the next Sync now applies it and lists that device. A second computer
// joining a folder types the passphrase once; a wrong one is named as such and
// changes nothing. A folder inside the data folder and a folder gone are
// refused in words. Screenshots at 1280×800 and 1024×700, light and dark.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openKith, type KithStore } from '../../main/db/kith';
import { updateEntry } from '../../main/services/journal';
import { createPerson } from '../../main/services/people';
import { setUpSync, syncNow, syncStatus } from '../../main/sync/run';
import { expect, test, type KithApp } from './fixtures';
import { WelcomePage } from './pages/WelcomePage';

const PASSPHRASE = 'correct horse battery';

/** A temp folder of this test's own, removed after it. */
function tempDir(prefix: string, made: string[]): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  made.push(dir);
  return dir;
}

/** Another computer: its own data folder, opened with the real openKith, sharing the sync folder. */
function otherComputer(made: string[]): KithStore {
  return openKith(path.join(tempDir('kith-e2e-other-', made), 'data'));
}

async function screenshots(app: KithApp, name: string): Promise<void> {
  const section = app.page.getByTestId('settings-sync');
  for (const size of [
    { width: 1280, height: 800 },
    { width: 1024, height: 700 },
  ]) {
    await app.page.setViewportSize(size);
    for (const scheme of ['light', 'dark'] as const) {
      await app.page.emulateMedia({ colorScheme: scheme });
      await section.scrollIntoViewIfNeeded();
      const page = await app.screenshot(`${name}-${size.width}-${scheme}`);
      // The section alone too, to read it at a glance.
      await section.screenshot({ path: page.replace(/\.png$/, '-section.png') });
    }
  }
  await app.page.emulateMedia({ colorScheme: 'light' });
  await app.page.setViewportSize({ width: 1280, height: 800 });
}

const made: string[] = [];
test.afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

test('the first computer sets sync up, syncs a new person, and sees the other computer', async ({ app }) => {
  await app.open();
  await new WelcomePage(app.page).startEmpty('Sam Rivera');
  await app.page.getByTestId('nav-settings').click();
  const sync = app.page.getByTestId('settings-sync');
  await expect(sync.getByTestId('sync-explain')).toContainText('not real-time collaboration');
  await expect(sync.getByTestId('sync-explain')).toContainText('Syncthing');

  // A folder inside the data folder is refused in words, and nothing changes.
  const inside = path.join(app.dataDir, 'sync');
  fs.mkdirSync(inside);
  app.answerFolderDialog(inside);
  await sync.getByTestId('sync-choose-folder').click();
  await expect(sync.getByRole('alert')).toContainText("cannot be inside Kith's own data folder");
  await expect(sync.getByTestId('sync-setup')).toHaveCount(0);
  expect((await app.call('sync:status', {})).enabled).toBe(false);

  const folder = tempDir('kith-e2e-sync-', made);
  app.answerFolderDialog(folder);
  await sync.getByTestId('sync-choose-folder').click();
  const setup = sync.getByTestId('sync-setup');
  await expect(setup).toHaveAttribute('data-first', 'true');
  await expect(setup.getByTestId('sync-chosen-folder')).toHaveText(folder);
  await expect(sync.getByTestId('sync-unprotected-warning')).toContainText('not protected with a passphrase');
  await setup.getByTestId('sync-passphrase').fill(PASSPHRASE);
  await setup.getByTestId('sync-passphrase-again').fill('correct horse batteyr');
  await setup.getByTestId('sync-start').click();
  await expect(setup.getByRole('alert')).toHaveText('The two sync passphrases are not the same.');
  await screenshots(app, 'settings-sync-first-setup');
  await setup.getByTestId('sync-passphrase-again').fill(PASSPHRASE);
  await setup.getByTestId('sync-start').click();
  await expect(setup).toHaveCount(0);

  const status = await app.call('sync:status', {});
  expect(status).toMatchObject({ enabled: true, folder });
  await expect(sync.getByTestId('sync-folder')).toHaveText(folder);
  await expect(sync.getByTestId('sync-this-device')).toContainText(status.device!);
  await expect(sync.getByTestId('sync-last-pass')).toContainText(/This computer wrote 1 change file and found nothing new from other computers\./);
  await expect(sync.getByTestId('sync-no-devices')).toBeVisible();
  expect(fs.readdirSync(path.join(folder, 'devices', status.device!)).filter((f) => f.endsWith('.kchg'))).toEqual(['000000000001.kchg']);

  const ana = await app.call('people:create', { displayName: 'Ana Acosta' });
  const coffee = await app.call('journal:create', { occurredAt: '2027-05-10', kind: 'coffee', title: 'Coffee with Ana', body: 'First draft.', participantIds: [ana.id] });
  await sync.getByTestId('sync-now').click();
  await expect(sync.getByTestId('sync-last-pass')).toContainText('This computer wrote 1 change file and found nothing new');
  expect(fs.readdirSync(path.join(folder, 'devices', status.device!)).filter((f) => f.endsWith('.kchg'))).toHaveLength(2);

  // The laptop: joins with the same passphrase, gets Ana, adds Ben.
  const laptop = otherComputer(made);
  let laptopDevice: string;
  try {
    setUpSync(laptop.db, laptop.dataDir, folder, PASSPHRASE);
    expect(syncNow(laptop.db, laptop.dataDir).applied).toBe(2);
    createPerson(laptop.db, { displayName: 'Ben Bauer' });
    // The same entry edited on the laptop while this computer edits it too (below): both texts are kept.
    const entry = laptop.db.prepare("SELECT id FROM interactions WHERE title = 'Coffee with Ana'").pluck().get() as number;
    updateEntry(laptop.db, entry, { body: 'Written on the laptop: she knows Chen.' });
    syncNow(laptop.db, laptop.dataDir);
    laptopDevice = syncStatus(laptop.db).device!;
  } finally {
    laptop.close();
  }

  await app.call('journal:update', { id: coffee.id, patch: { body: 'Written here: follow up in June.' } });
  await sync.getByTestId('sync-now').click();
  await expect(sync.getByTestId('sync-last-pass')).toContainText(/applied \d+ files? from other computers/);
  const conflict = sync.getByTestId('sync-conflict');
  await expect(conflict).toHaveCount(1);
  await expect(conflict.getByRole('link', { name: 'Coffee with Ana (2027-05-10)' })).toHaveAttribute('href', `#/journal?entry=${coffee.id}`);
  await expect(conflict).toContainText('Written on the laptop: she knows Chen.');
  const device = sync.getByTestId('sync-device');
  await expect(device).toHaveCount(1);
  await expect(device).toHaveAttribute('data-device', laptopDevice);
  await expect(device).toContainText('Its changes applied here up to its file');
  const names = (await app.call('people:list', {})).items.map((p) => p.displayName);
  expect(names).toEqual(expect.arrayContaining(['Ana Acosta', 'Ben Bauer']));

  await screenshots(app, 'settings-sync-on');

  // The laptop will never sync again: forgotten, after a confirmation, and shown so.
  await device.getByTestId('sync-forget').click();
  await expect(device.getByTestId('sync-forget-confirm')).toContainText('will never sync again');
  await device.getByTestId('sync-forget-yes').click();
  await expect(device.getByTestId('sync-device-forgotten')).toBeVisible();
  expect((await app.call('sync:status')).devices).toEqual([expect.objectContaining({ device: laptopDevice, forgotten: true })]);

  // The folder disappears (a drive unplugged): the pass says so, and nothing local changes.
  const before = (await app.call('people:list', {})).total;
  fs.rmSync(folder, { recursive: true, force: true });
  await sync.getByTestId('sync-now').click();
  await expect(sync.getByTestId('sync-last-pass')).toHaveAttribute('data-ok', 'false');
  await expect(sync.getByTestId('sync-last-pass')).toContainText('does not exist');
  await expect(sync.getByTestId('sync-last-pass')).toContainText('Nothing was changed.');
  expect((await app.call('people:list', {})).total).toBe(before);
});

test('a second computer types the passphrase once; a wrong one is named and changes nothing', async ({ app }) => {
  const folder = tempDir('kith-e2e-sync-', made);
  const desktop = otherComputer(made);
  let desktopDevice: string;
  try {
    createPerson(desktop.db, { displayName: 'Ana Acosta' });
    setUpSync(desktop.db, desktop.dataDir, folder, PASSPHRASE);
    syncNow(desktop.db, desktop.dataDir);
    desktopDevice = syncStatus(desktop.db).device!;
  } finally {
    desktop.close();
  }

  await app.open();
  await new WelcomePage(app.page).startEmpty('Sam Rivera');
  await app.page.getByTestId('nav-settings').click();
  const sync = app.page.getByTestId('settings-sync');
  app.answerFolderDialog(folder);
  await sync.getByTestId('sync-choose-folder').click();
  const setup = sync.getByTestId('sync-setup');
  await expect(setup).toHaveAttribute('data-first', 'false');
  await expect(setup).toContainText('already syncs through this folder');
  await expect(setup.getByTestId('sync-passphrase-again')).toHaveCount(0);

  await setup.getByTestId('sync-passphrase').fill('horse battery correct');
  await setup.getByTestId('sync-start').click();
  await expect(setup.getByRole('alert')).toHaveText('That is not the passphrase this sync folder was set up with. Nothing was changed.');
  expect((await app.call('sync:status', {})).enabled).toBe(false);
  expect((await app.call('people:list', {})).total).toBe(0);
  await screenshots(app, 'settings-sync-wrong-passphrase');

  await setup.getByTestId('sync-passphrase').fill(PASSPHRASE);
  await setup.getByTestId('sync-start').click();
  await expect(setup).toHaveCount(0);
  await expect(sync.getByTestId('sync-last-pass')).toContainText('applied 1 file from other computers');
  await expect(sync.getByTestId('sync-device')).toHaveAttribute('data-device', desktopDevice);
  expect((await app.call('people:list', {})).items.map((p) => p.displayName)).toContain('Ana Acosta');
});
