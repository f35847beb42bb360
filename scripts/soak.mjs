// `npm run test:soak`: the crash test with 1,000 SIGKILLs instead of 200, the
// sync convergence property test with 400 random histories instead of 8, and
// every migration killed at 64 moments instead of 8.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const vitest = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'vitest.cmd' : 'vitest');
const r = spawnSync(vitest, ['run', 'test/unit/crash.test.ts', 'test/unit/sync-merge.test.ts', 'test/unit/migrations-all.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, KITH_CRASH_RUNS: process.env.KITH_CRASH_RUNS ?? '1000', KITH_MIGRATION_KILLS: process.env.KITH_MIGRATION_KILLS ?? '64', KITH_SOAK: '1' },
  shell: process.platform === 'win32',
});
process.exit(r.status ?? 1);
