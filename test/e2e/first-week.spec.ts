// Issue 17, "A first week without friction", end to end: the participant
// picker picks the name that matches best (never an invisible row), and names
// are found however they are typed, in the palette, the People list and the
// journal. Screenshots at 1280×800 and 1024×700, light and dark.
import { localDateOf } from '../../shared/cadence';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { FIXTURES } from '../helpers/fixtures';
import { expect, test, type KithApp } from './fixtures';
import { ImportPage } from './pages/ImportPage';
import { PeoplePage } from './pages/PeoplePage';
import { EntryEditor, JournalPage, PersonTimelinePage } from './pages/JournalPage';
import { IntroductionsPage } from './pages/IntroductionsPage';
import { Shell } from './pages/Shell';

async function setup(app: KithApp) {
  await app.call('app:completeSetup', { displayName: 'Sam Rivera', loadSample: false });
  const me = (await app.call('people:list', {})).items.length; // nobody yet but me
  expect(me).toBe(0);
  const host = await app.call('people:create', { displayName: 'Ana Acosta' });
  // Her title has an S-word and her name sorts first: the old picker chose her for "Dalia S".
  const fernandez = await app.call('people:create', { displayName: 'Dalia Fernández', headline: 'Senior Software Engineer' });
  const sanchez = await app.call('people:create', { displayName: 'Dalia Sánchez', headline: 'Designer' });
  const soren = await app.call('people:create', {
    displayName: 'Søren Kierkegaard',
    emails: [{ label: 'work', value: 'soren@denmark.example' }],
    phones: [{ label: 'mobile', value: '+45 31 22 33 44' }],
  });
  const muller = await app.call('people:create', { displayName: 'François Müller' });
  return { host, fernandez, sanchez, soren, muller };
}

for (const size of [
  { width: 1280, height: 800 },
  { width: 1024, height: 700 },
]) {
  test(`"Dalia S" then Enter adds Dalia Sánchez, not the alphabetically first match (${size.width}×${size.height})`, async ({ app }) => {
    await app.page.setViewportSize(size);
    const { host, sanchez } = await setup(app);
    await app.open(`people/${host.id}`);
    const editor = await new PersonTimelinePage(app.page).logEntry();
    const options = editor.root.getByTestId('entry-person-input-options').getByRole('option');

    await editor.personInput.fill('Dalia');
    await expect(options.filter({ hasText: /Dalia (Fernández|Sánchez)/ })).toHaveCount(2);
    // Type the rest and press Enter at once, before the answer for "Dalia S"
    // arrives: the row Enter picks must be one shown for what is typed now.
    await editor.personInput.pressSequentially(' S', { delay: 0 });
    await expect(options.first()).toHaveText(/Dalia Sánchez/);
    // Fernández may follow (her title, "Senior…", matches the S), never before
    // Sánchez. (This asserted she was absent: true only while the answer for
    // "Dalia S" was on its way, so it failed on a slow machine.)
    expect((await options.allTextContents()).findIndex((t) => t.includes('Dalia Fernández'))).not.toBe(0);
    await editor.personInput.press('Enter');
    await expect(editor.participants).toHaveText(['Ana Acosta×', 'Dalia Sánchez×']);

    // The list sits inside the dialog, fully visible.
    await editor.personInput.fill('Dalia');
    await expect(options.filter({ hasText: 'Dalia Fernández' })).toHaveCount(1);
    await expect(options.filter({ hasText: 'Dalia Sánchez' })).toHaveCount(0); // already picked
    const list = await editor.root.getByTestId('entry-person-input-options').boundingBox();
    const dialog = await editor.root.boundingBox();
    expect(list && dialog).toBeTruthy();
    expect(list!.height).toBeGreaterThan(20);
    expect(list!.y + list!.height).toBeLessThanOrEqual(size.height);
    await app.screenshot(`first-week-picker-${size.width}`);
    await editor.personInput.fill('');
    await editor.save();
    const entries = await app.call('journal:list', { personId: sanchez.id });
    expect(entries.items).toHaveLength(1);
  });
}

