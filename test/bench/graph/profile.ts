// Profiles one graph bench scenario with the Chrome DevTools Protocol (issue 5):
// `npx tsx test/bench/graph/profile.ts [people] [ties] [scenario] [optionsJson]`
// bundles the bench page as the suite does, runs the scenario once to warm up
// nothing (a fresh page each time, like the suite) and prints the functions
// with the most self time, and the time per script file. Not part of `npm run
// bench`: a tool for finding where the time goes before changing anything.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { computeMetrics } from '../../../main/graph/metrics';
import { shapeGraph } from '../../../main/graph/shape';
import { CHROMIUM_ARGS, resolveChromium } from '../../e2e/harness/chromium';
import { startRendererServer } from '../../e2e/harness/server';
import { BENCH_CHROMIUM_ARGS, bundleBenchPage, syntheticNetwork } from '../suites/graph';

type BenchGlobal = { __graphBench: Record<string, (...a: unknown[]) => Promise<{ xy: number[] }>> & { layout(i: unknown): Promise<{ xy: number[] }> } };
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

async function main(): Promise<void> {
  const [people = '2000', ties = '10000', scenario = 'drawCytoscape', optionsJson = 'null'] = process.argv.slice(2);
  const net = syntheticNetwork(Number(people), Number(ties), 11);
  const data = shapeGraph(net, { mode: { kind: 'whole' }, now: new Date('2025-06-01T12:00:00Z'), metrics: computeMetrics(net) });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-graph-profile-'));
  await bundleBenchPage(dir);
  const server = await startRendererServer(dir);
  const browser = await chromium.launch({ executablePath: resolveChromium().executablePath, args: [...CHROMIUM_ARGS.filter((a) => a !== '--disable-gpu'), ...BENCH_CHROMIUM_ARGS] });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
    await page.goto(`${server.origin}/index.html`);
    await page.waitForSelector('html[data-bench-ready="true"]', { state: 'attached' });
    // Saved positions: the app's layout, as in the suite.
    const lay = await page.evaluate((d) => (globalThis as unknown as BenchGlobal).__graphBench.layout({ data: d }), data);
    await page.reload();
    await page.waitForSelector('html[data-bench-ready="true"]', { state: 'attached' });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    if (!process.env.NOPROF) await cdp.send("Profiler.start");
    const result = await page.evaluate(
      ([s, d, xy, o]) => (globalThis as unknown as BenchGlobal).__graphBench[s]!({ data: d, xy }, o, 5),
      [scenario, data, lay.xy, JSON.parse(optionsJson)] as const,
    );
    if (process.env.NOPROF) { process.stdout.write(JSON.stringify(result) + "\n"); return; }
    const { profile } = (await cdp.send("Profiler.stop")) as { profile: Profile };
    process.stdout.write(`${scenario} ${people}/${ties} ${optionsJson}: ${JSON.stringify(result)}\n`);
    const self = new Map<number, number>();
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
    const byFn = new Map<string, number>();
    const byFile = new Map<string, number>();
    for (const n of profile.nodes) {
      const t = self.get(n.id) ?? 0;
      const f = n.callFrame;
      const key = `${f.functionName || '(anonymous)'} ${path.basename(f.url)}:${f.lineNumber + 1}`;
      byFn.set(key, (byFn.get(key) ?? 0) + t);
      byFile.set(path.basename(f.url) || f.functionName, (byFile.get(path.basename(f.url) || f.functionName) ?? 0) + t);
    }
    const top = (m: Map<string, number>, k: number) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, k)
        .map(([name, ms]) => `${ms.toFixed(1).padStart(9)} ms  ${name}`)
        .join('\n');
    process.stdout.write(`\nself time by function:\n${top(byFn, 40)}\n\nby file:\n${top(byFile, 8)}\n`);
    // Who calls the five hottest functions (self time attributed to the caller's name).
    const parent = new Map<number, ProfileNode>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n);
    const nameOf = (n: ProfileNode | undefined) => (n ? `${n.callFrame.functionName || '(anonymous)'}:${n.callFrame.lineNumber + 1}` : '(root)');
    for (const [hot] of [...byFn].filter(([k]) => !k.startsWith('(')).sort((a, b) => b[1] - a[1]).slice(0, 5)) {
      const callers = new Map<string, number>();
      for (const n of profile.nodes) {
        const f = n.callFrame;
        if (`${f.functionName || '(anonymous)'} ${path.basename(f.url)}:${f.lineNumber + 1}` !== hot) continue;
        const p = parent.get(n.id);
        const chain = [nameOf(p), nameOf(p && parent.get(p.id)), nameOf(p && parent.get(p.id) && parent.get(parent.get(p.id)!.id))].join(' < ');
        callers.set(chain, (callers.get(chain) ?? 0) + (self.get(n.id) ?? 0));
      }
      process.stdout.write(`\n${hot} called from:\n${top(callers, 4)}\n`);
    }
    if (process.env.PROFILE_OUT) fs.writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
