// Routes, targets and introductions (issue 4), end to end on the sample
// network: pick a target organization, read its ranked routes, make it a
// target, ask for an introduction and copy the drafted request, move the
// introduction to "made", add the new tie and find it on the person's page;
// and the clear answers when there is no route, nobody there, or a direct tie.
import { localDateOf } from '../../shared/cadence';
import { expect, test, type KithApp } from './fixtures';
import { IntroductionsPage } from './pages/IntroductionsPage';
import { PersonPage } from './pages/PersonPage';
import { RoutesPage } from './pages/RoutesPage';

async function sampleNetwork(app: KithApp): Promise<void> {
  await app.call('app:completeSetup', { displayName: 'Sam Rivera', loadSample: true });
}

async function orgId(app: KithApp, name: string): Promise<number> {
  const { items } = await app.call('orgs:list', { search: name });
  const org = items.find((o) => o.name === name);
  if (!org) throw new Error(`No organization ${name} in the sample network`);
  return org.id;
}

const firstName = (name: string) => name.split(' ')[0]!;

test('a target organization: ranked routes, target list, an introduction asked, copied, made, and the new tie', async ({ app }) => {
  await sampleNetwork(app);
  const cobalt = await orgId(app, 'Cobalt Software');
  const expected = await app.call('routes:find', { organizationId: cobalt });
  expect(expected.kind).toBe('found');
  if (expected.kind !== 'found') return;

  await app.open('people');
  await app.page.getByTestId('nav-routes').click();
  const routes = new RoutesPage(app.page);
  await expect(routes.root).toBeVisible();
  await expect(routes.targetInput).toBeFocused();
  await routes.pickTarget('cobalt soft', 'Cobalt Software');
  await expect(app.page).toHaveURL(new RegExp(`#/routes\\?org=${cobalt}$`));

  // The ranked routes, as the service ranks them: warmth, chain, one reason per hop, the fit.
  await expect(routes.cards).toHaveCount(expected.routes.length);
  await expect(routes.message).toHaveText(expected.message);
  for (const [i, route] of expected.routes.entries()) {
    const card = routes.cards.nth(i);
    await expect(card).toHaveAttribute('data-person-ids', route.personIds.join(','));
    await expect(card.getByTestId('route-warmth')).toHaveText(`${route.warmthPercent}%`);
    await expect(card.getByTestId('chain-person')).toHaveCount(route.personIds.length);
    await expect(card.getByTestId('route-reason')).toHaveText(route.hops.map((h) => new RegExp(escapeRegExp(h.reason))));
    await expect(card.getByTestId('route-show-in-graph')).toHaveAttribute('href', `#/graph?route=${route.personIds.join(',')}`);
  }
  await expect(routes.cards.first().getByTestId('route-fit')).toHaveText('Hiring manager');

  // How warmth is computed: the numbers of main/routes/warmth.ts.
  await routes.explainer.locator('summary').click();
  await expect(routes.explainer.getByTestId('warmth-base')).toContainText('75%');
  await expect(routes.explainer.getByTestId('warmth-quiet')).toContainText('×0.80');
  await expect(routes.explainer.getByTestId('warmth-fit')).toContainText('Hiring manager×1.00');

  // Make it a target: the Targets list shows its best route warmth.
  await expect(routes.targets.getByTestId('targets-empty')).toBeVisible();
  await routes.targetToggle.click();
  await expect(routes.targetToggle).toHaveAttribute('data-target', 'true');
  await expect(routes.targetRow(cobalt).getByTestId('target-warmth')).toHaveText(`${expected.routes[0]!.warmthPercent}%`);
  await app.screenshot('routes-light');

  // Ask for the introduction on the warmest route with someone in between.
  const route = expected.routes.find((r) => r.personIds.length >= 3)!;
  const introducer = route.hops[0]!.to;
  const person = route.hops[route.hops.length - 1]!.to;
  await routes.card(route.personIds).getByTestId('ask-intro').click();
  await expect(routes.dialog).toBeVisible();
  await expect(routes.draft).toBeFocused();
  await expect(routes.draft).toHaveValue(new RegExp(`^Hi ${firstName(introducer.name)},\\n`));
  await expect(routes.draft).toHaveValue(new RegExp(`I'd like to meet ${escapeRegExp(person.name)}, who is a hiring manager at Cobalt Software`));
  const [intro] = (await app.call('introductions:list', {})).items;
  expect(intro).toMatchObject({ status: 'idea', route: route.personIds, introducer: { id: introducer.id }, targetOrganization: { id: cobalt } });

  // Edit it, copy it: the clipboard holds exactly the edited text, and the edit is saved.
  await routes.draft.press('ControlOrMeta+End');
  await routes.draft.pressSequentially('\nP.S. Happy to send my CV first.');
  const edited = await routes.draft.inputValue();
  expect(edited).toMatch(/Best,\nSam\nP\.S\. Happy to send my CV first\.$/);
  await app.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await routes.dialog.getByTestId('copy-intro-message').click();
  const status = routes.dialog.getByTestId('copy-status');
  await expect(status).toContainText('Copied.');
  console.log(`copy method in Chromium: ${await status.getAttribute('data-copy-method')}`);
  const clipboard = await app.page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());
  expect(clipboard).toBe(edited);
  await expect.poll(async () => (await app.call('introductions:get', { id: intro!.id })).message).toBe(edited);
  await app.screenshot('routes-intro-dialog-light');

  await routes.dialog.getByTestId('intro-mark-asked').click();
  await expect(routes.dialog.getByTestId('intro-asked')).toBeVisible();
  await routes.dialog.getByTestId('intro-dialog-close').click();
  await expect(routes.dialog).toBeHidden();
  await expect(routes.card(route.personIds).getByTestId('route-existing-intro')).toHaveText('Introduction: asked');

  // Introductions: grouped by status, dated, one click per move; at "made", the new tie.
  await app.page.getByTestId('nav-introductions').click();
  const intros = new IntroductionsPage(app.page);
  const card = intros.card(intro!.id);
  await expect(intros.group('asked').getByTestId('intro-card')).toHaveCount(1);
  await expect(card.getByTestId('intro-target-name')).toHaveText(person.name);
  await card.getByTestId('intro-next').click();
  await expect(intros.group('agreed').locator(`[data-intro-id="${intro!.id}"]`)).toBeVisible();
  await card.getByTestId('intro-next').click();
  await expect(card).toHaveAttribute('data-status', 'made');
  await expect(card.getByTestId('intro-events').locator('li')).toHaveText([/^Idea \w{3} \d+, \d{4}/, /^Asked/, /^Agreed/, /^Made/]);
  await expect(card.getByTestId('intro-tie-offer')).toContainText(`Add ${firstName(person.name)} to your network`);
  await app.screenshot('introductions-light');
  await card.getByTestId('intro-add-tie').click();
  await expect(card.getByTestId('intro-tie-done')).toContainText('since this introduction (strength 1)');
  await expect(card.getByTestId('intro-next')).toHaveText('Mark met');

  // The new tie on the person's page.
  await card.getByTestId('intro-target').click();
  const page = new PersonPage(app.page);
  await expect(page.name).toContainText(person.name);
  await expect(page.myTie).toHaveAttribute('data-strength', '1');
  await expect(page.myTie).toContainText(`Introduced by ${introducer.name}`);

  // Dark: the Routes view and the Introductions view.
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await app.open(`routes?org=${cobalt}`);
  await expect(routes.cards.first()).toBeVisible();
  await app.screenshot('routes-dark');
  await app.open('introductions');
  await expect(intros.cards).toHaveCount(1);
  await app.screenshot('introductions-dark');

  expect(app.cspViolations).toEqual([]);
  expect(app.pageErrors).toEqual([]);
  expect(app.blockedRequests).toEqual([]);
  expect(app.internalErrors).toEqual([]);
});