test('names are found however they are typed: palette, People list, journal search', async ({ app }) => {
  const { soren, muller, host } = await setup(app);
  await app.call('journal:create', { occurredAt: '2026-11-02', kind: 'coffee', title: 'Coffee in Copenhagen', participantIds: [soren.id] });
  await app.open();
  const shell = new Shell(app.page);

  for (const [query, person] of [
    ['soren', soren],
    ['mueller', muller],
    ['muller', muller],
    ['31223344', soren],
    ['soren@denmark', soren],
  ] as const) {
    await shell.openPalette();
    await shell.paletteInput.fill(query);
    await expect(shell.palette.locator(`[data-testid="palette-item"][data-kind="person"]`).first(), query).toContainText(person.displayName);
    await app.page.keyboard.press('Escape');
  }
  // The journal entry is found by its participant's name, typed without ø.
  await shell.openPalette();
  await shell.paletteInput.fill('soren');
  await expect(shell.palette.locator('[data-testid="palette-item"][data-kind="entry"]')).toContainText(['Coffee in Copenhagen']);
  await app.page.keyboard.press('Escape');

  await shell.goPeople();
  const people = new PeoplePage(app.page);
  await people.searchFor('mueller');
  await expect(people.rows).toHaveCount(1);
  await expect(people.row('François Müller')).toBeVisible();
  await people.searchFor('+45 3122 3344');
  await expect(people.rows).toHaveCount(1);
  await expect(people.row('Søren Kierkegaard')).toBeVisible();
  for (const dark of [false, true]) {
    await app.page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
    await app.page.setViewportSize({ width: 1024, height: 700 });
    await app.screenshot(`first-week-people-search-1024-${dark ? 'dark' : 'light'}`);
  }
  expect(host.id).toBeGreaterThan(0);
});

test('an @mention: the suggestions sit fully inside the window at 1024×700, no "Nobody called" beside them, stored as a reference and shown as a link', async ({ app }) => {
  await app.page.setViewportSize({ width: 1024, height: 700 });
  const { host, soren } = await setup(app);
  const felipe = await app.call('people:create', { displayName: 'Felipe Ortega' });
  await app.call('people:create', { displayName: 'Felix Braun' });
  await app.open(`people/${host.id}`);
  const editor = await new PersonTimelinePage(app.page).logEntry();
  await editor.title.fill('Lunch');
  await editor.body.fill('Asked about ');
  await editor.body.press('End');
  await editor.body.pressSequentially('@Fel');
  const list = editor.mentionSuggestions;
  await expect(list.getByRole('option')).toHaveText(['Felipe Ortega', 'Felix Braun']);
  await expect(editor.root.getByTestId('unknown-mentions')).toHaveCount(0);
  // Every option is fully visible: inside the window, not cut to a sliver by
  // the dialog, and clear of the notes being typed. The list follows the notes
  // when typing scrolls the dialog, so this is asserted once it has settled.
  await expect(async () => {
    const box = await list.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.height).toBeGreaterThanOrEqual(60);
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(700);
    for (const option of await list.getByRole('option').all()) {
      const o = (await option.boundingBox())!;
      expect(o.height).toBeGreaterThan(20);
      expect(o.y + o.height).toBeLessThanOrEqual(box!.y + box!.height + 1);
    }
    const notes = (await editor.body.boundingBox())!;
    expect(box!.y >= notes.y + notes.height || box!.y + box!.height <= notes.y).toBe(true);
  }).toPass({ timeout: 10_000 });
  // A shorter window makes the dialog scroll: the list stays beside the notes
  // when the window resizes and when the dialog scrolls.
  const gap = async () => {
    const box = (await list.boundingBox())!;
    const notes = (await editor.body.boundingBox())!;
    return box.y >= notes.y + notes.height ? box.y - (notes.y + notes.height) : notes.y - (box.y + box.height);
  };
  await app.page.setViewportSize({ width: 1024, height: 480 });
  await expect.poll(gap).toBeCloseTo(4, 0);
  const scrolled = await editor.body.evaluate((el) => {
    const dialog = el.closest('dialog')!;
    const from = dialog.scrollTop;
    dialog.scrollTop = from + 30;
    return dialog.scrollTop - from;
  });
  expect(scrolled).toBeGreaterThan(0);
  await expect.poll(gap).toBeCloseTo(4, 0);
  await app.page.setViewportSize({ width: 1024, height: 700 });
  await expect.poll(gap).toBeCloseTo(4, 0);
  await app.screenshot('first-week-mention-list-1024');
  await editor.body.press('Enter');
  await expect(list).toHaveCount(0);
  await editor.body.pressSequentially('and @Søren Kierkegaard.');

  // Mentioned, not "with": the chips stay Ana only; the mentions are listed apart.
  await expect(editor.participants).toHaveText(['Ana Acosta×']);
  await expect(editor.root.getByTestId('entry-mention')).toHaveText(['@Felipe Ortega', '@Søren Kierkegaard']);
  await editor.save();

  const felipeEntries = await app.call('journal:list', { personId: felipe.id });
  expect(felipeEntries.items).toHaveLength(0); // a mention is not contact
  const [entry] = (await app.call('journal:list', { personId: host.id })).items;
  const full = await app.call('journal:get', { id: entry!.id });
  expect(full.participants.map((p) => p.id)).toEqual([host.id]);
  expect(full.mentions?.map((p) => p.id).sort()).toEqual([felipe.id, soren.id].sort());

  await app.open('journal');
  const journal = new JournalPage(app.page);
  await journal.row('Lunch').click();
  const links = journal.renderedBody.getByTestId('mention-link');
  await expect(links).toHaveText(['@Felipe Ortega', '@Søren Kierkegaard']);
  await links.first().click();
  await expect(app.page).toHaveURL(new RegExp(`#/people/${felipe.id}$`));
});

