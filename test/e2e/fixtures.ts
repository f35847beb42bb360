// The end-to-end fixture: the built renderer in real Chromium, talking to the
// real main-process data path (openKith + handlers + dispatcher) in this Node
// process through a window.kith bridge shaped like the preload's. Each test
// gets a fresh data directory, removed afterwards. Every request that is not
// to the loopback server is refused and recorded, so a test can assert that
// the app made no network request.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { offsetClock, setClock } from '../../shared/clock';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import type { IpcResult } from '../../shared/errors';
import { KithBackend } from './harness/backend';
import { CHROMIUM_ARGS, resolveChromium } from './harness/chromium';
import { startRendererServer, type RendererServer } from './harness/server';

export interface KithApp {
  page: Page;
  /** This test's data directory (fresh, removed after the test). */
  dataDir: string;
  /** The SQLite file in it. */
  dbFile: string;
  /** Navigate to the app (optionally to a route, e.g. "people") and wait until it has rendered its first app:info. */
  open(hash?: string): Promise<void>;
  /** Reload the page and wait for readiness. */
  reload(): Promise<void>;
  /** Simulate an app restart: close the database, reopen the file with the real openKith(), new handlers, reload the page. */
  restart(): Promise<void>;
  /** Queue what the native folder dialog answers next (a folder, or null: cancelled); used by sync:chooseFolder. */
  answerFolderDialog(folder: string | null): void;
  /** Call a channel through the same dispatcher the page uses, from the test. */
  invoke<C extends Channel>(channel: C, input?: ChannelInput<C>): Promise<IpcResult<ChannelOutput<C>>>;
  /** The same, for requests a test wants to get wrong on purpose. */
  invokeRaw(channel: unknown, input?: unknown): Promise<IpcResult<unknown>>;
  /** Call a channel from inside the page, through its window.kith.invoke (no DOM types needed in specs). */
  pageInvoke(channel: string, input?: unknown): Promise<IpcResult<unknown>>;
  /** invoke, returning the value or throwing the error: for seeding data. */
  call<C extends Channel>(channel: C, input?: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** Full-page PNG at test-results/screenshots/<name>.png (also attached to the report); returns the path. */
  screenshot(name: string): Promise<string>;
  /** Content-Security-Policy violations (securitypolicyviolation events and console reports). */
  cspViolations: string[];
  /** Uncaught page errors and console errors (other than CSP reports). */
  pageErrors: string[];
  /** Requests refused because they were not to the loopback server (any would be a network request by the app). */
  blockedRequests: string[];
  /** Handler failures that answered INTERNAL, with stacks. */
  internalErrors: string[];
  /** The pinned instant this test started at (both the page and the handlers run from it), and the zone they share. */
  startedAt: Date;
  timeZone: string;
}

/**
 * Every end-to-end test runs at a pinned instant (issue 11), in the browser
 * context's `timezoneId`: the page through Playwright's clock, the handlers
 * through shared/clock.ts. Both start at `kithNow` and move on with real time,
 * so debounces and timers behave as usual. Expectations are computed from the
 * pinned date, never from the day the suite runs. Override per file with
 * `test.use({ kithNow: '2028-02-29T23:30:00+01:00', timezoneId: 'Europe/Berlin' })`.
 */
export const DEFAULT_NOW = '2027-05-12T09:30:00Z';

/**
 * Annotation type that turns off the after-each checks (no page errors, no
 * INTERNAL answers, no CSP violations, no blocked requests) for one test:
 * `test('…', { annotation: { type: ALLOW_APP_PROBLEMS, description: 'why' } }, …)`.
 * Only for tests of the harness itself, which provoke them on purpose.
 */
export const ALLOW_APP_PROBLEMS = 'kith:allow-app-problems';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const RENDERER_ROOT = path.join(REPO_ROOT, 'out', 'renderer');
const READY_SELECTOR = 'html[data-kith-ready="true"]';
const INVOKE_BINDING = '__kithInvoke';
const CSP_BINDING = '__kithCspViolation';

// Defines window.kith the way the preload's contextBridge does: one frozen
// object with one function, not writable, not reconfigurable. The bindings are
// looked up at call time: Playwright installs them by its own init script.
const BRIDGE_SCRIPT = `(() => {
  const invoke = (channel, input) => window[${JSON.stringify(INVOKE_BINDING)}](channel, input);
  Object.defineProperty(window, 'kith', { value: Object.freeze({ invoke }), enumerable: true, writable: false, configurable: false });
  document.addEventListener('securitypolicyviolation', (event) => {
    const report = window[${JSON.stringify(CSP_BINDING)}];
    if (typeof report === 'function') {
      report([event.effectiveDirective, 'blocked', event.blockedURI || '(inline)', event.sourceFile ? 'at ' + event.sourceFile + ':' + event.lineNumber : '', event.sample ? JSON.stringify(event.sample) : ''].filter(Boolean).join(' '));
    }
  }, true);
})();`;

function missingRendererMessage(): string {
  return `The built renderer is missing (${path.relative(REPO_ROOT, RENDERER_ROOT)}/index.html). Run \`npm run build\` (or \`npm run test:e2e\`, which builds first).`;
}

async function installBridge(context: BrowserContext, origin: string, backend: KithBackend, cspViolations: string[]): Promise<void> {
  await context.exposeBinding(INVOKE_BINDING, async (source, channel: unknown, input: unknown) => {
    // Mirrors main's isTrustedSender: only the top frame of Kith's own page may ask.
    const frame = source.frame;
    const trusted = frame === source.page.mainFrame() && new URL(frame.url()).origin === origin;
    if (!trusted) return { ok: false, error: { code: 'FORBIDDEN', message: 'This request came from a frame Kith does not trust.' } };
    return backend.dispatch(channel, input);
  });
  await context.exposeBinding(CSP_BINDING, (_source, report: unknown) => {
    cspViolations.push(String(report));
  });
  await context.addInitScript({ content: BRIDGE_SCRIPT });
}

async function blockNetwork(context: BrowserContext, origin: string, blocked: string[]): Promise<void> {
  await context.route(
    (url) => url.origin !== origin,
    async (route) => {
      blocked.push(`${route.request().method()} ${route.request().url()}`);
      await route.abort('blockedbyclient');
    },
  );
  await context.routeWebSocket(
    () => true,
    async (ws) => {
      blocked.push(`WEBSOCKET ${ws.url()}`);
      await ws.close({ code: 1008, reason: 'Kith makes no network requests' });
    },
  );
}

function screenshotPath(testInfo: TestInfo, name: string): string {
  const safe = name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'screenshot';
  const root = testInfo.config.configFile ? path.dirname(testInfo.config.configFile) : REPO_ROOT;
  return path.join(root, 'test-results', 'screenshots', `${safe}.png`);
}

export const test = base.extend<{ app: KithApp; kithNow: string }, { rendererServer: RendererServer }>({
  kithNow: [DEFAULT_NOW, { option: true }],

  // Chromium from the system (or KITH_CHROMIUM), with the flags a container needs.
  launchOptions: [
    async ({ launchOptions }, use) => {
      const { executablePath } = resolveChromium();
      await use({ ...launchOptions, executablePath, args: [...CHROMIUM_ARGS, ...(launchOptions.args ?? [])] });
    },
    { scope: 'worker' },
  ],

  rendererServer: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      if (!fs.existsSync(path.join(RENDERER_ROOT, 'index.html'))) throw new Error(missingRendererMessage());
      const server = await startRendererServer(RENDERER_ROOT);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],

  app: async ({ page, context, rendererServer, kithNow, timezoneId }, use, testInfo) => {
    const zone = timezoneId ?? 'UTC';
    const startedAt = new Date(kithNow);
    const restoreClock = setClock(offsetClock(startedAt, zone));
    await page.clock.install({ time: startedAt });
    const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-e2e-'));
    const dataDir = path.join(tempRoot, 'data');
    const backend = new KithBackend(dataDir);
    const cspViolations: string[] = [];
    const pageErrors: string[] = [];
    const blockedRequests: string[] = [];
    const { origin } = rendererServer;

    await blockNetwork(context, origin, blockedRequests);
    await installBridge(context, origin, backend, cspViolations);
    page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
    page.on('console', (message) => {
      const text = message.text();
      if (/Content Security Policy/i.test(text)) cspViolations.push(text);
      else if (message.type() === 'error') pageErrors.push(text);
    });

    const waitReady = () => page.waitForSelector(READY_SELECTOR, { state: 'attached' }).then(() => undefined);
    const invokeRaw = (channel: unknown, input?: unknown) => backend.dispatch(channel, input);

    const app: KithApp = {
      page,
      dataDir,
      dbFile: backend.store.dbFile,
      async open(hash) {
        const fragment = hash ? `#${hash.replace(/^#/, '')}` : '';
        await page.goto(`${origin}/${fragment}`);
        await waitReady();
      },
      async reload() {
        await page.reload();
        await waitReady();
      },
      async restart() {
        backend.restart();
        await page.reload();
        await waitReady();
      },
      answerFolderDialog(folder) {
        backend.folderDialogAnswers.push(folder);
      },
      invoke: <C extends Channel>(channel: C, input?: ChannelInput<C>) => invokeRaw(channel, input) as Promise<IpcResult<ChannelOutput<C>>>,
      invokeRaw,
      pageInvoke: (channel, input) =>
        page.evaluate(
          ([c, i]) => (globalThis as unknown as { kith: { invoke(c: unknown, i: unknown): Promise<IpcResult<unknown>> } }).kith.invoke(c, i),
          [channel, input] as const,
        ),
      async call<C extends Channel>(channel: C, input?: ChannelInput<C>) {
        const result = (await invokeRaw(channel, input)) as IpcResult<ChannelOutput<C>>;
        if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
        return result.value;
      },
      async screenshot(name) {
        const file = screenshotPath(testInfo, name);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        await page.screenshot({ path: file, fullPage: true });
        await testInfo.attach(name, { path: file, contentType: 'image/png' });
        return file;
      },
      cspViolations,
      pageErrors,
      blockedRequests,
      internalErrors: backend.internalErrors,
      startedAt,
      timeZone: zone,
    };

    await use(app);

    // Issue 18: checked after every test, not only where a test remembers to.
    // The harness's own tests, which provoke these on purpose, opt out with
    // the annotation ALLOW_APP_PROBLEMS. Skipped when the test already failed,
    // so its own failure stays the one reported.
    if (testInfo.status === 'passed' && !testInfo.annotations.some((a) => a.type === ALLOW_APP_PROBLEMS)) {
      expect(app.pageErrors, 'page errors during the test').toEqual([]);
      expect(app.internalErrors, 'INTERNAL answers from the handlers during the test').toEqual([]);
      expect(app.cspViolations, 'CSP violations during the test').toEqual([]);
      expect(app.blockedRequests, 'requests blocked during the test').toEqual([]);
    }

    await page.close().catch(() => undefined);
    backend.close();
    restoreClock();
    fs.rmSync(tempRoot, { recursive: true, force: true });
  },
});

export { expect };
