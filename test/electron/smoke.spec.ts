// The real app starts from a fresh data directory and shows the first-run
// screen; after onboarding, a relaunch goes straight to People.
import { WelcomePage } from '../e2e/pages/WelcomePage';
import { expect, skipWithoutElectron, test } from './fixtures';

skipWithoutElectron();

test('launches to the first-run screen, served from app://kith', async ({ kith }) => {
  await expect(new WelcomePage(kith.window).root).toBeVisible();
  expect(await kith.window.title()).toBe('Kith');
  expect(kith.window.url()).toMatch(/^app:\/\/kith\//);
  const visible = await kith.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.isVisible()));
  expect(visible).toEqual([true]);
});

test('starting empty lands on People', async ({ kith }) => {
  await new WelcomePage(kith.window).startEmpty('Sam Rivera');
  await expect(kith.window.getByTestId('people-view')).toBeVisible();
});
