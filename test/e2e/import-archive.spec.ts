// Issue 13 through the UI: LinkedIn's data archive as a zip (bytes, never a
// path), its preview (journal entries from messages, how we met, notes,
// positions, recommendations, non-connection senders offered unticked, message
// text off by default), then the import; and a Windows-1252 CSV whose
// encoding the preview names.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { expect, test } from './fixtures';
import { ImportPage } from './pages/ImportPage';
import { WelcomePage } from './pages/WelcomePage';
import { FIXTURES } from '../helpers/fixtures';
import { makeZip } from '../helpers/zip';

const ARCHIVE = path.join(FIXTURES, 'linkedin-archive');
const NAMES = ['Connections.csv', 'messages.csv', 'Invitations.csv', 'Notes.csv', 'Positions.csv', 'Recommendations_Received.csv'];
const RECRUITER =
  '2-cmVj==,,"Rita Recruiter, CIR",https://www.linkedin.com/in/rita-recruiter,Sam Rivera,https://www.linkedin.com/in/sam-rivera-0a1b2c,2025-09-02 10:00:00 UTC,,An opening for you,INBOX\n';

function archiveZip(): Buffer {
  return makeZip(
    NAMES.map((n) => {
      let data = fs.readFileSync(path.join(ARCHIVE, n));
      if (n === 'messages.csv') data = Buffer.concat([data, Buffer.from(RECRUITER)]);
      return { name: `Basic_LinkedInDataExport_02-08-2026/${n}`, data };
    }),
  );
}

test('the LinkedIn archive zip: preview with messages, senders unticked, then import', async ({ app }) => {
  await app.open();
  await new WelcomePage(app.page).startEmpty('Sam Rivera');
  await app.page.getByTestId('nav-import').click();
  const importer = new ImportPage(app.page);
  await importer.choose({ name: 'Basic_LinkedInDataExport_02-08-2026.zip', mimeType: 'application/zip', buffer: archiveZip() });
  await expect(importer.preview).toBeVisible();
  await expect(importer.format).toContainText('Automatic: LinkedIn');
  await expect(importer.count('new-people')).toHaveText('5');
  const archive = importer.preview.getByTestId('preview-archive');
  await expect(archive.getByTestId('preview-entries').locator('.count-tile-n')).toHaveText('2');
  await expect(archive.getByTestId('preview-how-we-met').locator('.count-tile-n')).toHaveText('1');
  await expect(archive.getByTestId('preview-positions').locator('.count-tile-n')).toHaveText('2');
  await expect(archive.getByTestId('preview-messages-note')).toContainText('Left out: 1 with nobody in Kith, 1 spam, 1 sponsored.');
  await expect(archive.getByTestId('preview-message-text')).not.toBeChecked();
  const sender = archive.getByTestId('preview-sender');
  await expect(sender).toHaveCount(1);
  await expect(sender).toContainText('Rita Recruiter, CIR');
  await expect(sender.locator('input')).not.toBeChecked();
  await expect(importer.issues().filter({ hasText: 'Connections.csv line 9' })).toContainText('hidden profile');
  await app.screenshot('import-archive-light');
  await app.page.setViewportSize({ width: 1024, height: 700 });
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot('import-archive-dark-1024');
  await app.page.emulateMedia({ colorScheme: 'light' });
  await app.page.setViewportSize({ width: 1280, height: 800 });

  // Ticking the recruiter re-plans: one more new person, one more entry.
  await sender.locator('input').check();
  await expect(importer.count('new-people')).toHaveText('6');
  await expect(archive.getByTestId('preview-entries').locator('.count-tile-n')).toHaveText('3');
  expect((await app.call('people:list', {})).total).toBe(0);

  await importer.commit();
  await expect(app.page.getByTestId('import-done-summary')).toContainText('6 new people');
  await expect(app.page.getByTestId('import-done-summary')).toContainText('3 journal entries from messages');
  const journal = await app.call('journal:list', {});
  expect(journal.items.map((e) => e.kind)).toEqual(['message', 'message', 'message']);
  expect(app.pageErrors).toEqual([]);
  expect(app.internalErrors).toEqual([]);
});

test('a Windows-1252 Connections.csv: the preview names the encoding and the names are right', async ({ app }) => {
  await app.open();
  await new WelcomePage(app.page).startEmpty('Sam Rivera');
  await app.page.getByTestId('nav-import').click();
  const importer = new ImportPage(app.page);
  const csv = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nJosé,Álvarez,https://www.linkedin.com/in/jose-alvarez,,Société Générale,Ingénieur,08 Feb 2026\n';
  await importer.choose({ name: 'Connections.csv', mimeType: 'text/csv', buffer: iconv.encode(csv, 'windows-1252') });
  await expect(importer.preview.getByTestId('preview-encoding')).toContainText('read as Windows-1252');
  await expect(importer.newPeople()).toContainText('José Álvarez');
  await importer.commit();
  expect((await app.call('people:list', {})).items.map((p) => p.displayName)).toEqual(['José Álvarez']);
});

test('Settings lists imports and undoes the last one; an edit since stops it and says what', async ({ app }) => {
  await app.open();
  await new WelcomePage(app.page).startEmpty('Sam Rivera');
  await app.page.getByTestId('nav-import').click();
  const importer = new ImportPage(app.page);
  await importer.choose({ name: 'Basic_LinkedInDataExport_02-08-2026.zip', mimeType: 'application/zip', buffer: archiveZip() });
  await importer.commit();
  await expect(app.page.getByTestId('import-done-summary')).toContainText('5 new people');

  await app.page.getByTestId('nav-settings').click();
  const row = app.page.getByTestId('import-log-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('LinkedIn: 5 new people');
  await row.getByTestId('import-undo').click();
  const dialog = app.page.getByTestId('import-undo-dialog');
  await expect(dialog).toContainText('Kith removes the');
  await app.screenshot('import-undo-dialog-light');
  await dialog.getByTestId('import-undo-confirm').click();
  await expect(app.page.getByTestId('import-undone')).toContainText('Undone: LinkedIn: 5 new people');
  expect((await app.call('people:list', {})).total).toBe(0);
  expect((await app.call('journal:list', {})).total).toBe(0);
  await expect(row).toContainText('Undone');

  // Import again, edit someone it added: undo now says what stops it.
  await app.page.getByTestId('nav-import').click();
  await importer.choose({ name: 'Basic_LinkedInDataExport_02-08-2026.zip', mimeType: 'application/zip', buffer: archiveZip() });
  await importer.commit();
  const { items } = await app.call('people:list', { search: 'Li Wei' });
  await app.call('people:update', { id: items[0]!.id, patch: { headline: 'Talent lead' } });
  await app.page.getByTestId('nav-settings').click();
  await app.page.getByTestId('import-log-row').first().getByTestId('import-undo').click();
  await expect(app.page.getByTestId('import-undo-blocked')).toBeVisible();
  await expect(app.page.getByTestId('import-undo-dialog')).toContainText('person "Li Wei" was edited since');
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot('import-undo-blocked-dark');
  expect(app.pageErrors).toEqual([]);
  expect(app.internalErrors).toEqual([]);
});
