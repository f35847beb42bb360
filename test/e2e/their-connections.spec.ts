// Issue 14, "A contact's connections", through the UI: a Connections.csv
// imported as Ana's ("Whose connections are these?"): the preview says what it
// does and recognises me in her list; her connections new to Kith are
// second-degree (not in the default People list, shown by its filter, with a
// pill); the same list imported as someone else asks for a confirmation.
import { expect, test } from './fixtures';
import { ImportPage } from './pages/ImportPage';
import { PeoplePage } from './pages/PeoplePage';
import { WelcomePage } from './pages/WelcomePage';

const ANA_LIST = [
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Tom,Becker,https://www.linkedin.com/in/tombecker,,Acme Labs,Engineering Manager,02 Jan 2024',
  'Sam,Rivera,https://www.linkedin.com/in/sam-rivera,,Kith,Builder,04 Mar 2022',
  'Dana,Okafor,https://www.linkedin.com/in/dana-okafor,,Fabrikam,Recruiter,05 Apr 2021',
  'Eve,Lind,https://www.linkedin.com/in/eve-lind,,Contoso,CTO,06 May 2020',
].join('\n');

test("a contact's connections: imported as theirs, second-degree people, the same list as another person", async ({ app }) => {
  await app.open();
  await new WelcomePage(app.page).startEmpty('Sam Rivera');
  const me = (await app.call('app:info', {})).me;
  await app.call('people:update', { id: me.id, patch: { linkedinUrl: 'https://www.linkedin.com/in/sam-rivera' } });
  const ana = await app.call('people:create', { displayName: 'Ana Acosta' });
  await app.call('ties:create', { personA: me.id, personB: ana.id, strength: 4 });
  await app.call('people:create', { displayName: 'Ben Ode' });
  const tom = await app.call('people:create', { displayName: 'Tom Becker', linkedinUrl: 'https://www.linkedin.com/in/tombecker' });

  await app.open('import');
  const importer = new ImportPage(app.page);
  await importer.choose({ name: 'ana-Connections.csv', mimeType: 'text/csv', buffer: Buffer.from(ANA_LIST) });
  await expect(importer.preview).toBeVisible();
  const owner = app.page.getByTestId('import-owner');
  await expect(owner).toContainText('Whose connections are these?');
  await app.page.getByTestId('import-owner-someone').check();
  await expect(importer.commitButton).toBeDisabled(); // nobody picked yet
  await app.page.getByTestId('import-owner-input').fill('Ana');
  await app.page.getByRole('option', { name: /Ana Acosta/ }).click();
  await expect(app.page.getByTestId('import-owner-picked')).toHaveText('Ana Acosta');
  const summary = app.page.getByTestId('import-owner-summary');
  await expect(summary).toContainText('Ana Acosta will be tied to 3 people of this list');
  await expect(summary).toContainText('2 people new to Kith come in as second-degree');
  await expect(app.page.getByTestId('import-owner-me')).toContainText('You are in this list (line 3): you are not added again. You and Ana Acosta already have a tie.');
  await expect(importer.count('new-people')).toHaveText('2');
  await app.screenshot('their-connections-preview-light');
  await app.page.setViewportSize({ width: 1024, height: 700 });
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot('their-connections-preview-dark-small');
  await app.page.emulateMedia({ colorScheme: 'light' });
  await app.page.setViewportSize({ width: 1280, height: 800 });

  await importer.commit();
  await expect(app.page.getByTestId('import-done-theirs')).toContainText("As Ana Acosta's connections: 2 second-degree people added.");
  const tomTies = await app.call('people:get', { id: tom.id });
  expect(tomTies.ties.map((t) => [t.otherName, t.source, t.fromListOf?.name])).toEqual([['Ana Acosta', 'their-connections', 'Ana Acosta']]);

  // The default list leaves second-degree people out; the Show filter shows them, with a pill.
  await app.open('people');
  const people = new PeoplePage(app.page);
  await expect(people.row('Ben Ode')).toBeVisible();
  await expect(people.row('Dana Okafor')).toHaveCount(0);
  await app.page.getByTestId('people-degree').selectOption('second');
  await expect(people.row('Dana Okafor')).toBeVisible();
  await expect(people.row('Dana Okafor')).toContainText('2nd degree');
  await expect(people.rows).toHaveCount(2);
  await app.screenshot('their-connections-people-second-degree');
  await app.page.setViewportSize({ width: 1024, height: 700 });
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot('their-connections-people-second-degree-dark-small');
  await people.open('Dana Okafor');
  await expect(app.page.getByTestId('second-degree-pill')).toBeVisible();
  await expect(app.page.getByTestId('tie-from-list')).toHaveText("from Ana Acosta's connections");
  await app.screenshot('their-connections-person-dark-small');
  await app.page.emulateMedia({ colorScheme: 'light' });
  await app.page.setViewportSize({ width: 1280, height: 800 });
  await app.open('people');
  await app.page.getByTestId('people-degree').selectOption('first');

  // The same list as Ben's: the preview warns, and the import waits for an explicit yes.
  await app.open('import');
  await importer.choose({ name: 'ana-Connections.csv', mimeType: 'text/csv', buffer: Buffer.from(ANA_LIST) });
  await app.page.getByTestId('import-owner-someone').check();
  await app.page.getByTestId('import-owner-input').fill('Ben');
  await app.page.getByRole('option', { name: /Ben Ode/ }).click();
  await expect(app.page.getByTestId('import-owner-same-list')).toContainText("This looks like Ana Acosta's list, imported before: 3 of its 3 people are on it.");
  await expect(importer.commitButton).toBeDisabled();
  await app.screenshot('their-connections-same-list');
  await app.page.getByTestId('import-owner-confirm').check();
  await expect(importer.commitButton).toBeEnabled();

  expect(app.cspViolations).toEqual([]);
  expect(app.pageErrors).toEqual([]);
  expect(app.internalErrors).toEqual([]);
  expect(app.blockedRequests).toEqual([]);
});
