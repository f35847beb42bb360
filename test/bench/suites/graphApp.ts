// Opening the Network view as a user does (issue 16), on the frozen
// 2,000-person sample (generator seed 42): the built app (scripts/build.mjs) in
// headless Chromium, its requests answered by the real main-process handlers on
// a real SQLite file (the e2e harness's backend), with the real click handlers:
// - a click on Network in the sidebar until the community map is drawn and
//   interactive (its Cytoscape instance holds every community, handlers on);
// - then a click on "Show everyone" until every person and tie is drawn and in
//   Cytoscape (hover, click, highlight on everything: the hand-over is over).
// Times are taken in the page (performance.now() at the click event, and at the
// first animation frame in which the view's test hook reports the state), so
// Playwright's own round trips are not in them. The first opening after the
// sample is loaded (cold main-process caches, no saved positions: the whole
// view lays everyone out once) is reported apart from the median of the
// reopenings (page reloaded each time; positions saved, main caches warm).
// `npm run bench -- --suite graphApp`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { KithBackend } from '../../e2e/harness/backend';
import { CHROMIUM_ARGS, resolveChromium } from '../../e2e/harness/chromium';
import { startRendererServer } from '../../e2e/harness/server';
import type { BenchRow, BenchSuite } from '../types';
import { SAMPLE_SEED } from './graphSamples';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const REOPENINGS = 4;

// window.kith as the preload defines it, bridged to the backend; the graph's test hook on.
const INIT_SCRIPT = `(() => {
  const invoke = (channel, input) => window.__kithInvoke(channel, input);
  Object.defineProperty(window, 'kith', { value: Object.freeze({ invoke }), enumerable: true, writable: false, configurable: false });
  window.__KITH_TEST__ = true;
})();`;

/** In the page: times the next click on `selector` until `done(state)` holds in an animation frame. */
const ARM = `(([selector, kind]) => {
  const w = window;
  w.__bench = { clickAt: null, doneAt: null, paintAt: null };
  document.addEventListener('click', (e) => {
    if (w.__bench.clickAt === null && e.target instanceof Element && e.target.closest(selector)) w.__bench.clickAt = performance.now();
  }, { capture: true });
  const done = (s) => {
    if (!s || s.layoutStatus !== 'ready') return false;
    if (kind === 'map') return s.mode === 'map' && s.nodes.length > 0;
    // The hand-over is over (large graphs keep people and ties on the overview layer for good: issue 16).
    return s.mode === 'whole' && s.handOver.pending === 0 && s.nodes.length === w.__benchPeople;
  };
  const painted = (s) => !!s && s.layoutStatus === 'ready' && s.mode === 'whole' && s.nodes.length === w.__benchPeople;
  const poll = () => {
    const s = w.__kithGraph ? w.__kithGraph.state() : null;
    if (w.__bench.clickAt !== null && w.__bench.paintAt === null && kind === 'whole' && painted(s)) w.__bench.paintAt = performance.now();
    if (w.__bench.clickAt !== null && done(s)) {
      // Taken one frame later: Cytoscape may draw in this very frame, after this callback.
      requestAnimationFrame(() => (w.__bench.doneAt = performance.now()));
      return;
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})`;

