// Issue 11: "now", "today" and the time zone come from shared/clock.ts only,
// so every test can pin them. ESLint says the same (eslint.config.js,
// clockRules); this scan also catches what an eslint-disable comment would
// hide, and holds the allow-list with the reason for each entry.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCANNED = ['main', 'shared', 'renderer', 'test', 'scripts'];

/** Files allowed to read the host's time directly, and why. */
const ALLOWED: Record<string, string> = {
  'shared/clock.ts': 'the clock itself: its system clock is the one place that reads the host time and zone',
  'test/bench/run.ts': "records when a benchmark report was generated (report metadata, not the app's time)",
  'scripts/native-electron.mjs': "stamps when the Electron native module was built (build tooling, not the app's time)",
  'test/unit/clock-guard.test.ts': 'this scan names the patterns it forbids',
  'test/e2e/dates.spec.ts': "reads the page's own Date.now() inside the browser, to prove Playwright's clock pinned it",
};

const FORBIDDEN: { name: string; pattern: RegExp }[] = [
  { name: 'Date.now()', pattern: /\bDate\.now\s*\(/ },
  { name: 'new Date() without arguments', pattern: /\bnew\s+Date\s*\(\s*\)/ },
  { name: 'Date() called as a function', pattern: /(?<![\w.]|new\s)Date\s*\(/ },
  { name: 'Intl.DateTimeFormat(...).format() without a date', pattern: /DateTimeFormat\s*\([^()]*(?:\([^()]*\)[^()]*)*\)\s*\.format\s*\(\s*\)/ },
  { name: 'performance.timeOrigin', pattern: /\bperformance\.timeOrigin\b/ },
  { name: 'Temporal.Now', pattern: /\bTemporal\.Now\b/ },
];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name === 'fixtures' || rel === path.join('test', 'e2e', 'hostile')) continue;
      out.push(...sourceFiles(rel));
    } else if (/\.(?:ts|tsx|mts|cts|js|mjs|cjs)$/.test(entry.name)) {
      out.push(rel.split(path.sep).join('/'));
    }
  }
  return out;
}

/** The code with comments blanked out (strings kept: a pattern inside a string is harmless but rare enough to flag). */
function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/(^|[^:\\'"`])\/\/.*$/gm, '$1');
}

describe('one clock (issue 11)', () => {
  const files = SCANNED.flatMap(sourceFiles);

  it('scans the sources', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain('shared/clock.ts');
  });

  it('no source reads the host time or zone outside shared/clock.ts and the allow-list', () => {
    const found: string[] = [];
    for (const file of files) {
      if (ALLOWED[file]) continue;
      const lines = withoutComments(fs.readFileSync(path.join(ROOT, file), 'utf8')).split('\n');
      lines.forEach((line, i) => {
        for (const { name, pattern } of FORBIDDEN) if (pattern.test(line)) found.push(`${file}:${i + 1}: ${name}`);
      });
    }
    expect(found).toEqual([]);
  });

  it('the scan recognises each forbidden form', () => {
    const samples = ['const t = Date.now();', 'const d = new Date();', 'const s = Date();', 'Intl.DateTimeFormat().format()', 'new Intl.DateTimeFormat("en", { month: "long" }).format()', 'performance.timeOrigin', 'Temporal.Now.instant()'];
    for (const sample of samples) expect(FORBIDDEN.some(({ pattern }) => pattern.test(sample)), sample).toBe(true);
    const fine = ['new Date(0)', 'new Date(iso)', 'formatter.format(date)', 'Intl.DateTimeFormat().resolvedOptions()', 'performance.now()', 'isValidDate(x)', 'toDate(x)'];
    for (const sample of fine) expect(FORBIDDEN.some(({ pattern }) => pattern.test(sample)), sample).toBe(false);
  });

  it('every allow-listed file exists and still needs its entry', () => {
    for (const file of Object.keys(ALLOWED)) {
      const code = withoutComments(fs.readFileSync(path.join(ROOT, file), 'utf8'));
      expect(FORBIDDEN.some(({ pattern }) => pattern.test(code)), file).toBe(true);
    }
  });
});