test('the strength picker is one radio group: one Tab stop, arrows set it, labels visible; a strength set by hand is not second-guessed', async ({ app }) => {
  await app.page.setViewportSize({ width: 1024, height: 700 });
  await app.call('app:completeSetup', { displayName: 'Sam Rivera', loadSample: false });
  const marta = await app.call('people:create', { displayName: 'Marta Silva' });
  await app.open(`people/${marta.id}`);
  const picker = app.page.getByTestId('my-tie-strength');
  const radios = picker.getByRole('radio');
  await expect(radios).toHaveCount(5);
  // One Tab stop: only one radio is reachable with Tab.
  const tabbable = await radios.evaluateAll((els) => els.filter((e) => e.getAttribute('tabindex') === '0').length);
  expect(tabbable).toBe(1);
  await expect(picker.getByTestId('my-tie-strength-caption')).toHaveText('Not set');
  await picker.getByTestId('strength-2').click();
  await expect(picker.getByTestId('strength-2')).toHaveAttribute('aria-checked', 'true');
  // Arrows move and set it; the label is written out.
  await picker.getByTestId('strength-2').focus();
  await app.page.keyboard.press('ArrowRight');
  await expect(picker.getByTestId('strength-3')).toHaveAttribute('aria-checked', 'true');
  await expect(picker.getByTestId('strength-3')).toBeFocused();
  await app.page.keyboard.press('ArrowRight');
  await expect(picker.getByTestId('strength-4')).toHaveAttribute('aria-checked', 'true');
  await expect(picker.getByTestId('my-tie-strength-caption')).toHaveText('Friend');
  const caption = (await picker.getByTestId('my-tie-strength-caption').boundingBox())!;
  const box = (await picker.boundingBox())!;
  expect(caption.width).toBeGreaterThan(20);
  expect(caption.x + caption.width).toBeLessThanOrEqual(box.x + box.width + 1);
  expect(box.x + box.width).toBeLessThanOrEqual(1024);
  await app.screenshot('first-week-strength-1024');

  // One coffee right after: the evidence alone says 2, but the strength was just set by hand.
  const today = localDateOf(app.startedAt, app.timeZone); // the pinned today (fixtures.ts)
  await app.call('journal:create', { occurredAt: today, kind: 'coffee', participantIds: [marta.id] });
  await app.reload();
  await expect(app.page.getByTestId('person-timeline').getByTestId('timeline-item')).toHaveCount(1);
  await expect(app.page.getByTestId('tie-suggestion')).toHaveCount(0);
  const tie = (await app.call('people:get', { id: marta.id })).myTie;
  expect(tie?.strength).toBe(4);

  // The small pickers in "Knows" keep their captions inside the row at 1024×700.
  const tom = await app.call('people:create', { displayName: 'Tom Becker-Lindqvist' });
  await app.call('affiliations:create', { personId: tom.id, organizationName: 'Initech Worldwide Holdings', title: 'Engineering Manager', current: true });
  await app.call('ties:create', { personA: marta.id, personB: tom.id, strength: 3, context: 'Worked together at Initech for three years' });
  await app.reload();
  const row = app.page.locator('[data-testid="tie-row"]').first();
  await expect(row).toBeVisible();
  const rowBox = (await row.boundingBox())!;
  const small = (await row.getByRole('radiogroup').boundingBox())!;
  expect(small.x + small.width).toBeLessThanOrEqual(rowBox.x + rowBox.width + 1);
  expect(small.y + small.height).toBeLessThanOrEqual(rowBox.y + rowBox.height + 1);
  for (const dark of [false, true]) {
    await app.page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
    await app.screenshot(`first-week-ties-1024-${dark ? 'dark' : 'light'}`);
  }
});

