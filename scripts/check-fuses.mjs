// Reads the fuses of a packaged Kith (issue 7, Electron security checklist
// item 19) and fails unless they are what electron-builder.yml asks for:
// RunAsNode, NodeOptions and NodeCliInspect off; OnlyLoadAppFromAsar,
// embedded asar integrity validation and cookie encryption on.
//
//   node scripts/check-fuses.mjs            # every packaged app under dist/
//   node scripts/check-fuses.mjs PATH...    # these Electron executables
//
// Uses @electron/fuses (getCurrentFuseWire), which electron-builder depends
// on and uses itself to flip them. The CI workflow runs this after
// `npm run dist`; on a machine that cannot download Electron nothing is
// packaged, and the script says so and fails.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fuses from '@electron/fuses'; // CommonJS: no named exports under Node's ESM loader

const { FuseV1Options, getCurrentFuseWire } = fuses;
// The byte each fuse holds in the wire ('0', '1', 'r'), as @electron/fuses' FuseState (not exported from its index).
const FuseState = { DISABLE: 48, ENABLE: 49, REMOVED: 114, INHERIT: 144 };

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = path.join(root, 'dist');

/** Fuse → the state Kith ships with. */
const REQUIRED = [
  [FuseV1Options.RunAsNode, FuseState.DISABLE, 'RunAsNode'],
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable, FuseState.DISABLE, 'NodeOptions'],
  [FuseV1Options.EnableNodeCliInspectArguments, FuseState.DISABLE, 'NodeCliInspect'],
  [FuseV1Options.OnlyLoadAppFromAsar, FuseState.ENABLE, 'OnlyLoadAppFromAsar'],
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation, FuseState.ENABLE, 'EmbeddedAsarIntegrityValidation'],
  [FuseV1Options.EnableCookieEncryption, FuseState.ENABLE, 'CookieEncryption'],
  // Kith never loads file:// (issue 18).
  [FuseV1Options.GrantFileProtocolExtraPrivileges, FuseState.DISABLE, 'GrantFileProtocolExtraPrivileges'],
];

/** Where electron-builder leaves the unpacked app on each platform (--dir output and the step before installers). */
function packagedApps() {
  if (!fs.existsSync(dist)) return [];
  const found = [];
  for (const entry of fs.readdirSync(dist, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const folder = path.join(dist, entry.name);
    if (/^linux(-[\w]+)?-unpacked$/.test(entry.name)) {
      for (const name of ['kith', 'Kith']) if (fs.existsSync(path.join(folder, name))) found.push(path.join(folder, name));
    } else if (/^win(-[\w]+)?-unpacked$/.test(entry.name)) {
      if (fs.existsSync(path.join(folder, 'Kith.exe'))) found.push(path.join(folder, 'Kith.exe'));
    } else if (/^mac(-[\w]+)?$/.test(entry.name)) {
      const exe = path.join(folder, 'Kith.app', 'Contents', 'MacOS', 'Kith');
      // The fuse wire lives in the Electron Framework on macOS; getCurrentFuseWire accepts the .app or the executable.
      if (fs.existsSync(exe)) found.push(exe);
    }
  }
  return found;
}

const targets = process.argv.slice(2).length ? process.argv.slice(2).map((p) => path.resolve(p)) : packagedApps();
if (targets.length === 0) {
  console.error(
    `check-fuses: found no packaged Kith under ${path.relative(root, dist) || 'dist'}/ ` +
      '(looked for linux-unpacked/kith, win-unpacked/Kith.exe, mac*/Kith.app). ' +
      'Package it first with `npm run dist` (needs to download Electron), or pass the path of a packaged Electron executable.',
  );
  process.exit(1);
}

const label = (state) => (state === FuseState.ENABLE ? 'on' : state === FuseState.DISABLE ? 'off' : state === FuseState.REMOVED ? 'removed' : 'inherited');
let failed = false;
for (const target of targets) {
  if (!fs.existsSync(target)) {
    console.error(`check-fuses: ${target} does not exist.`);
    failed = true;
    continue;
  }
  const wire = await getCurrentFuseWire(target);
  const problems = [];
  for (const [fuse, want, name] of REQUIRED) {
    const got = wire[fuse];
    if (got !== want) problems.push(`${name} is ${label(got)}, must be ${label(want)}`);
  }
  const where = path.relative(root, target) || target;
  if (problems.length) {
    failed = true;
    console.error(`check-fuses: ${where}: ${problems.join('; ')}`);
  } else {
    console.log(`check-fuses: ${where}: ${REQUIRED.map(([, want, name]) => `${name} ${label(want)}`).join(', ')}`);
  }
}
process.exit(failed ? 1 : 0);
