// A new install's Network view (issue 16): only me, no ties. It used to show
// "Something went wrong in graph:insights: … modularity: expected number,
// received NaN" beside a giant lone node; now an empty state with the two
// ways in, Import and Add a person, at both window sizes.
import { expect, test } from './fixtures';
import { enableGraphHook, GraphPage } from './pages/GraphPage';

test.beforeEach(async ({ app }) => {
  await enableGraphHook(app.page);
  await app.call('app:completeSetup', { displayName: 'Sam Rivera', loadSample: false });
});

test.afterEach(async ({ app }) => {
  expect(app.cspViolations).toEqual([]);
  expect(app.pageErrors).toEqual([]);
  expect(app.blockedRequests).toEqual([]);
  expect(app.internalErrors).toEqual([]);
});

test('a new install shows an empty state with Import and Add a person, and no error', async ({ app }) => {
  const insights = await app.call('graph:insights', {});
  expect(insights.modularity).toBe(0);
  expect(insights.bridges).toEqual([]);

  for (const size of [
    { width: 1280, height: 800 },
    { width: 1024, height: 700 },
  ]) {
    await app.page.setViewportSize(size);
    await app.open('graph');
    const graph = new GraphPage(app.page);
    await graph.ready();
    await expect(app.page.getByTestId('graph-empty-network')).toBeVisible();
    await expect(app.page.getByTestId('graph-insights')).toBeVisible();
    await expect(app.page.getByTestId('error-notice')).toHaveCount(0);
    await app.screenshot(`graph-empty-${size.width}x${size.height}`);
  }

  // Add a person opens the new-person dialog; Import goes to the import view.
  await app.page.getByTestId('graph-empty-network-add-person').click();
  await expect(app.page.getByTestId('new-person-dialog')).toBeVisible();
  await app.page.keyboard.press('Escape');
  await expect(app.page.getByTestId('new-person-dialog')).toBeHidden();
  await app.page.getByTestId('graph-empty-network-import').click();
  await expect(app.page.getByTestId('import-view')).toBeVisible();
});
