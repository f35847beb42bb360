// Which Chromium the end-to-end tests drive. Playwright's own browser download
// is not always possible (offline machines, distro-packaged CI), so a system
// Chromium is preferred and Playwright's download is the last resort.
import fs from 'node:fs';
import { chromium } from 'playwright-core';

/** Flags headless Chromium needs in containers (no setuid sandbox, no GPU) and to keep it from calling home. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export interface ChromiumChoice {
  executablePath: string;
  /** Where the path came from, for the test log. */
  source: string;
}

export function resolveChromium(env: NodeJS.ProcessEnv = process.env): ChromiumChoice {
  for (const name of ['KITH_CHROMIUM', 'CHROME_PATH'] as const) {
    const value = env[name]?.trim();
    if (!value) continue;
    // An explicit choice that is wrong is an error, not a reason to silently use another browser.
    if (!fs.existsSync(value)) throw new Error(`${name} is set to ${value}, but no file exists there. Point it at a Chromium or Chrome executable, or unset it.`);
    return { executablePath: value, source: name };
  }
  for (const candidate of SYSTEM_CHROMIUMS) {
    if (fs.existsSync(candidate)) return { executablePath: candidate, source: 'system' };
  }
  let downloaded: string | null = null;
  try {
    downloaded = chromium.executablePath();
  } catch {
    downloaded = null; // no browser registry entry for this platform
  }
  if (downloaded && fs.existsSync(downloaded)) return { executablePath: downloaded, source: 'playwright' };
  throw new Error(
    'No Chromium found for the end-to-end tests. Install one: `apt-get install chromium` (Debian/Ubuntu), ' +
      'or `npx playwright install chromium` on a machine with internet access, ' +
      'or set KITH_CHROMIUM to the path of a Chromium or Chrome executable.',
  );
}
