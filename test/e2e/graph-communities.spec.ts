// The whole network of the 150-person sample shows its communities (issue 16):
// coloured by community by default, at 1280×800 and 1024×700, with no error
// notice, and node pixels of several community hues in the screenshot.
import path from 'node:path';
import { GRAPH_PALETTE } from '../../shared/graph';
import { expect, test } from './fixtures';
import { enableGraphHook, GraphPage, paletteHues } from './pages/GraphPage';

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

test('the 150-person whole view is coloured by community at both window sizes', async ({ app }) => {
  const whole = await app.call('graph:data', { mode: { kind: 'whole' } });
  const communities = new Set(whole.nodes.map((n) => n.community));
  expect(communities.size).toBeGreaterThanOrEqual(3);
  await app.page.setViewportSize({ width: 1280, height: 800 });
  await app.open('graph');
  const graph = new GraphPage(app.page);
  const state = await graph.ready((s) => s.nodes.length === whole.nodes.length);
  expect(state.colourBy).toBe('community');
  // Bridges are listed in rank order, and the rank shows.
  const insights = await app.call('graph:insights', {});
  await expect(graph.insights.getByTestId('insight-bridge-rank')).toHaveText(insights.bridges.map((_, i) => String(i + 1)));
  await expect(graph.insights.getByTestId('insight-bridge').first()).toContainText(insights.bridges[0]!.name);
  const check = async (name: string) => {
    await expect(app.page.getByTestId('error-notice')).toHaveCount(0);
    const full = await app.screenshot(name);
    const canvas = await graph.canvasShot(path.join(path.dirname(full), `${name}-canvas.png`));
    expect(paletteHues(canvas, GRAPH_PALETTE)).toBeGreaterThanOrEqual(2);
  };
  await check('graph-communities-150-1280x800');
  // People's names never print over each other; zooming in makes room for more.
  const labelsAtFit = (await graph.state())!.peopleLabels;
  expect(labelsAtFit.overlapping).toBe(0);
  expect(labelsAtFit.shown).toBeGreaterThanOrEqual(8);

  // A smaller window refits the whole network into the smaller canvas.
  await app.page.setViewportSize({ width: 1024, height: 700 });
  await expect.poll(async () => (await graph.state())!.zoom).toBeLessThan(state.zoom * 0.95);
  await check('graph-communities-150-1024x700');

  // Changing the colour keeps the zoom.
  const fitted = (await graph.state())!.zoom;
  await graph.canvas.focus();
  await app.page.keyboard.press('+');
  await expect.poll(async () => (await graph.state())!.zoom).toBeGreaterThan(fitted * 1.1);
  const zoomed = (await graph.state())!.zoom;
  await expect.poll(async () => (await graph.state())!.peopleLabels.overlapping).toBe(0);
  await app.page.getByTestId('graph-colour').selectOption('organization');
  const recoloured = await graph.ready((s) => s.colourBy === 'organization');
  expect(recoloured.zoom).toBeCloseTo(zoomed, 6);
  await app.page.getByTestId('graph-colour').selectOption('community');
  await graph.ready((s) => s.colourBy === 'community');

  // The insights panel collapses, and the graph refits into the wider canvas.
  const beforeCollapse = (await graph.state())!.zoom;
  await app.page.getByTestId('graph-panel-toggle').click();
  await expect(graph.insights).toBeHidden();
  await expect.poll(async () => (await graph.state())!.zoom).not.toBeCloseTo(beforeCollapse, 6);
  await check('graph-communities-150-1024x700-panel-closed');
  await app.page.getByTestId('graph-panel-toggle').click();
  await expect(graph.insights).toBeVisible();

  // Clicking a person opens the panel and keeps their neighbourhood bright, everything else faded.
  const someone = whole.nodes.find((n) => !n.isMe && whole.edges.some((e) => e.source === n.id || e.target === n.id))!;
  await graph.search.fill(someone.name);
  await app.page.getByRole('option', { name: new RegExp(someone.name) }).first().click();
  await expect.poll(async () => (await graph.state())!.selected).toBe(someone.id);
  await expect(graph.personPanel).toBeVisible();
  // Their bridging says what it measures, in words.
  const share = ((whole.nodes.find((n) => n.id === someone.id)!.betweenness ?? 0) * 100).toFixed(1);
  await expect(graph.personPanel.getByTestId('graph-panel-bridging')).toHaveText(`on ${share}% of the shortest paths between others`);
  await expect.poll(async () => (await graph.state())!.faded).toBeGreaterThan(whole.nodes.length / 2);
  await app.screenshot('graph-communities-150-neighbourhood');
  await graph.personPanel.getByTestId('graph-panel-close').click();
  await expect.poll(async () => (await graph.state())!.faded).toBe(0);
});

test('at 1024×700 the filters wait behind "Filters", so the picture keeps the room; a filter that is on shows on the button', async ({ app }) => {
  await app.page.setViewportSize({ width: 1024, height: 700 });
  await app.open('graph?all=1');
  const graph = new GraphPage(app.page);
  await graph.ready((s) => s.mode === 'whole' && s.nodes.length > 100);
  const filters = app.page.locator('#graph-filters');
  const toggle = app.page.getByTestId('graph-filters-toggle');
  await expect(filters).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  // The canvas starts high on the page and keeps most of the window.
  const canvas = (await graph.canvas.boundingBox())!;
  expect(canvas.y).toBeLessThanOrEqual(140);
  expect(canvas.height).toBeGreaterThanOrEqual(520);
  // The toolbar is one line: the button sits on the search's line.
  const search = (await app.page.getByTestId('graph-search').boundingBox())!;
  const button = (await toggle.boundingBox())!;
  expect(Math.abs(button.y + button.height / 2 - (search.y + search.height / 2))).toBeLessThan(8);

  await toggle.click();
  await expect(filters).toBeVisible();
  await app.page.getByTestId('graph-likely-ties').uncheck();
  await expect(toggle).toContainText('Filters1');
  await toggle.click();
  await expect(filters).toBeHidden();
  // With a filter on, the row is shown when the view opens again.
  await app.page.getByTestId('nav-home').click();
  await app.page.getByTestId('nav-graph').click();
  await expect(app.page.locator('#graph-filters')).toBeVisible();
  await app.page.getByTestId('graph-likely-ties').check();
  await app.screenshot('graph-filters-1024x700');
});
