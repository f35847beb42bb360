// Organizations: the list with counts, search and sort; an organization's page
// showing who is there (current first, roles flagged, my tie); edit; archive.
import { expect, test } from './fixtures';
import { OrganizationPage, OrganizationsPage } from './pages/OrganizationsPage';
import { PersonPage } from './pages/PersonPage';

test.beforeEach(async ({ app }) => {
  await app.call('app:completeSetup', { displayName: 'Sam Rivera', loadSample: false });
});

async function seedAcme(app: import('./fixtures').KithApp) {
  const me = (await app.call('app:info')).me;
  const acme = await app.call('orgs:create', { name: 'Acme Labs', kind: 'company', domain: 'acme.example' });
  const hm = await app.call('people:create', { displayName: 'Hana Mori' });
  const rec = await app.call('people:create', { displayName: 'Rico Vega' });
  const dev = await app.call('people:create', { displayName: 'Dev Patel' });
  const old = await app.call('people:create', { displayName: 'Olga Former' });
  await app.call('affiliations:create', { personId: dev.id, organizationId: acme.id, title: 'Engineer', current: true });
  await app.call('affiliations:create', { personId: hm.id, organizationId: acme.id, title: 'Director of Engineering', isHiringManager: true, current: true });
  await app.call('affiliations:create', { personId: rec.id, organizationId: acme.id, title: 'Talent Partner', isRecruiter: true, current: true });
  await app.call('affiliations:create', { personId: old.id, organizationId: acme.id, title: 'Designer', current: false, startDate: '2015', endDate: '2019' });
  await app.call('ties:create', { personA: me.id, personB: dev.id, strength: 4 });
  await app.call('orgs:create', { name: 'Zenith Co' });
  return { acme, hm, rec, dev, old };
}

test('the organization page shows who is there: current first, hiring managers and recruiters flagged, my tie', async ({ app }) => {
  const { acme, dev } = await seedAcme(app);
  await app.open('orgs');
  const orgs = new OrganizationsPage(app.page);
  const acmeRow = orgs.row('Acme Labs');
  await expect(acmeRow.getByTestId('org-row-current')).toHaveText('3');
  await expect(acmeRow).toContainText('company');

  await orgs.open('Acme Labs');
  const org = new OrganizationPage(app.page);
  await expect(org.name).toHaveText('Acme Labs');
  await expect(app.page).toHaveURL(new RegExp(`#/orgs/${acme.id}$`));
  await expect(org.current.getByTestId('member-name')).toHaveText(['Hana Mori', 'Rico Vega', 'Dev Patel']);
  await expect(org.member('Hana Mori')).toContainText('Hiring manager');
  await expect(org.member('Rico Vega')).toContainText('Recruiter');
  await expect(org.member('Dev Patel').getByTestId('strength-badge')).toHaveText('4');
  await expect(org.former.getByTestId('member-name')).toHaveText(['Olga Former']);

  // Members link to their pages.
  await org.member('Dev Patel').getByRole('link').click();
  await expect(new PersonPage(app.page).name).toHaveText('Dev Patel');
  await expect(app.page).toHaveURL(new RegExp(`#/people/${dev.id}$`));
});

test('search and sort the organizations list', async ({ app }) => {
  await seedAcme(app);
  await app.open('orgs');
  const orgs = new OrganizationsPage(app.page);
  await expect(orgs.rows).toHaveCount(2);
  await orgs.search.fill('zen');
  await expect(orgs.rows).toHaveCount(1);
  await expect(orgs.rows.first()).toContainText('Zenith Co');
  await orgs.search.fill('');
  await app.page.getByTestId('orgs-sort').selectOption('people');
  await expect(orgs.rows.first()).toContainText('Acme Labs');
  await app.page.getByTestId('orgs-sort').selectOption('name');
  await expect(app.page.getByTestId('org-row-name')).toHaveText(['Acme Labs', 'Zenith Co']);
});

test('edit an organization, with a clear error for an empty name; archive and restore', async ({ app }) => {
  const { acme } = await seedAcme(app);
  await app.open(`orgs/${acme.id}`);
  const org = new OrganizationPage(app.page);
  await app.page.getByTestId('edit-org').click();
  await app.page.getByTestId('org-field-name').fill(' ');
  await app.page.getByTestId('save-org').click();
  await expect(app.page.getByTestId('error-name')).toHaveText('Organization name cannot be empty');

  // A name that is taken is refused by the server, and the message says so.
  await app.page.getByTestId('org-field-name').fill('zenith co');
  await app.page.getByTestId('save-org').click();
  await expect(app.page.getByTestId('org-form').getByTestId('inline-error')).toBeVisible();

  await app.page.getByTestId('org-field-name').fill('Acme Robotics');
  await app.page.getByTestId('org-field-kind').selectOption('nonprofit');
  await app.page.getByTestId('org-field-notes').fill('Hiring in Berlin.');
  await app.page.getByTestId('save-org').click();
  await expect(org.name).toHaveText('Acme Robotics');
  await expect(app.page.getByTestId('org-notes')).toHaveText('Hiring in Berlin.');
  await app.restart();
  await expect(org.name).toHaveText('Acme Robotics');
  expect((await app.call('orgs:get', { id: acme.id })).organization).toMatchObject({ kind: 'nonprofit', notes: 'Hiring in Berlin.' });

  await app.page.getByTestId('archive-org').click();
  await expect(app.page.getByTestId('restore-org')).toBeVisible();
  await app.open('orgs');
  await expect(new OrganizationsPage(app.page).rows).toHaveCount(1);
  await app.open(`orgs/${acme.id}`);
  await app.page.getByTestId('restore-org').click();
  await expect(app.page.getByTestId('archive-org')).toBeVisible();
});
