// Issue 13 through the UI: Settings lists likely duplicates with their
// evidence; Merge… shows what moves and lets the user choose the name, then
// merges (a backup is taken first).
import { expect, test } from './fixtures';
import { WelcomePage } from './pages/WelcomePage';

test('duplicates: listed with evidence, reviewed, merged with the chosen name', async ({ app }) => {
  await app.open();
  await new WelcomePage(app.page).startEmpty('Sam Rivera');
  const a = await app.call('people:create', { displayName: 'Ana Lee', emails: [{ value: 'ana@x.example' }] });
  const b = await app.call('people:create', { displayName: 'Ana Lee-Smith', emails: [{ value: 'ANA@x.example' }], headline: 'Engineer' });
  await app.call('orgs:create', { name: 'Google' });
  await app.call('orgs:create', { name: 'Google LLC' });
  await app.page.getByTestId('nav-settings').click();
  const group = app.page.getByTestId('duplicate-group');
  await expect(group).toHaveCount(1);
  await expect(group).toContainText('Ana Lee = Ana Lee-Smith');
  await expect(group).toContainText('same e-mail ana@x.example');
  await expect(app.page.getByTestId('duplicate-org-group')).toContainText('Google = Google LLC');
  await group.getByTestId('duplicate-merge').click();
  const dialog = app.page.getByTestId('merge-dialog');
  await expect(dialog.getByTestId('merge-conflict-displayName')).toBeVisible();
  await app.screenshot('duplicates-merge-light');
  await dialog.getByTestId('merge-conflict-displayName').getByLabel('Ana Lee-Smith').check();
  await dialog.getByTestId('merge-confirm').click();
  await expect(app.page.getByTestId('duplicates-merged')).toContainText('Merged into Ana Lee-Smith');
  const people = await app.call('people:list', {});
  expect(people.items.map((p) => [p.id, p.displayName, p.headline])).toEqual([[a.id, 'Ana Lee-Smith', 'Engineer']]);
  expect(b.id).not.toBe(a.id);
  const { backups } = await app.call('backups:list', {});
  expect(backups.map((x) => x.kind)).toContain('before-merge');
  await app.page.getByTestId('duplicate-org-merge').click();
  await expect(app.page.getByTestId('duplicates-merged')).toContainText('Merged Google LLC into Google');
  expect(app.pageErrors).toEqual([]);
  expect(app.internalErrors).toEqual([]);
});
