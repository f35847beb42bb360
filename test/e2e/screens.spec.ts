// A screenshot of each main view (light, and dark for the busiest ones), for
// people to look at; each also asserts the view really rendered its data.
import { expect, test } from './fixtures';
import { Shell } from './pages/Shell';
import { WelcomePage } from './pages/WelcomePage';
import { PeoplePage } from './pages/PeoplePage';
import { PersonPage } from './pages/PersonPage';
import { OrganizationPage } from './pages/OrganizationsPage';

test('screenshots of the main views, light and dark', async ({ app }) => {
  await app.open();
  const welcome = new WelcomePage(app.page);
  await expect(welcome.root).toBeVisible();
  await app.screenshot('welcome-light');
  await welcome.loadSample('Sam Rivera');

  const people = new PeoplePage(app.page);
  await expect(people.rows.first()).toBeVisible();
  await app.screenshot('people-light');

  // The person I know best, with a current employer.
  const list = await app.call('people:list', { sort: 'strength' });
  const friend = list.items.find((p) => p.organizationId !== null && p.myTieStrength !== null)!;
  await app.open(`people/${friend.id}`);
  const person = new PersonPage(app.page);
  await expect(person.name).toHaveText(friend.displayName);
  await app.screenshot('person-light');

  await app.open(`orgs/${friend.organizationId}`);
  const org = new OrganizationPage(app.page);
  await expect(org.member(friend.displayName)).toBeVisible();
  await app.screenshot('organization-light');

  await app.open('orgs');
  await expect(app.page.getByTestId('org-row').first()).toBeVisible();
  await app.screenshot('organizations-light');

  const shell = new Shell(app.page);
  await shell.openPalette();
  await shell.paletteInput.fill(friend.displayName.split(' ')[0]!);
  await expect(shell.paletteItem(friend.displayName, 'person').first()).toBeVisible();
  await app.screenshot('palette-light');
  await app.page.keyboard.press('Escape');

  await app.page.emulateMedia({ colorScheme: 'dark' });
  await app.open('people');
  await expect(people.rows.first()).toBeVisible();
  await app.screenshot('people-dark');
  await app.open(`people/${friend.id}`);
  await expect(person.name).toHaveText(friend.displayName);
  await app.screenshot('person-dark');
  await app.open(`orgs/${friend.organizationId}`);
  await expect(org.member(friend.displayName)).toBeVisible();
  await app.screenshot('organization-dark');

  expect(app.cspViolations).toEqual([]);
  expect(app.pageErrors).toEqual([]);
  expect(app.blockedRequests).toEqual([]);
});
