// Issue 16: the exact-betweenness worker is sent to worker_threads as eval'd
// text (brandesCsr's source). Bundled as scripts/build.mjs bundles the Electron
// main process (esbuild, CommonJS, node20) — and minified, in case a later build
// turns that on — the worker must still run under plain Node and give the
// same values as the function run in-process.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDirs } from '../helpers/db';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
afterAll(removeTempDirs);

// Two cliques of 6 joined through a 3-person path, plus a pendant: bridges with distinct scores.
const RUNNER = `
const { exactBetweennessInWorker, brandesCsr, normalized, toCsr } = require(process.argv[2]);
const ids = Array.from({ length: 16 }, (_, i) => i + 1);
const ties = [];
for (const base of [0, 9]) for (let i = 1; i <= 6; i++) for (let j = i + 1; j <= 6; j++) ties.push({ a: base + i, b: base + j });
ties.push({ a: 6, b: 7 }, { a: 7, b: 8 }, { a: 8, b: 10 }, { a: 15, b: 16 });
const csr = toCsr(ids, ties);
exactBetweennessInWorker(csr).promise.then((fromWorker) => {
  const inProcess = normalized(csr, brandesCsr(csr.start, csr.adj, ids.length, ids.length), ids.length);
  process.stdout.write(JSON.stringify({ worker: [...fromWorker], inProcess: [...inProcess] }));
}, (e) => { process.stderr.write(String(e && e.stack || e)); process.exitCode = 1; });
`;

describe('exact betweenness worker in a bundle', () => {
  it.each([
    ['as scripts/build.mjs bundles main', false],
    ['minified', true],
  ])('runs under plain node %s', async (_label, minify) => {
    const dir = makeTempDir('kith-betweenness-bundle-');
    const outfile = path.join(dir, 'betweenness.cjs');
    // The options of scripts/build.mjs's `common` (the Electron main bundle).
    await build({
      entryPoints: [path.join(root, 'main/graph/betweennessWorker.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      sourcemap: true,
      minify,
      external: ['electron', 'better-sqlite3-multiple-ciphers'],
      logLevel: 'silent',
    });
    const runner = path.join(dir, 'run.cjs');
    fs.writeFileSync(runner, RUNNER);
    const r = spawnSync(process.execPath, [runner, outfile], { encoding: 'utf8', timeout: 30_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const { worker, inProcess } = JSON.parse(r.stdout) as { worker: [number, number][]; inProcess: [number, number][] };
    expect(worker).toEqual(inProcess);
    // The path between the cliques carries every cross pair: its two middle people rank first.
    const ranked = [...worker].sort((x, y) => y[1] - x[1]);
    expect(new Set(ranked.slice(0, 2).map(([id]) => id))).toEqual(new Set([7, 8]));
    expect(ranked[1]![1]).toBeGreaterThan(0.3);
  });
});
