// The People list: server-side search, sort, keyboard, the new-person form,
// archive, and a 10,000-person list that stays virtualized.
import { expect, test } from './fixtures';
import { PeoplePage } from './pages/PeoplePage';
import { PersonPage } from './pages/PersonPage';

test.beforeEach(async ({ app }, testInfo) => {
  // The scale test loads its own, larger network.
  const loadSample = !testInfo.title.startsWith('10,000');
  await app.call('app:completeSetup', { displayName: 'Sam Rivera', loadSample });
});

test('search narrows the list by prefix, and clearing it brings everyone back', async ({ app }) => {
  const target = (await app.call('people:list', { sort: 'name' })).items[42]!;
  const [first, last] = [target.displayName.split(' ')[0]!, target.displayName.split(' ').at(-1)!];
  const expected = await app.call('people:list', { search: `${first.slice(0, 3)} ${last.slice(0, 3)}` });

  await app.open('people');
  const people = new PeoplePage(app.page);
  const total = (await app.call('people:list')).total;
  await expect(people.count).toHaveText(total.toLocaleString('en-US'));

  await people.searchFor(`${first.slice(0, 3)} ${last.slice(0, 3)}`);
  await expect(people.count).toHaveText(`${expected.total} found`);
  await expect(people.row(target.displayName)).toBeVisible();
  expect(await people.rowNames()).toEqual(expected.items.map((p) => p.displayName));

  await people.searchFor('zzzqqq');
  await expect(people.empty).toContainText('No one matches “zzzqqq”');

  await people.search.press('Escape');
  await expect(people.search).toHaveValue('');
  await expect(people.count).toHaveText(total.toLocaleString('en-US'));
});

test('sort by tie strength puts the people I know best first, with their badge', async ({ app }) => {
  const byStrength = await app.call('people:list', { sort: 'strength' });
  const strongest = byStrength.items[0]!;
  expect(strongest.myTieStrength).not.toBeNull();

  await app.open('people');
  const people = new PeoplePage(app.page);
  await people.sort.selectOption('strength');
  await expect(people.rows.first()).toHaveAttribute('data-person-id', String(strongest.id));
  await expect(people.rows.first().getByTestId('strength-badge')).toHaveText(String(strongest.myTieStrength));
  await expect(people.rows.first()).toContainText([strongest.title, strongest.organizationName].filter(Boolean).join(' · '));

  await people.sort.selectOption('organization');
  const byOrg = await app.call('people:list', { sort: 'organization' });
  await expect(people.rows.first()).toHaveAttribute('data-person-id', String(byOrg.items[0]!.id));
});

test('keyboard: "/" focuses search, arrows move the selection, Enter opens', async ({ app }) => {
  const all = await app.call('people:list', { sort: 'name' });
  await app.open('people');
  const people = new PeoplePage(app.page);
  await expect(people.rows.first()).toBeVisible();

  await app.page.locator('body').press('/');
  await expect(people.search).toBeFocused();
  await app.page.keyboard.press('ArrowDown');
  await app.page.keyboard.press('ArrowDown');
  await expect(people.selectedRow().getByTestId('person-row-name')).toHaveText(all.items[2]!.displayName);
  await app.page.keyboard.press('ArrowUp');
  await expect(people.selectedRow().getByTestId('person-row-name')).toHaveText(all.items[1]!.displayName);
  await app.page.keyboard.press('Enter');
  await expect(app.page).toHaveURL(new RegExp(`#/people/${all.items[1]!.id}$`));
  await expect(new PersonPage(app.page).name).toContainText(all.items[1]!.displayName);

  // Back on the list, the search box keeps what was typed within the session.
  await app.page.goBack();
  await expect(people.root).toBeVisible();
});

test('a new person gets a profile, a current job and my tie in one small form', async ({ app }) => {
  await app.open('people');
  const people = new PeoplePage(app.page);

  // An empty name is refused with a clear message, and nothing is created.
  await app.page.getByTestId('new-person').click();
  await app.page.getByTestId('create-person').click();
  await expect(app.page.getByTestId('error-displayName')).toHaveText('Name cannot be empty');
  await app.page.keyboard.press('Escape');
  await expect(app.page.getByTestId('new-person-dialog')).toBeHidden();

  await people.createPerson({ name: 'Zelda Quartermain', headline: 'Design lead', organization: 'Brand New Studio', title: 'Design Lead', strength: 3 });
  const person = new PersonPage(app.page);
  await expect(person.name).toContainText('Zelda Quartermain');
  await expect(person.myTie).toHaveAttribute('data-strength', '3');
  await expect(person.affiliations.getByTestId('affiliation-org')).toHaveText('Brand New Studio');

  const found = await app.call('people:list', { search: 'Zelda' });
  expect(found.items).toMatchObject([{ displayName: 'Zelda Quartermain', organizationName: 'Brand New Studio', title: 'Design Lead', myTieStrength: 3 }]);

  await app.page.getByTestId('nav-people').click();
  await people.searchFor('quarter');
  await expect(people.rows).toHaveCount(1);
  await expect(people.rows.first()).toContainText('Design Lead · Brand New Studio');
  expect(app.pageErrors).toEqual([]);
});

test('archive hides a person from the list until "Show archived", and restore brings them back', async ({ app }) => {
  const someone = (await app.call('people:list')).items[5]!;
  await app.open(`people/${someone.id}`);
  await app.page.getByTestId('archive-person').click();
  await expect(app.page.getByTestId('archived-pill')).toBeVisible();

  await app.open('people');
  const people = new PeoplePage(app.page);
  await people.searchFor(someone.displayName);
  await expect(people.empty).toBeVisible();
  await app.page.getByTestId('people-archived').check();
  await expect(people.row(someone.displayName)).toContainText('Archived');
  await people.open(someone.displayName);
  await app.page.getByTestId('restore-person').click();
  await expect(app.page.getByTestId('archived-pill')).toHaveCount(0);
  expect((await app.call('people:get', { id: someone.id })).person.archived).toBe(false);
});

/** More than a handful of rows rendered (the list is not empty), but far fewer than the 10,000. */
async function expectWindowOfRows(people: PeoplePage): Promise<void> {
  const rows = await people.rows.count();
  expect(rows).toBeGreaterThan(5);
  expect(rows).toBeLessThan(80);
}

test('10,000 people: only the visible rows are in the DOM, and the end of the list is reachable', async ({ app }) => {
  test.setTimeout(90_000);
  await app.call('sample:load', { people: 10_000, seed: 7 });
  const all = await app.call('people:list', { sort: 'name' });
  expect(all.total).toBe(10_000);

  await app.open('people');
  const people = new PeoplePage(app.page);
  await expect(people.count).toHaveText(all.total.toLocaleString('en-US'));
  // Rows are on screen first (zero rows would pass "fewer than 80"), then only a window of them (issue 18).
  await expect(people.rows.first()).toBeVisible();
  await expectWindowOfRows(people);

  // End jumps to the last person through the virtualizer.
  await people.list.focus();
  await app.page.keyboard.press('End');
  const last = all.items.at(-1)!;
  await expect(people.selectedRow().getByTestId('person-row-name')).toHaveText(last.displayName);
  await expectWindowOfRows(people);

  // Searching still answers from the server quickly enough to feel instant.
  await people.searchFor(last.displayName);
  await expect(people.row(last.displayName).first()).toBeVisible();
});
