#!/usr/bin/env node
// Builds better-sqlite3-multiple-ciphers (better-sqlite3's API over SQLite3
// Multiple Ciphers, for encryption at rest) for the installed Electron, next to (never instead of)
// the Node build in node_modules/better-sqlite3-multiple-ciphers/build that tests and the CLI
// load. Output: node_modules/.kith-native/electron-<platform>-<arch>/
// better_sqlite3.node plus build.json saying which Electron it is for;
// main/electron/nativeBinding.ts finds it there in development, and
// electron-builder.yml ships it as resources/native/better_sqlite3.node.
//
//   node scripts/native-electron.mjs             (postinstall: skips with one line if it cannot build)
//   node scripts/native-electron.mjs --required  (npm start / npm run dist: fails if it cannot build)
//   options: --force (rebuild even if current), --arch=<arch> (cross-arch packaging)
//
// Strategy: a prebuilt binary for runtime electron (prebuild-install, from
// the package's GitHub releases), else node-gyp in a temporary copy of the
// package against Electron's headers. Every network step is probed first with
// a short timeout and every child process is bounded, so this never hangs.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const required = args.includes('--required');
const force = args.includes('--force');
const arch = args.find((a) => a.startsWith('--arch='))?.slice('--arch='.length) || process.arch;
const platform = process.platform;

const HEADERS_URL = 'https://electronjs.org/headers';
const PROBE_TIMEOUT_MS = 10_000;
const PREBUILD_TIMEOUT_MS = 120_000;
const COMPILE_TIMEOUT_MS = 20 * 60_000;

const tag = 'native-electron:';
const say = (message) => console.log(`${tag} ${message}`);

/** Ends the script: a skip exits 0 unless --required, which makes it an error. */
function skip(reason) {
  if (required) {
    console.error(`${tag} cannot build better-sqlite3-multiple-ciphers for Electron: ${reason}`);
    console.error(`${tag} Electron needs it to open the database. Fix the cause above and run \`node scripts/native-electron.mjs --required\` again.`);
    process.exit(1);
  }
  say(`Electron build of better-sqlite3-multiple-ciphers skipped: ${reason}. Tests and the CLI are unaffected; \`npm start\` retries.`);
  process.exit(0);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const electronPkg = readJson(path.join(root, 'node_modules', 'electron', 'package.json'));
const sqlitePkgDir = path.join(root, 'node_modules', 'better-sqlite3-multiple-ciphers');
const sqlitePkg = readJson(path.join(sqlitePkgDir, 'package.json'));
if (!electronPkg) skip('electron is not installed');
if (!sqlitePkg) skip('better-sqlite3-multiple-ciphers is not installed');
const electronVersion = electronPkg.version;
const abi = fs.existsSync(path.join(root, 'node_modules', 'electron', 'abi_version'))
  ? fs.readFileSync(path.join(root, 'node_modules', 'electron', 'abi_version'), 'utf8').trim()
  : null;

// Keep in step with main/electron/nativeBinding.ts.
const outDir = path.join(root, 'node_modules', '.kith-native', `electron-${platform}-${arch}`);
const outFile = path.join(outDir, 'better_sqlite3.node');
const stampFile = path.join(outDir, 'build.json');
// `package` too: a cached build of plain better-sqlite3 (before the switch to the encrypting fork) must not be reused.
const wanted = { package: sqlitePkg.name, electron: electronVersion, abi, betterSqlite3: sqlitePkg.version, platform, arch };

const stamp = readJson(stampFile);
if (!force && stamp && fs.existsSync(outFile) && ['package', 'electron', 'betterSqlite3', 'platform', 'arch'].every((k) => stamp[k] === wanted[k])) {
  say(`better-sqlite3-multiple-ciphers ${sqlitePkg.version} for Electron ${electronVersion} (${platform}-${arch}) is already built.`);
  process.exit(0);
}

function electronBinaryPresent() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return fs.existsSync(process.env.ELECTRON_OVERRIDE_DIST_PATH);
  const pathTxt = path.join(root, 'node_modules', 'electron', 'path.txt');
  if (!fs.existsSync(pathTxt)) return false;
  return fs.existsSync(path.join(root, 'node_modules', 'electron', 'dist', fs.readFileSync(pathTxt, 'utf8').trim()));
}
// CI runs tests and the CLI (Node's build); without an Electron binary it
// cannot run the app either, so a several-minute compile would be wasted.
if (process.env.CI === 'true' && !required && !electronBinaryPresent()) {
  skip('CI=true and no Electron binary is installed, so nothing here could load it');
}

/** Whether a host answers at all within the probe timeout (any HTTP status counts). */
async function reachable(url) {
  try {
    await fetch(url, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    return true;
  } catch {
    return false;
  }
}

/** Runs a command with a hard time limit (the whole process group is killed). */
function run(command, commandArgs, { cwd, env, timeoutMs }) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: platform !== 'win32' });
    let output = '';
    const collect = (chunk) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => {
      output += `\n(timed out after ${Math.round(timeoutMs / 1000)} s)`;
      try {
        if (platform === 'win32') child.kill();
        else process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, output: `${output}\n${error.message}` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ ok: code === 0, output });
    });
  });
}

