// The journal (issue 3) end to end: writing an entry with two people (one by
// @mention, one new), finding it by a word in its body, the keep-in-touch
// cadence resetting so the person leaves Home's due list, delete with undo,
// Markdown that cannot run anything, and screenshots of Home, the Journal and
// a person's timeline in light and dark.
import { addCadence, addDays, daysBetween, localDateOf } from '../../shared/cadence';
import { expect, test, type KithApp } from './fixtures';
import { EntryEditor, HomePage, JournalPage, PersonTimelinePage } from './pages/JournalPage';
import { Shell } from './pages/Shell';

/** The pinned "today" of this test (fixtures.ts pins the clock in the page and the handlers). */
const todayOf = (app: KithApp) => localDateOf(app.startedAt, app.timeZone);
/** A local calendar date `days` from the pinned today. */
const dateIn = (app: KithApp, days: number) => addDays(todayOf(app), days);
/** How many days overdue a monthly cadence last met `daysAgo` days ago is, counted in calendar months as the app does. */
const overdueDays = (app: KithApp, daysAgo: number) => daysBetween(addCadence(dateIn(app, -daysAgo), 30), todayOf(app));

async function setup(app: KithApp) {
  await app.call('app:completeSetup', { displayName: 'Sam Rivera', loadSample: false });
  const ana = await app.call('people:create', { displayName: 'Ana Acosta', cadenceDays: 30 });
  const ben = await app.call('people:create', { displayName: 'Ben Okafor' });
  // Last talked to Ana 60 days ago: on a monthly cadence she is a month overdue.
  await app.call('journal:create', { occurredAt: dateIn(app, -60), kind: 'call', title: 'Catch-up call', participantIds: [ana.id] });
  return { ana, ben };
}

test('log an entry from a person page, @mentioning a known and a new person, find it by a word in its body, and the person leaves the due list', async ({ app }) => {
  const { ana, ben } = await setup(app);
  const dialogs: string[] = [];
  app.page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });

  // Home is the landing page, and Ana is overdue on it.
  await app.open();
  const home = new HomePage(app.page);
  await expect(home.root).toBeVisible();
  await expect(app.page.getByTestId('nav-home')).toHaveAttribute('aria-current', 'page');
  await expect(home.dueFor(ana.id)).toContainText(`${overdueDays(app, 60)} days overdue`);
  await expect(home.dueFor(ana.id)).toContainText('every month');

  // Her page: the cadence is set, and the timeline has the old call.
  await home.dueFor(ana.id).getByTestId('home-item-name').click();
  const person = new PersonTimelinePage(app.page);
  await expect(person.cadence.getByTestId('cadence-select')).toHaveValue('30');
  await expect(person.items).toHaveCount(1);

  // Log a coffee with Ana (preset); Ben is @mentioned and Zoe, a new person,
  // created from her @mention: references, not participants (issue 17).
  const editor = await person.logEntry();
  await expect(editor.participants).toHaveText(['Ana Acosta×']);
  await editor.title.fill('Coffee about the platform team');
  await editor.body.fill('Talked kubernetes migration with ');
  await editor.mention('ben', 'Ben Okafor');
  await editor.body.pressSequentially('and @Zoe');
  await expect(editor.participants).toHaveText(['Ana Acosta×']);
  await expect(editor.root.getByTestId('entry-mention')).toHaveText(['@Ben Okafor']);
  await editor.root.getByTestId('create-mentioned').click();
  await expect(editor.participants).toHaveText(['Ana Acosta×']);
  await expect(editor.root.getByTestId('entry-mention')).toHaveText(['@Ben Okafor', '@Zoenew']);
  await expect(editor.root.getByTestId('unknown-mentions')).toHaveCount(0);
  await editor.save();

  await expect(person.items).toHaveCount(2);
  await expect(person.items.first()).toContainText('Coffee about the platform team');
  // A mention is not contact: Ben has no entry; the entry links him.
  expect((await app.call('journal:list', { personId: ben.id })).items).toHaveLength(0);
  const entries = await app.call('journal:list', { personId: ana.id });
  expect(entries.items).toHaveLength(2);
  expect(entries.items[0]!.participants.map((p) => p.displayName)).toEqual(['Ana Acosta']);
  expect(entries.items[0]!.occurredAt).toBe(dateIn(app, 0));
  const mentioned = (await app.call('journal:get', { id: entries.items[0]!.id })).mentions ?? [];
  expect(mentioned.map((p) => p.displayName)).toEqual(['Ben Okafor', 'Zoe']);
  // Zoe exists now, with no contact: a mention is not a conversation.
  expect((await app.call('journal:list', { personId: mentioned[1]!.id })).items).toHaveLength(0);

  // Found by a word in its body, from the palette, with the word marked.
  const shell = new Shell(app.page);
  await shell.openPalette();
  await shell.paletteInput.fill('kubernetes');
  const hit = shell.palette.locator('[data-testid="palette-item"][data-kind="entry"]');
  await expect(hit).toHaveCount(1);
  await expect(hit.locator('mark')).toHaveText(['kubernetes']);
  await hit.click();
  const journal = new JournalPage(app.page);
  await expect(journal.entry.getByTestId('entry-view-title')).toHaveText('Coffee about the platform team');
  await expect(journal.entry.getByTestId('entry-person-link')).toHaveText(['Ana Acosta']);
  await expect(journal.renderedBody).toContainText('Talked kubernetes migration with @Ben Okafor and @Zoe');
  // Mentions render as links to the people's pages.
  await expect(journal.renderedBody.getByTestId('mention-link')).toHaveText(['@Ben Okafor', '@Zoe']);
  await expect(journal.renderedBody.getByTestId('mention-link').first()).toHaveAttribute('href', `#/people/${ben.id}`);

  // And from the search view.
  await app.open('search?q=migration');
  await expect(app.page.locator('[data-testid="search-hit"][data-kind="entry"] mark')).toHaveText(['migration']);

  // The cadence reset: Ana is no longer due, on Home or through the channel.
  await app.page.getByTestId('nav-home').click();
  await expect(home.recent.first()).toContainText('Coffee about the platform team');
  await expect(home.dueFor(ana.id)).toHaveCount(0);
  const data = await app.call('home:get', { timeZone: 'UTC' });
  expect(data.due.map((d) => d.personId)).not.toContain(ana.id);

  expect(dialogs).toEqual([]);
  expect(app.cspViolations).toEqual([]);
  expect(app.pageErrors).toEqual([]);
  expect(app.blockedRequests).toEqual([]);
  expect(app.internalErrors).toEqual([]);
});

