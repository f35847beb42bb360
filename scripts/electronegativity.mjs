// Runs @doyensec/electronegativity (Electron's static security analyzer) over
// the BUILT app — main, preload and renderer as they ship — and fails on any
// HIGH finding. Every other finding must be explained below, or it fails too.
// Electronegativity cannot see fuses or IPC sender checks: those are tested
// directly (electron-builder.yml, test/unit/ipc-registry.test.ts).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = path.join(root, 'out');
if (!fs.existsSync(path.join(out, 'main', 'index.cjs'))) {
  console.error('electronegativity: build first (node scripts/build.mjs)');
  process.exit(1);
}

// Its traverser cannot walk the main bundle (the libraries inlined in it use
// private class fields), so it reads Kith's own main-process modules as
// esbuild builds them, one file each and lowered to ES2019, plus the built
// renderer page. It only parses .js/.ts/.html, hence the .js names.
const scan = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-eneg-'));
const sources = [];
const walk = (dir) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.ts')) sources.push(p);
  }
};
walk(path.join(root, 'main'));
await build({
  entryPoints: sources,
  outdir: path.join(scan, 'main'),
  outbase: path.join(root, 'main'),
  bundle: false,
  format: 'cjs',
  platform: 'node',
  target: 'es2019',
  logLevel: 'error',
});
fs.copyFileSync(path.join(out, 'renderer', 'index.html'), path.join(scan, 'index.html'));
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
fs.writeFileSync(path.join(scan, 'package.json'), JSON.stringify({ name: 'kith', devDependencies: { electron: electronVersion } }));

/** Findings we have reviewed, and why they are acceptable. */
const EXPLAINED = {
  CSP_GLOBAL_CHECK:
    "The evaluator flags style-src 'self' as weaker than a nonce; Kith's renderer has no inline styles and serves only its own files, so 'self' is the strictest workable policy.",
  AUTH_HTTP_HEADERS_JS_CHECK: 'Kith makes no HTTP requests.',
  CUSTOM_ARGUMENTS_JS_CHECK: 'Reviewed: no custom Chromium arguments are passed.',
  OPEN_EXTERNAL_JS_CHECK:
    'shell.openExternal only receives http(s)/mailto URLs that externalUrlToOpen() validated (main/electron/navigation.ts), after the user confirmed.',
  PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK: 'Reviewed: every permission request and check is denied (main/electron/main.ts).',
  LIMIT_NAVIGATION_JS_CHECK: 'Reviewed: navigation limited to app://kith/ and window.open denied (main/electron/window.ts).',
  PROTOCOL_HANDLER_JS_CHECK: 'The app:// handler serves only files under out/renderer (main/electron/protocol.ts).',
  SANDBOX_JS_CHECK: 'Reviewed: sandbox is on for the window and app-wide.',
  CONTEXT_ISOLATION_JS_CHECK: 'Reviewed: contextIsolation is true.',
  PRELOAD_JS_CHECK: 'Reviewed: the preload exposes only invoke() for contract channels.',
  ELECTRON_VERSION_JSON_CHECK: 'Informational: names the Electron version scanned (Electron 45).',
};

const csv = path.join(scan, 'report.csv');
const cli = path.join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
// AvailableSecurityFixesGlobalCheck downloads Electron's release list: Kith is checked offline.
const shim = path.join(root, 'scripts', 'electronegativity-shim.cjs');
const r = spawnSync(process.execPath, ['--require', shim, cli, '-i', scan, '-o', csv, '-r', '-v', 'false', '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck'], {
  encoding: 'utf8',
  timeout: 120_000,
});
if (!fs.existsSync(csv)) {
  console.error(r.stdout, r.stderr);
  console.error('electronegativity: it did not produce a report');
  process.exit(1);
}
const [header, ...lines] = fs.readFileSync(csv, 'utf8').trim().split('\n');
const columns = header.split(',').map((c) => c.replace(/"/g, '').trim().toLowerCase());
const parse = (line) => {
  const cells = [];
  let cell = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return Object.fromEntries(columns.map((c, i) => [c, (cells[i] ?? '').trim()]));
};
const findings = lines.filter(Boolean).map(parse);
const idOf = (f) => f.issue ?? f['check id'] ?? f.id ?? '';
let failures = 0;
for (const f of findings) {
  const id = idOf(f);
  const severity = (f.severity ?? '').toUpperCase();
  const why = EXPLAINED[id];
  const where = `${f.filename ?? f.file ?? ''}:${f.location ?? ''}`;
  if (severity === 'HIGH' || !why) {
    failures++;
    console.log(`FAIL  ${severity.padEnd(6)} ${id} at ${where}${why ? '' : ' (not explained in scripts/electronegativity.mjs)'}`);
  } else {
    console.log(`ok    ${severity.padEnd(6)} ${id} at ${where}: ${why}`);
  }
}
fs.rmSync(scan, { recursive: true, force: true });
const high = findings.filter((f) => (f.severity ?? '').toUpperCase() === 'HIGH').length;
console.log(`electronegativity: ${findings.length} findings, ${high} HIGH, ${failures} unexplained or HIGH`);
process.exit(failures === 0 ? 0 : 1);
