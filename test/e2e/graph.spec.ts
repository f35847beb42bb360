// The network graph view (issue 5): whole, ego and route-highlighted views
// asserted through the test-only hook, with screenshots of each checked for
// real drawing; positions saved and reused; search, panel, keyboard, filters,
// export; no CSP violation (the layout worker is same-origin), no errors.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type KithApp } from './fixtures';
import { distinctColours, enableGraphHook, GraphPage, someRoute } from './pages/GraphPage';

test.beforeEach(async ({ app }) => {
  await enableGraphHook(app.page);
  await app.call('app:completeSetup', { displayName: 'Sam Rivera', loadSample: true });
});

test.afterEach(async ({ app }) => {
  expect(app.cspViolations).toEqual([]);
  expect(app.pageErrors).toEqual([]);
  expect(app.blockedRequests).toEqual([]);
  expect(app.internalErrors).toEqual([]);
});

async function shots(app: KithApp, graph: GraphPage, name: string): Promise<number> {
  const full = await app.screenshot(name);
  const canvasFile = await graph.canvasShot(path.join(path.dirname(full), `${name}-canvas.png`));
  return distinctColours(canvasFile);
}

test('whole network: every person and tie drawn, positions saved, insights listed', async ({ app }) => {
  const whole = await app.call('graph:data', { mode: { kind: 'whole' } });
  expect(whole.nodes.length).toBeGreaterThan(100);
  await app.open('graph');
  const graph = new GraphPage(app.page);
  const state = await graph.ready();
  expect(state.mode).toBe('whole');
  expect([...state.nodes].sort((a, b) => a - b)).toEqual(whole.nodes.map((n) => n.id).sort((a, b) => a - b));
  expect(state.edges).toBe(whole.edges.length);
  expect(state.route).toEqual([]);
  expect(state.layoutMs).not.toBeNull(); // the first visit lays out, in the worker
  await expect(app.page.getByTestId('nav-graph')).toHaveAttribute('aria-current', 'page');
  await expect(app.page.getByTestId('graph-count')).toHaveText(`${whole.nodes.length} people · ${whole.edges.length} ties`);

  const saved = await app.call('graph:positions', {});
  expect(saved.ids.length).toBe(whole.nodes.length);

  await expect(graph.insights.getByTestId('insight-bridge').first()).toBeVisible();
  await expect(graph.insights.getByTestId('insight-community').first()).toBeVisible();
  expect(await shots(app, graph, 'graph-whole')).toBeGreaterThan(30);

  // Reopening draws from the saved positions: no new layout.
  await app.reload();
  const again = await graph.ready();
  expect(again.layoutMs).toBeNull();
  expect(again.nodes.length).toBe(whole.nodes.length);
  expect((await app.call('graph:positions', {})).xy).toEqual(saved.xy);
});

