// `npm test`: everything that checks the project, in order — type check, lint,
// unit and integration tests (vitest), build, Electron security scan, end-to-end tests (Playwright in
// Chromium; the _electron specs run where an Electron binary exists). Every
// step runs even if an earlier one failed (except e2e after a failed build), so
// one run shows every problem. Ends with one line: "kith: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const results = path.join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });

const steps = [];
function run(name, command, args, { env } = {}) {
  console.log(`\n━━ ${name}: ${[path.basename(command), ...args].join(' ')}`);
  const started = performance.now();
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' });
  const seconds = (performance.now() - started) / 1000;
  const ok = r.status === 0;
  steps.push({ name, ok, seconds });
  return ok;
}

run('typecheck (main + shared)', bin('tsc'), ['-p', 'tsconfig.node.json', '--noEmit']);
run('typecheck (renderer + shared)', bin('tsc'), ['-p', 'tsconfig.web.json', '--noEmit']);
run('lint', bin('eslint'), ['--max-warnings', '0', '.']);

const vitestJson = path.join(results, 'vitest.json');
fs.rmSync(vitestJson, { force: true });
run('unit and integration tests', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);

const built = run('build', process.execPath, [path.join(root, 'scripts', 'build.mjs')]);
if (built) run('Electron security scan (electronegativity)', process.execPath, [path.join(root, 'scripts', 'electronegativity.mjs')]);
const playwrightJson = path.join(results, 'playwright.json');
fs.rmSync(playwrightJson, { force: true });
if (built) {
  run('end-to-end tests', bin('playwright'), ['test'], { env: { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson } });
} else {
  steps.push({ name: 'end-to-end tests (not run: the build failed)', ok: false, seconds: 0 });
}

let passed = 0;
let failed = 0;
let skipped = 0;
const readJson = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null);
const vitest = readJson(vitestJson);
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + vitest.numTodoTests;
  // A test file that fails to load has no failed test in it, only a failed suite (issue 18).
  const failedToLoad = (vitest.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).every((a) => a.status !== 'failed'));
  failed += failedToLoad.length;
  for (const f of failedToLoad) console.log(`failed to load: ${path.relative(root, f.name)}${f.message ? ` (${String(f.message).split('\n')[0]})` : ''}`);
  // Skip reasons, as for the Electron specs (a skipped test says why in its title or meta).
  for (const f of vitest.testResults ?? [])
    for (const a of f.assertionResults ?? []) if (a.status === 'skipped' || a.status === 'pending') console.log(`skipped: ${a.fullName ?? a.title}`);
}
const playwright = readJson(playwrightJson);
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
  skipped += playwright.stats.skipped;
  // Load errors (a spec that does not compile, a throwing fixture file) are top-level errors, not tests (issue 18).
  for (const e of playwright.errors ?? []) console.log(`e2e error: ${String(e.message ?? e).split('\n')[0]}`);
  failed += (playwright.errors ?? []).length;
  const reasons = new Set();
  const visit = (suite) => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests ?? [])
        if (t.status === 'skipped')
          for (const a of t.annotations ?? []) if (a.type === 'skip' && a.description) reasons.add(a.description);
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of playwright.suites ?? []) visit(suite);
  for (const reason of reasons) console.log(`skipped: ${reason}`);
}

// Each failure again, briefly, right above the summary: CI keeps only the end
// of a run's output, and a failure's cause scrolled out of it once.
const failures = [];
const brief = (text) =>
  String(text ?? '')
    .replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '')
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^\s*at /.test(line))
    .slice(0, 8)
    .map((line) => `    ${line.slice(0, 240)}`)
    .join('\n');
for (const f of vitest?.testResults ?? [])
  for (const a of f.assertionResults ?? [])
    if (a.status === 'failed') failures.push(`${path.relative(root, f.name)} › ${a.fullName ?? a.title}\n${brief((a.failureMessages ?? []).join('\n'))}`);
const visitFailed = (suite, file) => {
  for (const spec of suite.specs ?? [])
    for (const t of spec.tests ?? [])
      if (t.status === 'unexpected') {
        const result = (t.results ?? []).find((r) => (r.errors ?? []).length > 0) ?? t.results?.[0];
        const error = result?.errors?.[0] ?? result?.error;
        const at = error?.location ? ` (line ${error.location.line})` : '';
        failures.push(`${spec.file ?? file}:${spec.line} › ${spec.title}${at}\n${brief(error?.message)}`);
      }
  for (const child of suite.suites ?? []) visitFailed(child, suite.file ?? file);
};
for (const suite of playwright?.suites ?? []) visitFailed(suite, suite.file);
if (failures.length > 0) {
  console.log('\n━━ failures');
  for (const f of failures.slice(0, 12)) console.log(`✗ ${f}`);
  if (failures.length > 12) console.log(`… and ${failures.length - 12} more`);
}

console.log('\n━━ summary');
for (const s of steps) console.log(`${s.ok ? 'ok  ' : 'FAIL'}  ${s.name.padEnd(44)} ${s.seconds.toFixed(1).padStart(6)} s`);
// A failing type check, lint, build or scan counts as a failure too (issue 18): "0 failed" means nothing failed.
const failedSteps = steps.filter((s) => !s.ok && !/tests/.test(s.name)).length;
failed += failedSteps;
// A test runner that failed without a result file (it crashed) is a failure of its own.
if (!vitest) failed += 1;
if (built && !playwright) failed += 1;
const allOk = steps.every((s) => s.ok) && failed === 0;
console.log(`kith: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(allOk ? 0 : 1);
