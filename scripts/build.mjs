// Builds everything the app runs: the renderer with Vite, and the main
// process, preload and CLI with esbuild (better-sqlite3 stays external: it is
// a native module loaded from node_modules or the packaged app).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const started = performance.now();

await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  absWorkingDir: root,
  external: ['electron', 'better-sqlite3-multiple-ciphers'],
  logLevel: 'warning',
};
// The preload only needs the contract's channel NAMES; importing the contract
// would bundle zod and every schema into it (~770 KB). Read the names once and
// inject them as a constant.
const contractBundle = await esbuild({
  ...common,
  entryPoints: ['shared/contract.ts'],
  write: false,
  format: 'esm',
  platform: 'neutral',
  sourcemap: false,
  mainFields: ['module', 'main'],
});
const contractModule = await import(`data:text/javascript;base64,${Buffer.from(contractBundle.outputFiles[0].text).toString('base64')}`);
const channelNames = JSON.stringify(Object.keys(contractModule.contract));

await Promise.all([
  esbuild({ ...common, entryPoints: ['main/electron/main.ts'], outfile: 'out/main/index.cjs' }),
  // The preload runs sandboxed: one self-contained CommonJS file that may only require('electron').
  esbuild({
    ...common,
    entryPoints: ['main/electron/preload.ts'],
    outfile: 'out/preload/index.cjs',
    platform: 'browser',
    external: ['electron'],
    define: { __KITH_CHANNELS__: channelNames },
  }),
  esbuild({ ...common, entryPoints: ['main/cli/kith.ts'], outfile: 'out/cli/kith.cjs', banner: { js: '#!/usr/bin/env node' } }),
]);
console.log(`build: renderer, main, preload and cli built in ${Math.round(performance.now() - started)} ms`);
