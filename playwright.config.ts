// End-to-end tests. Two projects:
// - e2e: the built renderer (out/renderer) in Chromium, served over loopback,
//   talking to the real main-process data path in the test process
//   (test/e2e/fixtures.ts). Runs everywhere a Chromium exists.
// - electron: the real app through Playwright's _electron. Runs wherever an
//   Electron binary exists and is skipped, with the reason printed, elsewhere.
// Build first: `npm run test:e2e` does (scripts/build.mjs).
import { defineConfig } from '@playwright/test';

export default defineConfig({
  // Playwright empties outputDir at the start of a run; screenshots taken by
  // the fixture go to test-results/screenshots, next to it, and survive.
  outputDir: 'test-results/artifacts',
  // Two cores here; each worker runs its own Chromium and SQLite.
  workers: 2,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Room for a slower CI machine: a passing test takes no longer for it, and
  // an assertion that waits for an answer gets 10 s before it fails.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    serviceWorkers: 'block',
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    timezoneId: 'UTC',
    colorScheme: 'light',
  },
  projects: [
    { name: 'e2e', testDir: 'test/e2e', testMatch: '**/*.spec.ts', use: { browserName: 'chromium' } },
    { name: 'electron', testDir: 'test/electron', testMatch: '**/*.spec.ts', timeout: 60_000 },
  ],
});