test('ego network of me (1 and 2 hops) and of someone else by double-click route', async ({ app }) => {
  const me = (await app.call('app:info')).me;
  const hop1 = await app.call('graph:data', { mode: { kind: 'ego', hops: 1 } });
  const hop2 = await app.call('graph:data', { mode: { kind: 'ego', hops: 2 } });
  expect(hop2.nodes.length).toBeGreaterThan(hop1.nodes.length);

  await app.open('graph?ego=me&hops=2');
  const graph = new GraphPage(app.page);
  let state = await graph.ready((s) => s.mode === 'ego');
  expect(state.nodes.sort((a, b) => a - b)).toEqual(hop2.nodes.map((n) => n.id).sort((a, b) => a - b));
  expect(state.nodes).toContain(me.id);
  expect(await shots(app, graph, 'graph-ego')).toBeGreaterThan(20);

  await app.page.getByTestId('graph-hops').selectOption('1');
  await expect(app.page).toHaveURL(/#\/graph\?ego=me&hops=1$/);
  state = await graph.ready((s) => s.nodes.length === hop1.nodes.length);
  expect(state.edges).toBe(hop1.edges.length);

  // The panel's "Centre" re-centres the ego view on the person (as a double-click does).
  const other = hop1.nodes.find((n) => !n.isMe)!;
  await graph.search.fill(other.name.slice(0, 5));
  await app.page.getByRole('option', { name: new RegExp(other.name) }).first().click();
  await expect(graph.personPanel).toContainText(other.name);
  await graph.personPanel.getByTestId('graph-centre').click();
  await expect(app.page).toHaveURL(new RegExp(`#/graph\\?ego=${other.id}&hops=2$`));
  const theirs = await app.call('graph:data', { mode: { kind: 'ego', personId: other.id, hops: 2 } });
  state = await graph.ready((s) => s.nodes.length === theirs.nodes.length && s.nodes.includes(other.id));
});

test('a route from the Routes view is highlighted with hops numbered, everything else dimmed', async ({ app }) => {
  const route = await someRoute(app);
  await app.open(`graph?route=${route.join(',')}`);
  const graph = new GraphPage(app.page);
  const state = await graph.ready((s) => s.route.length > 0);
  expect(state.route).toEqual(route);
  await expect(app.page.getByTestId('graph-route-banner')).toContainText(`Route of ${route.length - 1} hops`);
  expect(await shots(app, graph, 'graph-route')).toBeGreaterThan(20);

  // Escape clears the highlight (and the route from the address).
  await graph.canvas.focus();
  await app.page.keyboard.press('Escape');
  await expect(app.page).toHaveURL(/#\/graph\?all=1$/);
  await graph.ready((s) => s.route.length === 0);
});

test('keyboard zoom, search focus, side panel actions, filters and export', async ({ app }) => {
  await app.open('graph');
  const graph = new GraphPage(app.page);
  const before = await graph.ready();
  await graph.canvas.focus();
  await app.page.keyboard.press('+');
  await expect.poll(async () => (await graph.state())!.zoom).toBeGreaterThan(before.zoom * 1.2);
  await app.page.keyboard.press('-');
  await app.page.keyboard.press('-');
  await expect.poll(async () => (await graph.state())!.zoom).toBeLessThan(before.zoom);

  // Search focuses a person; the panel offers open, log, routes to their organization.
  const whole = await app.call('graph:data', { mode: { kind: 'whole' } });
  const someone = whole.nodes.find((n) => !n.isMe && n.orgId !== null)!;
  await graph.search.fill(someone.name);
  await app.page.getByRole('option', { name: new RegExp(someone.name) }).first().click();
  await expect.poll(async () => (await graph.state())!.selected).toBe(someone.id);
  await expect(graph.personPanel.getByTestId('graph-open-person')).toHaveAttribute('href', `#/people/${someone.id}`);
  await expect(graph.personPanel.getByTestId('graph-find-routes')).toHaveAttribute('href', `#/routes?org=${someone.orgId}`);
  await app.screenshot('graph-person-panel');
  await graph.personPanel.getByTestId('graph-panel-close').click();
  await expect(graph.insights).toBeVisible();

  // Weak ties only: exactly the weak ties the channel gives.
  const weak = await app.call('graph:data', { mode: { kind: 'whole' }, filters: { weakOnly: true } });
  await app.page.getByTestId('graph-weak-only').check();
  const filtered = await graph.ready((s) => s.edges === weak.edges.length && s.nodes.length === weak.nodes.length);
  expect(filtered.filters).toEqual({ weakOnly: true });
  await app.page.getByTestId('graph-colour').selectOption('community');
  await graph.ready((s) => s.colourBy === 'community');
  await app.screenshot('graph-weak-only-community');
  await app.page.getByTestId('graph-clear-filters').click();
  await graph.ready((s) => s.edges === whole.edges.length);

  // Export: PNG and SVG arrive as downloads.
  const [png] = await Promise.all([app.page.waitForEvent('download'), app.page.getByTestId('graph-export-png').click()]);
  expect(png.suggestedFilename()).toBe('kith-network.png');
  const pngFile = path.join(app.dataDir, 'export.png');
  await png.saveAs(pngFile);
  expect(fs.readFileSync(pngFile).subarray(1, 4).toString()).toBe('PNG');
  const [svg] = await Promise.all([app.page.waitForEvent('download'), app.page.getByTestId('graph-export-svg').click()]);
  const svgFile = path.join(app.dataDir, 'export.svg');
  await svg.saveAs(svgFile);
  const text = fs.readFileSync(svgFile, 'utf8');
  expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect((text.match(/<circle /g) ?? []).length).toBeGreaterThan(10);
});

test('dark theme: the same graph drawn on a dark background', async ({ app }) => {
  await app.page.emulateMedia({ colorScheme: 'dark' });
  await app.open('graph');
  const graph = new GraphPage(app.page);
  await graph.ready();
  expect(await shots(app, graph, 'graph-whole-dark')).toBeGreaterThan(30);
});