test('a new user is guided: the empty Home and People offer "Import your LinkedIn connections" and "Add a person", at 1024×700 in light and dark', async ({ app }) => {
  await app.page.setViewportSize({ width: 1024, height: 700 });
  await app.call('app:completeSetup', { displayName: 'Sam Rivera', loadSample: false });
  await app.open('home');
  const guide = app.page.getByTestId('home-getting-started');
  await expect(guide).toBeVisible();
  await expect(app.page.getByText('You are all caught up')).toHaveCount(0);
  for (const id of ['home-getting-started-import', 'home-getting-started-add-person']) {
    const box = (await app.page.getByTestId(id).boundingBox())!;
    expect(box.width).toBeGreaterThan(60);
    expect(box.x).toBeGreaterThanOrEqual(224); // right of the sidebar
    expect(box.x + box.width).toBeLessThanOrEqual(1024);
    expect(box.y + box.height).toBeLessThanOrEqual(700);
  }
  const importBox = (await app.page.getByTestId('home-getting-started-import').boundingBox())!;
  const addBox = (await app.page.getByTestId('home-getting-started-add-person').boundingBox())!;
  expect(importBox.x + importBox.width <= addBox.x || importBox.y + importBox.height <= addBox.y).toBe(true); // no overlap
  for (const dark of [false, true]) {
    await app.page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
    await app.screenshot(`first-week-home-empty-1024-${dark ? 'dark' : 'light'}`);
  }
  await app.page.emulateMedia({ colorScheme: 'light' });

  await app.page.getByTestId('home-getting-started-add-person').click();
  await expect(app.page.getByRole('dialog')).toBeVisible();
  await app.page.keyboard.press('Escape');
  await app.page.getByTestId('home-getting-started-import').click();
  await expect(app.page).toHaveURL(/#\/import$/);

  await app.open('people');
  await expect(app.page.getByTestId('people-empty')).toContainText('Start with the people you know');
  await app.screenshot('first-week-people-empty-1024-light');

  // With one person, Home says caught up instead.
  await app.call('people:create', { displayName: 'Ana Acosta' });
  await app.open('home');
  await expect(app.page.getByText('You are all caught up')).toBeVisible();
  await expect(guide).toHaveCount(0);
});

test('an import does not flood Home: one "Review N imported contacts" card, "See the people" shows just them', async ({ app }) => {
  await app.page.setViewportSize({ width: 1024, height: 700 });
  await app.call('app:completeSetup', { displayName: 'Sam Rivera', loadSample: false });
  const me = (await app.call('people:list', { search: 'Sam Rivera', archived: 'include' })).items[0]?.id;
  expect(me).toBeUndefined(); // me is never in the list
  const old = await app.call('people:create', { displayName: 'Olga Old-Friend' });
  const meId = (await app.call('people:get', { id: old.id })).ties.length; // no tie yet
  expect(meId).toBe(0);
  const text = fs.readFileSync(path.join(FIXTURES, 'linkedin', 'Connections.csv'), 'utf8');
  const result = await app.call('import:commit', { format: 'linkedin', text });
  const imported = (await app.call('people:list', { review: 'imported' })).items;
  expect(imported.length).toBeGreaterThan(3);

  await app.open('home');
  const card = app.page.getByTestId('home-review-imported');
  await expect(card).toContainText(`Review ${imported.length} imported contacts`);
  await expect(app.page.getByTestId('home-dormant-item')).toHaveCount(0);
  await expect(app.page.getByText('You are all caught up')).toHaveCount(0);
  const box = (await card.boundingBox())!;
  const button = (await card.getByTestId('home-review-imported-open').boundingBox())!;
  expect(button.x + button.width).toBeLessThanOrEqual(box.x + box.width);
  expect(box.x + box.width).toBeLessThanOrEqual(1024);
  for (const dark of [false, true]) {
    await app.page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
    await app.screenshot(`first-week-home-imports-1024-${dark ? 'dark' : 'light'}`);
  }
  await app.page.emulateMedia({ colorScheme: 'light' });

  await card.getByTestId('home-review-imported-open').click();
  await expect(app.page.getByTestId('people-review-filter')).toBeVisible();
  await expect(app.page.getByTestId('person-row')).toHaveCount(imported.length);
  await expect(app.page.getByTestId('person-row-name').filter({ hasText: 'Olga Old-Friend' })).toHaveCount(0);
  await app.screenshot('first-week-people-review-1024-light');

  // The import's batch (people.import_batch): #/people?batch=… lists exactly the people that import created.
  const file = new Database(app.dbFile, { readonly: true });
  const batch = file.prepare('SELECT import_batch AS b, count(*) AS n FROM people WHERE import_batch IS NOT NULL GROUP BY import_batch').all() as { b: string; n: number }[];
  file.close();
  expect(batch).toHaveLength(1);
  expect(result.importBatch).toBe(batch[0]!.b); // the result names it (issue 17)
  await app.open(`people?batch=${encodeURIComponent(batch[0]!.b)}`);
  await expect(app.page.getByTestId('people-batch-filter')).toBeVisible();
  await expect(app.page.getByTestId('person-row')).toHaveCount(batch[0]!.n);
  await expect(app.page.getByTestId('person-row-name').filter({ hasText: 'Olga Old-Friend' })).toHaveCount(0);

});

test('roles are suggested from the title in the new-person dialog and the work form, like an import', async ({ app }) => {
  await app.page.setViewportSize({ width: 1024, height: 700 });
  await app.call('app:completeSetup', { displayName: 'Sam Rivera', loadSample: false });
  await app.open('people');
  await app.page.getByTestId('new-person').click();
  const dialog = app.page.getByTestId('new-person-dialog');
  await dialog.getByTestId('new-person-name').fill('Tom Becker');
  await dialog.getByTestId('new-person-org').fill('Acme Labs');
  await dialog.getByTestId('new-person-title').fill('Engineering Manager');
  await expect(dialog.getByTestId('new-person-hiring')).not.toBeChecked();
  await expect(dialog.getByTestId('new-person-role-hint')).toContainText('usually hires');
  // Inside the dialog, not overlapping the fields around it.
  const hint = (await dialog.getByTestId('new-person-role-hint').boundingBox())!;
  const panel = (await dialog.boundingBox())!;
  const titleBox = (await dialog.getByTestId('new-person-title').boundingBox())!;
  expect(hint.y).toBeGreaterThanOrEqual(titleBox.y + titleBox.height);
  expect(hint.x + hint.width).toBeLessThanOrEqual(panel.x + panel.width);
  await app.screenshot('first-week-new-person-role-1024');
  // Modal, with a backdrop that dims the page like the other dialogs, in light and dark.
  for (const dark of [false, true]) {
    await app.page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
    const backdrop = await dialog.evaluate((el) => {
      const style = (globalThis as unknown as { getComputedStyle(e: unknown, pseudo: string): { backgroundColor: string } }).getComputedStyle;
      return { modal: el.matches(':modal'), color: style(el, '::backdrop').backgroundColor };
    });
    expect(backdrop.modal).toBe(true);
    // It dims the page visibly: on the dark page a faint scrim hardly showed (issue 17).
    const alpha = Number(/rgba\([^)]*,\s*([\d.]+)\)/.exec(backdrop.color)?.[1] ?? '1');
    expect(alpha, backdrop.color).toBeGreaterThanOrEqual(dark ? 0.5 : 0.25);
    if (dark) await app.screenshot('first-week-new-person-dark-1024');
  }
  await app.page.emulateMedia({ colorScheme: 'light' });
  await dialog.getByTestId('new-person-role-hint-accept').click();
  await expect(dialog.getByTestId('new-person-hiring')).toBeChecked();
  await dialog.getByTestId('create-person').click();
  await expect(app.page.getByTestId('person-name')).toHaveText('Tom Becker');
  const tom = (await app.call('people:list', { search: 'Tom Becker' })).items[0]!;
  expect((await app.call('people:get', { id: tom.id })).affiliations[0]).toMatchObject({ title: 'Engineering Manager', isHiringManager: true, isRecruiter: false });

  // The work form ticks Recruiter from the title, as an import would.
  await app.page.getByTestId('affiliations').getByTestId('add-affiliation').click();
  const form = app.page.getByTestId('affiliation-form');
  await form.getByTestId('affiliation-org-input').fill('Fabrikam');
  await form.getByTestId('affiliation-title-input').fill('Director, Talent Acquisition');
  await expect(form.getByTestId('affiliation-recruiter')).toBeChecked();
  await expect(form.getByTestId('affiliation-hiring')).not.toBeChecked();
  await form.getByTestId('affiliation-recruiter').uncheck();
  await form.getByTestId('affiliation-title-input').fill('Senior Recruiter');
  await expect(form.getByTestId('affiliation-recruiter')).not.toBeChecked(); // set by hand: the title no longer decides
});

