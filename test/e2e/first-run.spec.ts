// First run: the welcome screen, the sample network or an empty start, and
// that onboarding is remembered across a reload and a restart.
import { expect, test } from './fixtures';
import { PeoplePage } from './pages/PeoplePage';
import { Shell } from './pages/Shell';
import { WelcomePage } from './pages/WelcomePage';

test('first run with the sample network lands on a full People list, and stays onboarded', async ({ app }) => {
  await app.open();
  const welcome = new WelcomePage(app.page);
  await expect(welcome.root).toBeVisible();

  // A name is required before anything happens.
  await app.page.getByTestId('welcome-sample').click();
  await expect(app.page.getByTestId('inline-error')).toContainText('Type your name');
  expect((await app.call('app:info')).onboarded).toBe(false);

  await welcome.loadSample('Sam Rivera');
  const people = new PeoplePage(app.page);
  const total = (await app.call('people:list')).total;
  expect(total).toBeGreaterThanOrEqual(100);
  await expect(people.count).toHaveText(total.toLocaleString('en-US'));
  await expect(people.rows.first()).toBeVisible();
  await expect(app.page).toHaveURL(/#\/people$/);

  const info = await app.call('app:info');
  expect(info).toMatchObject({ onboarded: true, me: { displayName: 'Sam Rivera' } });
  await expect(app.page.getByTestId('nav-me')).toContainText('Sam Rivera');

  // Me opens my own page.
  await new Shell(app.page).goMe();
  await expect(app.page.getByTestId('person-name')).toContainText('Sam Rivera');
  await expect(app.page.getByTestId('my-tie')).toHaveCount(0);
  await expect(app.page.getByTestId('tie-row').first()).toBeVisible();

  await app.reload();
  await expect(app.page.getByTestId('person-name')).toContainText('Sam Rivera');
  await app.restart();
  await expect(welcome.root).toHaveCount(0);
  await expect(app.page.getByTestId('person-name')).toContainText('Sam Rivera');

  expect(app.cspViolations).toEqual([]);
  expect(app.pageErrors).toEqual([]);
  expect(app.blockedRequests).toEqual([]);
});

test('starting empty shows a helpful empty People list', async ({ app }) => {
  await app.open();
  await new WelcomePage(app.page).startEmpty('Robin Example');
  const people = new PeoplePage(app.page);
  await expect(people.empty).toContainText('Start with the people you know');
  await expect(people.empty.getByTestId('people-empty-import')).toHaveText('Import your LinkedIn connections');
  await expect(people.empty.getByTestId('people-empty-add-person')).toHaveText('Add a person');
  await expect(people.rows).toHaveCount(0);
  await app.page.getByTestId('nav-orgs').click();
  await expect(app.page.getByTestId('orgs-empty')).toContainText('No organizations yet');
  // An empty journal says what to do, and the reader beside it does not ask to
  // "Select an entry" from a list that has none (review 31).
  await app.page.getByTestId('nav-journal').click();
  await expect(app.page.getByTestId('journal-empty')).toContainText('Nothing in your journal yet');
  await expect(app.page.getByTestId('journal-detail')).not.toContainText('Select an entry');
  await app.page.getByTestId('journal-empty').getByRole('button', { name: 'Log your first entry' }).click();
  await expect(app.page.getByTestId('entry-editor')).toBeVisible();
  expect(app.pageErrors).toEqual([]);
});
