// A person's page: editing the profile with validation, work history, ties
// (one-click strength), my tie with them, and that it all survives a reload
// and a restart.
import { expect, test } from './fixtures';
import { PersonPage } from './pages/PersonPage';

test.beforeEach(async ({ app }) => {
  await app.call('app:completeSetup', { displayName: 'Sam Rivera', loadSample: false });
});

test('edit a profile: validation errors are clear, cancel discards, save persists across reload and restart', async ({ app }) => {
  const ana = await app.call('people:create', { displayName: 'Ana Acosta' });
  await app.open(`people/${ana.id}`);
  const page = new PersonPage(app.page);
  await expect(page.name).toHaveText('Ana Acosta');

  // Cancel throws the edits away.
  await page.startEditing();
  await page.field('headline').fill('Will not be kept');
  await app.page.getByTestId('cancel-person').click();
  await expect(page.form).toBeHidden();
  await expect(page.headline).toHaveCount(0);

  await page.startEditing();
  await page.field('displayName').fill('   ');
  await app.page.getByTestId('add-emails').click();
  await page.form.getByRole('textbox', { name: 'Emails 1 label' }).fill('work');
  await page.save();
  await expect(page.form.getByTestId('error-displayName')).toHaveText('Name cannot be empty');
  await expect(page.form).toContainText('Email 1 cannot be empty');
  expect((await app.call('people:get', { id: ana.id })).person.displayName).toBe('Ana Acosta');

  await page.field('displayName').fill('Ana María Acosta');
  await page.field('givenName').fill('Ana María');
  await page.field('familyName').fill('Acosta');
  await page.field('headline').fill('Staff engineer, payments');
  await page.field('location').fill('Lisbon');
  await page.form.getByTestId('emails-value-0').fill('ana@example.org');
  await app.page.getByTestId('add-phones').click();
  await page.form.getByTestId('phones-value-0').fill('+351 555 0100');
  await app.page.getByTestId('add-links').click();
  await page.form.getByTestId('links-value-0').fill('https://ana.example.org');
  await page.field('howWeMet').fill('PyCon 2019, hallway track');
  await page.field('notes').fill('Knows everyone in payments.\nAsk about the platform team.');
  await page.field('tags').fill('payments, mentor, payments');
  await page.save();
  await expect(page.form).toBeHidden();

  const check = async () => {
    await expect(page.name).toHaveText('Ana María Acosta');
    await expect(page.headline).toHaveText('Staff engineer, payments');
    await expect(app.page.getByTestId('profile-emails')).toContainText('ana@example.org');
    await expect(app.page.getByTestId('profile-emails')).toContainText('work');
    await expect(app.page.getByTestId('profile-phones')).toContainText('+351 555 0100');
    await expect(app.page.getByTestId('profile-links')).toContainText('https://ana.example.org');
    await expect(app.page.getByTestId('profile-how-we-met')).toHaveText('PyCon 2019, hallway track');
    await expect(app.page.getByTestId('profile-notes')).toHaveText('Knows everyone in payments.\nAsk about the platform team.');
    await expect(app.page.getByTestId('tag')).toHaveText(['mentor', 'payments']);
  };
  await check();
  await app.reload();
  await check();
  await app.restart();
  await check();

  const stored = (await app.call('people:get', { id: ana.id })).person;
  expect(stored).toMatchObject({ givenName: 'Ana María', familyName: 'Acosta', location: 'Lisbon', emails: [{ value: 'ana@example.org', label: 'work' }] });
  expect(app.pageErrors).toEqual([]);
});