test('the clear answers: no route, nobody there, a direct tie; a target toggled from the organization page', async ({ app }) => {
  await app.call('app:completeSetup', { displayName: 'Robin Example', loadSample: false });
  const me = (await app.call('app:info')).me.id;
  const faraway = await app.call('orgs:create', { name: 'Faraway Labs' });
  const nora = await app.call('people:create', { displayName: 'Nora Distant' });
  await app.call('affiliations:create', { personId: nora.id, organizationId: faraway.id, isHiringManager: true });
  const empty = await app.call('orgs:create', { name: 'Empty Co' });
  const tom = await app.call('people:create', { displayName: 'Tom Near' });
  await app.call('ties:create', { personA: me, personB: tom.id, strength: 4 });

  // No route: people are there, but nobody connects to them.
  await app.open(`routes?org=${faraway.id}`);
  const routes = new RoutesPage(app.page);
  await expect(routes.result).toHaveAttribute('data-kind', 'noRoute');
  await expect(routes.message).toHaveText(/^No route to Faraway Labs within 4 hops/);
  await expect(routes.cards).toHaveCount(0);
  await app.page.getByTestId('allow-more-hops').click();
  await expect(app.page).toHaveURL(new RegExp(`#/routes\\?org=${faraway.id}&hops=6$`));
  await expect(routes.message).toHaveText(/within 6 hops/);
  // 6 is the most a person can ask for (issue 12).
  await expect(app.page.getByTestId('allow-more-hops')).toHaveCount(0);
  await expect(app.page.getByTestId('max-hops').locator('option')).toHaveCount(6);

  // A tie appears (Tom knows Nora): the view answers with a route, without a reload.
  await app.pageInvoke('ties:create', { personA: tom.id, personB: nora.id, strength: 3 });
  await app.page.getByTestId('max-hops').selectOption('5');
  await expect(routes.result).toHaveAttribute('data-kind', 'found');
  await expect(routes.cards).toHaveCount(1);
  await expect(routes.cards.first().getByTestId('route-warmth')).toHaveText('45%');

  // A goal nobody meets is an answer: Nora is the hiring manager, nobody there recruits (issue 12).
  await expect(app.page.getByTestId('route-goal')).toHaveValue('hiring_manager');
  await app.page.getByTestId('route-goal').selectOption('recruiter');
  await expect(routes.result).toHaveAttribute('data-kind', 'noGoalPerson');
  await expect(app.page.getByTestId('routes-no-goal')).toContainText('Nobody Kith knows there is a recruiter.');
  await expect(app.page.getByTestId('route-alternative')).toHaveCount(1);
  await expect(app.page.getByTestId('route-alternative')).toContainText('Anyone there');
  await expect(app.page.getByTestId('route-alternative').getByTestId('route-card')).toHaveAttribute('data-rank', '');
  await app.screenshot('routes-no-goal-light');
  await app.page.setViewportSize({ width: 1024, height: 700 });
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await expect(app.page.getByTestId('routes-target-name')).toBeVisible();
  await app.screenshot('routes-no-goal-1024-dark');
  await app.page.setViewportSize({ width: 1280, height: 800 });
  await app.page.emulateMedia({ colorScheme: 'light' });

  // Nobody there.
  await app.open(`routes?org=${empty.id}`);
  await expect(routes.result).toHaveAttribute('data-kind', 'noPeople');
  await expect(app.page.getByTestId('routes-nobody')).toContainText('Nobody to route to at Empty Co');

  // A direct tie, from the person page's "Find routes".
  await app.open(`people/${tom.id}`);
  await app.page.getByTestId('person-find-routes').click();
  await expect(routes.result).toHaveAttribute('data-kind', 'direct');
  await expect(app.page.getByTestId('routes-direct')).toContainText('You know Tom Near directly');
  await expect(routes.cards.first().getByTestId('route-reach-out')).toBeVisible();
  await expect(routes.cards.first().getByTestId('ask-intro')).toHaveCount(0);

  // The Target toggle on the organization page feeds the Targets list.
  await app.open(`orgs/${faraway.id}`);
  const toggle = app.page.getByTestId('target-toggle');
  await expect(toggle).toHaveAttribute('data-target', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('data-target', 'true');
  await app.page.getByTestId('org-find-routes').click();
  await expect(routes.targetRow(faraway.id).getByTestId('target-warmth')).toHaveText('45%');
  await routes.targetToggle.click();
  await expect(routes.targets.getByTestId('targets-empty')).toBeVisible();

  expect(app.cspViolations).toEqual([]);
  expect(app.pageErrors).toEqual([]);
  expect(app.internalErrors).toEqual([]);
});

test('grouped routes: one per contact, other ways through a contact on demand, each person to reach; chips never dangle and show roles (issues 12, 17)', async ({ app }) => {
  await app.call('app:completeSetup', { displayName: 'Robin Example', loadSample: false });
  const me = (await app.call('app:info')).me.id;
  const acme = await app.call('orgs:create', { name: 'Acme Platform Laboratories' });
  const person = async (displayName: string, title?: string, hiringManager = false) => {
    const p = await app.call('people:create', { displayName });
    if (title) await app.call('affiliations:create', { personId: p.id, organizationId: acme.id, title, isHiringManager: hiringManager });
    return p;
  };
  const arjun = await person('Arjun Venkataraman-Whitfield');
  const lee = await person('Leopoldine Featherstonehaugh');
  const bea = await person('Beatrix Montgomery-Ashworth');
  const olu = await person('Oluwaseun Abernathy-Castellanos', 'Senior Staff Platform Engineer');
  const chen = await person('Chen Fernández', 'Engineering Manager, Platform', true);
  const dana = await person('Dana Kowalczyk-Villanueva', 'Director of Infrastructure', true);
  const tie = (a: number, b: number, strength: number) => app.call('ties:create', { personA: a, personB: b, strength });
  await tie(me, arjun.id, 5);
  await tie(me, lee.id, 3);
  await tie(arjun.id, chen.id, 4);
  await tie(arjun.id, bea.id, 4);
  await tie(bea.id, olu.id, 4);
  await tie(olu.id, dana.id, 4);
  await tie(lee.id, chen.id, 3);

  await app.open(`routes?org=${acme.id}`);
  const routes = new RoutesPage(app.page);
  const expected = await app.call('routes:find', { organizationId: acme.id });
  if (expected.kind !== 'found') throw new Error('expected routes');
  // One card per contact of mine (Arjun, Leopoldine), warmest first.
  expect(expected.routes.map((r) => r.personIds[1])).toEqual([arjun.id, lee.id]);
  await expect(routes.cards).toHaveCount(2);
  await expect(routes.message).toHaveText(expected.message);

  // Other ways through Arjun, asked for on demand: a different final introducer (Olu, via Bea).
  const first = routes.card(expected.routes[0]!.personIds);
  await first.getByTestId('route-expand').click();
  const through = await app.call('targets:routesThrough', { organizationId: acme.id, throughId: arjun.id });
  expect(through.result.others.map((r) => r.personIds)).toEqual([[me, arjun.id, bea.id, olu.id, dana.id]]);
  await expect(first.getByTestId('route-other')).toHaveCount(1);
  await expect(first.getByTestId('route-others-message')).toHaveText(through.result.message);
  await expect(first.getByTestId('route-other').getByTestId('route-card')).toHaveAttribute('data-person-ids', [me, arjun.id, bea.id, olu.id, dana.id].join(','));
  await expect(first.getByTestId('route-other')).toContainText('via Oluwaseun');
  // The introducer at the target is named, and chips carry the role.
  await expect(first.getByTestId('route-other').getByTestId('route-reason').nth(2)).toContainText('Oluwaseun works at Acme Platform Laboratories too');
  await expect(first.getByTestId('route-other').getByTestId('chain-role').last()).toHaveText('Director of Infrastructure · Acme Platform Laboratories');

  // Chips wrap at 1024×700, but every tie stays on the line of the person after it (issue 17).
  for (const [width, height] of [
    [1280, 800],
    [1024, 700],
  ] as const) {
    await app.page.setViewportSize({ width, height });
    const links = app.page.getByTestId('chain-link');
    expect(await links.count()).toBeGreaterThan(0);
    for (const link of await links.all()) {
      const box = (await link.boundingBox())!;
      const next = (await link.locator('xpath=following-sibling::*[1]').boundingBox())!;
      expect(Math.abs(box.y + box.height / 2 - (next.y + next.height / 2))).toBeLessThan(2);
      expect(box.x + box.width).toBeLessThanOrEqual(next.x + 1);
    }
    await app.screenshot(`routes-grouped-${width}-light`);
  }
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot('routes-grouped-1024-dark');
  await app.page.emulateMedia({ colorScheme: 'light' });
  await app.page.setViewportSize({ width: 1280, height: 800 });

  // The job behind the target (issue 12): the role, saved; the stage, dated; a role too long is refused in words.
  const job = app.page.getByTestId('target-job');
  await job.getByTestId('target-role').fill('x'.repeat(10_000));
  await job.getByTestId('target-role-save').click();
  await expect(job).toContainText('The role is too long (at most 300 characters)');
  await job.getByTestId('target-role').fill('Staff platform engineer');
  await job.getByTestId('target-role-save').click();
  await expect(job.getByTestId('target-role-save')).toHaveCount(0);
  // Applied last week, logged today: the day is chosen before the stage.
  const today = localDateOf(app.startedAt, app.timeZone);
  const lastWeek = localDateOf(new Date(app.startedAt.getTime() - 7 * 86_400_000), app.timeZone);
  await expect(job.getByTestId('target-stage-on')).toHaveValue(today);
  await job.getByTestId('target-stage-on').fill(lastWeek);
  await job.getByTestId('target-stage').selectOption('applied');
  await expect(job.getByTestId('target-stage-history')).toHaveText(`Applied ${lastWeek}`);
  await expect(job.getByTestId('target-stage-on')).toHaveValue(today);
  expect(await app.call('targets:job', { organizationId: acme.id })).toMatchObject({ role: 'Staff platform engineer', stage: 'applied' });

  // Each person who meets the goal, with the best way to them.
  await app.page.getByTestId('routes-by-person').click();
  const byPerson = await app.call('targets:routesByPerson', { organizationId: acme.id });
  await expect(app.page.getByTestId('route-person')).toHaveCount(2);
  await expect(app.page.getByTestId('route-person').locator('summary')).toHaveText(byPerson.result.items.map((i) => `${i.person.name}, hiring manager: via ${i.route.hops.slice(0, -1).map((h) => firstName(h.to.name)).join(' → ')}, ${i.route.warmthPercent}%`));
  await expect(app.page.getByTestId('route-person').first().locator('summary')).toHaveText(/^Chen Fernández, hiring manager: via Arjun, \d+(\.\d)?%$/u);
  await app.page.getByTestId('route-person').first().locator('summary').click();
  await expect(app.page.getByTestId('route-person').first().getByTestId('route-card')).toBeVisible();
  // Not the by-contact list's "#n": the best way to this person.
  await expect(app.page.getByTestId('route-person').first().locator('.route-rank')).toHaveText('Best way to Chen');
  await app.screenshot('routes-by-person-light');

  // A route to a person shows who they are (issue 17): the header and the last chip carry the role.
  await app.open(`routes?person=${chen.id}`);
  await expect(app.page.getByTestId('routes-target-role')).toHaveText('Engineering Manager, Platform · Acme Platform Laboratories');
  await expect(routes.cards.first().getByTestId('chain-role').last()).toHaveText('Engineering Manager, Platform · Acme Platform Laboratories');

  // The organization page carries the same job.
  await app.open(`orgs/${acme.id}`);
  await expect(app.page.getByTestId('target-job').getByTestId('target-role')).toHaveValue('Staff platform engineer');
  await app.page.setViewportSize({ width: 1024, height: 700 });
  await app.screenshot('org-target-job-1024-light');
  await app.page.setViewportSize({ width: 1280, height: 800 });

  expect(app.cspViolations).toEqual([]);
  expect(app.pageErrors).toEqual([]);
  expect(app.internalErrors).toEqual([]);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
