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

  // Issue 17: every screen works at 1024×700, light and dark: nothing wider
  // than the window (no sideways scrolling), each view rendered.
  await app.page.setViewportSize({ width: 1024, height: 700 });
  const screens = [
    ['home', 'home-view'],
    ['journal', 'journal-view'],
    ['people', 'people-view'],
    [`people/${friend.id}`, 'person-name'],
    ['orgs', 'orgs-view'],
    [`orgs/${friend.organizationId}`, 'org-page'],
    ['routes', 'routes-view'],
    ['introductions', 'introductions-view'],
    ['import', 'import-view'],
    ['settings', 'settings-view'],
  ] as const;
  for (const dark of [false, true]) {
    await app.page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
    for (const [route, testId] of screens) {
      await app.open(route);
      await expect(app.page.getByTestId(testId).first(), route).toBeVisible();
      const [wide, tall] = await app.page.evaluate(() => {
        const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number; scrollHeight: number; clientHeight: number } } }).document;
        return [d.documentElement.scrollWidth - d.documentElement.clientWidth, d.documentElement.scrollHeight - d.documentElement.clientHeight];
      });
      expect(wide, `${route} scrolls sideways at 1024×700`).toBeLessThanOrEqual(0);
      // The view scrolls inside the window; the window itself never does (a stray absolute
      // element made the person page scroll the whole app away, leaving black below it).
      expect(tall, `${route}: the window itself scrolls at 1024×700`).toBeLessThanOrEqual(0);
      await app.screenshot(`screen-1024-${route.replace(/\/\d+$/, '-page')}-${dark ? 'dark' : 'light'}`);
    }
  }

  expect(app.cspViolations).toEqual([]);
  expect(app.pageErrors).toEqual([]);
  expect(app.blockedRequests).toEqual([]);
});

test('screenshots of the forms: new person, profile editing, work and tie pickers', async ({ app }) => {
  await app.call('app:completeSetup', { displayName: 'Sam Rivera', loadSample: true });
  const stranger = (await app.call('people:list', { sort: 'name' })).items.find((p) => p.myTieStrength === null)!;
  await app.open('people');
  await app.page.getByTestId('new-person').click();
  await app.page.getByTestId('create-person').click();
  await expect(app.page.getByTestId('error-displayName')).toBeVisible();
  await app.screenshot('new-person-dialog-light');
  await app.page.keyboard.press('Escape');

  await app.open(`people/${stranger.id}`);
  const person = new PersonPage(app.page);
  await expect(person.myTie).toContainText('No tie yet');
  await person.affiliations.getByTestId('add-affiliation').click();
  await app.page.getByTestId('affiliation-org-input').fill('Co');
  await expect(app.page.getByTestId('affiliation-org-input-options')).toBeVisible();
  await app.screenshot('affiliation-form-light');
  await app.page.keyboard.press('Escape');
  await app.page.keyboard.press('Escape');

  await person.ties.getByTestId('add-tie').click();
  await app.page.getByTestId('tie-person-input').fill('an');
  await expect(app.page.getByTestId('tie-person-input-options')).toBeVisible();
  await person.ties.scrollIntoViewIfNeeded();
  await app.screenshot('add-tie-light');
  await app.page.keyboard.press('Escape');
  await app.page.keyboard.press('Escape');

  await person.startEditing();
  await person.field('displayName').fill('');
  await person.save();
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot('person-edit-dark');
  expect(app.cspViolations).toEqual([]);
  expect(app.pageErrors).toEqual([]);
});
