// A large network (over GRAPH_LIMITS.largeNetwork people) opens the Network
// view on my 2-hop network, says why, and draws everyone on request: the
// window is never blocked for seconds by a view the user did not ask for.
import { expect, test } from './fixtures';
import { distinctColours, enableGraphHook, GraphPage, someRoute } from './pages/GraphPage';

test('3,100 people: #/graph opens on my ego network with a note; "Show everyone" draws the whole network', async ({ app }) => {
  test.setTimeout(90_000);
  await enableGraphHook(app.page);
  await app.call('app:completeSetup', { displayName: 'Sam Rivera', loadSample: false });
  await app.call('sample:load', { people: 3_100, seed: 11 });
  const ego = await app.call('graph:data', { mode: { kind: 'ego', hops: 2 } });

  await app.open('graph');
  const graph = new GraphPage(app.page);
  const state = await graph.ready((s) => s.mode === 'ego');
  expect(state.nodes.length).toBe(ego.nodes.length);
  await expect(app.page).toHaveURL(/#\/graph\?ego=me&hops=2$/);
  const note = app.page.getByTestId('graph-large-note');
  await expect(note).toContainText('3,101 people');
  await expect(note).toContainText('within 2 hops of you');

  await note.getByTestId('graph-show-everyone').click();
  await expect(app.page).toHaveURL(/#\/graph\?all=1$/);
  const whole = await graph.ready((s) => s.mode === 'whole');
  expect(whole.nodes.length).toBe(3_101);
  await expect(note).toBeHidden();
  // The whole network is on screen at once (the overview layer while Cytoscape takes it over).
  const shot = await graph.canvasShot(test.info().outputPath('whole-3100.png'));
  expect(distinctColours(shot)).toBeGreaterThan(8);

  // Search reaches anybody at once, even someone not yet handed over (the last person in the data).
  const data = await app.call('graph:data', { mode: { kind: 'whole' } });
  const last = data.nodes[data.nodes.length - 1]!;
  await graph.search.fill(last.name);
  await app.page.getByRole('option', { name: new RegExp(last.name) }).first().click();
  await expect.poll(async () => (await graph.state())!.selected).toBe(last.id);

  // The hand-over ends: everything in Cytoscape, the overview layer gone.
  await expect.poll(async () => (await graph.state())!.handOver, { timeout: 30_000 }).toEqual({ pending: 0, overview: false });
  await expect(app.page.locator('canvas.graph-overview')).toHaveCount(0);
  await app.screenshot('graph-whole-3100');


  expect(app.cspViolations).toEqual([]);
  expect(app.pageErrors).toEqual([]);
  expect(app.internalErrors).toEqual([]);
});

test('a route on a large network: highlighted at once, and ties handed over later arrive dimmed', async ({ app }) => {
  test.setTimeout(90_000);
  await enableGraphHook(app.page);
  await app.call('app:completeSetup', { displayName: 'Sam Rivera', loadSample: false });
  await app.call('sample:load', { people: 3_100, seed: 11 });
  const route = await someRoute(app);
  const whole = await app.call('graph:data', { mode: { kind: 'whole' } });

  await app.open(`graph?route=${route.join(',')}`);
  const graph = new GraphPage(app.page);
  const state = await graph.ready((s) => s.route.length > 0);
  expect(state.route).toEqual(route);
  expect(state.nodes.length).toBe(whole.nodes.length);
  await expect(app.page.getByTestId('graph-route-banner')).toContainText(`Route of ${route.length - 1} hops`);

  // Once everything is in Cytoscape, all but the route (its people and the ties between them) is dimmed.
  await expect.poll(async () => (await graph.state())!.handOver, { timeout: 30_000 }).toEqual({ pending: 0, overview: false });
  const after = (await graph.state())!;
  expect(after.route).toEqual(route);
  // Likely ties (issue 15) are drawn too, and dimmed like ties.
  expect(after.dimmed).toBe(whole.nodes.length + whole.edges.length + (whole.likelyEdges?.length ?? 0) - route.length - (route.length - 1));
  const shot = await graph.canvasShot(test.info().outputPath('route-3100.png'));
  expect(distinctColours(shot)).toBeGreaterThan(8);
  expect(app.pageErrors).toEqual([]);
  expect(app.internalErrors).toEqual([]);
});