test('user text is shown as text, never as markup', async ({ app }) => {
  const evil = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
  const person = await app.call('people:create', { displayName: evil, headline: 'A'.repeat(3000), notes: '<script>window.__pwned=2</script>' });
  await app.open(`people/${person.id}`);
  const page = new PersonPage(app.page);
  await expect(page.name).toHaveText(evil);
  await expect(app.page.getByTestId('profile-notes')).toHaveText('<script>window.__pwned=2</script>');
  expect(await app.page.evaluate('window.__pwned')).toBeUndefined();
  // A very long headline is cut with an ellipsis instead of widening the page.
  // (String expressions: the specs compile without DOM types.)
  const overflow = (await app.page.evaluate(`(() => {
    const el = document.querySelector('[data-testid="person-headline"]');
    return { scroll: el.scrollWidth, client: el.clientWidth, style: getComputedStyle(el).textOverflow };
  })()`)) as { scroll: number; client: number; style: string };
  expect(overflow.style).toBe('ellipsis');
  expect(overflow.scroll).toBeGreaterThan(overflow.client);
  const pageWidth = await app.page.evaluate('document.documentElement.scrollWidth');
  expect(pageWidth).toBeLessThanOrEqual(1280);
  expect(app.cspViolations).toEqual([]);
});

test('work history: add with a new organization, edit the title and dates, flag a hiring manager, delete', async ({ app }) => {
  const existing = await app.call('orgs:create', { name: 'Acme Labs' });
  const tom = await app.call('people:create', { displayName: 'Tom Becker' });
  await app.open(`people/${tom.id}`);
  const page = new PersonPage(app.page);

  // An existing organization is suggested as you type.
  let form = await page.addAffiliation({ organization: 'acm', pick: 'Acme Labs', title: 'Engineering Manager', start: '2021-03', hiringManager: true });
  await expect(form).toBeHidden();
  const rows = page.affiliations.getByTestId('affiliation-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId('affiliation-org')).toHaveText('Acme Labs');
  await expect(rows.first()).toContainText('Hiring manager');
  await expect(rows.first().getByTestId('affiliation-span')).toHaveText('2021-03 – present');
  let detail = await app.call('people:get', { id: tom.id });
  expect(detail.affiliations).toMatchObject([{ organizationId: existing.id, title: 'Engineering Manager', isHiringManager: true, current: true }]);

  // A new name creates the organization; a bad date is refused with a clear message.
  form = await page.addAffiliation({ organization: 'Globex Systems', title: 'Engineer', start: '2019-13', end: '2021' });
  await expect(form.getByTestId('error-startDate')).toContainText('Start date must be a date like 2024, 2024-03 or 2024-03-15');
  await form.getByTestId('affiliation-start').fill('2018-02-30');
  await form.getByTestId('save-affiliation').click();
  await expect(form.getByTestId('error-startDate')).toContainText('not a real calendar date');
  await form.getByTestId('affiliation-start').fill('2018-02');
  await form.getByTestId('save-affiliation').click();
  await expect(form).toBeHidden();
  await expect(rows).toHaveCount(2);
  const globex = rows.filter({ hasText: 'Globex Systems' });
  await expect(globex).toContainText('Former');
  await expect(globex.getByTestId('affiliation-span')).toHaveText('2018-02 – 2021');
  expect((await app.call('orgs:list', { search: 'Globex' })).items).toHaveLength(1);

  // Edit the title and end date.
  await globex.getByTestId('edit-affiliation').click();
  const editForm = app.page.getByTestId('affiliation-form');
  await editForm.getByTestId('affiliation-title-input').fill('Senior Engineer');
  await editForm.getByTestId('affiliation-end').fill('2020-11-15');
  await editForm.getByTestId('save-affiliation').click();
  await expect(editForm).toBeHidden();
  await expect(globex.getByTestId('affiliation-title')).toHaveText('Senior Engineer');
  await expect(globex.getByTestId('affiliation-span')).toHaveText('2018-02 – 2020-11-15');

  // Delete asks first.
  app.page.once('dialog', (dialog) => void dialog.accept());
  await globex.getByTestId('delete-affiliation').click();
  await expect(rows).toHaveCount(1);
  detail = await app.call('people:get', { id: tom.id });
  expect(detail.affiliations.map((a) => a.organizationName)).toEqual(['Acme Labs']);
});

test('tie two people, change the strength in one click, edit the context, remove it', async ({ app }) => {
  const ana = await app.call('people:create', { displayName: 'Ana Acosta' });
  const tom = await app.call('people:create', { displayName: 'Tom Becker' });
  await app.call('affiliations:create', { personId: tom.id, organizationName: 'Acme Labs', title: 'Recruiter', current: true });

  await app.open(`people/${ana.id}`);
  const page = new PersonPage(app.page);
  await page.addTie('tom b', /Tom Becker/, 3, 'Worked together at Initech');
  const row = page.tieRow('Tom Becker');
  await expect(row).toHaveAttribute('data-strength', '3');
  await expect(row).toContainText('Acme Labs');
  await expect(row.getByTestId('tie-context')).toHaveText('Worked together at Initech');

  // One click: strength 5, saved at once.
  await row.getByTestId('strength-5').click();
  await expect(row).toHaveAttribute('data-strength', '5');
  await expect(row.getByTestId('strength-5')).toHaveAttribute('aria-checked', 'true');
  const tie = (await app.call('people:get', { id: ana.id })).ties.find((t) => t.otherId === tom.id)!;
  expect(tie).toMatchObject({ strength: 5, context: 'Worked together at Initech' });

  // Context edits in place.
  await row.getByTestId('tie-context').click();
  await row.getByTestId('tie-context-input').fill('Same team at Initech, 2018–2020');
  await row.getByTestId('tie-context-input').press('Enter');
  await expect(row.getByTestId('tie-context')).toHaveText('Same team at Initech, 2018–2020');

  // The tie shows from the other side too, and survives a restart.
  await row.getByRole('link').click();
  await expect(page.name).toHaveText('Tom Becker');
  await app.restart();
  const back = page.tieRow('Ana Acosta');
  await expect(back).toHaveAttribute('data-strength', '5');
  await expect(back.getByTestId('tie-context')).toHaveText('Same team at Initech, 2018–2020');

  app.page.once('dialog', (dialog) => void dialog.accept());
  await back.getByTestId('remove-tie').click();
  await expect(page.ties.getByTestId('tie-row')).toHaveCount(0);
  expect((await app.call('people:get', { id: ana.id })).ties).toEqual([]);
});

test('my tie with someone is prominent and set in one click, created when absent', async ({ app }) => {
  const me = (await app.call('app:info')).me;
  const lee = await app.call('people:create', { displayName: 'Lee Park' });
  await app.open(`people/${lee.id}`);
  const page = new PersonPage(app.page);
  await expect(page.myTie).toContainText('Your tie with Lee');
  await expect(page.myTie).toContainText('No tie yet');

  await page.setMyTie(2);
  await expect(app.page.getByTestId('my-tie-meaning')).toHaveText('2 · Acquaintance');
  let detail = await app.call('people:get', { id: lee.id });
  expect(detail.myTie).toMatchObject({ otherId: me.id, strength: 2 });

  await page.setMyTie(4);
  await expect(app.page.getByTestId('my-tie-meaning')).toHaveText('4 · Friend');
  detail = await app.call('people:get', { id: lee.id });
  expect(detail.myTie).toMatchObject({ strength: 4 });
  expect(detail.ties).toHaveLength(1);

  await page.myTie.getByTestId('my-tie-context').click();
  await page.myTie.getByTestId('my-tie-context-input').fill('Climbing gym');
  await page.myTie.getByTestId('my-tie-context-save').click();
  await expect(page.myTie.getByTestId('my-tie-context')).toHaveText('Climbing gym');

  await app.reload();
  await expect(page.myTie).toHaveAttribute('data-strength', '4');
  await expect(page.myTie.getByTestId('my-tie-context')).toHaveText('Climbing gym');

  // My own page lists Lee among the people I know.
  await app.page.getByTestId('nav-me').click();
  await expect(page.tieRow('Lee Park')).toHaveAttribute('data-strength', '4');
});

test('a person that does not exist gets a readable message, not a blank screen', async ({ app }) => {
  await app.open('people/99999');
  await expect(app.page.getByTestId('error-notice')).toContainText('This person could not be shown');
  await expect(app.page.getByTestId('error-notice')).toContainText('99999');
  await app.open('nowhere/at/all');
  await expect(app.page.getByTestId('not-found')).toBeVisible();
});