interface Opening {
  mapMs: number;
  /** Of which in the main-process handlers (the rest is the page: React, Cytoscape, the canvas). */
  mapMainMs: number;
  wholePaintMs: number;
  wholeMs: number;
  wholeMainMs: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export const graphAppSuite: BenchSuite = {
  name: 'graphApp',
  async run() {
    const rows: BenchRow[] = [];
    const row = (name: string, value: number, unit: string, target?: string, note?: string) => rows.push({ suite: 'graphApp', name, value, unit, target, note });
    // The app as built from these sources.
    const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`scripts/build.mjs failed: ${built.stderr}`);
    const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-graph-app-bench-'));
    let backend = new KithBackend(path.join(tempRoot, 'data'));
    const call = async (channel: string, input: unknown) => {
      const r = (await backend.dispatch(channel as never, input as never)) as { ok: boolean; value?: unknown; error?: { message: string } };
      if (!r.ok) throw new Error(`${channel}: ${r.error?.message}`);
      return r.value;
    };
    const server = await startRendererServer(path.join(ROOT, 'out', 'renderer'));
    const browser = await chromium.launch({ executablePath: resolveChromium().executablePath, args: [...CHROMIUM_ARGS] });
    try {
      await call('app:completeSetup', { displayName: 'Sam Rivera', loadSample: false });
      await call('sample:load', { people: 2_000, seed: SAMPLE_SEED });
      const people = ((await call('graph:data', { mode: { kind: 'whole' } })) as { nodes: unknown[] }).nodes.length;
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      // Time spent in the main-process handlers (what the page waits for from main), per phase.
      let handlerMs = 0;
      await context.exposeBinding('__kithInvoke', async (_source, channel: unknown, input: unknown) => {
        const t = performance.now();
        try {
          return await backend.dispatch(channel as never, input as never);
        } finally {
          handlerMs += performance.now() - t;
        }
      });
      await context.addInitScript({ content: INIT_SCRIPT });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        // A failed request is reported below with its address (the browser's own favicon request is not the app's).
        if (/^Failed to load resource/.test(m.text())) return;
        if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) errors.push(m.text());
      });
      page.on('response', (r) => {
        if (r.status() >= 400 && new URL(r.url()).pathname !== '/favicon.ico') errors.push(`${r.status()} ${r.url()}`);
      });
      const timed = async (selector: string, kind: 'map' | 'whole') => {
        await page.evaluate(`${ARM}(${JSON.stringify([selector, kind])})`);
        handlerMs = 0;
        await page.click(selector);
        await page.waitForFunction(() => (globalThis as unknown as { __bench: { doneAt: number | null } }).__bench.doneAt !== null, undefined, { timeout: 60_000, polling: 100 });
        const main = handlerMs;
        return { ...(await page.evaluate(() => (globalThis as unknown as { __bench: { clickAt: number; doneAt: number; paintAt: number | null } }).__bench)), main };
      };
      const openings: Opening[] = [];
      for (let i = 0; i <= REOPENINGS; i++) {
        await page.goto(`${server.origin}/#/`);
        await page.waitForSelector('html[data-kith-ready="true"]', { state: 'attached' });
        await page.evaluate((n) => ((globalThis as unknown as { __benchPeople: number }).__benchPeople = n), people);
        // Home settled first, as when a person reaches for the sidebar.
        await page.waitForTimeout(500);
        const m = await timed('[data-testid="nav-graph"]', 'map');
        const w = await timed('[data-testid="graph-show-everyone"]', 'whole');
        openings.push({ mapMs: m.doneAt - m.clickAt, mapMainMs: m.main, wholePaintMs: (w.paintAt ?? w.doneAt) - w.clickAt, wholeMs: w.doneAt - w.clickAt, wholeMainMs: w.main });
        process.stderr.write(`bench: graphApp: opening ${i + 1}: ${JSON.stringify(openings[i])}\n`);
      }
      if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
      if (backend.internalErrors.length) throw new Error(`handler errors: ${backend.internalErrors.join('; ')}`);
      const [first, ...again] = openings;
      const label = `2,000 sample (${people.toLocaleString('en-US')} people)`;
      const load = `load ${os.loadavg()[0]!.toFixed(1)}`;
      row(`click Network → community map drawn and interactive, ${label}: median`, median(again.map((o) => o.mapMs)), 'ms', '≤ 1 s', `${again.length} reopenings (page reloaded); real handlers and SQLite; ${median(again.map((o) => o.mapMainMs)).toFixed(0)} ms of it in the handlers (summed, they overlap); ${load}`);
      row(`click Network → community map drawn and interactive, ${label}: first time`, first!.mapMs, 'ms', '≤ 1 s', `cold main-process caches (metrics, communities) after the sample was loaded; ${first!.mapMainMs.toFixed(0)} ms in the handlers`);
      // "Drawn and interactive" as the issue counts it at 10,000 people: every person and tie
      // painted, and everyone reachable by hover, click and search (the overview layer is
      // hit-testable). Cytoscape's taking over every element is reported beside it.
      row(
        `click "Show everyone" → every person and tie drawn and interactive, ${label}: median`,
        median(again.map((o) => o.wholePaintMs)),
        'ms',
        '≤ 1.5 s',
        `all painted, everyone reachable by hover, click and search (the overview layer is hit-testable); hand-over over after ${median(again.map((o) => o.wholeMs)).toFixed(0)} ms; ${median(again.map((o) => o.wholeMainMs)).toFixed(0)} ms in the handlers; positions saved`,
      );
      row(
        `click "Show everyone" → every person and tie drawn and interactive, ${label}: first time`,
        first!.wholePaintMs,
        'ms',
        '≤ 1.5 s',
        `no saved positions yet: includes laying everyone out (ForceAtlas2 in a worker) once; hand-over over after ${first!.wholeMs.toFixed(0)} ms`,
      );
      row(`click "Show everyone" → hand-over over, ${label}: median`, median(again.map((o) => o.wholeMs)), 'ms', undefined, 'until nothing is left to hand over (people and ties stay on the overview layer; Cytoscape takes those a view needs)');
      row(`click Network → community map → Show everyone, hand-over over, ${label}: median total`, median(again.map((o) => o.mapMs + o.wholeMs)), 'ms', '≤ 2.5 s', 'the two rows above together (issue 16 found 2.7 s median, 4.0 s the first time)');

      // A load-robust reference in the same run: the 150-person sample, where Network opens on
      // everyone at once (a small graph: all in Cytoscape at the first paint). The ratios below
      // move far less with the machine's load than the times above.
      backend.close();
      backend = new KithBackend(path.join(tempRoot, 'data150'));
      await call('app:completeSetup', { displayName: 'Sam Rivera', loadSample: false });
      await call('sample:load', { people: 150, seed: SAMPLE_SEED });
      const small = ((await call('graph:data', { mode: { kind: 'whole' } })) as { nodes: unknown[] }).nodes.length;
      const smallOpenings: number[] = [];
      for (let i = 0; i <= 3; i++) {
        await page.goto(`${server.origin}/#/`);
        await page.waitForSelector('html[data-kith-ready="true"]', { state: 'attached' });
        await page.evaluate((n) => ((globalThis as unknown as { __benchPeople: number }).__benchPeople = n), small);
        await page.waitForTimeout(500);
        const o = await timed('[data-testid="nav-graph"]', 'whole');
        // The first opening lays the 150 out once; the reference is the reopenings.
        if (i > 0) smallOpenings.push(o.doneAt - o.clickAt);
      }
      const reference = median(smallOpenings);
      row(`click Network → whole network drawn and interactive, 150 sample (${small} people): median (reference)`, reference, 'ms', undefined, `${smallOpenings.length} reopenings; ${`load ${os.loadavg()[0]!.toFixed(1)}`}`);
      row(`community map, 2,000 sample / whole network, 150 sample`, median(again.map((o) => o.mapMs)) / reference, 'x', undefined, 'load-robust: both openings of Network in the same run');
      row(`Network + Show everyone, hand-over over, 2,000 sample / whole network, 150 sample`, median(again.map((o) => o.mapMs + o.wholeMs)) / reference, 'x', undefined, 'load-robust: the same');
      await context.close();
    } finally {
      await browser.close();
      await server.close();
      backend.close();
      fs.rmSync(tempRoot, { recursive: true, force: true });
    }
    return rows;
  },
};