test('the journal view: palette "Log an entry", filters, edit, delete with undo', async ({ app }) => {
  const { ana, ben } = await setup(app);
  await app.call('journal:create', { occurredAt: dateIn(app, -10), kind: 'email', title: 'Intro email to Ben', participantIds: [ben.id] });
  await app.open('journal');
  const journal = new JournalPage(app.page);
  await expect(journal.count).toHaveText('2 entries');

  // "Log an entry" from the palette, with the picker.
  const shell = new Shell(app.page);
  await shell.openPalette();
  await shell.paletteInput.fill('log an');
  await shell.paletteItem('Log an entry', 'action').click();
  const editor = new EntryEditor(app.page);
  await expect(editor.root).toBeVisible();
  await editor.root.getByTestId('save-entry').click();
  await expect(editor.root.getByTestId('inline-error')).toHaveText('An entry needs at least one person it was with');
  await editor.addPerson('Ana', 'Ana Acosta');
  await editor.root.getByTestId('entry-kind').selectOption('meeting');
  await editor.title.fill('Quarterly planning');
  await editor.save();
  await expect(journal.count).toHaveText('3 entries');

  // Filters: kind, then person.
  await journal.filterKind('email');
  await expect(journal.rows).toHaveCount(1);
  await expect(journal.row('Intro email to Ben')).toBeVisible();
  await journal.filterKind('');
  await journal.filterPerson('Ana', 'Ana Acosta');
  await expect(journal.count).toHaveText('2 entries found');
  await app.page.getByTestId('filter-clear').click();
  await expect(journal.count).toHaveText('3 entries');

  // Open, edit, delete, undo.
  await journal.row('Quarterly planning').click();
  await expect(journal.entry.getByTestId('entry-view-title')).toHaveText('Quarterly planning');
  await journal.entry.getByTestId('edit-entry').click();
  await editor.title.fill('Quarterly planning with Ana');
  await editor.save();
  await expect(journal.entry.getByTestId('entry-view-title')).toHaveText('Quarterly planning with Ana');

  await journal.entry.getByTestId('delete-entry').click();
  await expect(journal.count).toHaveText('2 entries');
  const toast = app.page.getByTestId('toast');
  await expect(toast).toContainText('Deleted “Quarterly planning with Ana”');
  await toast.getByTestId('toast-action').click();
  await expect(toast).toBeHidden();
  await expect(journal.count).toHaveText('3 entries');
  expect((await app.call('journal:list', { personId: ana.id })).total).toBe(2);

  expect(app.cspViolations).toEqual([]);
  expect(app.pageErrors).toEqual([]);
});

