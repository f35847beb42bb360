// The overview layer (renderer/src/views/graph/overview.ts) paints a large
// network's first frame itself and must paint the same picture Cytoscape
// paints once it holds every element — otherwise the graph would visibly
// change under the user's eyes during the hand-over. Real modules (the bench
// page, bundled from the renderer's sources), real Chromium, real canvases:
// the two pictures are compared block by block (16 px), with a control that
// shows what a wrong picture (the same drawing shifted by 40 × 25 px) scores.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { computeMetrics } from '../../main/graph/metrics';
import { shapeGraph } from '../../main/graph/shape';
import { LARGE_GRAPH } from '../../shared/graphPerf';
import { bundleBenchPage, syntheticNetwork } from '../bench/suites/graph';
import { startRendererServer, type RendererServer } from './harness/server';
import { expect, test } from './fixtures';

interface Comparison {
  overviewInk: number;
  cytoscapeInk: number;
  difference: number;
  shiftedDifference: number;
}

const NOW = new Date('2025-06-01T12:00:00Z');
let dir = '';
let server: RendererServer;

test.beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-overview-'));
  await bundleBenchPage(dir);
  server = await startRendererServer(dir);
});

test.afterAll(async () => {
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const network = syntheticNetwork(1_200, 5_000, 3);
const data = shapeGraph(network, { mode: { kind: 'whole' }, now: NOW, metrics: computeMetrics(network) });

async function compare(page: import('@playwright/test').Page, keep?: number[]): Promise<Comparison> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.goto(`${server.origin}/index.html`);
  await page.waitForSelector('html[data-bench-ready="true"]', { state: 'attached' });
  const result = await page.evaluate(
    ([input, perf, ids]) =>
      (globalThis as unknown as { __graphBench: { compareOverview(...a: unknown[]): Promise<Comparison> } }).__graphBench.compareOverview(input, perf, ids ?? undefined),
    [{ data }, LARGE_GRAPH, keep ?? null] as const,
  );
  expect(errors).toEqual([]);
  test.info().annotations.push({ type: 'comparison', description: JSON.stringify(result) });
  if (process.env.KITH_DEBUG_OVERVIEW) console.log(JSON.stringify(result));
  return result;
}

test('the overview paints the picture Cytoscape paints: 1,200 people, 5,000 ties', async ({ page }) => {
  test.setTimeout(60_000);
  const r = await compare(page);
  // Both drew something, about as much of it.
  expect(r.overviewInk).toBeGreaterThan(0.01);
  expect(r.cytoscapeInk).toBeGreaterThan(0.01);
  expect(r.overviewInk / r.cytoscapeInk).toBeGreaterThan(0.8);
  expect(r.overviewInk / r.cytoscapeInk).toBeLessThan(1.25);
  // Block by block the same picture, far closer than the shifted control.
  expect(r.difference).toBeLessThan(0.2);
  expect(r.shiftedDifference).toBeGreaterThan(3 * r.difference);
});

test('the overview dims as Cytoscape does while a group is focused', async ({ page }) => {
  test.setTimeout(60_000);
  const keep = data.nodes.filter((n) => n.community === data.nodes[0]!.community).map((n) => n.id);
  expect(keep.length).toBeGreaterThan(10);
  const r = await compare(page, keep);
  expect(r.overviewInk).toBeGreaterThan(0.001);
  expect(r.overviewInk / r.cytoscapeInk).toBeGreaterThan(0.8);
  expect(r.overviewInk / r.cytoscapeInk).toBeLessThan(1.25);
  expect(r.difference).toBeLessThan(0.25);
  expect(r.shiftedDifference).toBeGreaterThan(2 * r.difference);
});
