// "Who else might Ana know?" (issue 15): likely ties on a person's page,
// confirmed and dismissed from the keyboard, keys acting only while the list
// has focus.
import { expect, test } from './fixtures';
import { enableGraphHook, GraphPage } from './pages/GraphPage';

test('likely ties: Y confirms at the suggested strength, 2 at strength 2, N dismisses, only while the list has focus', async ({ app }) => {
  await app.call('app:completeSetup', { displayName: 'Sam Rivera', loadSample: false });
  const ana = await app.call('people:create', { displayName: 'Ana Acosta' });
  const others = [];
  for (const name of ['Chen Wei', 'Dora Diaz', 'Eli Evans']) others.push(await app.call('people:create', { displayName: name }));
  const cobalt = await app.call('orgs:create', { name: 'Cobalt Software', sizeBand: '11-50' });
  for (const p of [ana, ...others]) await app.call('affiliations:create', { personId: p.id, organizationId: cobalt.id, startDate: '2019-01', endDate: '2021-06' });
  await app.call('journal:create', { occurredAt: '2026-03-02', kind: 'meeting', participantIds: [ana.id, others[0]!.id] });

  await app.open(`people/${ana.id}`);
  const section = app.page.getByTestId('likely-ties');
  await expect(section.getByRole('heading')).toContainText('Who else might Ana know?');
  const rows = section.getByTestId('likely-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText('Chen Wei');
  await expect(rows.first().getByTestId('likely-evidence')).toHaveText('in a meeting together in March 2026; both at Cobalt Software, 2019–2021');

  // Keys do nothing while the list does not have focus.
  await app.page.keyboard.press('y');
  await expect(rows).toHaveCount(3);

  await app.page.setViewportSize({ width: 1024, height: 700 });
  await section.scrollIntoViewIfNeeded();
  await app.screenshot('likely-ties-light');
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot('likely-ties-dark');
  await app.page.emulateMedia({ colorScheme: 'light' });
  await app.page.setViewportSize({ width: 1280, height: 800 });

  const list = section.getByTestId('likely-list');
  await list.focus();
  await app.page.keyboard.press('y');
  await expect(rows).toHaveCount(2);
  await expect(app.page.getByTestId('ties')).toContainText('Chen Wei');
  await app.page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await app.page.keyboard.press('n');
  await expect(rows).toHaveCount(1);
  await app.page.keyboard.press('2');
  await expect(section).toBeHidden();
  const ties = (await app.call('people:get', { id: ana.id })).ties;
  expect(ties.map((t) => [t.otherName, t.strength, t.source]).sort()).toEqual([
    ['Chen Wei', 3, 'manual'],
    ['Dora Diaz', 2, 'manual'],
  ]);
});

test('routes: a likely hop is marked and can be turned off; the review queue puts the tie that helps a target first', async ({ app }) => {
  await app.call('app:completeSetup', { displayName: 'Sam Rivera', loadSample: false });
  const me = (await app.call('app:info')).me.id;
  const tom = await app.call('people:create', { displayName: 'Tom Reyes' });
  const chen = await app.call('people:create', { displayName: 'Chen Wei' });
  const ana = await app.call('people:create', { displayName: 'Ana Acosta' });
  const ben = await app.call('people:create', { displayName: 'Ben Bauer' });
  await app.call('ties:create', { personA: me, personB: tom.id, strength: 4 });
  const cobalt = await app.call('orgs:create', { name: 'Cobalt Software', sizeBand: '1-10' });
  const tiny = await app.call('orgs:create', { name: 'Tiny Studio', sizeBand: '1-10' });
  const acme = await app.call('orgs:create', { name: 'Acme Labs' });
  await app.call('targets:set', { organizationId: acme.id, isTarget: true });
  for (const p of [tom, chen]) await app.call('affiliations:create', { personId: p.id, organizationId: cobalt.id, startDate: '2019-01', endDate: '2021-06' });
  for (const p of [ana, ben]) await app.call('affiliations:create', { personId: p.id, organizationId: tiny.id, startDate: '2020-01' });
  await app.call('affiliations:create', { personId: chen.id, organizationId: acme.id, isHiringManager: true });

  await app.open(`routes?org=${acme.id}`);
  const reasons = app.page.getByTestId('route-reason');
  await expect(reasons.nth(1)).toContainText('Tom probably knows Chen Wei: both at Cobalt Software, 2019–2021');
  await expect(reasons.nth(1)).toHaveAttribute('data-likely', 'true');
  // The chain marks the likely hop (dotted, "?"), not the confirmed one.
  const links = app.page.getByTestId('route-card').first().getByTestId('chain-link');
  await expect(links.nth(0)).not.toHaveAttribute('data-likely', 'true');
  await expect(links.nth(1)).toHaveAttribute('data-likely', 'true');
  await expect(links.nth(1)).toHaveAttribute('aria-label', /likely tie, not confirmed/);
  const queue = app.page.getByTestId('likely-queue');
  await expect(queue.getByTestId('likely-row').first()).toContainText('Tom Reyes – Chen Wei');
  await expect(queue.getByTestId('likely-row').first()).toContainText('helps reach Acme Labs');
  await app.screenshot('likely-routes-light');
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot('likely-routes-dark');
  await app.page.emulateMedia({ colorScheme: 'light' });

  await app.page.getByTestId('routes-likely-ties').uncheck();
  await expect(app.page.getByTestId('route-reason')).toHaveCount(0);
  await app.page.getByTestId('routes-likely-ties').check();
  await expect(reasons.nth(1)).toHaveAttribute('data-likely', 'true');
});

test('the graph draws likely ties apart from ties, and its toggle takes them away', async ({ app }) => {
  await enableGraphHook(app.page);
  await app.call('app:completeSetup', { displayName: 'Sam Rivera', loadSample: false });
  const me = (await app.call('app:info')).me.id;
  const tom = await app.call('people:create', { displayName: 'Tom Reyes' });
  const chen = await app.call('people:create', { displayName: 'Chen Wei' });
  await app.call('ties:create', { personA: me, personB: tom.id, strength: 4 });
  await app.call('ties:create', { personA: me, personB: chen.id, strength: 2 });
  const tiny = await app.call('orgs:create', { name: 'Tiny Studio', sizeBand: '1-10' });
  for (const p of [tom, chen]) await app.call('affiliations:create', { personId: p.id, organizationId: tiny.id, startDate: '2020-01' });

  await app.open('graph');
  const graph = new GraphPage(app.page);
  const on = await graph.ready((s) => s.nodes.length === 3);
  expect(on.edges).toBe(2);
  expect(on.likely).toBe(1);
  await app.page.getByTestId('graph-likely-ties').uncheck();
  const off = await graph.ready((s) => s.likely === 0);
  expect(off.edges).toBe(2);
  expect(off.nodes).toHaveLength(3);
  await app.page.getByTestId('graph-likely-ties').check();
  await graph.ready((s) => s.likely === 1);
  expect(app.pageErrors).toEqual([]);
});