test('a follow-up promised in a conversation: added from the entry, linked to it, due on Home, done from the entry', async ({ app }) => {
  const { ana, ben } = await setup(app);
  const entry = await app.call('journal:create', {
    occurredAt: dateIn(app, -2),
    kind: 'coffee',
    title: 'Coffee with Ana and Ben',
    body: 'Ben asked for the article on platform teams.',
    participantIds: [ana.id, ben.id],
  });
  await app.open(`journal?entry=${entry.id}`);
  const journal = new JournalPage(app.page);
  await expect(journal.entry.getByTestId('entry-view-title')).toHaveText('Coffee with Ana and Ben');

  await journal.entry.getByTestId('entry-add-followup').click();
  const form = journal.entry.getByTestId('followup-form');
  await form.getByTestId('followup-title').fill('Send Ben the article on platform teams');
  await form.getByTestId('followup-person').selectOption(String(ben.id));
  await form.getByTestId('followup-due').fill(dateIn(app, 0));
  await form.getByTestId('followup-save').click();
  await expect(form).toBeHidden();
  const listed = journal.entry.getByTestId('entry-followup');
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText('Send Ben the article on platform teams');
  await app.screenshot('entry-followups-light');

  // Stored with the entry and the person it is about.
  const { items } = await app.call('reminders:list', { interactionId: entry.id });
  expect(items).toHaveLength(1);
  expect(items[0]).toMatchObject({ title: 'Send Ben the article on platform teams', personId: ben.id, interactionId: entry.id, dueOn: dateIn(app, 0) });

  // Due today: on Home.
  await app.open('home');
  const home = new HomePage(app.page);
  await expect(home.followUps.filter({ hasText: 'Send Ben the article on platform teams' })).toHaveCount(1);

  // Done from the entry: struck through there, gone from Home.
  await app.open(`journal?entry=${entry.id}`);
  await listed.getByRole('button', { name: 'Done' }).click();
  await expect(listed).toHaveAttribute('data-done', 'true');
  await app.open('home');
  await expect(home.followUps.filter({ hasText: 'Send Ben the article on platform teams' })).toHaveCount(0);

  expect(app.cspViolations).toEqual([]);
  expect(app.pageErrors).toEqual([]);
});

test('Markdown with <script>, <img onerror> and javascript: links renders as inert text; real links ask first and never navigate', async ({ app }) => {
  const { ana } = await setup(app);
  const body = [
    '**Bold** and a list:',
    '',
    '- one',
    '- two',
    '',
    '<script>window.__pwned = "script"</script>',
    '',
    'Inline <img src=x onerror="window.__pwned = \'img\'"> here.',
    '',
    '[click me](javascript:window.__pwned=\'link\') and [relative](foo/bar)',
    '',
    '![tracker](https://example.com/pixel.png)',
    '',
    'See [the post](https://example.com/post) or mail <mailto:ana@example.org>.',
  ].join('\n');
  const entry = await app.call('journal:create', { occurredAt: dateIn(app, 0), kind: 'message', title: 'Tricky', participantIds: [ana.id], body });
  const dialogs: string[] = [];
  app.page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });

  await app.open(`journal?entry=${entry.id}`);
  const journal = new JournalPage(app.page);
  const md = journal.renderedBody;
  await expect(md.locator('strong')).toHaveText('Bold');
  await expect(md.locator('li')).toHaveText(['one', 'two']);
  // Raw HTML is the characters typed, not elements.
  await expect(md).toContainText('<script>window.__pwned = "script"</script>');
  await expect(md).toContainText(`<img src=x onerror="window.__pwned = 'img'">`);
  await expect(md.locator('script, img, iframe, a')).toHaveCount(0);
  // javascript: and relative links, and images, are inert text.
  await expect(md.locator('.md-inert-link')).toHaveText(['click me', 'relative']);
  await md.getByText('click me').click();
  await expect(md.locator('.md-inert-image')).toHaveText('[image: tracker (https://example.com/pixel.png)]');

  // A real link is a button that hands its URL to window.open, where the main
  // process asks once in a native dialog (issue 18; main/electron/openLink.ts,
  // unit-tested). The page itself asks nothing and never navigates.
  const links = md.getByTestId('md-link');
  await expect(links).toHaveText(['the post', 'mailto:ana@example.org']);
  const url = app.page.url();
  await app.page.evaluate(`window.__opened = []; window.open = (target) => { window.__opened.push(String(target)); return null; }`);
  await links.first().click();
  await expect.poll(() => app.page.evaluate('window.__opened')).toEqual(['https://example.com/post']);
  await expect(app.page.getByRole('dialog')).toHaveCount(0);
  expect(app.page.url()).toBe(url);

  expect(await app.page.evaluate('window.__pwned')).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(app.cspViolations).toEqual([]);
  expect(app.pageErrors).toEqual([]);
  expect(app.blockedRequests).toEqual([]);
});