test('the Journal highlights no row while the reader says "Select an entry"; ArrowDown opens the first', async ({ app }) => {
  await app.page.setViewportSize({ width: 1024, height: 700 });
  const { host, sanchez } = await setup(app);
  await app.call('journal:create', { occurredAt: '2026-11-02', kind: 'coffee', title: 'Older coffee', participantIds: [host.id] });
  await app.call('journal:create', { occurredAt: '2026-11-20', kind: 'call', title: 'Newer call', participantIds: [sanchez.id] });
  await app.open('journal');
  const journal = new JournalPage(app.page);
  await expect(journal.rows).toHaveCount(2);
  await expect(journal.detail).toContainText('Select an entry');
  await expect(app.page.locator('[data-testid="journal-list"] [aria-selected="true"]')).toHaveCount(0);
  for (const dark of [false, true]) {
    await app.page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
    await app.screenshot(`first-week-journal-nothing-open-1024-${dark ? 'dark' : 'light'}`);
  }
  await app.page.getByTestId('journal-list').focus();
  await app.page.keyboard.press('ArrowDown');
  await expect(journal.entry.getByTestId('entry-view-title')).toHaveText('Newer call');
  await expect(app.page.locator('[data-testid="journal-list"] [aria-selected="true"]')).toHaveCount(1);
});

