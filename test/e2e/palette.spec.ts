// The command palette (Ctrl+K / Cmd+K): jump to people and organizations,
// run actions, all from the keyboard.
import { expect, test } from './fixtures';
import { OrganizationPage } from './pages/OrganizationsPage';
import { PersonPage } from './pages/PersonPage';
import { Shell } from './pages/Shell';

test.beforeEach(async ({ app }) => {
  await app.call('app:completeSetup', { displayName: 'Sam Rivera', loadSample: true });
});

test('jump to a person and to an organization, by mouse and by keyboard', async ({ app }) => {
  const someone = (await app.call('people:list', { sort: 'name' })).items[10]!;
  const org = (await app.call('orgs:list', { sort: 'name' })).items[3]!;
  await app.open('people');
  const shell = new Shell(app.page);

  await shell.jump(someone.displayName, someone.displayName, 'person');
  await expect(app.page).toHaveURL(new RegExp(`#/people/${someone.id}$`));
  await expect(new PersonPage(app.page).name).toContainText(someone.displayName);

  // Keyboard only: type, the first hit is selected, Enter goes there.
  await shell.openPalette();
  await app.page.keyboard.type(org.name);
  await expect(shell.paletteItem(org.name, 'organization').first()).toHaveAttribute('data-selected', 'true');
  await app.page.keyboard.press('Enter');
  await expect(shell.palette).toBeHidden();
  await expect(new OrganizationPage(app.page).name).toHaveText(org.name);

  // Escape closes without going anywhere.
  await shell.openPalette();
  await app.page.keyboard.press('Escape');
  await expect(shell.palette).toBeHidden();
  await expect(new OrganizationPage(app.page).name).toHaveText(org.name);

  // On a page without a search box, "/" opens the palette.
  await app.page.locator('body').press('/');
  await expect(shell.paletteInput).toBeFocused();
  await app.page.keyboard.press('Escape');

  // The sidebar's search button opens it too.
  await app.page.getByTestId('open-palette').click();
  await expect(shell.paletteInput).toBeFocused();
});

test('actions: go to Organizations, go to Me, new person', async ({ app }) => {
  await app.open('people');
  const shell = new Shell(app.page);

  await shell.jump('organiz', 'Go to Organizations', 'action');
  await expect(app.page.getByTestId('orgs-view')).toBeVisible();

  await shell.jump('me', 'Go to Me', 'action');
  await expect(new PersonPage(app.page).name).toContainText('Sam Rivera');

  await shell.jump('new per', 'New person', 'action');
  await expect(app.page.getByTestId('new-person-name')).toBeFocused();
  await app.page.keyboard.type('Quinn Palette');
  await app.page.keyboard.press('Enter');
  await expect(new PersonPage(app.page).name).toHaveText('Quinn Palette');

  await shell.jump('new org', 'New organization', 'action');
  await app.page.getByTestId('new-org-name').fill('Palette Works');
  await app.page.getByTestId('create-org').click();
  await expect(new OrganizationPage(app.page).name).toHaveText('Palette Works');
  expect(app.pageErrors).toEqual([]);
  expect(app.cspViolations).toEqual([]);
});