test('screenshots: Home, Journal and a person timeline, light and dark', async ({ app }) => {
  await app.call('app:completeSetup', { displayName: 'Sam Rivera', loadSample: true });
  const people = (await app.call('people:list', { sort: 'strength' })).items.filter((p) => !p.isMe);
  const [a, b, c, d] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0], (typeof people)[0]];
  await app.call('people:update', { id: a.id, patch: { cadenceDays: 90 } });
  await app.call('people:update', { id: c.id, patch: { cadenceDays: 30 } });
  await app.call('journal:create', {
    occurredAt: `${dateIn(app, -2)}T09:30`,
    kind: 'coffee',
    title: 'Coffee about the platform team',
    participantIds: [a.id, b.id],
    body: 'Talked about the **platform team** and the kubernetes migration.\n\n- Ask about the staff role\n- Send the [design doc](https://example.com/doc)\n\n> They hire in Q3.',
  });
  await app.call('journal:create', { occurredAt: dateIn(app, -120), kind: 'call', title: 'Catch-up call', participantIds: [c.id], body: 'Long overdue.' });
  await app.call('journal:create', { occurredAt: dateIn(app, -20), kind: 'informational_interview', title: 'Informational interview', participantIds: [a.id], body: 'How the team works.' });
  await app.call('reminders:create', { title: 'Send the article on platform teams', dueOn: dateIn(app, -1), personId: a.id });
  await app.call('favors:create', { personId: d.id, direction: 'received', kind: 'referral', occurredOn: dateIn(app, -5), note: 'Referred me to the hiring manager' });
  await app.call('favors:create', { personId: a.id, direction: 'given', kind: 'advice', occurredOn: dateIn(app, -30), note: 'Reviewed their CV' });

  await app.open('home');
  const home = new HomePage(app.page);
  await expect(home.followUps).toHaveCount(1);
  await expect(app.page.getByTestId('home-thanks-item')).toHaveCount(1);
  await app.screenshot('home-light');

  await app.open('journal');
  const journal = new JournalPage(app.page);
  await journal.row('Coffee about the platform team').click();
  await expect(journal.renderedBody).toContainText('kubernetes');
  await app.screenshot('journal-light');

  await app.open(`people/${a.id}`);
  const person = new PersonTimelinePage(app.page);
  await expect(person.items.first()).toBeVisible();
  await person.items.filter({ hasText: 'Coffee about the platform team' }).getByTestId('timeline-entry-toggle').click();
  await expect(person.timeline.getByTestId('entry-body-rendered')).toBeVisible();
  await app.screenshot('person-timeline-light');
  await app.page.getByTestId('person-name').scrollIntoViewIfNeeded();
  await expect(person.cadence.getByTestId('cadence-select')).toHaveValue('90');
  await app.screenshot('person-top-light');

  await app.page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot('person-timeline-dark');
  await app.open('journal');
  await journal.row('Coffee about the platform team').click();
  await expect(journal.renderedBody).toBeVisible();
  await app.screenshot('journal-dark');
  await app.open('home');
  await expect(home.followUps).toHaveCount(1);
  await app.screenshot('home-dark');

  expect(app.cspViolations).toEqual([]);
  expect(app.pageErrors).toEqual([]);
  expect(app.blockedRequests).toEqual([]);
});