/**
 * The environment for the build: npm passes its config down as npm_config_*,
 * and npm_config_nodedir (set on some machines, e.g. to /usr) makes node-gyp
 * silently compile against Node's headers instead of Electron's, producing a
 * binary Electron refuses to load. The same goes for a configured target,
 * runtime or dist URL.
 */
function buildEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|build_from_source)$/i.test(key)) delete env[key];
  }
  return env;
}

/** A copy of the package to build in, so the Node build in node_modules is never touched. */
function copyPackage(work) {
  const dest = path.join(work, 'better-sqlite3-multiple-ciphers');
  fs.cpSync(sqlitePkgDir, dest, {
    recursive: true,
    filter: (src) => !src.startsWith(path.join(sqlitePkgDir, 'build')) && !src.startsWith(path.join(sqlitePkgDir, 'node_modules')),
  });
  return dest;
}

function install(built, method) {
  if (!fs.existsSync(built) || fs.statSync(built).size === 0) return false;
  fs.mkdirSync(outDir, { recursive: true });
  // Copy then rename: a half-written binary is never picked up.
  fs.copyFileSync(built, `${outFile}.tmp`);
  fs.renameSync(`${outFile}.tmp`, outFile);
  fs.writeFileSync(stampFile, `${JSON.stringify({ ...wanted, method, builtAt: new Date().toISOString() }, null, 2)}\n`);
  say(`built better-sqlite3-multiple-ciphers ${sqlitePkg.version} for Electron ${electronVersion} (${platform}-${arch}, ${method}): ${path.relative(root, outFile)}`);
  return true;
}

function resolveBin(relative) {
  for (const base of [path.join(sqlitePkgDir, 'node_modules'), path.join(root, 'node_modules')]) {
    const file = path.join(base, relative);
    if (fs.existsSync(file)) return file;
  }
  return null;
}

const prebuildInstall = resolveBin(path.join('prebuild-install', 'bin.js'));
const nodeGyp = resolveBin(path.join('node-gyp', 'bin', 'node-gyp.js'));
const devDir = path.join(root, 'node_modules', '.kith-native', 'gyp');
const headersCached = fs.existsSync(path.join(devDir, electronVersion, 'include', 'node', 'node_version.h'));

// Both hosts probed at once: at most PROBE_TIMEOUT_MS before we know what is possible.
const [githubUp, headersUp] = await Promise.all([
  prebuildInstall ? reachable('https://github.com') : Promise.resolve(false),
  headersCached ? Promise.resolve(true) : reachable(`${HEADERS_URL}/v${electronVersion}/`),
]);
const attempts = [];
if (!prebuildInstall) attempts.push('prebuild-install is not installed');
else if (!githubUp) attempts.push('github.com (prebuilt binaries) is unreachable');
if (!nodeGyp) attempts.push('node-gyp is not installed');
else if (!headersUp) attempts.push(`Electron's headers (${HEADERS_URL}) are unreachable`);
if (!(prebuildInstall && githubUp) && !(nodeGyp && headersUp)) skip(attempts.join('; '));

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-native-'));
process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));
const env = buildEnv();
const pkgCopy = copyPackage(work);
const builtFile = path.join(pkgCopy, 'build', 'Release', 'better_sqlite3.node');

// 1. A prebuilt binary: seconds instead of minutes, when better-sqlite3-multiple-ciphers publishes one for this Electron.
if (prebuildInstall && githubUp) {
  const r = await run(process.execPath, [prebuildInstall, '--runtime=electron', `--target=${electronVersion}`, `--arch=${arch}`, `--platform=${platform}`, '--verbose'], {
    cwd: pkgCopy,
    env,
    timeoutMs: PREBUILD_TIMEOUT_MS,
  });
  if (r.ok && install(builtFile, 'prebuild-install')) process.exit(0);
  attempts.push(`no prebuilt binary (${r.output.trim().split('\n').pop() || 'prebuild-install failed'})`);
}

// 2. Compile against Electron's headers (node-gyp caches them in --devdir).
if (!(nodeGyp && headersUp)) skip(attempts.join('; '));
say(`compiling better-sqlite3-multiple-ciphers ${sqlitePkg.version} for Electron ${electronVersion} (${platform}-${arch}); this takes a few minutes…`);
const r = await run(
  process.execPath,
  [
    nodeGyp,
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${electronVersion}`,
    `--dist-url=${HEADERS_URL}`,
    `--arch=${arch}`,
    `--devdir=${devDir}`,
    `--jobs=${Math.max(1, os.availableParallelism?.() ?? os.cpus().length)}`,
  ],
  { cwd: pkgCopy, env, timeoutMs: COMPILE_TIMEOUT_MS },
);
if (r.ok && install(builtFile, 'node-gyp')) process.exit(0);
console.error(r.output.trim().split('\n').slice(-25).join('\n'));
attempts.push('node-gyp rebuild failed (its output is above)');
skip(attempts.join('; '));