test('the People list loads what it shows: pages of 100 as they scroll into view, sorted and searched by the main process', async ({ app }) => {
  await app.page.setViewportSize({ width: 1024, height: 700 });
  await app.call('app:completeSetup', { displayName: 'Sam Rivera', loadSample: false });
  for (let i = 0; i < 350; i++) await app.call('people:create', { displayName: `Person ${String(i).padStart(3, '0')} Example` });
  const page = await app.call('people:list', { sort: 'name', offset: 300, limit: 100 });
  expect(page.total).toBe(350);
  expect(page.items.map((p) => p.displayName)[0]).toBe('Person 300 Example');
  expect(page.items).toHaveLength(50);

  await app.open('people');
  const people = new PeoplePage(app.page);
  await expect(people.count).toHaveText('350');
  await expect(people.rowNames().then((n) => n[0])).resolves.toBe('Person 000 Example');
  // Only the rows on screen (and a few more) are in the DOM.
  expect(await people.rows.count()).toBeLessThan(60);
  // The end of the list: its page is fetched when it comes into view.
  await people.list.focus();
  await app.page.keyboard.press('End');
  await expect(people.row('Person 349 Example')).toBeVisible();
  await expect(people.selectedRow()).toContainText('Person 349 Example');
  await app.page.keyboard.press('Enter');
  await expect(app.page.getByTestId('person-name')).toHaveText('Person 349 Example');
  // Search answers from the main process, paged the same way.
  await app.page.goBack();
  await people.searchFor('person 12');
  await expect(people.count).toHaveText('10 found'); // Person 120 … Person 129
  await expect(people.rows).toHaveCount(10);
});

test('"/" focuses the page’s own search after navigating to it; elsewhere it and Ctrl K open the palette', async ({ app }) => {
  await setup(app);
  await app.open('home');
  const shell = new Shell(app.page);
  // Navigate (the views mount after the shell): "/" must reach the page's search, not the palette.
  for (const [nav, search] of [
    ['nav-people', 'people-search'],
    ['nav-orgs', 'orgs-search'],
  ] as const) {
    await app.page.getByTestId(nav).click();
    // As a user would: once the page is shown (views are chunks loaded on first use, issue 17).
    await expect(app.page.getByTestId(search)).toBeVisible();
    await app.page.locator('body').click({ position: { x: 600, y: 650 } });
    await app.page.keyboard.press('/');
    await expect(app.page.getByTestId(search)).toBeFocused();
    await expect(shell.palette).toHaveCount(0);
  }
  await app.page.getByTestId('nav-home').click();
  await app.page.locator('body').click({ position: { x: 600, y: 650 } });
  await app.page.keyboard.press('/');
  await expect(shell.paletteInput).toBeFocused();
  await app.page.keyboard.press('Escape');
  await shell.openPalette(); // Ctrl K (Cmd K on macOS)
  await shell.paletteInput.fill('dalia s');
  await expect(shell.palette.locator('[data-testid="palette-item"][data-kind="person"]').first()).toContainText('Dalia Sánchez');
});

test('"/" pressed while the People view is still loading focuses its search once it is shown, not the palette', async ({ app }) => {
  await setup(app);
  // Hold the People view's code back, as on a slow disk the first time.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await app.page.route(/\/assets\/PeopleView-[^/]+\.js$/, async (route) => {
    await held;
    await route.fallback();
  });
  await app.open('home');
  const shell = new Shell(app.page);
  await app.page.getByTestId('nav-people').click();
  await app.page.keyboard.press('/');
  await expect(app.page.getByTestId('people-search')).toHaveCount(0); // still loading
  await expect(shell.palette).toHaveCount(0);
  release();
  await expect(app.page.getByTestId('people-search')).toBeFocused();
  await expect(shell.palette).toHaveCount(0);
});

