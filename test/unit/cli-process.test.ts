// The real executable end to end: kith.ts under tsx, and the CommonJS bundle
// esbuild makes of it (as scripts/build.mjs does), run as child processes.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import type { PersonRow } from '../../shared/domain';
import { makeTempDir, removeTempDirs } from '../helpers/db';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tsxCli = path.join(root, 'node_modules/tsx/dist/cli.mjs');
afterAll(removeTempDirs);

function runNode(args: string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('kith as a process', () => {
  it('under tsx: a write exits 0, a usage error exits 2 with one line, the file is closed cleanly', () => {
    const dataDir = path.join(makeTempDir('kith-proc-'), 'data');
    const env = { KITH_DATA_DIR: dataDir };
    const add = runNode([tsxCli, 'main/cli/kith.ts', 'people', 'add', 'Ana Acosta', '--org', 'Acme Labs', '--strength', '3'], env);
    expect(add).toMatchObject({ code: 0, stderr: '' });
    expect(add.stdout).toMatch(/^Added Ana Acosta \(id \d+\)\.\n$/);
    const bad = runNode([tsxCli, 'main/cli/kith.ts', 'ties', 'add', 'me', 'ana', '--strength', '9'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('kith: --strength: Strength must be from 1 to 5\n');
    // The database was closed cleanly: no WAL left behind for the next process to recover.
    expect(fs.existsSync(path.join(dataDir, 'kith.db-wal'))).toBe(false);
  });

  it('the esbuild CommonJS bundle runs under plain node', async () => {
    const outDir = makeTempDir('kith-bundle-');
    const outfile = path.join(outDir, 'kith.cjs');
    await build({
      entryPoints: [path.join(root, 'main/cli/kith.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['electron', 'better-sqlite3-multiple-ciphers'],
      logLevel: 'silent',
      banner: { js: '#!/usr/bin/env node' },
    });
    const dataDir = path.join(outDir, 'data');
    // better-sqlite3 stays external: resolve it from the project's node_modules.
    const env = { NODE_PATH: path.join(root, 'node_modules') };
    const sample = runNode([outfile, 'sample', '--people', '25', '--data-dir', dataDir, '--json'], env);
    expect(sample.stderr).toBe('');
    expect(sample.code).toBe(0);
    expect(JSON.parse(sample.stdout)).toMatchObject({ people: 25 });
    const listed = JSON.parse(execFileSync(process.execPath, [outfile, 'people', 'list', '--limit', '3', '--json', '--data-dir', dataDir], { env: { ...process.env, ...env }, encoding: 'utf8' })) as {
      items: PersonRow[];
      total: number;
    };
    expect(listed.total).toBe(25);
    expect(listed.items).toHaveLength(3);
    const help = runNode([outfile, '--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: kith/);
  });
});
