// Importing through the UI: a LinkedIn export through its preview (new people,
// skipped rows by line), a file whose row matches someone already in Kith
// (merged, not duplicated), a file Kith cannot read (a clear error, nothing
// changed), and the way in from the sidebar, Settings and the palette.
import path from 'node:path';
import { openDatabase } from '../../main/db/open';
import { expect, test } from './fixtures';
import { ImportPage } from './pages/ImportPage';
import { PeoplePage } from './pages/PeoplePage';
import { Shell } from './pages/Shell';
import { WelcomePage } from './pages/WelcomePage';
import { FIXTURES } from '../helpers/fixtures';

// CI clones the repository with shared/ beside it.

const LINKEDIN = path.join(FIXTURES, 'linkedin', 'Connections.csv');

test('a LinkedIn export: preview, import, then the people are there', async ({ app }) => {
  await app.open();
  await new WelcomePage(app.page).startEmpty('Sam Rivera');
  await app.page.getByTestId('nav-import').click();
  const importer = new ImportPage(app.page);
  await expect(importer.root).toBeVisible();

  await importer.choose(LINKEDIN);
  await expect(importer.preview).toBeVisible();
  await expect(app.page.getByTestId('import-file-name')).toHaveText('Connections.csv');
  await expect(importer.format).toContainText('Automatic: LinkedIn (data archive or connections)');
  await expect(importer.count('new-people')).toHaveText('13');
  await expect(importer.count('matched')).toHaveText('0');
  await expect(importer.count('new-orgs')).toHaveText('8');
  await expect(importer.count('skipped')).toHaveText('2');
  await expect(importer.newPeople().filter({ hasText: 'Priya Raman' })).toContainText('Northwind Health');
  // Skipped rows name their line and why.
  await expect(importer.issues().filter({ hasText: 'line 13' })).toContainText('duplicate of line 12');
  await expect(importer.issues().filter({ hasText: 'line 15' })).toContainText('no name');
  await expect(importer.commitButton).toHaveText('Import 13 new people');
  // The preview changed nothing.
  expect((await app.call('people:list', {})).total).toBe(0);
  await app.screenshot('import-preview-light');
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot('import-preview-dark');
  await app.page.emulateMedia({ colorScheme: 'light' });

  await importer.commit();
  await expect(app.page.getByTestId('import-done-summary')).toHaveText('13 new people, 8 new organizations, 13 new ties.');
  // The import's own safety copy was taken first.
  const { backups } = await app.call('backups:list', {});
  expect(backups.map((b) => b.kind)).toEqual(['before-import']);
  // ...and it holds the data as it was before the write (issue 18): only me, none of the imported.
  const copy = openDatabase(path.join(app.dataDir, 'backups', backups[0]!.name), { readonly: true });
  try {
    expect(copy.prepare('SELECT display_name FROM people ORDER BY id').pluck().all()).toEqual(['Sam Rivera']);
    expect(copy.prepare('SELECT count(*) FROM organizations').pluck().get()).toBe(0);
  } finally {
    copy.close();
  }

  await app.page.getByTestId('import-see-people').click();
  const people = new PeoplePage(app.page);
  await expect(people.row('Priya Raman')).toBeVisible();
  expect((await app.call('people:list', {})).total).toBe(13);

  expect(app.cspViolations).toEqual([]);
  expect(app.pageErrors).toEqual([]);
  expect(app.internalErrors).toEqual([]);
  expect(app.blockedRequests).toEqual([]);
});

test('a row that matches someone already in Kith is merged, not duplicated', async ({ app }) => {
  await app.open();
  await new WelcomePage(app.page).startEmpty('Sam Rivera');
  const tom = await app.call('people:create', { displayName: 'Tom Becker', emails: [{ value: 'tom.becker@example.org' }] });

  await app.open('import');
  const importer = new ImportPage(app.page);
  const csv = [
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
    'Tom,Becker,https://www.linkedin.com/in/tombecker,tom.becker@example.org,Acme Labs,Engineering Manager,02 Jan 2024',
    'Zoë,Lindqvist,https://www.linkedin.com/in/zoelindqvist/,,Fabrikam,"Director, Talent Acquisition",08 Feb 2026',
    '',
  ].join('\n');
  await importer.choose({ name: 'Connections.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(importer.count('new-people')).toHaveText('1');
  await expect(importer.count('matched')).toHaveText('1');
  const match = importer.matches().filter({ hasText: 'Tom Becker' });
  await expect(match).toContainText('by email');
  await expect(match).toContainText('Acme Labs');
  await importer.commit();

  const found = await app.call('people:list', { search: 'Tom Becker' });
  expect(found.total).toBe(1);
  expect(found.items[0]!.id).toBe(tom.id);
  expect(found.items[0]!.organizationName).toBe('Acme Labs');
  expect((await app.call('people:list', {})).total).toBe(2);

  // "See the people" lists the people this import brought in (issue 17): Zoë, not Tom, who was already there.
  await app.page.getByTestId('import-see-people').click();
  const people = new PeoplePage(app.page);
  await expect(people.row('Zoë Lindqvist')).toBeVisible();
  await expect(people.row('Tom Becker')).toHaveCount(0);
  // Everyone: Tom once, merged.
  await app.open('people');
  await expect(people.row('Tom Becker')).toHaveCount(1);
  await expect(people.row('Zoë Lindqvist')).toBeVisible();
  expect(app.pageErrors).toEqual([]);
});

test('a file Kith cannot read says so and changes nothing', async ({ app }) => {
  await app.open();
  await new WelcomePage(app.page).startEmpty('Sam Rivera');
  await app.open('import');
  const importer = new ImportPage(app.page);
  await importer.choose({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('just some notes\nnothing tabular\n') });
  await expect(importer.error).toContainText('Kith could not tell what kind of file this is');
  await expect(importer.preview).toBeHidden();

  // Forced to a format it is not, the importer's own refusal is shown.
  await importer.format.selectOption('vcard');
  await expect(importer.error).toContainText('could not be read as vCard');
  await expect(importer.error).toContainText('Nothing was imported.');
  expect((await app.call('people:list', {})).total).toBe(0);
  expect((await app.call('backups:list', {})).backups).toEqual([]);
  expect(app.internalErrors).toEqual([]);
});

test('the importer is reachable from Settings and from the palette', async ({ app }) => {
  await app.open();
  await new WelcomePage(app.page).startEmpty('Sam Rivera');
  await app.page.getByTestId('nav-settings').click();
  await app.page.getByTestId('settings-import-link').click();
  await expect(new ImportPage(app.page).root).toBeVisible();

  await app.open('people');
  await new Shell(app.page).jump('import', 'Import people', 'action');
  await expect(new ImportPage(app.page).root).toBeVisible();
  await expect(app.page).toHaveURL(/#\/import$/);
});