test('"Worth reviving" rows show their main reason whole and the silence once, at 1024×700', async ({ app }) => {
  await app.page.setViewportSize({ width: 1024, height: 700 });
  await app.call('app:completeSetup', { displayName: 'Sam Rivera', loadSample: true });
  await app.open('home');
  const reasons = app.page.getByTestId('home-dormant-reason');
  await expect(reasons.first()).toBeVisible();
  for (const reason of await reasons.all()) {
    const text = (await reason.textContent()) ?? '';
    expect(text).not.toMatch(/No contact for|No conversation logged yet/);
    expect(text.match(/quiet for|never logged/g)?.length).toBe(1);
    // Not cut: the whole text fits in its (at most two) lines.
    const cut = await reason.evaluate((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
    expect(cut, text).toBe(false);
  }
  await app.page.getByTestId('home-dormant').scrollIntoViewIfNeeded();
  await app.screenshot('first-week-home-reviving-1024-light');
});

test('a vCard import at 1024×700: each preview row says its card and line beside the name, not over it; "See the people" lists just that import', async ({ app }) => {
  await app.page.setViewportSize({ width: 1024, height: 700 });
  await app.call('app:completeSetup', { displayName: 'Sam Rivera', loadSample: false });
  const before = await app.call('people:create', { displayName: 'Olga Old-Friend' });
  // A phone's export: a dozen cards, so rows read "card 12 (line 71)".
  const names = ['Ana Acosta', 'Bruno Costa', 'Chen Wei', 'Dalia Sánchez', 'Emeka Obi', 'Femi Adeyemi', 'Greta Lindqvist', 'Hana Kobayashi', 'Ivan Petrov', 'Julia Nowak', 'Kofi Mensah', 'Lucía Fernández-Ortega'];
  const vcf = names.map((n) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${n}\r\nORG:Acme Labs\r\nTITLE:Engineer\r\nEND:VCARD\r\n`).join('');
  await app.open('import');
  const importer = new ImportPage(app.page);
  await importer.choose({ name: 'contacts.vcf', mimeType: 'text/vcard', buffer: Buffer.from(vcf, 'utf8') });
  await expect(importer.newPeople()).toHaveCount(names.length);
  for (const row of await importer.newPeople().all()) {
    const where = row.locator('.import-where');
    const name = row.locator('.import-name');
    const w = (await where.boundingBox())!;
    const n = (await name.boundingBox())!;
    const text = (await where.textContent()) ?? '';
    expect(text).toMatch(/^card \d+ \(line \d+\)$/);
    // Side by side, the whole "card N (line M)" shown, not cut or under the name.
    expect(w.x + w.width, text).toBeLessThanOrEqual(n.x + 1);
    expect(await where.evaluate((el) => el.scrollWidth <= el.clientWidth + 1), text).toBe(true);
    expect(n.x + n.width).toBeLessThanOrEqual(1024);
  }
  await importer.preview.scrollIntoViewIfNeeded();
  for (const dark of [false, true]) {
    await app.page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
    await app.screenshot(`first-week-vcard-preview-1024-${dark ? 'dark' : 'light'}`);
  }
  await app.page.emulateMedia({ colorScheme: 'light' });

  await importer.commit();
  await app.page.getByTestId('import-see-people').click();
  await expect(app.page).toHaveURL(/#\/people\?batch=/);
  await expect(app.page.getByTestId('people-batch-filter')).toBeVisible();
  await expect(app.page.getByTestId('person-row')).toHaveCount(names.length);
  await expect(app.page.getByTestId('person-row-name').filter({ hasText: before.displayName })).toHaveCount(0);
});

test('"Mark met" can be undone exactly, and prompts to log the meeting and to thank the introducer, at 1024×700', async ({ app }) => {
  await app.page.setViewportSize({ width: 1024, height: 700 });
  await app.call('app:completeSetup', { displayName: 'Sam Rivera', loadSample: false });
  const me = (await app.call('app:info')).me.id;
  const tom = await app.call('people:create', { displayName: 'Tom Reyes' });
  const ana = await app.call('people:create', { displayName: 'Ana Silva-Whitfield' });
  await app.call('ties:create', { personA: me, personB: tom.id, strength: 4 });
  await app.call('ties:create', { personA: tom.id, personB: ana.id, strength: 3 });
  const intro = await app.call('introductions:create', { route: [me, tom.id, ana.id] });
  await app.call('introductions:setStatus', { id: intro.id, status: 'made' });
  const made = await app.call('introductions:get', { id: intro.id });

  await app.open('introductions');
  const intros = new IntroductionsPage(app.page);
  const card = intros.card(intro.id);
  await expect(card.getByTestId('intro-next')).toHaveText('Mark met');
  await card.getByTestId('intro-next').click();
  await expect(card).toHaveAttribute('data-status', 'met');
  const prompt = card.getByTestId('intro-met-prompt');
  await expect(prompt).toContainText('You met Ana');
  // Undo puts back exactly what the move changed: status, history, time.
  const toast = app.page.getByTestId('toast');
  await expect(toast).toContainText('Marked met: Ana Silva-Whitfield.');
  await toast.getByTestId('toast-action').click();
  await expect(card).toHaveAttribute('data-status', 'made');
  await expect(prompt).toHaveCount(0);
  expect(await app.call('introductions:get', { id: intro.id })).toEqual(made);

  // Again, and this time the prompt: inside the card, buttons inside the window.
  await card.getByTestId('intro-next').click();
  await expect(prompt).toBeVisible();
  const cardBox = (await card.boundingBox())!;
  const promptBox = (await prompt.boundingBox())!;
  expect(promptBox.x + promptBox.width).toBeLessThanOrEqual(cardBox.x + cardBox.width + 1);
  for (const id of ['intro-log-meeting', 'intro-say-thanks', 'intro-met-dismiss']) {
    const b = (await prompt.getByTestId(id).boundingBox())!;
    expect(b.x + b.width, id).toBeLessThanOrEqual(promptBox.x + promptBox.width + 1);
    expect(b.y + b.height, id).toBeLessThanOrEqual(promptBox.y + promptBox.height + 1);
  }
  for (const dark of [false, true]) {
    await app.page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
    await app.screenshot(`first-week-intro-met-1024-${dark ? 'dark' : 'light'}`);
  }
  await app.page.emulateMedia({ colorScheme: 'light' });

  // Thank Tom: a message to him, ready to save.
  await prompt.getByTestId('intro-say-thanks').click();
  const editor = new EntryEditor(app.page);
  await expect(editor.participants).toHaveText(['Tom Reyes×']);
  await expect(editor.title).toHaveValue('Thanked Tom for the introduction to Ana Silva-Whitfield');
  await expect(editor.root.getByTestId('entry-kind')).toHaveValue('message');
  await editor.save();
  // Log the meeting: with Ana, a meeting; saved, the prompt is done.
  await prompt.getByTestId('intro-log-meeting').click();
  await expect(editor.participants).toHaveText(['Ana Silva-Whitfield×']);
  await expect(editor.root.getByTestId('entry-kind')).toHaveValue('meeting');
  await editor.save();
  await expect(prompt).toHaveCount(0);
  const withAna = (await app.call('journal:list', { personId: ana.id })).items;
  expect(withAna.map((e) => [e.kind, e.title])).toEqual([['meeting', 'Met Ana Silva-Whitfield (introduced by Tom Reyes)']]);
  expect((await app.call('journal:list', { personId: tom.id })).items.map((e) => e.kind)).toEqual(['message']);
});

test('every Home action can be undone from its toast: a dismissed "Worth reviving" row and a snoozed follow-up come back exactly, at 1024×700', async ({ app }) => {
  await app.page.setViewportSize({ width: 1024, height: 700 });
  await app.call('app:completeSetup', { displayName: 'Sam Rivera', loadSample: false });
  const me = (await app.call('app:info')).me.id;
  const ben = await app.call('people:create', { displayName: 'Ben Okafor' });
  await app.call('ties:create', { personA: me, personB: ben.id, strength: 1 }); // weak and never logged: worth reviving
  const today = localDateOf(app.startedAt, app.timeZone);
  const reminder = await app.call('reminders:create', { title: 'Send Ben the deck', dueOn: today, personId: ben.id });

  await app.open('home');
  const toast = app.page.getByTestId('toast');
  const reviving = app.page.locator(`[data-testid="home-dormant-item"][data-person-id="${ben.id}"]`);
  await reviving.getByTestId('home-dismiss').click();
  await expect(reviving).toHaveCount(0);
  await expect(toast).toContainText('Dismissed Ben Okafor');
  await toast.getByTestId('toast-action').click();
  await expect(reviving).toBeVisible();
  await expect(toast).toHaveCount(0);

  const followUp = app.page.getByTestId('home-followup-item').filter({ hasText: 'Send Ben the deck' });
  await followUp.getByTestId('home-snooze').click();
  await expect(followUp).toHaveCount(0);
  await expect(toast).toContainText(/^Snoozed “Send Ben the deck” until \w/);
  // The toast and its Undo sit inside the window.
  const box = (await toast.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(1024);
  expect(box.y + box.height).toBeLessThanOrEqual(700);
  for (const dark of [false, true]) {
    await app.page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
    await app.screenshot(`first-week-home-undo-1024-${dark ? 'dark' : 'light'}`);
  }
  await app.page.emulateMedia({ colorScheme: 'light' });
  await toast.getByTestId('toast-action').click();
  await expect(followUp).toBeVisible();
  // Exactly as it was: not snoozed, and not even its time of change moved.
  expect((await app.call('reminders:list', { status: 'all' })).items).toEqual([reminder]);
});
